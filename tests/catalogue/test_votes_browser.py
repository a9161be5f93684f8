"""The vote table in a real browser under the site's CSP: the search box narrows the States."""

from __future__ import annotations

import pytest

from resolutions.models import Document
from tests.browser.conftest import chromium  # noqa: F401  (the shared headless Chromium)
from tests.catalogue.conftest import page_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_vote_filter_works_under_the_csp(chromium, live_server):  # noqa: F811
    from resolutions.catalogue.importer import ImportReport, import_page

    report = ImportReport()
    for name in ("S_RES_2538_2020.xml", "S_RES_2538_2020_vote.xml"):
        import_page(page_bytes(name), report=report)
    url = live_server.url + Document.objects.get(symbol="S/RES/2538 (2020)").get_absolute_url()
    context = chromium.new_context()  # no bypass: the page's own Content-Security-Policy holds
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(f"{msg.text} {msg.location.get('url', '')}")
            if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico")
            else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    try:
        page.goto(url)
        box = page.locator("#vote-filter-1")
        assert box.is_visible()  # shown by the script: without it the box stays hidden
        rows = page.locator("#vote-table-1 tbody tr")
        assert rows.count() == 15
        box.fill("fra")
        visible = page.locator("#vote-table-1 tbody tr:not([hidden])")
        assert visible.count() == 1 and "France" in visible.inner_text()
        assert page.locator(".vote-filter-count").inner_text() == "1 of 15 States"
        box.fill("")
        assert page.locator("#vote-table-1 tbody tr:not([hidden])").count() == 15
        assert problems == []
    finally:
        context.close()
