"""Comparison of a parsed document with its hand-made gold structure, shared by the gold tests."""

from __future__ import annotations

import json
from pathlib import Path

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


def blind_set_tests(directory: Path, open_misses: dict[tuple[str, str], str]) -> tuple:
    """A blind set's three gold checks, each parametrized over its documents (open misses as
    strict expected failures): a test module binds them to its own test names."""

    @pytest.mark.parametrize("name", gold_cases(directory, open_misses, "metadata"))
    def metadata(name: str) -> None:
        assert_metadata(*load(directory, name))

    @pytest.mark.parametrize("name", gold_cases(directory, open_misses, "paragraphs"))
    def paragraphs(name: str) -> None:
        assert_paragraphs(*load(directory, name))

    @pytest.mark.parametrize("name", gold_cases(directory, open_misses, "references"))
    def sponsors_and_references(name: str) -> None:
        parsed, gold = load(directory, name)
        assert_sponsors(parsed, gold)
        assert_references(parsed, gold)

    return metadata, paragraphs, sponsors_and_references
