"""Round 21's blind set: the Assembly's omnibus on the law of the sea and its "Special subjects"
budget text as Word (426 and 295 paragraphs), a Sixth Committee and an ECOSOC resolution as Word,
a First Committee draft and its adopted text, a resolution, an amendment as PDF, a draft decision
printing its sponsors, a Fifth Committee note and two decisions, drawn from listing fields only
(tests/parsing/blind22/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

OPEN_MISSES: dict[tuple[str, str], str] = {}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind22"
    size = 12
    open_misses = OPEN_MISSES
