"""The commitments of a search's selection: the search page links to them, and their chart data
and CSV count exactly the operative paragraphs of the documents that search finds."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
from collections import Counter

import pytest
from django.conf import settings

from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db

TEXTS = (
    "A_C.1_80_L.8",
    "A_C.2_80_L.2",
    "A_RES_78_37",
    "A_RES_79_26",
    "A_RES_80_146",
    "A_RES_80_29",
)
# "disarmament" is in four of the six texts; from 2024, in three.
SEARCH = {"q": "disarmament", "year_min": "2024", "sort": "oldest", "page": "1"}


@pytest.fixture
def ingested(ingest_text):
    return [ingest_text(stem) for stem in TEXTS]


def link(html: str, text: str) -> str:
    """The address of the link whose text starts with `text`."""
    found = re.search(r'<a href="([^"]+)">' + re.escape(text), html)
    assert found, text
    return html_lib.unescape(found.group(1))


def operative_paragraphs_by_year(document_ids: list[int]) -> Counter:
    rows = Paragraph.objects.filter(
        document_id__in=document_ids, kind=Paragraph.Kind.OPERATIVE, document__year__isnull=False
    ).exclude(verb="")
    return Counter(rows.values_list("document__year", flat=True))


def table_by_year(html: str) -> Counter:
    """Per year, the paragraphs of the page's table (every level and those not on the scale)."""
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th>((?:<td>\d+</td>)+)</tr>', html)
    return Counter({int(year): sum(map(int, re.findall(r"\d+", cells))) for year, cells in rows})


def csv_by_year(content: bytes) -> Counter:
    rows = list(csv.reader(io.StringIO(content.decode())))
    assert rows[0] == ["year", "verb", "level", "paragraphs"]
    counts: Counter = Counter()
    for year, _, _, n in rows[1:]:
        counts[int(year)] += int(n)
    return counts


def test_the_search_links_to_the_commitments_of_the_documents_it_finds(client, ingested):
    found = client.get("/api/v1/search/", {**SEARCH, "per_page": "100"}).json()
    found_ids = [row["id"] for row in found["results"]]
    assert 0 < len(found_ids) < len(ingested)  # the selection leaves documents out
    expected = operative_paragraphs_by_year(found_ids)
    assert sum(expected.values()) > 0
    assert expected != operative_paragraphs_by_year([d.pk for d in ingested])

    search_page = client.get("/search/", SEARCH).content.decode()
    page_url = link(search_page, "Commitment language of these documents")
    csv_url = link(search_page, "operative verbs per year, CSV")
    assert page_url.startswith("/language/commitments/?") and "page=" not in page_url

    page = client.get(page_url)
    html = page.content.decode()
    assert page.status_code == 200
    assert table_by_year(html) == expected
    for year in expected:
        assert f"<title>{year}: mean strength " in html  # a column of the chart per year
    assert "Words: “disarmament”" in html and "Year: 2024 to …" in html
    assert csv_by_year(client.get(csv_url).content) == expected

    # The chart is SVG in the page: nothing the policy (no inline script or style) would block.
    policy = page["Content-Security-Policy"]
    assert policy == settings.CONTENT_SECURITY_POLICY and "unsafe-inline" not in policy
    assert "<svg" in html and " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def test_a_search_that_finds_nothing_gives_an_empty_chart_with_a_message(client, ingested):
    search_page = client.get("/search/", {"q": "disarmament", "body": "ECOSOC"}).content.decode()
    page = client.get(link(search_page, "Commitment language of these documents"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "No published operative paragraph matches this selection." in html
    assert "chart-empty" in html and "No operative paragraphs with a scored verb" in html
    csv_url = link(search_page, "operative verbs per year, CSV")
    assert csv_by_year(client.get(csv_url).content) == Counter()
