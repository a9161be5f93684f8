"""Round 26's blind set: six Assembly resolutions of session 78 (one as PDF) and seven decisions
of sessions 73-80, drawn from the shared corpus's listing fields only
(tests/parsing/blind27/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind27"
    size = 13
