"""Round 27's blind set: ten Assembly resolutions of sessions 79 and 80 (one as PDF) and three
decisions of sessions 71-76, drawn from the shared corpus's listing fields only
(tests/parsing/blind28/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind28"
    size = 13
