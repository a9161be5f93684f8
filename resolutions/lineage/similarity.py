"""How alike two wordings are (rapidfuzz): word similarity and coverage."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity in [0, 1]: 2 * common words in order / (len(a) + len(b))."""
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def coverage(part: Sequence[str], whole: Sequence[str]) -> float:
    """The share of `part`'s words found in `whole` in the same order (1.0: all of it)."""
    if not part:
        return 0.0
    common = (len(part) + len(whole) - Indel.distance(part, whole)) / 2
    return common / len(part)
