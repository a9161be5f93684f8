"""Real texts perturbed the way copies of them differ: the paragraph structure survives.

The texts are corpus documents (tests/parsing/corpus_sample/); each perturbation is one that
extraction, saving or copying introduces: CRLF line ends, no-break spaces, ligatures, curly or
straight quotes, page furniture between blocks, a word hyphenated at a line end.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.parsing import parse

SAMPLE = Path(__file__).parent / "corpus_sample"
TEXTS = ("A_RES_78_209.txt", "A_RES_79_10.txt", "A_C.5_80_L.11.txt", "S_2019_441.txt")
FURNITURE = "\n\n24-11378\n2/6\n\n"
LONG_WORD_RE = re.compile(r"(?<=[a-z ])([a-z]{4,})([a-z]{4,})(?= )")


@cache
def original(name: str) -> str:
    return (SAMPLE / name).read_text(encoding="utf-8")


def shape(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.kind, p.number, p.verb) for p in parse(text).paragraphs]


def crlf(text: str, _: int) -> str:
    return text.replace("\n", "\r\n")


def no_break_spaces(text: str, seed: int) -> str:
    return re.sub(" ", lambda m: "\u00a0" if (m.start() + seed) % 7 == 0 else " ", text)


def ligatures(text: str, _: int) -> str:
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def mixed_quotes(text: str, _: int) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


def furniture_between_blocks(text: str, seed: int) -> str:
    blocks = text.split("\n\n")
    index = 1 + seed % max(1, len(blocks) - 1)
    return "\n\n".join(blocks[:index]) + FURNITURE + "\n\n".join(blocks[index:])


def hyphenated_word(text: str, seed: int) -> str:
    matches = list(LONG_WORD_RE.finditer(text))
    if not matches:
        return text
    match = matches[seed % len(matches)]
    return f"{text[: match.start()]}{match.group(1)}-\n{match.group(2)}{text[match.end() :]}"


PERTURBATIONS = (
    crlf,
    no_break_spaces,
    ligatures,
    mixed_quotes,
    furniture_between_blocks,
    hyphenated_word,
)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(TEXTS),
    perturb=st.sampled_from(PERTURBATIONS),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_structure_survives_a_perturbation(name: str, perturb, seed: int) -> None:
    text = original(name)
    expected = shape(text)
    assert any(kind == "operative" for kind, _, _ in expected)
    assert shape(perturb(text, seed)) == expected
