"""The mandate extraction scored on hand-labelled operative paragraphs.

A set (tests/lineage/data/mandates_labelled.json, the tuning set; mandates_blind.json, drawn
and labelled later) lists paragraphs, each with its label: a mandate (who, session, year) or
none. A paragraph is right when the extraction gives exactly its label; precision is the share
of the mandates found that are exactly right, recall the share of the labelled mandates found
exactly (docs/lineage.md, Mandates).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .mandates import mandate_of

Due = tuple[str, int | None, int | None]


@dataclass(frozen=True)
class Outcome:
    """One paragraph: its label, what the extraction found, and where it is."""

    symbol: str
    index: int
    wanted: Due | None
    found: Due | None

    @property
    def right(self) -> bool:
        return self.wanted == self.found


@dataclass(frozen=True)
class MandateScores:
    """The outcomes on a set and the figures from them."""

    outcomes: list[Outcome]

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def found_right(self) -> int:
        """Mandates found exactly as labelled."""
        return sum(o.right for o in self.outcomes if o.found)

    @property
    def found(self) -> int:
        return sum(o.found is not None for o in self.outcomes)

    @property
    def mandates(self) -> int:
        return sum(o.wanted is not None for o in self.outcomes)

    @property
    def exact(self) -> float:
        return self.right / len(self.outcomes)

    @property
    def precision(self) -> float:
        return self.found_right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.found_right / self.mandates if self.mandates else 1.0


def load_labelled(path: Path) -> list[dict]:
    """The labelled paragraphs of a set as stored."""
    return json.loads(path.read_text(encoding="utf-8"))["paragraphs"]


def score_mandates(paragraphs: list[dict]) -> MandateScores:
    """Run the extraction on each labelled paragraph (with its body, GA if none is given)."""
    outcomes = []
    for row in paragraphs:
        found = mandate_of(row["text"], body=row.get("body", "GA"))
        outcomes.append(
            Outcome(
                symbol=row["symbol"],
                index=row["index"],
                wanted=(row["who"], row["session"], row["year"]) if row["mandate"] else None,
                found=found.due if found else None,
            )
        )
    return MandateScores(outcomes)
