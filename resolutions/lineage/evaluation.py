"""Precision and recall of the family decision on a hand-labelled set of paragraph pairs.

The set (tests/lineage/data/labelled_pairs.json) is a stratified sample of candidate pairs, so
two figures are given: on the pairs as sampled (the hard middle band is over-represented), and
weighted by each stratum's share of all candidate pairs (`population`), an estimate of the
figures over the archive. Pairs with an odd id measure (held out); even ones tuned the rules of
lineage/verification.py. Labels are the audited ones; `original=True` scores against the labels
as first given (a pair with an "audit" note was first labelled same family).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .verification import same_family, wording_of


@dataclass(frozen=True)
class Scores:
    """Counts of a binary decision against labels, and precision and recall from them."""

    tp: float
    fp: float
    fn: float
    tn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(frozen=True)
class Evaluation:
    """The figures on one half of the set: as sampled, and weighted to the population."""

    pairs: int
    sampled: Scores
    weighted: Scores


def load_pairs(path: Path) -> dict:
    """The labelled set as stored."""
    return json.loads(path.read_text(encoding="utf-8"))


def label_of(pair: dict, *, original: bool = False) -> bool:
    """A pair's audited label, or the one first given."""
    return pair["same_family"] or (original and "audit" in pair)


def evaluate(data: dict, *, half: str = "test", original: bool = False) -> Evaluation:
    """Score the family decision on the "test" (odd ids), "tune" (even) or "all" pairs."""
    keep = {"test": 1, "tune": 0}.get(half)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    total = [0, 0, 0, 0]
    pairs = [p for p in data["pairs"] if keep is None or p["id"] % 2 == keep]
    for pair in pairs:
        same = same_family(wording_of(pair["a"]["text"]), wording_of(pair["b"]["text"]))
        label = label_of(pair, original=original)
        cell = 0 if same and label else 1 if same else 2 if label else 3
        counts[pair["stratum"]][cell] += 1
        total[cell] += 1
    population = data["population"]
    weighted = [0.0, 0.0, 0.0, 0.0]
    for stratum, cells in counts.items():
        size = population.get(stratum, 0)
        for cell, n in enumerate(cells):
            weighted[cell] += size * n / sum(cells)
    # Identical texts are not sampled: the same family by definition, and always detected.
    weighted[0] += population.get("identical", 0) + population.get("identical-words", 0)
    return Evaluation(len(pairs), Scores(*total), Scores(*weighted))
