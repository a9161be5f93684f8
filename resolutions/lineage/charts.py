"""Server-made SVG for the commitments page (no script, no inline style: the CSP allows it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from resolutions.charts import (
    BAR_COLOUR,
    FONT,
    TEXT_COLOUR,
    empty_chart,
    fit_text,
    year_label_every,
)

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 200, 36, 28, 12
# The co-sponsor chart: a label's size, and its size on a phone (lineage.css: 22 of 640 units,
# 11.7 px at the 340 px a 375 px screen gives the chart); a row holds a label and a bar.
PAIR_FONT, PAIR_PHONE_FONT, PAIR_BAR, PAIR_ROW = 13, 22, 12, 44


def _num(value: float) -> str:
    """A coordinate with one decimal (format_html takes strings)."""
    return f"{value:.1f}"


def strength_svg(mean_by_year: Mapping[int, float], *, label: str) -> SafeString:
    """A column per year: the mean strength (1-5) of its scored operative verbs."""
    if not mean_by_year:
        return empty_chart("No operative paragraphs with a scored verb in this selection.")
    years = list(range(min(mean_by_year), max(mean_by_year) + 1))
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(years)
    step = year_label_every(slot)
    bars = []
    for index, year in enumerate(years):
        value = mean_by_year.get(year)
        x = LEFT + index * slot
        if value is not None:
            h = plot_h * value / 5
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: mean strength {}</title></rect>",
                    _num(x + slot * 0.1),
                    _num(TOP + plot_h - h),
                    _num(max(slot * 0.8, 1)),
                    _num(h),
                    BAR_COLOUR,
                    year,
                    value,
                )
            )
        if index % step == 0:
            bars.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}" '
                    'font-family="{}">{}</text>',
                    _num(x + slot / 2),
                    HEIGHT - 8,
                    TEXT_COLOUR,
                    FONT,
                    year,
                )
            )
    axis = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}" font-family="{}">{}</text>',
        (
            (LEFT - 6, _num(TOP + plot_h - plot_h * v / 5 + 4), TEXT_COLOUR, FONT, v)
            for v in (1, 3, 5)
        ),
    )
    return format_html(
        # chart-years: its labels drawn larger on a phone (archive.css), spaced for that size.
        '<svg class="chart chart-years" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}{}</svg>',
        label,
        WIDTH,
        HEIGHT,
        label,
        axis,
        SafeString("".join(bars)),
    )


def pairs_svg(pairs: Sequence[tuple[str, str, int]], *, label: str) -> SafeString:
    """A horizontal bar per pair of co-sponsors (the top ten), its label on a line above it.

    The label runs across the chart, so that a phone can draw it at PAIR_PHONE_FONT (lineage.css)
    and still fit it: beside its bar at 12 of 640 units it shrank to 6 px on a 375 px screen.
    """
    pairs = list(pairs)[:10]
    if not pairs:
        return empty_chart("No document in this selection has two sponsors.")
    top = max(n for _, _, n in pairs)
    bars = format_html_join(
        "",
        '<text x="0" y="{}">{}</text><rect x="0" y="{}" width="{}" height="{}" fill="{}">'
        "<title>{} and {}: {} documents</title></rect>",
        (
            (
                i * PAIR_ROW + PAIR_PHONE_FONT - 2,
                # Long names cut to the chart's width at the phone's size, less a twentieth for
                # the width estimate's error (Chromium drew one 1 % wider); the bar's title and
                # the table below name them whole.
                fit_text(f"{a} and {b}", WIDTH * 0.95, PAIR_PHONE_FONT),
                i * PAIR_ROW + PAIR_PHONE_FONT + 5,
                _num(max((WIDTH - 10) * n / top, 1)),
                PAIR_BAR,
                BAR_COLOUR,
                a,
                b,
                n,
            )
            for i, (a, b, n) in enumerate(pairs)
        ),
    )
    return format_html(
        '<svg class="chart chart-pairs" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
        '<g font-size="{}" fill="{}" font-family="{}">{}</g></svg>',
        label,
        WIDTH,
        len(pairs) * PAIR_ROW,
        label,
        PAIR_FONT,
        TEXT_COLOUR,
        FONT,
        bars,
    )
