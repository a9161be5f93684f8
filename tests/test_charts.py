"""The SVG charts: escaped, labelled for screen readers, scaled by viewBox."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from resolutions.charts import bar_chart_svg, year_histogram_svg
from resolutions.lineage.charts import strength_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_histogram_is_an_accessible_scalable_image():
    svg = year_histogram_svg({2010: 2, 2014: 5}, label="Documents per year")
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 640 200"
    assert root.get("width") is None  # scales with its container
    assert root.find(f"{SVG}title").text == "Documents per year"
    assert "2010: 2" in root.get("aria-label")
    assert "2014: 5" in root.get("aria-label")


def test_histogram_draws_a_bar_per_year_with_its_number_as_tooltip():
    root = parse(year_histogram_svg({2012: 1, 2014: 3}, label="Per year"))
    titles = [r.find(f"{SVG}title").text for r in root.iter(f"{SVG}rect")]
    assert titles == ["2012: 1 document", "2014: 3 documents"]  # 2013 is a gap, no bar
    years = [t.text for t in root.iter(f"{SVG}text")]
    assert {"2012", "2013", "2014"} <= set(years)


def test_histogram_bars_are_proportional():
    root = parse(year_histogram_svg({2000: 5, 2001: 10}, label="x"))
    heights = [float(r.get("height")) for r in root.iter(f"{SVG}rect")]
    assert heights[1] == 2 * heights[0]


def test_histogram_thins_year_labels_over_long_ranges():
    root = parse(year_histogram_svg({1950: 1, 2020: 1}, label="x"))
    labels = [t.text for t in root.iter(f"{SVG}text") if re.fullmatch(r"\d{4}", t.text)]
    assert "1950" in labels
    assert len(labels) < 20


def test_histogram_without_data_says_so_in_text():
    # Drawn in a 640-unit picture the message shrank with it, to 7 px on a phone.
    assert (
        year_histogram_svg({}, label="Per year") == '<p class="chart-empty">No dated documents.</p>'
    )


def test_the_strength_chart_spaces_its_year_labels_for_a_phone():
    # Labels drawn at 20 units on a phone (archive.css, .chart-years): 12 of them over 36 years
    # stood 50 units apart, and touched.
    root = parse(strength_svg({year: 3.0 for year in range(1990, 2026)}, label="Strength"))
    assert "chart-years" in root.get("class")
    xs = [float(t.get("x")) for t in root.iter(f"{SVG}text") if re.fullmatch(r"\d{4}", t.text)]
    assert len(xs) >= 6
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 56


def test_bar_chart_escapes_labels():
    svg = bar_chart_svg([("<script>alert(1)</script>", 3), ('A "quoted" & b', 1)], label="<b>L</b>")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert "<b>" not in svg
    root = parse(svg)  # still well-formed XML
    assert root.find(f"{SVG}title").text == "<b>L</b>"
    assert root.get("role") == "img"


def test_bar_chart_rows_carry_numbers_and_optional_links():
    svg = bar_chart_svg(
        [("GA", 4), ("ECOSOC", 2)], label="By body", link=lambda name: f"/bodies/{name}/?a=1&b=2"
    )
    root = parse(svg)
    assert root.get("role") == "group"  # its links stay reachable
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["/bodies/GA/?a=1&b=2", "/bodies/ECOSOC/?a=1&b=2"]
    tips = [
        g.find(f"{SVG}title").text
        for g in root.iter(f"{SVG}g")
        if g.find(f"{SVG}title") is not None
    ]
    assert tips == ["GA: 4 documents", "ECOSOC: 2 documents"]
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]


def test_bar_chart_link_urls_are_escaped():
    svg = bar_chart_svg([("x", 1)], label="L", link=lambda name: 'javascript:"><script>')
    assert "<script>" not in svg


def test_bar_chart_empty():
    assert "Nothing to chart" in bar_chart_svg([], label="L")


def test_template_tags_render_charts():
    html = Template(
        '{% load charts %}{% year_histogram counts label="Per year" %}'
        '{% bar_chart items label="By body" %}'
    ).render(Context({"counts": {2001: 1}, "items": [("GA", 1)]}))
    assert html.count("<svg") == 2
    assert "2001: 1 document" in html


@pytest.mark.parametrize("code", ["COP-UNTOC", "COSP-UNCAC", "CONGRESS", "ECOSOC"])
def test_bar_chart_leaves_room_for_long_capital_labels(code):
    """The label column is as wide as the longest label needs: capitals are not clipped."""
    root = parse(bar_chart_svg([(code, 3), ("GA", 1)], label="Per body"))
    label = next(t for t in root.iter(f"{SVG}text") if t.text == code)
    # Text is anchored at its end: what it needs must fit left of that, measured generously.
    assert float(label.get("x")) >= len(code) * 9
