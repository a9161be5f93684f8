"""Round 14's blind set: 6 UN PDF originals (Main and Fifth Committee drafts, a plenary draft)
and 9 corpus texts (Council drafts, decisions of sessions 72-76, a Main Committee draft), drawn
from listing fields only (tests/parsing/blind15/README.md); its one open kind, a Council
resolution named by number and year alone, was fixed in round 15."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind15"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_15_documents() -> None:
    assert len(gold_names(FOLDER)) == 15


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
