"""Count, over the shared corpus, the recalls of one resolution the words join, by their titles.

Run by hand on the unpacked shared corpus (the product never reads it):

    PYTHONPATH=. python tests/lineage/data/series_in_corpus.py /tmp/un-texts

Every file is parsed by resolutions.parsing.parse_file; a document's title is the one the archive
would store (the parsed title, else the symbol, else the file name). Of its paragraphs that
recall one resolution and nothing else (lineage/series.py), each pair from two documents that
names other resolutions of other sessions and that the words join (lineage/verification.py) is
counted by whether its titles are alike and whether one document is the resolution the other
recalls (a series' chain, known without the titles). Figures in docs/lineage.md.
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

from rapidfuzz.distance import Indel

from resolutions.lineage.series import recalled_resolution, titles_alike
from resolutions.lineage.verification import masked_words, same_family, wording_of
from resolutions.parsing import ParseError, parse_file


def recalls_in(folder: Path) -> list[tuple]:
    """(file, symbol, title, resolution, wording) of each recall of one resolution."""
    found = []
    for path in sorted(folder.iterdir()):
        try:
            parsed = parse_file(path.read_bytes(), filename=path.name)
        except ParseError:
            continue
        title = (parsed.title or "").strip() or parsed.symbol or path.name
        for paragraph in parsed.paragraphs:
            wording = wording_of(paragraph.text)
            if resolution := recalled_resolution(wording):
                found.append((path.name, parsed.symbol or "", title, resolution, wording))
    return found


def main(folder: str) -> None:
    recalls = recalls_in(Path(folder))
    print(f"{len(recalls)} paragraphs in {len({r[0] for r in recalls})} documents")
    kinds: Counter = Counter()
    similarities: Counter = Counter()
    for a, b in combinations(recalls, 2):
        if a[0] == b[0] or a[3].split("/")[0] == b[3].split("/")[0]:
            continue  # one document; one session (rule 2 parts those)
        if not same_family(a[4], b[4]):
            continue
        chained = a[1].endswith(f"/RES/{b[3]}") or b[1].endswith(f"/RES/{a[3]}")
        kinds[(titles_alike(a[2], b[2]), chained)] += 1
        similarity = Indel.normalized_similarity(masked_words(a[2]), masked_words(b[2]))
        similarities[round(similarity, 1)] += 1
    print(f"{sum(kinds.values())} pairs joined by the words")
    for (alike, chained), n in sorted(kinds.items()):
        print(f"titles alike {alike}, chained {chained}: {n}")
    print("title similarity:", sorted(similarities.items()))


if __name__ == "__main__":
    main(sys.argv[1])
