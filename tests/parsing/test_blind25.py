"""Round 24's blind set: four Assembly resolutions as PDF, two of session 72 as Word (one adopting
a political declaration) and five decisions, drawn from listing fields only
(tests/parsing/blind25/README.md)."""

from __future__ import annotations

from pathlib import Path

from .gold import BlindSet


class TestBlindSet(BlindSet):
    folder = Path(__file__).resolve().parent / "blind25"
    size = 11
    open_misses = {
        ("A_DEC_72_412_A_and_B", "paragraphs"): (
            "an editorial note after a decision's last part ('One vacancy for a member from"
            " African States remain to be filled ...') read as a paragraph"
        ),
    }
