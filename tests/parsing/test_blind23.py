"""Round 22's blind set: a First Committee draft printing 51 sponsors and a Third Committee
amendment, five Assembly resolutions as PDF, four of session 72 as Word (the omnibus on
sustainable fisheries, 296 paragraphs) and a decision in two parts, drawn from listing fields
only (tests/parsing/blind23/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind23"
    size = 12
