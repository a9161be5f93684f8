"""Draw operative paragraphs to label for addressees (provenance of the "other-bodies",
"blind-3", "blind-4", "blind-5" and "blind-6" splits of addressees_labelled.json).

Run by hand on the unpacked shared corpus (the product never reads it):

    PYTHONPATH=. python tests/lineage/data/sample_addressees.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261226 other-bodies
    PYTHONPATH=. python tests/lineage/data/sample_addressees.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261227 blind-3
    PYTHONPATH=. python tests/lineage/data/sample_addressees.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261228 blind-4
    PYTHONPATH=. python tests/lineage/data/sample_addressees.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261231 blind-5
    PYTHONPATH=. python tests/lineage/data/sample_addressees.py /tmp/un-texts \
        ../shared/corpus/MANIFEST.tsv out.json 20261236 blind-6

The development and held-out splits are operative paragraphs of GA resolutions (sessions 78-80).
The corpus holds beyond them Security Council drafts, GA decisions (sessions 71-80) and GA drafts
(session 80), and no texts of other bodies. Every file of the split's sources is split into
paragraphs by resolutions.parsing.parse_file; operative paragraphs are kept (spaces collapsed),
texts of the splits labelled before it (development, held-out and those before it in SAMPLES)
are left out, so that each draw is reproduced as it was made, and each text is drawn once (at
the first of its occurrences in the seeded order). SAMPLES gives how many paragraphs each split
draws from each source, in the order the sources are shuffled; a source with fewer gives all it
has. The classifier is not run. A draw reproduces with the parser of the commit that added its
split: a later change to the parser can split some texts otherwise.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

from resolutions.parsing import ParseError, parse_file

SOURCES = {
    "resolution": "ga-resolutions",
    "sc-draft": "sc-drafts",
    "decision": "ga-decisions",
    "draft": "ga-drafts",
}
SAMPLES = {
    "other-bodies": {"sc-drafts": 42, "ga-decisions": 42, "ga-drafts": 42},
    "blind-3": {"ga-resolutions": 60, "sc-drafts": 20, "ga-decisions": 20, "ga-drafts": 20},
    "blind-4": {"ga-resolutions": 60, "sc-drafts": 20, "ga-decisions": 20, "ga-drafts": 20},
    "blind-5": {"ga-resolutions": 60, "sc-drafts": 20, "ga-decisions": 20, "ga-drafts": 20},
    "blind-6": {"ga-resolutions": 60, "sc-drafts": 20, "ga-decisions": 20, "ga-drafts": 20},
}
LABELLED = Path(__file__).with_name("addressees_labelled.json")


def main(corpus: Path, manifest: Path, out: Path, seed: int, split: str) -> None:
    sizes = SAMPLES[split]
    later = list(SAMPLES)[list(SAMPLES).index(split) :]
    rows = {row["file"]: row for row in csv.DictReader(manifest.open(), delimiter="\t")}
    seen = {
        " ".join(p["text"].split())
        for p in json.loads(LABELLED.read_text(encoding="utf-8"))["paragraphs"]
        if p["split"] not in later
    }
    pools: dict[str, list[tuple[str, int, str]]] = {source: [] for source in sizes}
    for file, row in sorted(rows.items()):
        source = SOURCES.get(row["kind"])
        if source not in pools:
            continue
        try:
            document = parse_file((corpus / file).read_bytes(), filename=file)
        except ParseError:
            continue
        for index, paragraph in enumerate(document.paragraphs):
            text = " ".join(paragraph.text.split())
            if paragraph.kind == "operative" and text not in seen:
                pools[source].append((file, index, text))
    rng = random.Random(seed)
    drawn = []
    for source, pool in pools.items():
        rng.shuffle(pool)
        firsts: dict[str, tuple[str, int, str]] = {}
        for occurrence in pool:
            firsts.setdefault(occurrence[2], occurrence)
        print(source, len(pool), "operative paragraphs,", len(firsts), "distinct texts")
        for file, index, text in list(firsts.values())[: sizes[source]]:
            row = rows[file]
            drawn.append(
                {
                    "split": split,
                    "source": source,
                    "file": file,
                    "sha256": row["sha256"],
                    "symbol": row["symbol"],
                    "body": row["body"],
                    "index": index,
                    "text": text,
                }
            )
    out.write_text(
        json.dumps({"seed": seed, "paragraphs": drawn}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
