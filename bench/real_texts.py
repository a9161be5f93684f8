"""The real UN texts of the shared corpus (`../shared/corpus`), read for benchmarks only.

The archive never reads them at run time: the realistic benchmark corpus (`realistic.py`) and
the ranking evaluation (`evaluation.py`) take them as input, from the folder `--corpus` names
(by default `shared/corpus` beside the project). The folder holds `un-texts.tar.xz` (one `.txt`
per document) and `MANIFEST.tsv` (file, symbol, kind, body, session_or_year, ...).
"""

from __future__ import annotations

import csv
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DEFAULT_CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus"
ARCHIVE_NAME = "un-texts.tar.xz"
MANIFEST_NAME = "MANIFEST.tsv"


class CorpusMissing(Exception):
    """The corpus folder lacks its archive or manifest."""


@dataclass(frozen=True)
class RealText:
    """One real document's text and what the manifest says of it."""

    file: str
    symbol: str
    kind: str
    body: str
    session: str
    text: str


def read_manifest(corpus: Path) -> dict[str, dict[str, str]]:
    """The manifest's rows by file name."""
    path = corpus / MANIFEST_NAME
    if not path.is_file():
        raise CorpusMissing(
            f"No {MANIFEST_NAME} in {corpus}: pass --corpus with the corpus folder."
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def read_texts(corpus: Path = DEFAULT_CORPUS) -> list[RealText]:
    """Every text of the corpus, sorted by file name (the same order on every run)."""
    manifest = read_manifest(corpus)
    archive = corpus / ARCHIVE_NAME
    if not archive.is_file():
        raise CorpusMissing(f"No {ARCHIVE_NAME} in {corpus}: pass --corpus with the corpus folder.")
    texts: list[RealText] = []
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            name = Path(member.name).name
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None or name not in manifest:
                continue
            row = manifest[name]
            texts.append(
                RealText(
                    file=name,
                    symbol=row["symbol"],
                    kind=row["kind"],
                    body=row["body"],
                    session=row["session_or_year"],
                    text=handle.read().decode("utf-8"),
                )
            )
    return sorted(texts, key=lambda text: text.file)
