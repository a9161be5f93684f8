"""Round 25's blind set: four Assembly resolutions of session 78 and eight decisions of sessions
72-80, drawn from the shared corpus's listing fields only (tests/parsing/blind26/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind26"
    size = 12
