"""Every kind of public page at 320 px (the narrowest common phone, and a 1280 px screen zoomed to
400 %: WCAG 1.4.10 Reflow), in Debian Chromium under the site's own middleware and CSP: the page
never scrolls sideways (a table or code block may, inside its own focusable region), and every
form control lies inside the viewport, a select wide enough for the choice it shows."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command

from resolutions.catalogue.models import Concept
from resolutions.ingest import ingest_file
from resolutions.lineage.models import Family
from resolutions.models import Body, Country, Topic
from tests.browser.conftest import watched_page
from tests.catalogue.conftest import page_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = Path(__file__).parents[1] / "lineage" / "data" / "texts"
NARROWEST = {"width": 320, "height": 568}
# The page's width when it is wider than the viewport, with the innermost boxes that stick out.
TOO_WIDE = """() => {
  const width = document.documentElement.scrollWidth;
  if (width <= innerWidth) return null;
  const out = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
    .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 0.5))
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
  return `${width}px: ${[...new Set(out)].slice(0, 4).join(', ')}`;
}"""
# Visible form controls not wholly inside the viewport, as "tag#id left-right".
CONTROLS_OUTSIDE = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .map(c => [c, c.getBoundingClientRect()])
  .filter(([c, r]) => r.width > 0 && (r.left < 0 || r.right > innerWidth))
  .map(([c, r]) => `${c.tagName.toLowerCase()}#${c.id || c.name} ${r.left}-${r.right}`)"""
# Selects narrower than the choice they show, which a select cannot wrap, as "name needed>shown":
# the needed width is that of a copy holding only the chosen option, sized to its content.
SELECTS_CUT = """() => [...document.querySelectorAll('select')].flatMap(select => {
  const shown = select.getBoundingClientRect().width;
  const copy = select.cloneNode(false);
  copy.append(select.selectedOptions[0].cloneNode(true));
  copy.style.maxWidth = 'none';
  copy.style.width = 'max-content';
  select.after(copy);
  const needed = copy.getBoundingClientRect().width;
  copy.remove();
  return shown > 0 && needed > shown + 0.5 ? [`${select.name} ${needed}>${shown}`] : [];
})"""
# Boxes that scroll sideways but cannot be reached by keyboard (no tabindex): only a focusable
# region may scroll on its own.
UNREACHABLE_SCROLLERS = """() => [...document.querySelectorAll('main *')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
    && e.scrollWidth > e.clientWidth + 1 && e.tabIndex < 0)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""


@pytest.fixture
def narrow_page(chromium):
    """A fresh page 320 px wide, with touch and the site's CSP enforced."""
    context = chromium.new_context(viewport=NARROWEST, is_mobile=True, has_touch=True)
    yield watched_page(context)
    context.close()


@pytest.fixture
def archive(settings, tmp_path):
    """The lineage texts (a family, a draft and its adoption, mandates, commitments), and a
    catalogued resolution under the UNBIS crime and drugs subjects."""
    settings.MEDIA_ROOT = tmp_path / "media"
    documents = {
        stem: ingest_file(TEXTS / f"{stem}.txt").document
        for stem in ("A_RES_78_37", "A_RES_79_26", "A_C.1_80_L.8", "A_RES_80_29")
    }
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    from resolutions.catalogue.importer import ImportReport, import_page

    import_page(page_bytes("A_RES_63_156.xml"), report=ImportReport())
    return documents


def public_pages(archive) -> list[str]:
    """One address of each kind of public page."""
    adopted, draft = archive["A_RES_80_29"], archive["A_C.1_80_L.8"]
    sentence = "to seek the views of Member States on the subject"
    subject = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    return [
        "/",
        "/search/?q=states",
        adopted.get_absolute_url(),
        "/documents/A/RES/63/156/",
        Family.objects.first().get_absolute_url(),
        f"/language/compare/{adopted.pk}/{draft.pk}/",
        "/language/mandates/",
        "/language/commitments/",
        f"/language/trace/?q={quote(sentence)}",
        "/bodies/",
        Body.objects.get(code="GA").get_absolute_url(),
        "/topics/",
        Topic.objects.order_by("-documents").first().get_absolute_url(),
        "/countries/",
        Country.objects.order_by("-sponsored_documents").first().get_absolute_url(),
        "/subjects/",
        subject.get_absolute_url(),
        "/api/",
    ]


def test_every_public_page_reflows_at_320px(
    live_server, archive, narrow_page, assert_clean, screenshot
):
    page = narrow_page
    failures = {}
    for n, address in enumerate(public_pages(archive)):
        page.goto(live_server.url + address)
        if address.startswith("/search/"):  # the page at its fullest: results beside facets
            assert page.locator(".result-title").count() == 4
            assert page.locator(".facet").count() >= 5
        wrong = {
            "width": page.evaluate(TOO_WIDE),
            "controls": page.evaluate(CONTROLS_OUTSIDE),
            "selects cut": page.evaluate(SELECTS_CUT),
            "scrollers": page.evaluate(UNREACHABLE_SCROLLERS),
        }
        screenshot(page, f"qa9-reflow-320-{n:02}")
        if any(wrong.values()):
            failures[address] = {k: v for k, v in wrong.items() if v}
    assert failures == {}, failures
    assert_clean(page)
