"""Template tags for the SVG charts: `{% load charts %}{% year_histogram counts label="..." %}`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template
from django.utils.safestring import SafeString

from .. import charts

register = template.Library()


@register.simple_tag
def year_histogram(counts: Mapping[int, int], label: str, unit: str = "document") -> SafeString:
    """A per-year column chart (see charts.year_histogram_svg)."""
    return charts.year_histogram_svg(counts, label=label, unit=unit)


@register.simple_tag
def bar_chart(items: Sequence[tuple[str, int]], label: str, unit: str = "document") -> SafeString:
    """A horizontal bar chart without links (see charts.bar_chart_svg)."""
    return charts.bar_chart_svg(items, label=label, unit=unit)
