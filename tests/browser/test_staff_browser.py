"""A librarian in a real browser: signs in, uploads a Word file (read by the worker), reviews it,
corrects its title and publishes it; an anonymous researcher then finds it by a word of its text.
The site's Content-Security-Policy is enforced here (no bypass), and the pages must not break it."""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.contrib.auth.models import Group, User
from upload_worker import run_upload_jobs

from resolutions.models import Country, Document
from resolutions.roles import LIBRARIANS, ensure_roles

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a-Long-librarian-pass-7"
LINES = [
    "Economic and Social Council",
    "Resolution 2099/88",
    "Countering ransomware and online extortion",
    "The Economic and Social Council,",
    "Recalling General Assembly resolution 74/247 of 27 December 2019,",
    "Alarmed by the spread of ransomware attacks against hospitals,",
    "1. Urges Member States to criminalize ransomware extortion;",
    "2. Requests the United Nations Office on Drugs and Crime to assist States.",
]


@pytest.fixture
def word_file(tmp_path):
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "ransomware.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def librarian(db) -> User:
    ensure_roles()
    user = User.objects.create_user("librarian", password=PASSWORD)
    user.groups.add(Group.objects.get(name=LIBRARIANS))
    return user


def strict_page(chromium, violations: list[str]):
    """A page with the site's CSP enforced; CSP reports in the console are collected."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, page


def test_librarian_uploads_reviews_corrects_publishes_and_researcher_finds_it(
    live_server, chromium, librarian, word_file, screenshot, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    violations: list[str] = []
    context, page = strict_page(chromium, violations)

    page.goto(f"{live_server.url}/staff/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.fill("#id_username", "librarian")
    page.fill("#id_password", PASSWORD)
    page.click("#main form button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/$"))
    screenshot(page, "staff-1-home")

    page.click("nav.staff-nav >> text=Upload")
    page.set_input_files("#id_files", str(word_file))
    page.click("text=Upload and parse")
    # The file waits for the worker; its page shows so and refreshes itself until it is read.
    page.wait_for_url(re.compile(r"/staff/upload/\d+/$"))
    assert "Waiting" in page.locator(".upload-results").inner_text()
    screenshot(page, "staff-2-upload-waiting")
    run_upload_jobs()
    page.wait_for_url(re.compile(r"/staff/documents/\d+/$"))
    assert page.locator(".paragraphs li").count() >= 4
    assert page.locator(".paragraphs .verb", has_text="urges").count() == 1
    assert "criminalize ransomware" in page.locator(".source pre").inner_text()
    assert "Draft" in page.locator(".review-head .status").inner_text()
    screenshot(page, "staff-3-review")

    page.fill("#id_title", "Countering ransomware: international cooperation")
    page.click("text=Save metadata")
    page.wait_for_selector(".messages li")
    assert "title" in page.locator(".messages").inner_text()
    page.click("button:has-text('Publish')")
    page.wait_for_selector(".status-published")
    screenshot(page, "staff-4-published")
    assert violations == []
    context.close()

    context, page = strict_page(chromium, violations)
    page.goto(f"{live_server.url}/search/?q=extortion")
    result = page.locator("a", has_text="Countering ransomware: international cooperation").first
    result.wait_for()
    screenshot(page, "staff-5-researcher-search")
    result.click()
    page.wait_for_selector("h1")
    assert "Countering ransomware: international cooperation" in page.locator("h1").inner_text()
    assert "criminalize ransomware extortion" in page.content()
    screenshot(page, "staff-6-researcher-document")
    assert violations == []
    context.close()


@pytest.fixture
def curated(make_document, make_paragraph) -> object:
    """Countries written in bulk (no history yet); a long draft of the longest-named body."""
    Country.objects.bulk_create(
        [
            Country(name="Bolivia (Plurinational State of)", slug="bolivia"),
            Country(name="United Kingdom of Great Britain and Northern Ireland", slug="uk"),
        ]
    )
    document = make_document(
        body_code="CCPCJ",
        status=Document.Status.DRAFT,
        full_text="\n".join(f"{n}. Urges States to act;" for n in range(1, 200)),  # scrolls
    )
    make_paragraph(document, "Urges States to act;", verb="urges")
    return document


def test_a_librarian_on_a_phone_curates_without_sideways_scrolling_or_dead_links(
    live_server, librarian, curated, phone_page, assert_clean, screenshot, axe
):
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/?next=/staff/")
    page.fill("#id_username", "librarian")
    page.fill("#id_password", PASSWORD)
    page.click("#main form button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/$"))
    for url in ("/staff/topics/", "/staff/countries/", f"/staff/documents/{curated.pk}/"):
        page.goto(f"{live_server.url}{url}")
        screenshot(page, "staff-phone" + url.replace("/", "-").rstrip("-"))
        assert_clean(page)
        assert axe(page) == [], url
        # Every row's History link leads to a page, even for rows never changed since loading.
        history = page.locator("a", has_text="History").first
        assert page.request.get(live_server.url + history.get_attribute("href")).status == 200


def test_the_admin_asks_for_nothing_that_is_not_there(live_server, librarian, desktop_page):
    librarian.is_staff = True
    librarian.save()
    page = desktop_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/resolutions/document/")
    page.fill("#id_username", "librarian")
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/resolutions/document/$"))
    page.wait_for_load_state("load")
    assert page.problems == []
