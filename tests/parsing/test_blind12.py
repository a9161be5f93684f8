"""Round 11's blind set: 10 UN PDF originals of 5 to 13 pages and 10 corpus texts of kinds the
earlier rounds drew least (long Security Council and Main Committee drafts, decisions in parts),
drawn from listing fields only (tests/parsing/blind12/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind12"
    size = 20
