"""Round 13's blind set: 10 UN PDF originals (Fifth Committee drafts, sponsored drafts, a
resolution of 21 pages) and 10 corpus texts (Council drafts, decisions of sessions 71-80, a
Main Committee note, a resolution), drawn from listing fields only
(tests/parsing/blind14/README.md); two kinds of miss stay open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

TABLE_IN_SMALL_PRINT = (
    "a PDF's table printed in small type: its pages without running text dropped as notes, its "
    "row numbers read as note markers (and the notes of a later page lost with them)"
)
TABLE_HEADINGS_AT_PAGE_TOP = (
    "a PDF's table opening at a page top: its column headings dropped with their repeats on "
    "the later page tops"
)
OPEN_MISSES: dict[tuple[str, str], str] = {
    ("A_C.5_80_L.6", "paragraphs"): TABLE_IN_SMALL_PRINT,
    ("A_C.5_80_L.6", "references"): TABLE_IN_SMALL_PRINT,
    ("A_C.4_80_L.1", "paragraphs"): TABLE_HEADINGS_AT_PAGE_TOP,
}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind14"
    size = 20
    open_misses = OPEN_MISSES
