"""Round 8's blind set: 20 General Assembly documents as their original PDF files, drawn from a
repository's file listing (tests/parsing/blind9/README.md); open misses are strict expected
failures naming their kind."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind9"
    size = 20
