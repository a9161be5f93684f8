"""Round 10's blind set: 20 texts of the shared corpus favouring what earlier rounds covered least
(decisions of sessions 71-74 and long ones, Security Council drafts of 1997-2024, long
resolutions), drawn from the manifest (tests/parsing/blind11/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind11"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_20_documents() -> None:
    assert len(gold_names(FOLDER)) == 20


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
