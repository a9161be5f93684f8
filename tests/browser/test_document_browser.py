"""A researcher in a real browser: reads a document, uses anchors and the cite control,
follows a citation to another document and comes back. Screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from resolutions.models import Body, Document, Paragraph, Reference

# Playwright's sync API runs an event loop; the test's ORM calls are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def two_documents(_django_db_helper):
    """A resolution citing another that is in the archive."""
    # get_or_create: a flush between transactional tests may have emptied the seeded bodies.
    ecosoc = Body.objects.get_or_create(
        code="ECOSOC", defaults={"name": "Economic and Social Council"}
    )[0]
    ga = Body.objects.get_or_create(code="GA", defaults={"name": "General Assembly"})[0]
    cited = Document.objects.create(
        symbol="A/RES/68/193",
        number="68/193",
        title="Strengthening the United Nations crime prevention and criminal justice programme",
        body=ga,
        date=dt.date(2013, 12, 18),
        year=2013,
    )
    Paragraph.objects.create(
        document=cited, position=1, kind="operative", number="1", verb="reaffirms",
        text="Reaffirms the importance of the programme,",
    )  # fmt: skip
    citing = Document.objects.create(
        symbol="E/RES/2014/23",
        number="2014/23",
        title="Strengthening international cooperation in addressing the smuggling of migrants",
        body=ecosoc,
        date=dt.date(2014, 7, 16),
        year=2014,
    )
    recalling = Paragraph.objects.create(
        document=citing, position=1, kind="preambular", verb="recalling",
        text="Recalling General Assembly resolution 68/193 of 18 December 2013,",
    )  # fmt: skip
    for n in range(1, 16):
        Paragraph.objects.create(
            document=citing, position=n + 1, kind="operative", number=str(n), verb="urges",
            text=f"Urges States to act on matter {n}: (a) To do one thing; (b) To do another;",
        )  # fmt: skip
    Reference.objects.create(
        citing_document=citing, citing_paragraph=recalling, ref_type="resolution",
        cited_key="A/RES/68/193", cited_body="GA", cited_number="68/193",
        cited_text="General Assembly resolution 68/193", cited_document=cited,
    )  # fmt: skip
    return citing, cited


def test_read_cite_follow_and_come_back(live_server, browser, two_documents):
    citing, cited = two_documents
    ARTIFACTS.mkdir(exist_ok=True)
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        url = live_server.url + citing.get_absolute_url()
        page.goto(url + "#op12")

        # Anchors: every paragraph has one, and the fragment targets it.
        assert page.locator("#pp1").count() == 1
        assert page.locator("#op15").count() == 1
        assert page.evaluate("document.querySelector(':target').id") == "op12"
        page.screenshot(path=str(ARTIFACTS / f"document-{name}.png"))

        # The cite control: the script shows the button; it carries the citation it copies.
        button = page.locator("#op12 .cite-button")
        assert button.is_visible()
        assert button.get_attribute("data-citation") == "E/RES/2014/23, para. 12"
        assert page.locator("#op12 .cite-text").inner_text() == "E/RES/2014/23, para. 12"
        button.focus()
        page.keyboard.press("Enter")  # keyboard use; the clipboard may be refused headless
        page.locator("#op12 .cite-status").wait_for()
        assert "E/RES/2014/23, para. 12" in page.locator("#op12 .cite-status").inner_text() or (
            "Selected" in page.locator("#op12 .cite-status").inner_text()
        )

        # Follow the inline citation to the cited document, then come back.
        link = page.locator("#pp1 a.citation")
        assert link.inner_text() == "General Assembly resolution 68/193"
        link.click()
        page.wait_for_url(live_server.url + cited.get_absolute_url())
        assert page.locator("h1").inner_text().startswith("Strengthening the United Nations")
        assert "E/RES/2014/23" in page.locator("#cited-by").inner_text()
        page.screenshot(path=str(ARTIFACTS / f"cited-document-{name}.png"), full_page=True)
        page.go_back()
        page.wait_for_url(url + "#op12")
        assert page.locator("h1").inner_text().startswith("Strengthening international")
        assert errors == []
        context.close()

    # Without JavaScript: readable, the citation visible, no dead button, no sideways scroll.
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(live_server.url + citing.get_absolute_url())
    assert not page.locator("#op3 .cite-button").is_visible()  # nothing that would not work
    assert page.locator("#op3 .cite-text").inner_text() == "E/RES/2014/23, para. 3"
    assert page.locator("#op3 .segment-1").count() == 2
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / "document-phone-nojs.png"), full_page=False)
    context.close()
