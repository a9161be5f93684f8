"""Precision and recall of the family decision on a hand-labelled set of paragraph pairs.

The set (tests/lineage/data/labelled_pairs.json) is a stratified sample of candidate pairs, so
two figures are given: on the pairs as sampled (the hard middle band is over-represented), and
weighted by each stratum's share of all candidate pairs (`population`), an estimate of the
figures over the archive. Round 1's even ids and rounds 3 to 10 and 12 to 23 tuned the rules of
lineage/verification.py and series.py (rounds 4 to 10 and 12 to 23 after their blind scores);
round 1's odd ids ("test") and rounds 2, 11 and 24 ("blind", scored before any change they could
have guided) are held out.
Labels are the audited ones; `original=True` scores against the labels as first given (a pair
with an "audit" note was first labelled same family).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .series import other_series
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


def decision_of(pair: dict) -> bool:
    """The family decision on a labelled pair: its words (lineage/verification.py), and for two
    recalls of one resolution its documents' titles (lineage/series.py), as matching decides."""
    a, b = wording_of(pair["a"]["text"]), wording_of(pair["b"]["text"])
    return same_family(a, b) and not other_series(
        a, b, lambda: (pair["a"]["title"], pair["b"]["title"])
    )


def label_of(pair: dict, *, original: bool = False) -> bool:
    """A pair's audited label, or the one first given."""
    return pair["same_family"] or (original and "audit" in pair)


# Rounds drawn and labelled blind and never used for tuning; the other rounds tune, besides
# round 1's odd ids (rounds 4 to 10 and 12 to 23 were each scored blind before they were used).
BLIND_ROUNDS = (2, 11, 24)
HALVES = (
    "tune r1", "tune r3", "tune r4", "tune r5", "tune r6", "tune r7", "tune r8", "tune r9",
    "tune r10", "tune r12", "tune r13", "tune r14", "tune r15", "tune r16", "tune r17",
    "tune r18", "tune r19", "tune r20", "tune r21", "tune r22", "tune r23", "tune", "test",
    "blind r2", "blind r11", "blind r24", "blind", "held-out", "all",
)  # fmt: skip


def in_half(pair: dict, half: str) -> bool:
    """Round 1's even ids and rounds 3 to 10 and 12 to 23 tune ("tune"), round 1's odd ids
    measure ("test"), rounds 2, 11 and 24 are "blind"; "tune r4", "blind r2" etc. name one round."""
    round_ = pair.get("round", 1)
    test = round_ == 1 and pair["id"] % 2 == 1
    if half == "all":
        return True
    if half == "tune r1":
        return round_ == 1 and not test
    if half.startswith(("tune r", "blind r")):
        return round_ == int(half.rsplit("r", 1)[1])
    blind = round_ in BLIND_ROUNDS
    return {
        "tune": not test and not blind,
        "test": test,
        "blind": blind,
        "held-out": test or blind,
    }[half]


def population_of(data: dict, round_: int) -> dict[str, int]:
    """Candidate pairs per stratum of the pass a round was drawn from (round 1's own; rounds 2
    and 3 one pass; rounds 4 to 7 one pass; rounds 8 to 10 one pass, rounds 11 to 24 each its
    own, over the parser of their day)."""
    if round_ == 1:
        return data["population"]
    own = data.get(f"round_{round_}", {}).get("population")
    return own or population_of(data, round_ - 1)


def evaluate(data: dict, *, half: str = "test", original: bool = False) -> Evaluation:
    """Score the family decision on one of HALVES of the labelled pairs.

    The weighted figure weighs each stratum of a round by its share of that round's candidate
    pairs; a half drawn from both rounds weighs each round by its number of pairs.
    """
    counts: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    total = [0, 0, 0, 0]
    pairs = [p for p in data["pairs"] if in_half(p, half)]
    for pair in pairs:
        same = decision_of(pair)
        label = label_of(pair, original=original)
        cell = 0 if same and label else 1 if same else 2 if label else 3
        counts[(pair.get("round", 1), pair["stratum"])][cell] += 1
        total[cell] += 1
    per_round = defaultdict(int)
    for pair in pairs:
        per_round[pair.get("round", 1)] += 1
    weighted = [0.0, 0.0, 0.0, 0.0]
    for (round_, stratum), cells in counts.items():
        population = population_of(data, round_)
        share = per_round[round_] / sum(population.values())
        for cell, n in enumerate(cells):
            weighted[cell] += share * population.get(stratum, 0) * n / sum(cells)
    # Identical texts are not sampled: the same family by definition, and always detected
    # (round 2 drew from distinct texts, so its population holds none).
    for round_, n in per_round.items():
        population = population_of(data, round_)
        share = n / sum(population.values())
        weighted[0] += share * (
            population.get("identical", 0) + population.get("identical-words", 0)
        )
    return Evaluation(len(pairs), Scores(*total), Scores(*weighted))


# The test half's labels as labelled_pairs.json holds them, as labelled a second time blind
# (tests/lineage/data/test_half_relabelled.json) and as adjudicated where the two part.
AUDITED_LABELS = ("existing", "relabelled", "adjudicated")


def audited_labels(audit: dict) -> dict[str, dict[int, bool]]:
    """The second labelling of the test half and its adjudication, by pair id."""
    relabelled = {p["id"]: p["same_family"] for p in audit["pairs"]}
    decided = {p["id"]: p["same_family"] for p in audit["adjudication"]["pairs"]}
    return {"relabelled": relabelled, "adjudicated": {**relabelled, **decided}}


def with_labels(data: dict, labels: dict[int, bool]) -> dict:
    """The labelled set with the given pairs' labels replaced."""
    pairs = [{**p, "same_family": labels.get(p["id"], p["same_family"])} for p in data["pairs"]]
    return {**data, "pairs": pairs}


def label_agreement(data: dict, audit: dict) -> tuple[int, int, float]:
    """Pairs of the test half on which the two labellings agree, pairs, and Cohen's kappa."""
    relabelled = audited_labels(audit)["relabelled"]
    existing = [label_of(p) for p in data["pairs"] if in_half(p, "test")]
    again = [relabelled[p["id"]] for p in data["pairs"] if in_half(p, "test")]
    n = len(existing)
    agree = sum(x == y for x, y in zip(existing, again, strict=True))
    p_existing, p_again = sum(existing) / n, sum(again) / n
    chance = p_existing * p_again + (1 - p_existing) * (1 - p_again)
    return agree, n, (agree / n - chance) / (1 - chance)


def evaluate_audited(data: dict, audit: dict, *, half: str = "test") -> dict[str, Evaluation]:
    """Score the family decision on a half under each of AUDITED_LABELS of the test half."""
    labels = audited_labels(audit)
    return {
        name: evaluate(with_labels(data, labels[name]) if name in labels else data, half=half)
        for name in AUDITED_LABELS
    }
