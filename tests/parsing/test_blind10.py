"""Round 9's blind set: 20 more General Assembly documents as their original PDF files (plenary
drafts and amendments, resolutions of 5 to 9 pages), drawn from a repository's file listing
(tests/parsing/blind10/README.md); no miss is open."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind10"
    size = 20
