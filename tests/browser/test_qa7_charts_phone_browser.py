"""Charts at 375 px and on a desktop: every label readable (the commitments page's strength chart
drew its years at 11 of 640 units, 6 px on a phone) and a chart with nothing to draw says why in
text at the page's size (its message was drawn inside the picture and shrank with it)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from django.utils.text import slugify

from resolutions.ingest import ingest_file
from resolutions.models import Country, Document, Sponsorship

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = Path(__file__).parents[1] / "lineage" / "data" / "texts"
# Each text of the page's charts: its text, rendered height and horizontal extent, in CSS px.
CHART_TEXTS = """() => [...document.querySelectorAll('svg.chart text')].map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, height: r.height, left: r.left, right: r.right};
})"""
EMPTY_SIZES = """() => [...document.querySelectorAll('.chart-empty')]
  .map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize)])"""


@pytest.fixture
def archive(settings, tmp_path, make_document):
    settings.MEDIA_ROOT = tmp_path / "media"
    make_document(symbol="E/RES/2099/1", title="An undated resolution on disarmament")
    for stem in ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29"):
        ingest_file(TEXTS / f"{stem}.txt")


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize(
    ("address", "empty"),
    [
        ("/language/commitments/", ["No document in this selection has two sponsors."]),
        ("/search/?q=undated", ["No dated documents."]),
    ],
)
def test_chart_labels_and_messages_are_readable(
    live_server, archive, device, address, empty, request, assert_clean, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(live_server.url + address)
    screenshot(page, f"qa7-charts-{device}-{address.strip('/').split('/')[-1][:12]}")
    texts = page.evaluate(CHART_TEXTS)
    assert all(t["height"] >= 10 for t in texts), texts
    years = sorted(
        (t for t in texts if t["text"].isdigit() and len(t["text"]) == 4), key=lambda t: t["left"]
    )
    assert all(a["right"] < b["left"] for a, b in itertools.pairwise(years)), years
    messages = page.evaluate(EMPTY_SIZES)
    assert [m[0] for m in messages] == empty
    assert min(m[1] for m in messages) >= 14
    assert axe(page) == []
    assert_clean(page)


@pytest.fixture
def long_named_sponsors(archive):
    names = [
        "Bolivia (Plurinational State of)",
        "Venezuela (Bolivarian Republic of)",
        "Iran (Islamic Republic of)",
    ]
    countries = [
        Country.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in names
    ]
    for document in Document.objects.filter(symbol__startswith="A/RES/"):
        for position, country in enumerate(countries):
            Sponsorship.objects.create(document=document, country=country, position=position)


# Texts of the co-sponsor chart reaching past its left edge (clipped there).
CLIPPED = """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
  const left = svg.getBoundingClientRect().left;
  return [...svg.querySelectorAll('text')]
    .filter(t => t.getBoundingClientRect().left < left - 1).map(t => t.textContent);
})"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_co_sponsor_pairs_fit_their_chart_and_keep_their_table(
    live_server, long_named_sponsors, device, request, assert_clean, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/language/commitments/")
    screenshot(page, f"qa7-pairs-{device}")
    assert page.evaluate(CLIPPED) == []
    pairs = page.locator("table", has_text="Documents sponsored together")
    assert pairs.locator("th", has_text="Documents sponsored together").is_visible()
    assert pairs.locator("tbody tr").count() == 3
    assert axe(page) == []
    assert_clean(page)


# Each label of the co-sponsor chart: its text, the font size it is drawn at on screen (computed
# size times the drawing's scale) and its box, in CSS px.
PAIR_LABELS = """() => {
  const svg = document.querySelector('svg[aria-label="Top co-sponsor pairs"]');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
            top: r.top, bottom: r.bottom, left: r.left, right: r.right,
            chartLeft: box.left, chartRight: box.right};
  });
}"""


def test_co_sponsor_labels_are_readable_on_a_phone(
    live_server, long_named_sponsors, phone_page, assert_clean, screenshot
):
    phone_page.goto(f"{live_server.url}/language/commitments/")
    screenshot(phone_page, "pairs-labels-phone")
    labels = phone_page.evaluate(PAIR_LABELS)
    assert len(labels) == 3
    assert all(label["size"] >= 11 for label in labels), labels
    assert all(label["bottom"] - label["top"] >= 11 for label in labels), labels
    assert all(
        label["chartLeft"] - 1 <= label["left"] and label["right"] <= label["chartRight"] + 1
        for label in labels
    ), labels
    rows = sorted(labels, key=lambda label: label["top"])
    assert all(a["bottom"] <= b["top"] for a, b in itertools.pairwise(rows)), rows
    assert_clean(phone_page)
