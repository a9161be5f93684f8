"""Round 20's blind set: 2 plenary drafts as PDF (one printing 60 sponsors, one adopting a
declaration), a Sixth Committee draft printing its sponsors and an amendment, 3 Assembly
resolutions as PDF and 3 as Word (session 72), an ECOSOC resolution recommending a draft (Word)
and a decision, drawn from listing fields only (tests/parsing/blind21/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind21"
    size = 12
    open_misses = OPEN_MISSES
