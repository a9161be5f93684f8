"""Whether a text is written in Latin letters: the archive holds English texts only."""

from __future__ import annotations


def mostly_latin(text: str) -> bool:
    """True when at least half the letters of `text` are Latin (a to z), or it has no letters."""
    letters = sum(ch.isalpha() for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return not letters or latin / letters >= 0.5
