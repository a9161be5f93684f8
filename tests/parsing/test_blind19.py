"""Round 18's blind set: 8 Word originals (7 Economic and Social Council resolutions of 2018, one
recommending a draft to the General Assembly, and an Assembly resolution with an annex) and 2
election decisions from the corpus, drawn from listing fields only
(tests/parsing/blind19/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind19"
    size = 10
    open_misses = OPEN_MISSES
