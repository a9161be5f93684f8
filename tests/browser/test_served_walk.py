"""The researcher's walk on a served archive: `make run` on a fresh clone, with its samples.

Runs only when `ARCHIVE_SERVED_URL` names a running archive (`.ci/smoke.py` sets it after serving
a fresh clone); the same walk with hand-made documents runs on every `make test` in
test_walk_browser.py. Search, narrow by a facet, open a document, follow a citation in the
archive and one out of it, export CSV and RIS, subscribe to a feed: on a desktop and at 375 px,
under the site's own Content-Security-Policy, with axe and no console error on any page.
"""

from __future__ import annotations

import csv
import os
import re

import feedparser
import pytest

SERVED = os.environ.get("ARCHIVE_SERVED_URL", "").rstrip("/")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not SERVED, reason="ARCHIVE_SERVED_URL is not set: no served archive"),
]


def check(page, axe, assert_clean, screenshot, name: str) -> None:
    page.wait_for_load_state("load")
    screenshot(page, name)
    assert axe(page) == [], page.url
    assert_clean(page)


def walk(page, *, axe, assert_clean, screenshot, device: str) -> None:
    response = page.goto(f"{SERVED}/search/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    check(page, axe, assert_clean, screenshot, f"served-{device}-1-search")

    # Search, then narrow by the first body offered.
    page.fill("#search-q", "trafficking")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"q=trafficking"))
    assert re.search(r"\d+ documents?", page.locator("#results-heading").inner_text())
    assert page.locator(".year-facet a rect").first.bounding_box()["height"] > 0
    check(page, axe, assert_clean, screenshot, f"served-{device}-2-results")
    page.locator(".facet-body a[href*='body=']").first.click()
    page.wait_for_url(re.compile(r"body="))
    search_url = page.url
    check(page, axe, assert_clean, screenshot, f"served-{device}-3-narrowed")

    # Open a result.
    page.locator(".best-paragraphs a.para-link").first.click()
    page.wait_for_url(re.compile(r"/documents/"))
    assert page.locator("h1").inner_text().strip()
    check(page, axe, assert_clean, screenshot, f"served-{device}-4-document")

    # A typed symbol opens its document; follow a citation of another sample into the archive.
    page.goto(f"{SERVED}/search/?q=E/RES/2014/23")
    page.wait_for_url(f"{SERVED}/documents/E/RES/2014/23/")
    citer = page.locator("#cited-by a[href*='#']").first
    citer.click()
    page.wait_for_url(re.compile(r"#(pp|op)\d+"))
    inside = page.locator("a.citation[href='/documents/E/RES/2014/23/']").first
    inside.click()
    page.wait_for_url(f"{SERVED}/documents/E/RES/2014/23/")
    check(page, axe, assert_clean, screenshot, f"served-{device}-5-cited")

    # Follow a citation out of the archive: its page says so and links the official record.
    outside = page.locator("a.citation-missing").first
    outside.click()
    page.wait_for_url(re.compile(r"/documents/.+/$"))
    assert "not in the archive yet" in page.locator("main").inner_text()
    assert page.locator("a[rel=external]").first.get_attribute("href").startswith("https://")
    check(page, axe, assert_clean, screenshot, f"served-{device}-6-not-in-archive")

    # Export the narrowed search (CSV, RIS) and subscribe to its feed.
    page.goto(search_url)
    with page.expect_download() as download:
        page.locator(".search-tools a", has_text="Download CSV").click()
    with open(download.value.path(), encoding="utf-8") as exported:
        rows = list(csv.DictReader(exported))
    assert rows and all(row["symbol"] or row["title"] for row in rows)
    with page.expect_download() as download:
        page.locator(".search-tools a", has_text="RIS").click()
    with open(download.value.path(), encoding="utf-8") as exported:
        assert exported.read().count("ER  -") == len(rows)
    href = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    feed = feedparser.parse(page.request.get(SERVED + href).body())
    assert not feed.bozo and feed.version == "atom10" and feed.entries
    assert_clean(page)


def test_served_walk_on_a_desktop(desktop_page, axe, assert_clean, screenshot):
    walk(desktop_page, axe=axe, assert_clean=assert_clean, screenshot=screenshot, device="desktop")


def test_served_walk_on_a_phone(phone_page, axe, assert_clean, screenshot):
    walk(phone_page, axe=axe, assert_clean=assert_clean, screenshot=screenshot, device="phone")
