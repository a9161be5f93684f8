"""A researcher's way to the UNBIS subjects, in a real browser on a desktop and at 375 px, under
the site's own middleware and Content-Security-Policy: no console error, no sideways scrolling,
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
