"""The run's figures beside their targets (issue 17's "done when"): a scorecard printed last.

Each part of a benchmark run records what it measured against the target the archive set for it
at 100,000 documents; the scorecard says, figure by figure, whether this run met it. A figure the
run did not measure is left out, never guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from resolutions.text_tables import table

# Targets at 100,000 documents on 2 cores (docs/performance.md, "Targets").
PAGE_P50_MS = 100
PAGE_P95_MS = 300
DOCUMENT_PAGE_P95_MS = 50
TOP10_OVERLAP = 0.9
ESTIMATE_ERROR = 0.05
LOAD_REQUESTS_PER_SECOND = 50
LOAD_P95_MS = 1000
# "Worker memory flat": a worker ends the load test within this share (%) of its RSS half-way
# through (the first half warms it).
WORKER_GROWTH = 10
INGEST_DOCUMENTS_PER_SECOND = 100
TARGET_DOCUMENTS = 100_000


@dataclass(frozen=True)
class Line:
    """One figure: what was measured, its target, and which way the target points."""

    figure: str
    measured: float
    target: float
    at_most: bool
    unit: str = ""

    @property
    def met(self) -> bool:
        return self.measured <= self.target if self.at_most else self.measured >= self.target

    def cells(self) -> tuple[str, str, str, str]:
        sign = "<=" if self.at_most else ">="
        return (
            self.figure,
            f"{number(self.measured)}{self.unit}",
            f"{sign} {number(self.target)}{self.unit}",
            "yes" if self.met else "NO",
        )


def number(value: float) -> str:
    """A figure as printed: whole numbers with thousands separators, else two decimals."""
    return f"{value:,.0f}" if value == int(value) or abs(value) >= 10 else f"{value:,.2f}"


@dataclass
class Scorecard:
    """The figures of one run, in the order they were measured."""

    lines: list[Line] = field(default_factory=list)

    def at_most(self, figure: str, measured: float, target: float, unit: str = "") -> None:
        self.add(Line(figure, measured, target, at_most=True, unit=unit))

    def at_least(self, figure: str, measured: float, target: float, unit: str = "") -> None:
        self.add(Line(figure, measured, target, at_most=False, unit=unit))

    def add(self, line: Line) -> None:
        """Keep a measured figure; one the run did not measure (NaN) is left out."""
        if not math.isnan(line.measured):
            self.lines.append(line)

    def latency(self, figure: str, p50: float, p95: float, *, p50_ms: float, p95_ms: float) -> None:
        """A kind's median and 95th percentile (seconds) against their targets (ms)."""
        self.at_most(f"{figure} p50", p50 * 1000, p50_ms, " ms")
        self.at_most(f"{figure} p95", p95 * 1000, p95_ms, " ms")

    def report(self, documents: int) -> str:
        """The scorecard as a table, with how many figures met their target."""
        met = sum(line.met for line in self.lines)
        size = (
            f"{documents:,} documents"
            if documents >= TARGET_DOCUMENTS
            else f"{documents:,} documents, below the targets' {TARGET_DOCUMENTS:,}"
        )
        heading = f"\nTargets ({size}): {met} of {len(self.lines)} figures met."
        rows = [line.cells() for line in self.lines]
        return heading + "\n" + table(["figure", "measured", "target", "met"], rows)
