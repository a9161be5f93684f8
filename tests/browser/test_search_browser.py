"""A researcher in a real browser: searches, narrows by a facet, opens a document, follows a
citation and goes back; the search page passes axe and works on a phone and without scripts."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import re

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_search_narrow_open_follow_citation_and_back(
    live_server, archive, desktop_page, screenshot
):
    page = desktop_page
    page.goto(f"{live_server.url}/search/")
    page.fill("#search-q", "migrants")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"q=migrants"))
    heading = page.locator("#results-heading")
    assert "2 documents" in heading.inner_text()
    screenshot(page, "search-1-results")

    # Narrow by a facet: the URL carries it, the count follows, a chip can remove it.
    page.locator(".facet-body a", has_text="Economic and Social Council").click()
    page.wait_for_url(re.compile(r"body=ECOSOC"))
    page.wait_for_function(
        "() => document.querySelector('#results-heading').innerText.includes('1 document')"
    )
    assert page.locator(".chip", has_text="Economic and Social Council").count() == 1
    screenshot(page, "search-2-narrowed")

    # Open the document at its matching paragraph.
    page.locator(".best-paragraphs a.para-link").first.click()
    page.wait_for_url(re.compile(r"/documents/E/RES/2014/23/#"))
    screenshot(page, "search-3-document")

    # Follow the citation to the cited resolution, then come back.
    page.locator("a[href='/documents/A/RES/66/128/']").first.click()
    page.wait_for_url(re.compile(r"/documents/A/RES/66/128/"))
    screenshot(page, "search-4-cited")
    page.go_back()
    page.wait_for_url(re.compile(r"/documents/E/RES/2014/23/"))
    page.go_back()
    page.wait_for_url(re.compile(r"body=ECOSOC"))
    assert "1 document" in page.locator("#results-heading").inner_text()


def test_every_download_link_of_a_search_downloads_a_file(live_server, archive, desktop_page):
    # A link that says "Download" must not open the data in the tab instead.
    page = desktop_page
    page.goto(f"{live_server.url}/search/?q=migrants")
    links = page.locator(".search-tools a", has_text="Download")
    names = []
    for i in range(links.count()):
        with page.expect_download(timeout=5_000) as download:
            links.nth(i).click()
        names.append(download.value.suggested_filename)
    assert names == ["search.csv", "search.json"]
    assert page.url == f"{live_server.url}/search/?q=migrants"


def test_year_histogram_draws_its_bars_under_the_sites_csp(
    live_server, archive, desktop_page, assert_clean
):
    page = desktop_page
    page.goto(f"{live_server.url}/search/")
    bars = page.locator(".year-facet a rect")
    assert bars.count() == 3  # 2006, 2011, 2014 (years between drawn empty, not linked)
    heights = [bars.nth(i).bounding_box()["height"] for i in range(bars.count())]
    assert min(heights) > 10, heights  # one document each: full height, not a blank chart
    bars.first.click()
    page.wait_for_url(re.compile(r"year_min=2006&year_max=2006"))
    assert_clean(page)


def test_typed_symbol_goes_to_the_document(live_server, archive, desktop_page):
    page = desktop_page
    page.goto(f"{live_server.url}/search/")
    page.fill("#search-q", "resolution 66/128")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"/documents/A/RES/66/128/$"))


def test_paragraph_question_on_a_phone(live_server, archive, phone_page, screenshot):
    page = phone_page
    page.goto(
        f"{live_server.url}/search/?q=%22financial+investigations%22&verb=urges"
        "&kind=operative&view=paragraphs"
    )
    assert "1 paragraph" in page.locator("#results-heading").inner_text()
    assert page.locator("mark").count() >= 2
    # Nothing wider than the screen.
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 375
    screenshot(page, "search-5-phone-paragraphs")


def test_search_works_without_javascript(live_server, archive, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/search/")
    page.fill("#search-q", "migrants")
    page.press("#search-q", "Enter")
    page.wait_for_url(re.compile(r"q=migrants"))
    page.locator(".facet-body a", has_text="General Assembly").click()
    page.wait_for_url(re.compile(r"body=GA"))
    assert "1 document" in page.locator("#results-heading").inner_text()
    context.close()


def test_search_page_has_no_serious_accessibility_violations(
    live_server, archive, desktop_page, axe
):
    page = desktop_page
    for url in ("/search/?q=migrants&body=ECOSOC", "/search/?verb=urges&view=paragraphs", "/api/"):
        page.goto(f"{live_server.url}{url}")
        assert axe(page) == [], url


def test_the_api_page_on_a_phone_scrolls_its_examples_by_keyboard_too(
    live_server, archive, phone_page, axe
):
    # A code block wider than the phone scrolls sideways: keyboard users must reach it.
    page = phone_page
    page.goto(f"{live_server.url}/api/")
    assert axe(page) == []


def test_keyboard_reaches_the_search_box_and_facets(live_server, archive, desktop_page):
    page = desktop_page
    page.goto(f"{live_server.url}/search/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.focus("#search-q")
    page.keyboard.type("migrants")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=migrants"))
    outline = page.evaluate(
        "() => { const a = document.querySelector('.facet-body a'); a.focus();"
        " return getComputedStyle(a).outlineStyle; }"
    )
    assert outline == "solid"
