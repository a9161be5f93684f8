"""Realistic documents in formats the seeds lack: the contract keys, the evaluation table, lost
line breaks (their golds are checked in test_gold_folders.py with the blind rounds')."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resolutions.parsing import parse
from resolutions.parsing.evaluate import evaluate, format_table, score

from .gold import gold_names, load

DOCUMENTS = Path(__file__).resolve().parent / "documents"
NAMES = gold_names(DOCUMENTS)


def test_there_are_enough_documents() -> None:
    assert len(NAMES) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_output_has_exactly_the_contract_keys(name: str) -> None:
    parsed, gold = load(DOCUMENTS, name)
    assert list(parsed) == list(gold)


def test_evaluation_table_covers_every_document() -> None:
    results = evaluate([DOCUMENTS])
    table = format_table(results)
    assert all(score is not None for _, score in results)
    lines = table.splitlines()
    assert len(lines) == len(NAMES) + 5
    assert "overall" in lines[-3]
    assert lines[-1] == "sponsor F1 (names as sets, all documents): 1.000"


PLAIN_TEXT = sorted(name for name in NAMES if (DOCUMENTS / f"{name}.txt").exists())


@pytest.mark.parametrize("name", PLAIN_TEXT)
def test_line_breaks_lost_give_the_same_structure(name: str) -> None:
    text = re.sub(r"\s+", " ", (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    parsed = parse(text).to_dict()
    gold = json.loads((DOCUMENTS / f"{name}.gold.json").read_text(encoding="utf-8"))
    assert score(parsed, gold) == score(gold, gold)
