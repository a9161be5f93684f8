"""Realistic documents in formats the seeds lack parse to their hand-made gold structure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resolutions.parsing import parse, parse_file
from resolutions.parsing.evaluate import evaluate, format_table, normalize, score, source_of

DOCUMENTS = Path(__file__).resolve().parent / "documents"
NAMES = sorted(path.name[: -len(".gold.json")] for path in DOCUMENTS.glob("*.gold.json"))


def load(name: str) -> tuple[dict, dict]:
    """The parsed document and its gold structure."""
    gold_path = DOCUMENTS / f"{name}.gold.json"
    source = source_of(gold_path)
    assert source is not None, f"no source file for {name}"
    parsed = parse_file(source.read_bytes(), filename=source.name).to_dict()
    return parsed, json.loads(gold_path.read_text(encoding="utf-8"))


def test_there_are_enough_documents() -> None:
    assert len(NAMES) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_metadata_matches_gold(name: str) -> None:
    parsed, gold = load(name)
    for key in ("symbol", "body", "doc_type", "number", "title", "date", "year"):
        assert parsed[key] == gold[key], key


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs_match_gold(name: str) -> None:
    parsed, gold = load(name)
    shape = [(p["kind"], p["number"], p["verb"]) for p in parsed["paragraphs"]]
    assert shape == [(p["kind"], p["number"], p["verb"]) for p in gold["paragraphs"]]
    texts = [normalize(p["text"]) for p in parsed["paragraphs"]]
    assert texts == [normalize(p["text"]) for p in gold["paragraphs"]]


@pytest.mark.parametrize("name", NAMES)
def test_sponsors_and_references_match_gold(name: str) -> None:
    parsed, gold = load(name)
    assert set(parsed["sponsors"]) == set(gold["sponsors"])
    as_set = lambda refs: {json.dumps(ref, sort_keys=True) for ref in refs}  # noqa: E731
    assert as_set(parsed["references"]) == as_set(gold["references"])


@pytest.mark.parametrize("name", NAMES)
def test_output_has_exactly_the_contract_keys(name: str) -> None:
    parsed, gold = load(name)
    assert list(parsed) == list(gold)


def test_evaluation_table_covers_every_document() -> None:
    results = evaluate([DOCUMENTS])
    table = format_table(results)
    assert all(score is not None for _, score in results)
    assert len(table.splitlines()) == len(NAMES) + 3
    assert "overall" in table.splitlines()[-1]


PLAIN_TEXT = sorted(name for name in NAMES if (DOCUMENTS / f"{name}.txt").exists())


@pytest.mark.parametrize("name", PLAIN_TEXT)
def test_line_breaks_lost_give_the_same_structure(name: str) -> None:
    text = re.sub(r"\s+", " ", (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    parsed = parse(text).to_dict()
    gold = json.loads((DOCUMENTS / f"{name}.gold.json").read_text(encoding="utf-8"))
    assert score(parsed, gold) == score(gold, gold)
