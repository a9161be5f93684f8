"""Round 11's blind set: 10 UN PDF originals of 5 to 13 pages and 10 corpus texts of kinds the
earlier rounds drew least (long Security Council and Main Committee drafts, decisions in parts),
drawn from listing fields only (tests/parsing/blind12/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind12"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_20_documents() -> None:
    assert len(gold_names(FOLDER)) == 20


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
