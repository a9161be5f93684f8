"""A body's per-year chart on a phone: its labels were drawn at 12 of 640 units, about 6 px at
375 px wide. Now they are readable there, never overlap, and stay inside the chart."""

from __future__ import annotations

import datetime
import itertools

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each label of the chart: its rendered box, in CSS pixels.
LABELS = """() => {
  const chart = document.querySelector('svg.chart-years').getBoundingClientRect();
  const boxes = [...document.querySelectorAll('svg.chart-years text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, height: r.height,
            inside: r.left >= chart.left - 1 && r.right <= chart.right + 1};
  });
  return boxes;
}"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_year_labels_are_readable_apart_and_inside_the_chart(
    live_server, make_document, device, request, assert_clean, screenshot
):
    # Ten years, and a year with 120 documents: a three-digit top of the scale.
    for year in range(2016, 2026):
        make_document(body_code="GA", date=datetime.date(year, 12, 1), year=year)
    for _ in range(119):
        make_document(body_code="GA", date=datetime.date(2025, 6, 1), year=2025)
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/bodies/GA/")
    screenshot(page, f"qa6-year-chart-{device}")
    labels = page.evaluate(LABELS)
    years = sorted((b for b in labels if len(b["text"]) == 4), key=lambda b: b["left"])
    assert [b["text"] for b in years][:2] == ["2016", "2017"]
    assert min(b["height"] for b in labels) >= 10, labels
    assert all(b["inside"] for b in labels), labels
    assert all(a["right"] < b["left"] for a, b in itertools.pairwise(years)), years
    assert_clean(page)
