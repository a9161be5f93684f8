"""A newcomer's first ten minutes, in a real browser, on a desktop and on a 375 px phone.

Search, narrow by a facet, open a document, follow a citation into the archive and one out of
it (to the page of a document not in the archive, and back), export CSV and RIS, subscribe to a
feed. Every page runs under the site's own middleware and Content-Security-Policy; on every
page axe finds no serious violation, and nothing logs an error, breaks the CSP or scrolls
sideways.
"""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import csv
import datetime as dt
import re

import feedparser
import pytest
from django.conf import settings
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.models import Body, Country, Document, Paragraph, Reference

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

OUTSIDE = "E/RES/2013/40"


@pytest.fixture
def walk_archive(archive):
    """The search archive, its first paragraph citing one document in it and one outside it."""
    smuggling = archive["smuggling"]
    recalling = smuggling.paragraphs.get(position=1)
    Paragraph.objects.filter(pk=recalling.pk).update(
        text="Recalling General Assembly resolution 66/128 of 19 December 2011 and Economic and "
        "Social Council resolution 2013/40 of 25 July 2013 on migrants,"
    )
    Reference.objects.filter(citing_document=smuggling, cited_key="A/RES/66/128").update(
        citing_paragraph=recalling, cited_text="General Assembly resolution 66/128"
    )
    Reference.objects.create(
        citing_document=smuggling, citing_paragraph=recalling, ref_type="resolution",
        cited_key=OUTSIDE, cited_body="ECOSOC", cited_number="2013/40",
        cited_text="Economic and Social Council resolution 2013/40",
    )  # fmt: skip
    return archive


def check(page, axe, assert_clean, screenshot, name: str) -> None:
    """What every page of the walk must pass; a screenshot for the record."""
    page.wait_for_load_state("load")
    screenshot(page, name)
    assert axe(page) == [], page.url
    assert_clean(page)


def walk(page, live_server, *, axe, assert_clean, screenshot, device: str) -> None:
    base = live_server.url

    # The site's own headers, as in production (pytest-django runs the server with DEBUG off).
    assert settings.DEBUG is False
    response = page.goto(f"{base}/search/")
    assert response.headers["content-security-policy"] == settings.CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"
    check(page, axe, assert_clean, screenshot, f"walk-{device}-1-search")

    # Search.
    page.fill("#search-q", "migrants")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"q=migrants"))
    assert "2 documents" in page.locator("#results-heading").inner_text()
    bars = page.locator(".year-facet a rect")
    assert bars.count() == 2 and bars.first.bounding_box()["height"] > 10  # not blank
    check(page, axe, assert_clean, screenshot, f"walk-{device}-2-results")

    # Narrow by a facet.
    page.locator(".facet-body a", has_text="Economic and Social Council").click()
    page.wait_for_url(re.compile(r"body=ECOSOC"))
    page.wait_for_function(
        "() => document.querySelector('#results-heading').innerText.includes('1 document')"
    )
    search_url = page.url
    check(page, axe, assert_clean, screenshot, f"walk-{device}-3-narrowed")

    # Open the document at its matching paragraph.
    page.locator(".best-paragraphs a.para-link").first.click()
    page.wait_for_url(re.compile(r"/documents/E/RES/2014/23/#"))
    document_url = page.url.split("#")[0]
    assert "preamble, para. 1" not in page.locator("#cited-by").inner_text()
    check(page, axe, assert_clean, screenshot, f"walk-{device}-4-document")

    # Cite it: the OSCOLA citation's button copies it (or selects it, where the clipboard is
    # refused) and says so.
    oscola = page.locator(".cite-styles div", has_text="OSCOLA")
    assert oscola.locator(".cite-text").inner_text() == (
        "ECOSOC Res 2014/23 (2014) UN Doc E/RES/2014/23"
    )
    oscola.locator(".cite-button").click()
    assert "E/RES/2014/23" in oscola.locator(".cite-status").inner_text() or (
        "Selected" in oscola.locator(".cite-status").inner_text()
    )

    # Follow a citation into the archive, and come back.
    inside = page.locator("#pp1 a.citation:not(.citation-missing)")
    assert inside.inner_text() == "General Assembly resolution 66/128"
    inside.click()
    page.wait_for_url(f"{base}/documents/A/RES/66/128/")
    assert "E/RES/2014/23, preamble, para. 1" in page.locator("#cited-by").inner_text()
    check(page, axe, assert_clean, screenshot, f"walk-{device}-5-cited")
    page.go_back()
    page.wait_for_url(re.compile(re.escape(document_url)))

    # Follow a citation out of the archive: its page says so, shows who cites it, links the
    # official record, and leads back to the citing paragraph.
    outside = page.locator("#pp1 a.citation-missing")
    assert outside.inner_text().startswith("Economic and Social Council resolution 2013/40")
    outside.click()
    page.wait_for_url(f"{base}/documents/{OUTSIDE}/")
    assert page.locator("h1").inner_text() == OUTSIDE
    assert "not in the archive yet" in page.locator("main").inner_text()
    official = page.locator("a[rel=external]")
    assert official.get_attribute("href") == f"https://undocs.org/{OUTSIDE}"
    assert "resolution 2013/40 of 25 July 2013" in page.locator(".citing-paragraph").inner_text()
    check(page, axe, assert_clean, screenshot, f"walk-{device}-6-not-in-archive")
    page.locator(".citing-passages a", has_text="E/RES/2014/23, preamble, para. 1").click()
    page.wait_for_url(f"{document_url}#pp1")
    assert page.evaluate("document.querySelector(':target').id") == "pp1"

    # Export the narrowed search: CSV and RIS downloads.
    page.goto(search_url)
    with page.expect_download() as download:
        page.locator(".search-tools a", has_text="Download CSV").click()
    rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))  # noqa: SIM115
    assert [row["symbol"] for row in rows] == ["E/RES/2014/23"]
    assert rows[0]["topics"] == "Migration"
    with page.expect_download() as download:
        page.locator(".search-tools a", has_text="RIS").click()
    assert download.value.suggested_filename == "search.ris"
    ris = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert "CN  - E/RES/2014/23" in ris and ris.count("ER  -") == 1

    # Subscribe: the page's feed link, fetched and read by a feed parser.
    href = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    feed_response = page.request.get(base + href)
    assert feed_response.ok
    feed = feedparser.parse(feed_response.body())
    assert not feed.bozo and feed.version == "atom10"
    assert [entry.title.split(":")[0] for entry in feed.entries] == ["E/RES/2014/23"]
    assert_clean(page)

    # The bodies page: its chart's labels are whole, and it has a feed per body.
    page.goto(f"{base}/bodies/")
    lefts = page.eval_on_selector_all(
        ".chart-bars text[text-anchor=end]", "texts => texts.map(t => t.getBBox().x)"
    )
    assert lefts and min(lefts) >= 0, lefts  # no label runs off the chart's left edge
    check(page, axe, assert_clean, screenshot, f"walk-{device}-7-bodies")
    page.goto(f"{base}/bodies/ECOSOC/")
    href = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    feed = feedparser.parse(page.request.get(base + href).body())
    assert not feed.bozo and len(feed.entries) == 2
    check(page, axe, assert_clean, screenshot, f"walk-{device}-8-body")


def test_walk_on_a_desktop(live_server, walk_archive, desktop_page, axe, assert_clean, screenshot):
    walk(
        desktop_page, live_server,
        axe=axe, assert_clean=assert_clean, screenshot=screenshot, device="desktop",
    )  # fmt: skip


def test_walk_on_a_phone(live_server, walk_archive, phone_page, axe, assert_clean, screenshot):
    assert phone_page.viewport_size["width"] == 375
    walk(
        phone_page, live_server,
        axe=axe, assert_clean=assert_clean, screenshot=screenshot, device="phone",
    )  # fmt: skip


@pytest.fixture
def long_names(db, settings, tmp_path):
    """A COP document with a long symbol, file name, footnote address, sponsors and citers."""
    settings.MEDIA_ROOT = tmp_path
    cop = Body.objects.get(code="COP-UNTOC")
    symbol = "CTOC/COP/WG.2/2019/INF.1/Rev.1/Add.1/Corr.2"
    document = Document.objects.create(
        symbol=symbol,
        title="Implementation of the United Nations Convention against Transnational Organized "
        "Crime and the Protocols thereto: international cooperation",
        body=cop, date=dt.date(2019, 1, 2), year=2019,
        original_file="originals/x.pdf",
        original_filename="CTOC_COP_WG.2_2019_INF.1_Rev.1_Add.1_Corr.2_english_final.pdf",
    )  # fmt: skip
    paragraph = Paragraph.objects.create(
        document=document, position=1, kind="operative", number="1", verb="urges",
        text="Urges States to read https://www.unodc.org/documents/treaties/UNTOC/Publications/"
        f"TOC%20Convention/TOCebook-e.pdf and {symbol}/Add.9;",
        footnotes=[{"marker": "1", "text": "https://www.unodc.org/unodc/en/organized-crime/"
                    "intro/UNTOC.html#Fulltext_and_other_very_long_segments"}],
    )  # fmt: skip
    Reference.objects.create(
        citing_document=document, citing_paragraph=paragraph, ref_type="document",
        cited_key=f"{symbol}/Add.9", cited_text=f"{symbol}/Add.9",
    )  # fmt: skip
    for i in range(3):
        citing = Document.objects.create(
            symbol=f"CTOC/COP/2020/L.{i}/Rev.1/Add.1", title=f"Citing {i}", body=cop, year=2020 + i
        )
        Reference.objects.create(
            citing_document=citing, ref_type="document", cited_key=symbol, cited_document=document
        )
    for name in ["Bolivia (Plurinational State of)", "Venezuela (Bolivarian Republic of)"]:
        country = Country.objects.create(name=name, slug=name.split()[0].lower())
        document.sponsorship_set.create(country=country)
    return document


def test_long_names_do_not_push_a_phone_page_sideways(
    live_server, long_names, phone_page, axe, assert_clean, screenshot
):
    page = phone_page
    urls = [
        long_names.get_absolute_url(),  # the cited-by body menu names the COP in full
        f"{long_names.get_absolute_url()}Add.9/",  # its citation outside the archive
        f"{long_names.get_absolute_url()}cited-by/",  # every citing document, page by page
        "/bodies/COP-UNTOC/",
        "/countries/bolivia/",
        "/search/?q=convention",
    ]
    for n, url in enumerate(urls, start=1):
        page.goto(live_server.url + url)
        check(page, axe, assert_clean, screenshot, f"walk-phone-long-{n}")
