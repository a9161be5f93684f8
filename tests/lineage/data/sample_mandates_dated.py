"""Draw operative paragraphs rich in dated requests (provenance of mandates_dated.json).

Run by hand on the unpacked shared corpus (the product never reads it):

    python tests/lineage/data/sample_mandates_dated.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261226

Every file is split into paragraphs by resolutions.parsing.parse_file; operative paragraphs are
kept (spaces collapsed). Stratum "dated": the paragraph asks the Secretary-General, the United
Nations Office on Drugs and Crime or the Executive Director ("requests", "invites", "reiterates
its request to", "decided to request"), holds a report verb and a time: a session by its number,
a year or "within N days, weeks or months". Stratum "other": any other paragraph of the
strata of sample_mandates.py ("asked" or "near"). Each stratum is shared equally among four
sources, Security Council drafts, GA decisions, GA resolutions and GA drafts; a source with fewer
paragraphs than its share gives them all and the rest is shared among the others. Texts of the
two earlier sets (mandates_labelled.json, mandates_blind.json) are left out, and each text is
drawn once (at the first of its occurrences in the seeded order). The extraction is not run.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from sample_mandates import OFFICE, draw, stratum_of, write

from resolutions.parsing import ParseError, parse_file

REQUEST_RE = re.compile(
    rf"\b(?:requests?|invites?|reiterates\s+(?:the|its)\s+requests?\s+to)\s+the\s+{OFFICE}",
    re.IGNORECASE,
)
VERB_RE = re.compile(r"\b(?:report|submit|inform|brief|present|apprise)", re.IGNORECASE)
TIME_RE = re.compile(
    r"\b(?:(?:at|during|by|before|to) its (?!next\b|current\b|present\b)[a-z]+(?:[- ][a-z]+)?"
    r" session|20\d\d|19\d\d|within \w+ (?:days|weeks|months))\b",
    re.IGNORECASE,
)
SIZES = {"dated": 40, "other": 20}
SOURCES = ("sc-drafts", "ga-decisions", "ga-resolutions", "ga-drafts")
EARLIER = ("mandates_labelled.json", "mandates_blind.json")


def source_of(row: dict[str, str]) -> str:
    """The source a manifest row belongs to."""
    return {
        "sc-draft": "sc-drafts",
        "decision": "ga-decisions",
        "resolution": "ga-resolutions",
    }.get(row["kind"], "ga-drafts")


def dated_stratum_of(text: str) -> str | None:
    """ "dated", "other" or None (in neither)."""
    if REQUEST_RE.search(text) and VERB_RE.search(text) and TIME_RE.search(text):
        return "dated"
    return "other" if stratum_of(text) else None


def main(corpus: Path, manifest: Path, out: Path, seed: int) -> None:
    rows = {row["file"]: row for row in csv.DictReader(manifest.open(), delimiter="\t")}
    here = Path(__file__).parent
    seen = {
        " ".join(p["text"].split())
        for name in EARLIER
        for p in json.loads((here / name).read_text(encoding="utf-8"))["paragraphs"]
    }
    pools: dict[tuple[str, str], list[tuple[str, int, str]]] = {
        (stratum, source): [] for stratum in SIZES for source in SOURCES
    }
    for file, row in sorted(rows.items()):
        try:
            document = parse_file((corpus / file).read_bytes(), filename=file)
        except ParseError:
            continue
        for index, paragraph in enumerate(document.paragraphs):
            text = " ".join(paragraph.text.split())
            if paragraph.kind == "operative" and (stratum := dated_stratum_of(text)):
                pools[stratum, source_of(row)].append((file, index, text))
    write(out, seed, draw(pools, rows, seen, SIZES, seed))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
