"""Round 23's blind set: four Assembly resolutions as PDF, three of session 72 as Word and three
decisions (an election, one with an annex of rules, one with notes written out), drawn from
listing fields only (tests/parsing/blind24/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind24"
    size = 10
