"""A librarian's admin and staff pages in a real browser, on a desktop and at 375 px, under the
site's own middleware and Content-Security-Policy: no page breaks the policy (simple-history's
history list set a style attribute), logs an error or scrolls sideways, axe finds no serious or
critical violation (Django's own admin markup had some: templates/admin/, static/css/admin.css and
resolutions/admin.py mend them), and no table breaks its words letter by letter on a phone (they
scroll sideways in a focusable region instead)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from resolutions.models import (
    Country,
    Document,
    DocumentTopic,
    IngestRun,
    Reference,
    Sponsorship,
    Topic,
    Upload,
)
from resolutions.roles import LIBRARIANS, ensure_roles
from resolutions.staff.services import delete_document, save_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-librarian-pass-7"
LONG_TITLE = "Strengthening international cooperation against transnational organized crime"


@pytest.fixture
def librarian(db) -> User:
    """A librarian who may also use Django's admin."""
    ensure_roles()
    user = User.objects.create_user("librarian", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=LIBRARIANS))
    return user


@pytest.fixture
def curated(librarian, make_document, make_paragraph) -> dict[str, object]:
    """One row of each model a librarian curates, each changed once (a history with a diff); a
    sponsor, an unresolved citation, a deleted document and an upload refused with a long reason."""
    document = make_document(title=LONG_TITLE, status=Document.Status.DRAFT)
    paragraph = make_paragraph(document, "Urges Member States to criminalize extortion;")
    topic = Topic.objects.create(name="Ransomware extortion", slug="ransomware-extortion")
    country = Country.objects.create(
        name="United Kingdom of Great Britain and Northern Ireland", slug="uk", iso3="GBR"
    )
    Sponsorship.objects.create(document=document, country=country)
    link = DocumentTopic.objects.create(document=document, topic=topic, decided_by=librarian)
    reference = Reference.objects.create(
        citing_document=document, citing_paragraph=paragraph, ref_type="resolution",
        cited_key="A/RES/55/25", cited_body="GA", cited_number="55/25",
        cited_text="General Assembly resolution 55/25 of 15 November 2000",
    )  # fmt: skip
    for row, field, value in (
        (document, "title", f"{LONG_TITLE} and corruption"),
        (paragraph, "text", "Urges Member States to criminalize ransomware extortion;"),
        (topic, "name", "Ransomware and extortion"),
        (country, "aliases", ["United Kingdom", "Great Britain"]),
        (link, "status", DocumentTopic.Status.CONFIRMED),
        (reference, "outside_archive", True),
    ):
        setattr(row, field, value)
        save_as(row, user=librarian, reason="Corrected")
    Reference.objects.filter(pk=reference.pk).update(outside_archive=False)
    delete_document(make_document(title=LONG_TITLE), user=librarian)
    run = IngestRun.objects.create(started_by="librarian", user=librarian)
    Upload.objects.create(
        run=run, user=librarian, filename="Countering_ransomware_extortion_draft.docx", size=1,
        state=Upload.State.FAILED, message="Not a Word document: the file could not be opened",
    )  # fmt: skip
    return {
        "document": document,
        "paragraph": paragraph,
        "topic": topic,
        "country": country,
        "documenttopic": link,
        "reference": reference,
        "run": run,
    }


def sign_in(page, base: str, *, login: str, next_url: str) -> None:
    page.goto(f"{base}{login}?next={next_url}")
    page.fill("#id_username", "librarian")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def axe_violations(page, axe) -> list[dict]:
    """axe's serious and critical violations on the page, without the policy's reports of axe.

    axe reads an imported stylesheet (Django's forms.css imports widgets.css) into an inline
    <style> of a document of its own, which the page's policy blocks: a report of axe's copy,
    not of the page. Call it after assert_clean, which sees everything the page did before.
    """
    seen = len(page.problems)
    violations = axe(page)
    page.problems[seen:] = [p for p in page.problems[seen:] if "style-src" not in p]
    return violations


CURATED = ("document", "paragraph", "topic", "country", "documenttopic", "reference")


def admin_pages(curated: dict[str, object]) -> list[str]:
    """Every admin page a librarian uses: the index and, for each model curated, the list, the add
    and change forms, the history, one version of it and the delete confirmation; for the bodies
    and ingest runs, which a librarian only reads, the list, one row and its history."""
    pages = ["/admin/", "/admin/resolutions/"]
    for model in CURATED:
        row = curated[model]
        base = f"/admin/resolutions/{model}/"
        pages += [base, f"{base}add/", f"{base}{row.pk}/change/", f"{base}{row.pk}/history/"]
        pages += [f"{base}{row.pk}/history/{row.history.first().pk}/", f"{base}{row.pk}/delete/"]
    for model, pk in (("body", curated["document"].body_id), ("ingestrun", curated["run"].pk)):
        base = f"/admin/resolutions/{model}/"
        pages += [base, f"{base}{pk}/change/", f"{base}{pk}/history/"]
    return pages


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_librarian_s_admin_pages_are_accessible_keep_the_policy_and_fit_a_phone(
    live_server, curated, device, request, assert_clean, split_words, axe, screenshot
):
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/admin/login/")
    assert axe_violations(page, axe) == []
    sign_in(page, live_server.url, login="/admin/login/", next_url="/admin/")
    assert_clean(page)
    for url in admin_pages(curated):
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        assert response.status == 200, url
        assert_clean(page)
        assert split_words(page) == [], url
        assert axe_violations(page, axe) == [], url
        # The user list is the administrators' alone: a link to it answers a librarian 403.
        assert page.locator("#content a[href*='/admin/auth/user/']").count() == 0, url
        if url.endswith("/history/") and url.split("/")[3] in CURATED:
            screenshot(page, f"admin-{device}{url.replace('/', '-').rstrip('-')}")
            # The change list scrolls in a named, focusable region; the page count under it has
            # no line of its own (simple-history's style attribute, now the archive's CSS).
            region = page.locator(".table-scroll[tabindex='0'][role=region]")
            assert region.locator("table tbody tr").count() == 2, url
            assert "Corrected" in region.inner_text()
            paginator = page.locator(".table-scroll + .paginator")
            assert paginator.evaluate("p => getComputedStyle(p).borderTopWidth") == "0px"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_rows_a_librarian_adds_to_a_document_s_inlines_are_named_too(
    live_server, curated, device, request, assert_clean, axe
):
    page = request.getfixturevalue(f"{device}_page")
    url = f"/admin/resolutions/document/{curated['document'].pk}/change/"
    sign_in(page, live_server.url, login="/admin/login/", next_url=url)
    for group in ("#sponsorship_set-group", "#topic_links-group"):
        page.click(f"{group} .add-row a")
    assert_clean(page)
    assert axe_violations(page, axe) == []
    # The new topic box is named by its column, and still chosen by keyboard.
    box = page.get_by_role("combobox", name="Topic").last
    box.press("Enter")
    # select2 opens its search box and focuses it after the key: typing before then loses letters.
    expect(page.locator(".select2-container--open .select2-search__field")).to_be_focused()
    page.keyboard.type("Ransomware")
    page.locator(".select2-results__option--highlighted", has_text="Ransomware").wait_for()
    page.keyboard.press("Enter")
    assert page.locator("#id_topic_links-1-topic").input_value() == str(curated["topic"].pk)
    assert page.get_by_role("combobox", name="Topic").last.inner_text() == (
        "Ransomware and extortion"
    )
    assert_clean(page)


def test_staff_tables_on_a_phone_scroll_instead_of_breaking_words(
    live_server, curated, phone_page, assert_clean, split_words, axe, screenshot
):
    page = phone_page
    sign_in(page, live_server.url, login="/accounts/login/", next_url="/staff/")
    document = curated["document"]
    for url in (
        "/staff/documents/",
        "/staff/topics/",
        "/staff/countries/",
        "/staff/citations/",
        "/staff/documents/deleted/",
        f"/staff/upload/{curated['run'].pk}/",
        f"/staff/history/document/{document.pk}/",
    ):
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        screenshot(page, "staff-tables-phone" + url.replace("/", "-").rstrip("-"))
        tables = page.locator("table")
        assert tables.count() >= 1, url
        assert page.locator(".table-scroll[tabindex='0'][role=region] table").count() == (
            tables.count()
        ), url
        assert split_words(page) == [], url
        assert axe(page) == [], url
        assert_clean(page)


def test_every_link_of_an_ingest_run_in_the_admin_opens_for_a_librarian(
    live_server, curated, desktop_page, assert_clean
):
    # The run's user was a link to the user list, which is the administrators' alone (403).
    page = desktop_page
    run = f"/admin/resolutions/ingestrun/{curated['run'].pk}/change/"
    sign_in(page, live_server.url, login="/admin/login/", next_url=run)
    links = page.locator("#content a").evaluate_all("links => links.map(a => a.href)")
    assert links
    for href in links:
        assert page.request.get(href).status == 200, href
    assert "librarian" in page.locator(".field-signed_in_user").inner_text()
    assert_clean(page)
