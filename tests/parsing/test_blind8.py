"""Round 7's blind set: 20 corpus texts drawn by manifest fields (tests/parsing/blind8/README.md);
open misses are strict expected failures naming their kind."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet

SYMBOL_RANGE_AND_MISPRINT = (
    "kind: a symbol with a range and a corrigendum ('A/C.6/64/SR.1-28/Corrigendum') cut short, "
    "and a symbol misprinted with a full stop ('A/C.6/79.SR.37') read as its session"
)
OPEN_MISSES: dict[tuple[str, str], str] = {
    ("A_C.6_80_L.12", "references"): SYMBOL_RANGE_AND_MISPRINT,
}


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind8"
    size = 20
    open_misses = OPEN_MISSES
