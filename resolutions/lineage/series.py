"""What only the documents tell: whether two recalls of a resolution are of one series.

"Recalling its resolution 77/75 of 7 December 2022," and "Recalling its resolution 78/85 of 7
December 2023," have the same words, numbers masked. In two documents of one series (a yearly
resolution on one subject recalling the one before) the second is the first's update, one
family; in documents on other subjects they cite other documents, other families (labelling
rules, docs/lineage.md). The words cannot tell: the documents' titles do. Pure Python (no
django), like lineage/verification.py, whose rules decide every other pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz.distance import Indel

from .verification import Wording, masked_words

# Titles of one series: "Questions relating to the proposed programme budget for 2025" / "...
# for 2026" (numbers masked), "Question of Guam" against "Question of Pitcairn" not.
SERIES_TITLE_MATCH = 0.8
# A paragraph that recalls one resolution and says nothing else: its opening verb (with an
# adverb: "Recalling also", "Further recalling", "Bearing in mind"), the resolution, its date,
# and at most a closing phrase naming neither a document nor a subject ("and all previous relevant
# resolutions", "as well as its previous resolutions on the question").
RECALL_RE = re.compile(
    r"(?:[A-Za-z]+ ){1,3}(?:its |General Assembly )?resolution (?P<resolution>\d{1,3}/\d{1,4}) "
    r"of \d{1,2} [A-Z][a-z]+ \d{4}"
    r"(?:,? (?:and|as well as) (?:all )?(?:its )?(?:(?:other|previous|subsequent|relevant) )*"
    r"resolutions(?: on the (?:question|subject|matter|issue))?)?[,;.]?"
)


def recalled_resolution(wording: Wording) -> str | None:
    """The resolution a paragraph recalls and nothing else ("77/75"; a closing "and all previous
    relevant resolutions" names nothing else), else None."""
    if "resolution" not in wording.body:
        return None
    match = RECALL_RE.fullmatch(wording.body)
    return match["resolution"] if match else None


def titles_alike(a: str, b: str) -> bool:
    """Whether two documents' titles name one series: their words, numbers masked, alike at
    SERIES_TITLE_MATCH."""
    return Indel.normalized_similarity(masked_words(a), masked_words(b)) >= SERIES_TITLE_MATCH


def other_series(a: Wording, b: Wording, titles: Callable[[], tuple[str, str]]) -> bool:
    """Whether two paragraphs each recalling another resolution and nothing else are of
    documents of other series (`titles` gives the two documents' titles, asked for only then):
    they cite other documents, however alike their words."""
    recalled = recalled_resolution(a)
    if recalled is None:
        return False
    other = recalled_resolution(b)
    return other is not None and other != recalled and not titles_alike(*titles())
