"""The search form's choices at 375 px and on a desktop: each label on one line, both switches
alike (the "Words together" fieldset kept the browser's border, "Show" broke into "Sho" / "w")."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Legends and radio labels of the form's switches taller than one line of their own text.
BROKEN_LABELS = """() => [...document.querySelectorAll(
    '.search-options fieldset legend, .search-options fieldset label')]
  .filter(e => e.getBoundingClientRect().height >= 2 * parseFloat(getComputedStyle(e).fontSize))
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_search_switches_keep_each_choice_on_one_line(
    live_server, archive_for_form, device, request, assert_clean, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/search/?q=urges")
    screenshot(page, f"qa6-search-form-{device}")
    assert page.evaluate(BROKEN_LABELS) == []
    borders = page.eval_on_selector_all(
        ".search-options fieldset", "els => els.map(e => getComputedStyle(e).borderTopStyle)"
    )
    assert borders == ["none", "none"]
    assert axe(page) == []
    assert_clean(page)


@pytest.fixture
def archive_for_form(make_document, make_paragraph):
    document = make_document(symbol="A/RES/70/1", title="Urges in one paragraph")
    make_paragraph(document, "Urges States to act;", verb="urges")
