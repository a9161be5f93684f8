"""Give each side of labelled_pairs.json the title of its document (provenance of "title").

Run by hand on the unpacked shared corpus (the product never reads it):

    PYTHONPATH=. python tests/lineage/data/add_titles.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv tests/lineage/data/labelled_pairs.json

Each file named by a side is checked against the SHA-256 the side names and parsed by
resolutions.parsing.parse_file; its title is the one the archive would store: the parsed title,
else the side's symbol, else its file name (ingest falls back to the document's key). The
family decision reads titles only for recalls of one resolution (lineage/series.py).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from resolutions.parsing import parse_file


def title_of(path: Path, side: dict) -> str:
    """The title the archive would give the side's document."""
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != side["sha256"]:
        raise SystemExit(f"{path.name}: not the file the pair was labelled on")
    title = parse_file(data, filename=path.name).title
    return (title or "").strip() or side.get("symbol") or side["file"]


def main(texts: str, manifest: str, pairs_path: str) -> None:
    known = {line.split("\t")[0] for line in Path(manifest).read_text().splitlines()[1:]}
    data = json.loads(Path(pairs_path).read_text(encoding="utf-8"))
    titles: dict[str, str] = {}
    for pair in data["pairs"]:
        for side in (pair["a"], pair["b"]):
            if side["file"] not in known:
                raise SystemExit(f"{side['file']}: not in the manifest")
            if side["file"] not in titles:
                titles[side["file"]] = title_of(Path(texts) / side["file"], side)
            side["title"] = titles[side["file"]]
    data["titles"] = (
        "Each side's title: its document's, as the archive would store it (the parsed title, "
        "else the symbol, else the file name), added by tests/lineage/data/add_titles.py from "
        "the same files; read by the family decision for recalls of one resolution only."
    )
    Path(pairs_path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
