"""Align the paragraphs of two versions of a text (draft and adopted, or two revisions).

Pure Python. Paragraphs are paired by word similarity and order: the order-preserving pairing
with the largest total similarity (dynamic programming over the similarity matrix), pairs below
ALIGN_THRESHOLD excluded; paragraphs left over on both sides that are still similar enough are
paired as moved. What remains was removed from the old version or added in the new one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .diffs import DiffRun, word_diff
from .text import tokens_of

# Two paragraphs in the same place are the same paragraph, changed, at this similarity or above;
# lower than the family threshold because their order supports the pairing.
ALIGN_THRESHOLD = 0.5
CONTAINED_WORDS = 12
Status = Literal["unchanged", "changed", "moved", "added", "removed"]
STATUSES: tuple[Status, ...] = ("unchanged", "changed", "moved", "added", "removed")


@dataclass(frozen=True)
class Aligned:
    """One row of a comparison: an old paragraph, a new one, or both, and what happened."""

    status: Status
    old: int | None
    new: int | None
    similarity: float = 0.0
    diff: list[DiffRun] = field(default_factory=list)


def similarity_matrix(old: Sequence[str], new: Sequence[str]) -> np.ndarray:
    """Word similarity of every old paragraph with every new one; a paragraph of CONTAINED_WORDS
    or more found in order inside the other (a footnote or clause glued on) scores its coverage."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    old_tokens, new_tokens = [tokens_of(t) for t in old], [tokens_of(t) for t in new]
    distance = process.cdist(old_tokens, new_tokens, scorer=Indel.distance).astype(float)
    old_len = np.array([len(t) for t in old_tokens], dtype=float)[:, None]
    new_len = np.array([len(t) for t in new_tokens], dtype=float)[None, :]
    total = old_len + new_len
    common = (total - distance) / 2
    similarity = np.divide(2 * common, total, out=np.ones_like(total), where=total > 0)
    shorter = np.minimum(old_len, new_len)
    contained = np.divide(common, shorter, out=np.zeros_like(total), where=shorter > 0)
    contained[shorter < CONTAINED_WORDS] = 0
    return np.maximum(similarity, contained)


def ordered_pairs(scores: np.ndarray) -> list[tuple[int, int]]:
    """The order-preserving pairs above the threshold with the largest total similarity."""
    n, m = scores.shape
    best = np.zeros((n + 1, m + 1))
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1, j + 1] + scores[i, j] if scores[i, j] >= ALIGN_THRESHOLD else -1
            best[i, j] = max(best[i + 1, j], best[i, j + 1], take)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if scores[i, j] >= ALIGN_THRESHOLD and best[i, j] == best[i + 1, j + 1] + scores[i, j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i, j] == best[i + 1, j]:
            i += 1
        else:
            j += 1
    return pairs


def moved_pairs(
    scores: np.ndarray, old_left: set[int], new_left: set[int]
) -> list[tuple[int, int]]:
    """Left-over paragraphs paired greedily by similarity: text that moved elsewhere."""
    candidates = sorted(
        (
            (scores[i, j], i, j)
            for i in old_left
            for j in new_left
            if scores[i, j] >= ALIGN_THRESHOLD
        ),
        reverse=True,
    )
    pairs = []
    for _, i, j in candidates:
        if i in old_left and j in new_left:
            pairs.append((i, j))
            old_left.discard(i)
            new_left.discard(j)
    return pairs


def align(old: Sequence[str], new: Sequence[str]) -> list[Aligned]:
    """The comparison rows in the new version's order, removed paragraphs where they stood."""
    scores = similarity_matrix(old, new)
    in_order = ordered_pairs(scores)
    old_left = set(range(len(old))) - {i for i, _ in in_order}
    new_left = set(range(len(new))) - {j for _, j in in_order}
    moved = moved_pairs(scores, old_left, new_left)
    by_new: dict[int, Aligned] = {}
    for (i, j), was_moved in [(p, False) for p in in_order] + [(p, True) for p in moved]:
        diff = word_diff(old[i], new[j])
        same = all(run.op == "equal" for run in diff)
        status: Status = "moved" if was_moved else "unchanged" if same else "changed"
        by_new[j] = Aligned(status, i, j, float(scores[i, j]), [] if same else diff)
    for j in new_left:
        by_new[j] = Aligned("added", None, j)
    rows: list[Aligned] = []
    placed_old = {row.old for row in by_new.values() if row.old is not None}
    removed = sorted(set(range(len(old))) - placed_old)
    for j in range(len(new)):
        row = by_new[j]
        if row.old is not None and row.status != "moved":
            while removed and removed[0] < row.old:
                rows.append(Aligned("removed", removed.pop(0), None))
        rows.append(row)
    rows.extend(Aligned("removed", i, None) for i in removed)
    return rows


def summary(rows: Sequence[Aligned]) -> dict[Status, int]:
    """How many paragraphs were unchanged, changed, moved, added and removed."""
    counts = Counter(row.status for row in rows)
    return {status: counts.get(status, 0) for status in STATUSES}
