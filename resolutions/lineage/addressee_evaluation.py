"""The addressee rules scored on hand-labelled operative paragraphs.

tests/lineage/data/addressees_labelled.json lists paragraphs, each in a split (development,
held-out, other-bodies, blind-3, blind-4, blind-5) with its labelled addressees. A paragraph is
right when the rules give exactly its set; per addressee, precision is the share of the
paragraphs given it that are labelled with it, recall the share of those labelled with it that
are given it (docs/lineage.md, Addressees).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .addressees import addressees_of


@dataclass(frozen=True)
class Outcome:
    """One paragraph: its labelled addressees, those the rules give, and where it is."""

    split: str
    symbol: str
    index: int
    wanted: frozenset[str]
    found: frozenset[str]

    @property
    def right(self) -> bool:
        return self.wanted == self.found


@dataclass(frozen=True)
class AddresseeScores:
    """The outcomes on a split and the figures from them."""

    outcomes: list[Outcome]

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def exact(self) -> float:
        return self.right / len(self.outcomes)

    def counts(self, addressee: str) -> tuple[int, int, int]:
        """Paragraphs given the addressee rightly, given it, and labelled with it."""
        given = [o for o in self.outcomes if addressee in o.found]
        labelled = sum(addressee in o.wanted for o in self.outcomes)
        return sum(addressee in o.wanted for o in given), len(given), labelled


def load_labelled(path: Path) -> list[dict]:
    """The labelled paragraphs as stored."""
    return json.loads(path.read_text(encoding="utf-8"))["paragraphs"]


def score_addressees(
    paragraphs: list[dict], *, by_source: bool = False
) -> dict[str, AddresseeScores]:
    """Run the rules on each labelled paragraph; the scores of each split (or of each split's
    sources, "other-bodies / sc-drafts"), in stored order."""
    outcomes: dict[str, list[Outcome]] = {}
    for row in paragraphs:
        key = row["split"]
        if by_source and "source" in row:
            key = f"{key} / {row['source']}"
        outcomes.setdefault(key, []).append(
            Outcome(
                split=row["split"],
                symbol=row["symbol"] or row["file"],
                index=row["index"],
                wanted=frozenset(row["addressees"]),
                found=addressees_of(row["text"]),
            )
        )
    return {split: AddresseeScores(rows) for split, rows in outcomes.items()}
