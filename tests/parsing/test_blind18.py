"""Round 17's blind set: 8 UN PDF originals (Main Committee and plenary drafts, one an amendment
and one a draft decision, and three resolutions) and 4 corpus texts (two draft decisions printing
their sponsors, two decisions of sessions 72 and 77), drawn from listing fields only
(tests/parsing/blind18/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind18"
    size = 12
    open_misses = OPEN_MISSES
