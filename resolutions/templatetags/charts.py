"""Template tags for the SVG charts: `{% load charts %}{% year_histogram counts label="..." %}`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import template
from django.utils.safestring import SafeString

from .. import charts
from .search_tags import with_url

register = template.Library()


@register.simple_tag
def year_histogram(counts: Mapping[int, int], label: str, unit: str = "document") -> SafeString:
    """A per-year column chart (see charts.year_histogram_svg)."""
    return charts.year_histogram_svg(counts, label=label, unit=unit)


@register.simple_tag
def bar_chart(items: Sequence[tuple[str, int]], label: str, unit: str = "document") -> SafeString:
    """A horizontal bar chart without links (see charts.bar_chart_svg)."""
    return charts.bar_chart_svg(items, label=label, unit=unit)


@register.simple_tag(takes_context=True)
def year_facet(
    context: template.Context, bars: Sequence[tuple[int, int, bool]], label: str, unit: str
) -> SafeString:
    """The search sidebar's year filter: each year's column links to this search in that year."""
    linked = [
        (year, n, selected, with_url(context, year_min=year, year_max=year))
        for year, n, selected in bars
    ]
    return charts.year_facet_svg(linked, label=label, unit=unit)
