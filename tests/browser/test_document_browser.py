"""A researcher in a real browser: reads a document, uses anchors and the cite control,
follows a citation to another document and comes back. Screenshots go to test-artifacts/."""

from __future__ import annotations

import datetime as dt

import pytest

from resolutions.models import Body, Document, Paragraph, Reference

# Fixtures chromium, desktop_page, phone_page, screenshot, axe: tests/browser/conftest.py.

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def two_documents():
    """A resolution citing another that is in the archive."""
    ecosoc = Body.objects.get(code="ECOSOC")
    ga = Body.objects.get(code="GA")
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


def read_cite_follow_and_come_back(page, live_server, citing, cited, *, name, screenshot):
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    url = live_server.url + citing.get_absolute_url()
    page.goto(url + "#op12")

    # Anchors: every paragraph has one, and the fragment targets it.
    assert page.locator("#pp1").count() == 1
    assert page.locator("#op15").count() == 1
    assert page.evaluate("document.querySelector(':target').id") == "op12"
    screenshot(page, f"document-{name}")

    # The cite control: the script shows the button; it carries the citation it copies.
    button = page.locator("#op12 .cite-button")
    assert button.is_visible()
    assert button.get_attribute("data-citation") == "E/RES/2014/23, para. 12"
    assert page.locator("#op12 .cite-text").inner_text() == "E/RES/2014/23, para. 12"
    button.focus()
    page.keyboard.press("Enter")  # keyboard use; the clipboard may be refused headless
    status = page.locator("#op12 .cite-status")
    status.wait_for()
    assert "E/RES/2014/23, para. 12" in status.inner_text() or "Selected" in status.inner_text()

    # Follow the inline citation to the cited document, then come back.
    link = page.locator("#pp1 a.citation")
    assert link.inner_text() == "General Assembly resolution 68/193"
    link.click()
    page.wait_for_url(live_server.url + cited.get_absolute_url())
    assert page.locator("h1").inner_text().startswith("Strengthening the United Nations")
    assert "E/RES/2014/23" in page.locator("#cited-by").inner_text()
    screenshot(page, f"cited-document-{name}")
    page.go_back()
    page.wait_for_url(url + "#op12")
    assert page.locator("h1").inner_text().startswith("Strengthening international")
    assert errors == []


def test_read_cite_follow_and_come_back_on_desktop(
    live_server, desktop_page, two_documents, screenshot
):
    citing, cited = two_documents
    read_cite_follow_and_come_back(
        desktop_page, live_server, citing, cited, name="desktop", screenshot=screenshot
    )


def test_read_cite_follow_and_come_back_on_a_phone(
    live_server, phone_page, two_documents, screenshot, assert_clean
):
    citing, cited = two_documents
    read_cite_follow_and_come_back(
        phone_page, live_server, citing, cited, name="phone", screenshot=screenshot
    )
    # No sideways scrolling on a phone, no console error, no CSP violation.
    assert_clean(phone_page)


def test_page_reads_without_javascript(live_server, chromium, two_documents, screenshot):
    citing, _ = two_documents
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto(live_server.url + citing.get_absolute_url())
    assert not page.locator("#op3 .cite-button").is_visible()  # nothing that would not work
    assert page.locator("#op3 .cite-text").inner_text() == "E/RES/2014/23, para. 3"
    assert page.locator("#op3 .segment-1").count() == 2
    screenshot(page, "document-phone-nojs")
    context.close()


def test_document_page_has_no_serious_accessibility_violations(
    live_server, desktop_page, two_documents, axe
):
    citing, _ = two_documents
    desktop_page.goto(live_server.url + citing.get_absolute_url())
    assert axe(desktop_page) == []
