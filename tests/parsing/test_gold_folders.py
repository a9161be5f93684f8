"""Every document in the gold folders parses to its hand-made gold structure.

`documents/` is the tuned set (formats the seeds lack); `blind/` and `blind2/` are the two
out-of-sample rounds, written before the parser was read (see docs/parsing.md). No misses are
open in either round; the seeds in `samples/` are checked by test_seeds.py.
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
FOLDERS = ("documents", "blind", "blind2")
# Test ids read "<folder>/<document>", e.g. "blind2/<name>".
DOCUMENTS = [
    pytest.param(HERE / folder, name, id=f"{folder}/{name}")
    for folder in FOLDERS
    for name in gold_names(HERE / folder)
]


@pytest.mark.parametrize("folder", ["blind", "blind2"])
def test_each_blind_round_has_twelve_documents(folder: str) -> None:
    assert len(gold_names(HERE / folder)) == 12


@pytest.mark.parametrize(("directory", "name"), DOCUMENTS)
def test_metadata_matches_gold(directory: Path, name: str) -> None:
    assert_metadata(*load(directory, name))


@pytest.mark.parametrize(("directory", "name"), DOCUMENTS)
def test_paragraphs_match_gold(directory: Path, name: str) -> None:
    assert_paragraphs(*load(directory, name))


@pytest.mark.parametrize(("directory", "name"), DOCUMENTS)
def test_sponsors_and_references_match_gold(directory: Path, name: str) -> None:
    parsed, gold = load(directory, name)
    assert_sponsors(parsed, gold)
    assert_references(parsed, gold)
