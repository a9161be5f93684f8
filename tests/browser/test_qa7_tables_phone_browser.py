"""Tables of the public pages at 375 px and on a desktop: no word broken letter by letter (main's
`overflow-wrap: anywhere` let a table squeeze a column to one letter: "Code", "Documents",
"Unchanged", "A/RES/80/29" stood one letter a line), nothing pushed sideways; the draft-vs-adopted
comparison reads on a phone as one paragraph under another, its text across the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolutions.ingest import ingest_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = Path(__file__).parents[1] / "lineage" / "data" / "texts"
DEVICES = ["desktop", "phone"]
# The documents the first row's places are named by: the column headings where they show, else
# the text put before each place.
PLACES_NAMED = """() => {
  const head = document.querySelector('.compare-table thead');
  if (head.getBoundingClientRect().height > 0)
    return [...head.querySelectorAll('th')].slice(1, 3).map(th => th.innerText);
  return [...document.querySelectorAll('.compare-table tbody tr:first-child td')].slice(1, 3)
    .map(td => getComputedStyle(td, '::before').content.replace(/^"|: "$/g, ''));
}"""


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return {
        stem: ingest_file(TEXTS / f"{stem}.txt").document
        for stem in ("A_RES_78_37", "A_RES_79_26", "A_C.1_80_L.8", "A_RES_80_29")
    }


@pytest.mark.parametrize("device", DEVICES)
def test_the_entity_lists_keep_their_words_whole(
    live_server, archive, device, request, assert_clean, axe, split_words
):
    page = request.getfixturevalue(f"{device}_page")
    for address in ("/bodies/", "/topics/", "/countries/"):
        page.goto(live_server.url + address)
        assert page.locator("table.entity-table tbody tr").count() >= 1, address
        assert split_words(page) == [], address
        assert axe(page) == [], address
        assert_clean(page)


@pytest.mark.parametrize("device", DEVICES)
def test_the_comparison_keeps_its_words_whole_and_its_text_wide(
    live_server, archive, device, request, assert_clean, axe, split_words, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    adopted, draft = archive["A_RES_80_29"], archive["A_C.1_80_L.8"]
    page.goto(f"{live_server.url}/language/compare/{adopted.pk}/{draft.pk}/")
    screenshot(page, f"qa7-compare-{device}")
    assert split_words(page) == []
    # Each paragraph's text takes most of the width the article has.
    article = page.locator("article.lineage-compare").bounding_box()["width"]
    texts = page.locator(".compare-table tbody td.compare-text")
    assert texts.count() == 13
    assert min(box["width"] for box in map(lambda t: t.bounding_box(), texts.all())) > 0.6 * article
    # Which paragraph of which document a row pairs is said on a phone too.
    assert page.evaluate(PLACES_NAMED) == ["A/RES/80/29", "A/C.1/80/L.8"]
    assert axe(page) == []
    assert_clean(page)
