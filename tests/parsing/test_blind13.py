"""Round 12's blind set: 3 UN PDF originals of 10 to 14 pages and 17 corpus texts of kinds the
earlier rounds drew least (Council drafts, sponsored drafts, decisions of sessions 76-80, long
texts), drawn from listing fields only (tests/parsing/blind13/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind13"
    size = 20
