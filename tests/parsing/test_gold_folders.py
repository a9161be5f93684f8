"""Every document in the gold folders parses to its hand-made gold structure.

`documents/` is the tuned set (formats the seeds lack); `blind/`, `blind2/` and `blind3/` are the
out-of-sample rounds, written before the parser was read (see docs/parsing.md). The misses still
open are listed in OPEN_MISSES (strict xfail: fixing one turns its test red until it is removed);
the seeds in `samples/` are checked by test_seeds.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .gold import (
    assert_metadata,
    assert_paragraphs,
    assert_references,
    assert_sponsors,
    gold_names,
    load,
)

HERE = Path(__file__).resolve().parent
FOLDERS = ("documents", "blind", "blind2", "blind3")
# Misses still open: (test id, check) -> reason (see docs/parsing.md, round 3, "Still open").
OPEN_MISSES: dict[tuple[str, str], str] = {}
# Test ids read "<folder>/<document>", e.g. "blind2/<name>".
DOCUMENTS = [
    (HERE / folder, name, f"{folder}/{name}")
    for folder in FOLDERS
    for name in gold_names(HERE / folder)
]


def cases(check: str) -> list:
    """The documents as test parameters, open misses of `check` marked as expected failures."""
    return [
        pytest.param(
            directory,
            name,
            id=test_id,
            marks=[pytest.mark.xfail(reason=OPEN_MISSES[test_id, check], strict=True)]
            if (test_id, check) in OPEN_MISSES
            else [],
        )
        for directory, name, test_id in DOCUMENTS
    ]


@pytest.mark.parametrize("folder", ["blind", "blind2"])
def test_each_blind_round_has_twelve_documents(folder: str) -> None:
    assert len(gold_names(HERE / folder)) == 12


def test_blind_round_3_has_ten_documents() -> None:
    assert len(gold_names(HERE / "blind3")) == 10


@pytest.mark.parametrize(("directory", "name"), cases("metadata"))
def test_metadata_matches_gold(directory: Path, name: str) -> None:
    assert_metadata(*load(directory, name))


@pytest.mark.parametrize(("directory", "name"), cases("paragraphs"))
def test_paragraphs_match_gold(directory: Path, name: str) -> None:
    assert_paragraphs(*load(directory, name))


@pytest.mark.parametrize(("directory", "name"), cases("references"))
def test_sponsors_and_references_match_gold(directory: Path, name: str) -> None:
    parsed, gold = load(directory, name)
    assert_sponsors(parsed, gold)
    assert_references(parsed, gold)
