"""The search page's sort box at 375 px and on a desktop: its longest choice shown whole (a select
cannot wrap its text: "Best match (newest when browsing)" was cut to "browsin"), inside the
viewport, and choosing from it re-sorts the results."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each select of the page as [id, the width its longest choice needs, its width, left, right]:
# the needed width is measured by letting the select size itself to its content, then put back.
SELECT_WIDTHS = """() => [...document.querySelectorAll('select')].map(select => {
  const shown = select.getBoundingClientRect();
  const saved = select.style.cssText;
  select.style.maxWidth = 'none';
  select.style.width = 'max-content';
  const needed = select.getBoundingClientRect().width;
  select.style.cssText = saved;
  return [select.id, needed, shown.width, shown.left, shown.right];
})"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_sort_box_shows_its_choices_whole_and_sorts(
    live_server, two_dated_documents, device, request, assert_clean, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/search/?q=urges")
    screenshot(page, f"qa7-search-sort-{device}")
    viewport = page.viewport_size["width"]
    widths = page.evaluate(SELECT_WIDTHS)
    assert [w[0] for w in widths] == ["search-sort"]
    for name, needed, shown, left, right in widths:
        assert needed <= shown, f"{name} needs {needed}px, shows {shown}px"
        assert left >= 0 and right <= viewport, f"{name} spans {left}-{right}px of {viewport}"
    page.locator("#search-sort").select_option("oldest")
    page.wait_for_url(re.compile(r"sort=oldest"))
    assert page.locator(".result-title").all_inner_texts() == ["Urges in 2001", "Urges in 2020"]
    assert axe(page) == []
    assert_clean(page)


@pytest.fixture
def two_dated_documents(make_document, make_paragraph):
    for year in (2020, 2001):
        document = make_document(
            symbol=f"E/RES/{year}/1", number=f"{year}/1", title=f"Urges in {year}", year=year
        )
        make_paragraph(document, "Urges States to act;", verb="urges")
