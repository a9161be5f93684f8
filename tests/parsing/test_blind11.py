"""Round 10's blind set: 20 texts of the shared corpus favouring what earlier rounds covered least
(decisions of sessions 71-74 and long ones, Security Council drafts of 1997-2024, long
resolutions), drawn from the manifest (tests/parsing/blind11/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind11"
    size = 20
