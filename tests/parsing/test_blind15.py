"""Round 14's blind set: 6 UN PDF originals (Main and Fifth Committee drafts, a plenary draft)
and 9 corpus texts (Council drafts, decisions of sessions 72-76, a Main Committee draft), drawn
from listing fields only (tests/parsing/blind15/README.md); its one open kind, a Council
resolution named by number and year alone, was fixed in round 15."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind15"
    size = 15
