"""Round 16's blind set: 10 UN PDF originals (Main Committee and plenary drafts, three of them
amendments and one a draft decision, and three resolutions) and 5 corpus texts (drafts printing
their sponsors, decisions of sessions 72, 75 and 76), drawn from listing fields only
(tests/parsing/blind17/README.md); no kind of miss stays open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind17"
    size = 15
