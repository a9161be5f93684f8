"""Draw operative paragraphs to label for mandates (provenance of mandates_blind.json).

Run by hand on the unpacked shared corpus (the product never reads it):

    python tests/lineage/data/sample_mandates.py /tmp/un-texts ../shared/corpus/MANIFEST.tsv \
        out.json 20261208

Every file is split into paragraphs by resolutions.parsing.parse_file; operative paragraphs are
kept (spaces collapsed). Stratum "asked": the paragraph requests the Secretary-General, the
United Nations Office on Drugs and Crime or the Executive Director ("requests the ..."); stratum
"near": any other that names one of those offices or the Secretariat, a report verb, and a
session or year. These are the strata of the first set (mandates_labelled.json, GA resolutions
and drafts of sessions 78-80, seed 20261207, whose script was not kept): this one finds the same
2,178 "asked" paragraphs there and 407 "near" ones (403 in the first draw).

This draw favours the texts the first set did not cover: each stratum is shared equally among
three sources, Security Council drafts, GA decisions of sessions 71-77 and GA resolutions and
drafts of sessions 78-80; a source with fewer paragraphs than its share gives them all and the
rest is shared among the others. Texts of the first set are left out, and each text is drawn
once (at the first of its occurrences in the seeded order). The extraction is not run.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

from resolutions.parsing import ParseError, parse_file

OFFICE = r"(?:Secretary[- ]General|United Nations Office on Drugs and Crime|Executive Director)"
ASKED_RE = re.compile(rf"\brequests?\s+the\s+{OFFICE}", re.IGNORECASE)
OFFICE_RE = re.compile(rf"{OFFICE}|Secretariat", re.IGNORECASE)
VERB_RE = re.compile(r"\b(?:report|submit|inform|brief|present)", re.IGNORECASE)
TIME_RE = re.compile(r"\b(?:session|20\d\d|19\d\d)\b", re.IGNORECASE)
SIZES = {"asked": 40, "near": 20}
SOURCES = ("sc-drafts", "ga-decisions-71-77", "ga-78-80")
FIRST_SET = Path(__file__).with_name("mandates_labelled.json")


def source_of(row: dict[str, str]) -> str | None:
    """The source a manifest row belongs to, or None when it is in none of them."""
    if row["kind"] == "sc-draft":
        return "sc-drafts"
    if row["kind"] == "decision":
        return "ga-decisions-71-77" if int(row["session_or_year"]) <= 77 else None
    return "ga-78-80" if row["kind"] in ("resolution", "draft") else None


def stratum_of(text: str) -> str | None:
    """ "asked", "near" or None (neither)."""
    if ASKED_RE.search(text):
        return "asked"
    if OFFICE_RE.search(text) and VERB_RE.search(text) and TIME_RE.search(text):
        return "near"
    return None


# Occurrences of a text: (file, paragraph index, text).
Pool = list[tuple[str, int, str]]


def shares(size: int, available: dict[str, int]) -> dict[str, int]:
    """Split size equally among the sources (available's keys, in order); one that has fewer
    gives all it has."""
    share: dict[str, int] = {}
    open_sources = list(available)
    left = size
    while open_sources:
        each, extra = divmod(left, len(open_sources))
        short = [s for s in open_sources if available[s] < each]
        if not short:
            for k, source in enumerate(open_sources):
                share[source] = each + (k < extra)
            break
        for source in short:
            share[source] = available[source]
            left -= available[source]
            open_sources.remove(source)
    return share


def main(corpus: Path, manifest: Path, out: Path, seed: int) -> None:
    rows = {row["file"]: row for row in csv.DictReader(manifest.open(), delimiter="\t")}
    seen = {
        " ".join(p["text"].split())
        for p in json.loads(FIRST_SET.read_text(encoding="utf-8"))["paragraphs"]
    }
    pools: dict[tuple[str, str], Pool] = {
        (stratum, source): [] for stratum in SIZES for source in SOURCES
    }
    for file, row in sorted(rows.items()):
        source = source_of(row)
        if source is None:
            continue
        try:
            document = parse_file((corpus / file).read_bytes(), filename=file)
        except ParseError:
            continue
        for index, paragraph in enumerate(document.paragraphs):
            text = " ".join(paragraph.text.split())
            if paragraph.kind == "operative" and (stratum := stratum_of(text)):
                pools[stratum, source].append((file, index, text))
    write(out, seed, draw(pools, rows, seen, SIZES, seed))


def draw(
    pools: dict[tuple[str, str], Pool],
    rows: dict[str, dict[str, str]],
    seen: set[str],
    sizes: dict[str, int],
    seed: int,
) -> list[dict]:
    """Each stratum's size shared among its sources (`shares`), from each pool shuffled by the
    seed, a text drawn once (at its first occurrence) and never one of `seen`."""
    sources = list(dict.fromkeys(source for _stratum, source in pools))
    rng = random.Random(seed)
    drawn = []
    for stratum, size in sizes.items():
        available = {}
        for source in sources:
            pool = pools[stratum, source]
            rng.shuffle(pool)
            firsts: dict[str, tuple[str, int, str]] = {}
            for occurrence in pool:
                if occurrence[2] not in seen:
                    firsts.setdefault(occurrence[2], occurrence)
            pools[stratum, source] = list(firsts.values())
            available[source] = len(firsts)
        for source, count in shares(size, available).items():
            for file, index, text in pools[stratum, source][:count]:
                row = rows[file]
                drawn.append(
                    {
                        "stratum": stratum,
                        "source": source,
                        "file": file,
                        "sha256": row["sha256"],
                        "symbol": row["symbol"],
                        "body": row["body"],
                        "index": index,
                        "text": text,
                    }
                )
        print(stratum, {s: len(pools[stratum, s]) for s in sources}, shares(size, available))
    return drawn


def write(out: Path, seed: int, drawn: list[dict]) -> None:
    out.write_text(
        json.dumps({"seed": seed, "paragraphs": drawn}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
