"""Comparison of a parsed document with its hand-made gold structure, shared by the gold tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from resolutions.parsing import parse_file
from resolutions.parsing.evaluate import normalize, source_of

METADATA_KEYS = ("symbol", "body", "doc_type", "number", "title", "date", "year")


def gold_names(directory: Path) -> list[str]:
    """The names of the documents in `directory` that carry a gold file."""
    return sorted(path.name[: -len(".gold.json")] for path in directory.glob("*.gold.json"))


def gold_cases(directory: Path, open_misses: dict[tuple[str, str], str], check: str) -> list:
    """The documents of `directory` as parameters, open misses of `check` marked as strict
    expected failures."""
    return [
        pytest.param(
            name,
            id=name,
            marks=[pytest.mark.xfail(reason=open_misses[name, check], strict=True)]
            if (name, check) in open_misses
            else [],
        )
        for name in gold_names(directory)
    ]


def load(directory: Path, name: str) -> tuple[dict, dict]:
    """The parsed document and its gold structure."""
    gold_path = directory / f"{name}.gold.json"
    source = source_of(gold_path)
    assert source is not None, f"no source file for {name}"
    parsed = parse_file(source.read_bytes(), filename=source.name).to_dict()
    return parsed, json.loads(gold_path.read_text(encoding="utf-8"))


def assert_metadata(parsed: dict, gold: dict) -> None:
    for key in METADATA_KEYS:
        assert parsed[key] == gold[key], key


def assert_paragraphs(parsed: dict, gold: dict) -> None:
    shape = [(p["kind"], p["number"], p["verb"]) for p in parsed["paragraphs"]]
    assert shape == [(p["kind"], p["number"], p["verb"]) for p in gold["paragraphs"]]
    texts = [normalize(p["text"]) for p in parsed["paragraphs"]]
    assert texts == [normalize(p["text"]) for p in gold["paragraphs"]]


def assert_sponsors(parsed: dict, gold: dict) -> None:
    assert set(parsed["sponsors"]) == set(gold["sponsors"])


def reference_set(references: list[dict]) -> set[str]:
    return {json.dumps(reference, sort_keys=True) for reference in references}


def assert_references(parsed: dict, gold: dict) -> None:
    assert reference_set(parsed["references"]) == reference_set(gold["references"])


# The check each blind-set test makes, named as in the open misses.
BLIND_SET_CHECKS = {
    "test_metadata_matches_gold": "metadata",
    "test_paragraphs_match_gold": "paragraphs",
    "test_sponsors_and_references_match_gold": "references",
}


class BlindSet:
    """A blind set's gold checks: a test module subclasses it (as `TestBlindSet`) with its folder,
    its number of documents and its open misses, (document, check) -> kind, strict expected
    failures; each check is parametrized over the folder's documents."""

    folder: ClassVar[Path]
    size: ClassVar[int]
    open_misses: ClassVar[dict[tuple[str, str], str]] = {}

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        check = BLIND_SET_CHECKS.get(metafunc.function.__name__)
        if check is not None:
            metafunc.parametrize("name", gold_cases(self.folder, self.open_misses, check))

    def test_the_set_has_its_documents(self) -> None:
        assert len(gold_names(self.folder)) == self.size

    def test_metadata_matches_gold(self, name: str) -> None:
        assert_metadata(*load(self.folder, name))

    def test_paragraphs_match_gold(self, name: str) -> None:
        assert_paragraphs(*load(self.folder, name))

    def test_sponsors_and_references_match_gold(self, name: str) -> None:
        parsed, gold = load(self.folder, name)
        assert_sponsors(parsed, gold)
        assert_references(parsed, gold)
