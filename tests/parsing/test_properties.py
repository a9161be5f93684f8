"""Arbitrary and adversarial text: the parser returns or raises ParseError fast, never crashes."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.parsing import parse, parse_file
from resolutions.parsing.types import ParseError

PIECES = st.sampled_from(
    [
        "The General Assembly,",
        "Recalling",
        "resolution",
        "resolutions",
        "66/128",
        "2242 (2015)",
        "1.",
        "2.",
        "(a)",
        ",",
        ";",
        ":",
        " ",
        "\n",
        "\n\n",
        "*",
        "**",
        "\u00b9",
        "E/RES/2014/23",
        "14-58509 (E)",
        "*1458509*",
        "2/5",
        "Please recycle",
        "Transcription:",
        "Similar documents",
        "and",
        "of 19 December 2011, entitled",
        "Deeply concerned",
        "Calls upon",
        "draft resolution",
        "Albania, Turkey and the United States: revised draft resolution",
        "<p>",
        "</p>",
        "#",
        "-\n",
        "Annex",
        "45th plenary meeting 16 July 2014",
        "1 ",
        "Ibid.",
        "\x00",
        "\ufeff",
        "a" * 50,
    ]
)
ADVERSARIAL = st.lists(PIECES, max_size=300).map(" ".join)


def parse_or_refuse(text: str) -> None:
    """Parse, accepting only a ParseError as failure."""
    try:
        document = parse(text)
    except ParseError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(document.to_dict(), dict)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    parse_or_refuse(text)


@settings(max_examples=150, deadline=None)
@given(ADVERSARIAL)
def test_adversarial_text(text: str) -> None:
    parse_or_refuse(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        parse_file(data, filename="x")
    except ParseError as error:
        assert "\n" not in str(error)


def test_pathological_inputs_are_fast() -> None:
    inputs = [
        "1. " * 20000,
        "," * 60000,
        "resolution 1/1, " * 5000,
        "A/" * 20000,
        "(" * 30000,
        "Recalling, " * 8000,
        "*" * 60000,
        "1 " * 30000,
        "a-\n" * 20000,
        ("x" * 200 + " ") * 300,
    ]
    for text in inputs:
        started = time.perf_counter()
        parse_or_refuse(text)
        assert time.perf_counter() - started < 5, text[:30]
