"""Round 16's blind set: 10 UN PDF originals (Main Committee and plenary drafts, three of them
amendments and one a draft decision, and three resolutions) and 5 corpus texts (drafts printing
their sponsors, decisions of sessions 72, 75 and 76), drawn from listing fields only
(tests/parsing/blind17/README.md); no kind of miss stays open."""

from __future__ import annotations

from pathlib import Path

from .gold import blind_set_tests, gold_names

FOLDER = Path(__file__).resolve().parent / "blind17"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def test_the_blind_set_has_15_documents() -> None:
    assert len(gold_names(FOLDER)) == 15


(
    test_metadata_matches_gold,
    test_paragraphs_match_gold,
    test_sponsors_and_references_match_gold,
) = blind_set_tests(FOLDER, OPEN_MISSES)
