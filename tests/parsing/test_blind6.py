"""Out-of-sample round 6: 22 corpus texts not used before, drawn by manifest fields
(tests/parsing/blind6/README.md).

Each document is checked against its hand-made gold; the misses still open are strict expected
failures naming their kind (docs/parsing.md, round 6), so fixing one turns its test red until it
is taken off the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .gold import (
    assert_metadata,
    assert_paragraphs,
    assert_references,
    assert_sponsors,
    gold_cases,
    gold_names,
    load,
)

FOLDER = Path(__file__).resolve().parent / "blind6"
OPEN_MISSES: dict[tuple[str, str], str] = {}


def cases(check: str) -> list:
    return gold_cases(FOLDER, OPEN_MISSES, check)


def test_round_6_has_22_documents() -> None:
    assert len(gold_names(FOLDER)) == 22


@pytest.mark.parametrize("name", cases("metadata"))
def test_metadata_matches_gold(name: str) -> None:
    assert_metadata(*load(FOLDER, name))


@pytest.mark.parametrize("name", cases("paragraphs"))
def test_paragraphs_match_gold(name: str) -> None:
    assert_paragraphs(*load(FOLDER, name))


@pytest.mark.parametrize("name", cases("references"))
def test_sponsors_and_references_match_gold(name: str) -> None:
    parsed, gold = load(FOLDER, name)
    assert_sponsors(parsed, gold)
    assert_references(parsed, gold)
