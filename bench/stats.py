"""Timings into medians, percentiles and ratios (tables: resolutions/text_tables.py)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The median, or NaN for no values."""
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (0.95 of 20 values is the 19th), or NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    """Seconds as whole milliseconds ("-" for none)."""
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def ratio(numerator: float, denominator: float) -> str:
    """numerator ÷ denominator as "3.2x" ("-" when either is missing)."""
    if math.isnan(numerator) or math.isnan(denominator) or denominator <= 0:
        return "-"
    return f"{numerator / denominator:.2f}x"
