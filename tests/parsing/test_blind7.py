"""Confirmation set of round 6: 10 corpus texts drawn after the round's fixes
(tests/parsing/blind7/README.md), scored once; open misses are strict expected failures."""

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

FOLDER = Path(__file__).resolve().parent / "blind7"
# Its one open kind (part letters printed with a full stop, "A.", "B.") was fixed in round 7.
OPEN_MISSES: dict[tuple[str, str], str] = {}


def cases(check: str) -> list:
    return gold_cases(FOLDER, OPEN_MISSES, check)


def test_the_confirmation_set_has_10_documents() -> None:
    assert len(gold_names(FOLDER)) == 10


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
