"""Round 19's blind set: 6 Word originals (3 Economic and Social Council resolutions of 2018, 3
General Assembly resolutions of 2017-2018), an Assembly resolution as PDF, 2 Main Committee
amendments and a decision, drawn from listing fields only (tests/parsing/blind20/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind20"
    size = 10
    open_misses = OPEN_MISSES
