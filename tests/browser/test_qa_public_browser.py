"""A researcher's way to the UNBIS subjects and the tracer's answer to text it cannot trace, in a
real browser on a desktop and at 375 px, under the site's own middleware and Content-Security-
Policy: no console error (a page answered 4xx is logged as a failed load), no sideways scrolling,
axe clean."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEVICES = ["desktop", "phone"]


@pytest.mark.parametrize("device", DEVICES)
def test_the_subjects_are_linked_from_every_page_beside_the_other_facets(
    live_server, device, request, assert_clean, axe
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/")
    browse = page.locator("nav.site-nav a")
    names = browse.all_inner_texts()
    assert names[names.index("Countries") + 1] == "Subjects"
    browse.get_by_text("Subjects", exact=True).click()
    page.wait_for_url(re.compile(r"/subjects/$"))
    assert page.locator("h1").inner_text() == "UNBIS subjects"
    assert axe(page) == []
    assert_clean(page)


# What the search page's tracer form is given, and what its answer says.
BAD_TEXTS = [
    ("", "Paste a sentence or a paragraph"),
    ("Urges", "Paste at least 4 words"),
    ("Urges States to act; " * 300, "The text is 6,300 characters long: paste at most 5,000"),
    ("Просит Генерального секретаря представить доклад", "The text is not in English"),
]


@pytest.mark.parametrize("device", DEVICES)
def test_text_the_tracer_cannot_trace_shows_its_reason_and_logs_nothing(
    live_server, device, request, assert_clean, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    for n, (text, message) in enumerate(BAD_TEXTS):
        page.goto(f"{live_server.url}/search/")
        page.locator(".trace-form summary").click()
        page.fill("#trace-q", text)
        page.get_by_role("button", name="Trace the wording").click()
        page.wait_for_url(re.compile(r"/language/trace/\?q="))
        alert = page.get_by_role("alert")
        assert message in alert.inner_text(), text[:40]
        screenshot(page, f"trace-bad-{device}-{n}")
        assert axe(page) == []
        assert_clean(page)
