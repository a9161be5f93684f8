"""Round 12's blind set: 3 UN PDF originals of 10 to 14 pages and 17 corpus texts of kinds the
earlier rounds drew least (Council drafts, sponsored drafts, decisions of sessions 76-80, long
texts), drawn from listing fields only (tests/parsing/blind13/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind13"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_20_documents() -> None:
    assert len(gold_names(FOLDER)) == 20


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
