"""Small server-side SVG charts: readable without JavaScript, scaled by viewBox to any width.

Every label and number goes through `format_html`, so a title with markup stays text. Each bar
carries a <title> giving its number (a tooltip, and read out by screen readers); the chart as a
whole is `role="img"` with an `aria-label` and a <title>.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# Dark blue bars on white: 8.9:1, well above the 3:1 that WCAG asks of graphics.
BAR_COLOUR = "#1f4e79"
# Axis text and lines: near black on white.
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#6b6b6b"
FONT = "system-ui, sans-serif"

_HIST_WIDTH = 640
_HIST_HEIGHT = 200
_HIST_TOP = 16
_HIST_BOTTOM = 28
_HIST_LEFT = 44
_HIST_RIGHT = 8
# Room for a year label at the larger size a phone gets (archive.css: 20 units, ~49 wide).
_TICK_SPACING = 56


def _num(value: float) -> str:
    """A coordinate with one decimal: short SVG, and format_html takes only strings."""
    return f"{value:.1f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def empty_chart(message: str) -> SafeString:
    """What stands for a chart with nothing to draw: its reason as text, at the page's own size
    (inside a 640-unit drawing it shrank to 7 px on a phone)."""
    return format_html('<p class="chart-empty">{}</p>', message)


def year_label_every(slot: float) -> int:
    """Label every year when `slot` units apart leave room, else every 2nd, 5th or 10th ..."""
    return next((k for k in (1, 2, 5, 10, 20, 50) if slot * k >= _TICK_SPACING), 100)


def _nice_max(value: int) -> int:
    """The smallest of 1, 2, 5 x 10^k at or above value: a round top for the axis."""
    if value <= 1:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def year_histogram_svg(
    counts: Mapping[int, int], *, label: str, unit: str = "document"
) -> SafeString:
    """A column per year from the first to the last year in counts (gaps drawn as zero)."""
    counts = {int(year): int(n) for year, n in counts.items() if year is not None}
    if not counts:
        return empty_chart("No dated documents.")
    first, last = min(counts), max(counts)
    years = list(range(first, last + 1))
    top = _nice_max(max(counts.values()))
    plot_w = _HIST_WIDTH - _HIST_LEFT - _HIST_RIGHT
    plot_h = _HIST_HEIGHT - _HIST_TOP - _HIST_BOTTOM
    slot = plot_w / len(years)
    bar_w = max(slot * 0.8, 1.0)
    label_every = year_label_every(slot)
    baseline = _HIST_TOP + plot_h

    bars = []
    ticks = []
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        x = _HIST_LEFT + i * slot + (slot - bar_w) / 2
        h = plot_h * n / top
        if n:
            bars.append(
                format_html(
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}">'
                    "<title>{year}: {text}</title></rect>",
                    x=_num(x),
                    y=_num(baseline - h),
                    w=_num(bar_w),
                    h=_num(max(h, 1.0)),
                    c=BAR_COLOUR,
                    year=year,
                    text=_plural(n, unit),
                )
            )
        if (year - first) % label_every == 0:
            ticks.append(
                format_html(
                    '<text x="{x}" y="{y}" text-anchor="middle">{year}</text>',
                    x=_num(_HIST_LEFT + i * slot + slot / 2),
                    y=baseline + 18,
                    year=year,
                )
            )
    summary = ", ".join(f"{year}: {counts[year]}" for year in sorted(counts))
    return format_html(
        '<svg class="chart chart-years" role="img" aria-label="{aria}"'
        ' viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">'
        "<title>{label}</title><desc>{summary}</desc>"
        '<g font-family="{font}" font-size="12" fill="{text}">'
        '<text x="{lx}" y="{ty}" text-anchor="end">{top}</text>'
        '<text x="{lx}" y="{by}" text-anchor="end">0</text>'
        '<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="{grid}" stroke-width="1"/>'
        '<line x1="{left}" y1="{t}" x2="{right}" y2="{t}" stroke="{grid}" stroke-width="0.5"'
        ' stroke-dasharray="3 3"/>'
        "{ticks}</g><g>{bars}</g></svg>",
        aria=f"{label}: {summary}",
        w=_HIST_WIDTH,
        h=_HIST_HEIGHT,
        label=label,
        summary=summary,
        font=FONT,
        text=TEXT_COLOUR,
        grid=GRID_COLOUR,
        lx=_HIST_LEFT - 6,
        ty=_HIST_TOP + 4,
        by=baseline + 4,
        left=_HIST_LEFT,
        right=_HIST_WIDTH - _HIST_RIGHT,
        base=baseline,
        t=_HIST_TOP,
        top=top,
        ticks=format_html_join("", "{}", ((tick,) for tick in ticks)),
        bars=format_html_join("", "{}", ((bar,) for bar in bars)),
    )


# The search sidebar's year filter: a slot per year, stretched to the sidebar's width by CSS.
_FACET_SLOT = 10
_FACET_HEIGHT = 48
# A mid blue on white (4.4:1) for years not chosen; chosen years in BAR_COLOUR.
FACET_BAR_COLOUR = "#4f7cac"


def year_facet_svg(
    bars: Sequence[tuple[int, int, bool, str]], *, label: str, unit: str = "document"
) -> SafeString:
    """The sidebar's per-year filter: (year, count, selected, href) as linked columns.

    Heights are SVG attributes, not inline styles, so the site's Content-Security-Policy
    (`style-src 'self'`) lets them through. Years with no match take a slot but no link.
    """
    if not bars:
        return SafeString("")
    top = max(max(n for _, n, _, _ in bars), 1)
    columns = []
    for i, (year, n, selected, href) in enumerate(bars):
        if not n:
            continue
        h = max(_FACET_HEIGHT * n / top, 1.5)
        text = f"{year}: {_plural(n, unit)}"
        columns.append(
            format_html(
                '<a href="{href}" aria-label="{aria}"{current}>'
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}"{cls}/>'
                "<title>{text}</title></a>",
                href=href,
                aria=f"{text}{' (chosen)' if selected else ''}; show only {year}",
                current=SafeString(' aria-current="true"') if selected else "",
                x=_num(i * _FACET_SLOT + 1),
                y=_num(_FACET_HEIGHT - h),
                w=_num(_FACET_SLOT - 2),
                h=_num(h),
                c=BAR_COLOUR if selected else FACET_BAR_COLOUR,
                cls=SafeString(' class="selected"') if selected else "",
                text=text,
            )
        )
    return format_html(
        '<svg class="year-facet" role="group" aria-label="{label}" viewBox="0 0 {w} {h}"'
        ' preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
        '<line x1="0" y1="{h}" x2="{w}" y2="{h}" stroke="{grid}" stroke-width="2"/>'
        "{columns}</svg>",
        label=label,
        w=len(bars) * _FACET_SLOT,
        h=_FACET_HEIGHT,
        grid=GRID_COLOUR,
        columns=format_html_join("", "{}", ((column,) for column in columns)),
    )


_BAR_WIDTH = 480
_BAR_ROW = 26
_BAR_LABEL_W = 220
_BAR_NUMBER_W = 48
_NARROW = frozenset(" .,:;-'/()|!ijlft")


def text_width(text: str, size: float = 13) -> float:
    """A generous width of `text` at a `size`-unit font (the bar chart's is 13): capitals and
    digits are wide.

    Too narrow an estimate clips a code such as "COSP-UNCAC" at the chart's left edge.
    """
    return (size / 13) * sum(
        9.4 if char.isupper() or char.isdigit() else 4.5 if char in _NARROW else 7.4
        for char in text
    )


def fit_text(text: str, width: float, size: float = 13) -> str:
    """`text`, cut short with an ellipsis where `text_width` says it would pass `width` units
    at a `size`-unit font."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _truncate(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart_svg(
    items: Sequence[tuple[str, int]],
    *,
    label: str,
    link: Callable[[str], str] | None = None,
    unit: str = "document",
) -> SafeString:
    """Horizontal bars, one row per (name, count), in the order given; link(name) makes rows links.

    A linked chart is `role="group"` rather than `role="img"`: an image's children are hidden
    from screen readers, and its links must stay reachable.
    """
    items = [(str(name), int(n)) for name, n in items]
    if not items:
        return empty_chart("Nothing to chart.")
    top = max(max(n for _, n in items), 1)
    # Labels take what the longest needs, so short codes leave room for the bars and the text
    # stays legible when a phone scales the chart down.
    label_w = min(_BAR_LABEL_W, 16 + max(text_width(_truncate(name)) for name, _ in items))
    plot_w = _BAR_WIDTH - label_w - _BAR_NUMBER_W
    height = _BAR_ROW * len(items) + 4
    rows = []
    for i, (name, n) in enumerate(items):
        y = 2 + i * _BAR_ROW
        w = plot_w * n / top
        row = format_html(
            "<g><title>{name}: {text}</title>"
            '<text x="{lx}" y="{ty}" text-anchor="end">{short}</text>'
            '<rect x="{bx}" y="{by}" width="{w}" height="{bh}" fill="{c}"/>'
            '<text x="{nx}" y="{ty}">{n}</text></g>',
            name=name,
            text=_plural(n, unit),
            lx=_num(label_w - 8),
            ty=y + 17,
            short=_truncate(name),
            bx=_num(label_w),
            by=y + 4,
            w=_num(max(w, 1.0) if n else 0),
            bh=_BAR_ROW - 8,
            c=BAR_COLOUR,
            nx=_num(label_w + w + 6),
            n=n,
        )
        if link is not None:
            row = format_html('<a href="{}">{}</a>', link(name), row)
        rows.append(row)
    summary = ", ".join(f"{name}: {n}" for name, n in items)
    return format_html(
        '<svg class="chart chart-bars" role="{role}" aria-label="{aria}"'
        ' viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">'
        "<title>{label}</title><desc>{summary}</desc>"
        '<g font-family="{font}" font-size="13" fill="{text}">{rows}</g></svg>',
        aria=f"{label}: {summary}",
        w=_BAR_WIDTH,
        h=height,
        label=label,
        summary=summary,
        font=FONT,
        text=TEXT_COLOUR,
        rows=format_html_join("", "{}", ((row,) for row in rows)),
        role="img" if link is None else "group",
    )
