"""Round 15's blind set: 7 UN PDF originals (Main Committee and plenary drafts, two of them
amendments) and 8 corpus texts (drafts printing their sponsors, decisions of sessions 72-77, a
Council draft), drawn from listing fields only (tests/parsing/blind16/README.md); no kind of
miss stays open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind16"
    size = 15
