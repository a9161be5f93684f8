"""Round 8's blind set: 20 General Assembly documents as their original PDF files, drawn from a
repository's file listing (tests/parsing/blind9/README.md); open misses are strict expected
failures naming their kind."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind9"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_20_documents() -> None:
    assert len(gold_names(FOLDER)) == 20


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
