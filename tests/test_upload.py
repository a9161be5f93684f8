"""Staff upload: real text, Word and PDF files through parser and ingest, as drafts to review."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from role_users import make_user
from upload_worker import run_upload_jobs

from bench.hostile_files import text_pdf
from resolutions.models import Document, IngestFileResult, IngestRun, Paragraph, Upload
from resolutions.roles import LIBRARIANS, UPLOADERS

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SMUGGLING = SAMPLES / "000_8fb7f1ffc4a6eb9c.txt"  # E/RES/2014/23
DRAFT_WITH_SPONSORS = SAMPLES / "003_45a9d6b8d03db242.txt"

# Transactional: the worker reads the queued uploads over its own connections.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media")]

RESOLUTION_LINES = [
    "Economic and Social Council",
    "Resolution 2099/77",
    "Strengthening cooperation against trafficking in cultural property",
    "The Economic and Social Council,",
    "Recalling General Assembly resolution 66/180 of 19 December 2011,",
    "Concerned about the growing involvement of organized criminal groups in trafficking in "
    "cultural property,",
    "1. Urges Member States to protect cultural property against trafficking;",
    "2. Requests the United Nations Office on Drugs and Crime to report on the implementation "
    "of the present resolution.",
]


def docx_bytes(lines: list[str]) -> bytes:
    """A real Word file, one paragraph per line."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    """A real one-page PDF with the lines as text."""
    return text_pdf(lines)


@pytest.fixture
def uploader(client):
    user = make_user(UPLOADERS)
    client.force_login(user)
    return user


def upload(client, *files: tuple[str, bytes]):
    """Post the files, let a worker read them; the upload's page (or the refused form)."""
    payload = [SimpleUploadedFile(name, data) for name, data in files]
    response = client.post(reverse("staff:upload"), {"files": payload})
    if response.status_code != 302:
        return response
    run_upload_jobs()
    return client.get(response["Location"])


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_upload_page_offers_a_multiple_file_input_with_csrf(client, uploader):
    response = client.get(reverse("staff:upload"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="file"' in html and "multiple" in html
    assert "csrfmiddlewaretoken" in html
    assert "20 MB" in html


def test_a_text_file_becomes_a_draft_of_its_uploader_with_history(client, uploader, media):
    response = upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))

    document = Document.objects.get(symbol="E/RES/2014/23")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:review", args=[document.pk])
    assert document.status == Document.Status.DRAFT
    assert document.uploaded_by == uploader
    assert document.paragraphs.filter(kind="operative", verb="requests").exists()
    assert stored_files(media)
    created = document.history.earliest()
    assert (created.history_type, created.status, created.history_user) == ("+", "draft", uploader)
    paragraph = document.paragraphs.first()
    assert paragraph.history.get().history_user == uploader
    # Researchers cannot see it yet.
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_word_file_is_parsed_into_paragraphs(client, uploader):
    upload(client, ("cultural-property.docx", docx_bytes(RESOLUTION_LINES)))

    document = Document.objects.get(uploaded_by=uploader)
    operative = list(document.paragraphs.filter(kind="operative").values_list("number", "verb"))
    assert operative == [("1", "urges"), ("2", "requests")]
    assert document.original_filename == "cultural-property.docx"


def test_a_pdf_is_parsed_into_paragraphs(client, uploader):
    upload(client, ("cultural-property.pdf", pdf_bytes(RESOLUTION_LINES)))

    document = Document.objects.get(uploaded_by=uploader)
    assert "organized criminal groups" in document.full_text
    assert document.paragraphs.filter(kind="operative", verb="urges").exists()


def test_many_files_at_once_each_with_its_outcome(client, uploader):
    response = upload(
        client,
        (SMUGGLING.name, SMUGGLING.read_bytes()),
        ("cultural-property.docx", docx_bytes(RESOLUTION_LINES)),
        ("blank.txt", b"   \n\n  ...  \n"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert Document.objects.filter(uploaded_by=uploader).count() == 2
    assert "blank.txt" in html and "Not added" in html
    assert html.count("Review ") == 2
    outcomes = IngestFileResult.objects.filter(run__user=uploader)
    assert sorted(outcomes.values_list("outcome", flat=True)) == ["failed", "new", "new"]


def test_a_file_that_fails_to_parse_changes_nothing(client, uploader, media):
    before = (Document.objects.count(), Paragraph.objects.count())

    response = upload(client, ("empty.txt", b" \n \n . \n"))

    assert response.status_code == 200
    assert "Not added" in response.content.decode()
    assert (Document.objects.count(), Paragraph.objects.count()) == before
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_with_the_limit_named(client, uploader, settings, media):
    settings.MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    big = SMUGGLING.read_bytes() * 200

    response = upload(client, ("huge.txt", big), (SMUGGLING.name, SMUGGLING.read_bytes()))

    html = response.content.decode()
    assert response.status_code == 400
    assert "huge.txt is" in html and "the limit is 2 MB per file" in html
    assert Document.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00", "only PDF, Word (.docx)"),
        ("report.pdf", b"Resolution adopted by the General Assembly", "not what its name says"),
        ("notes.docx", b"PK\x03\x04not really a zip", "not what its name says"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not what its name says"),
    ],
)
def test_files_are_checked_by_content(client, uploader, name, data, expected):
    response = upload(client, (name, data))

    assert response.status_code == 400
    assert expected in response.content.decode()
    assert Document.objects.count() == 0


def test_the_review_screen_shows_the_parsed_structure_beside_the_source(client, librarian):
    upload(client, (DRAFT_WITH_SPONSORS.name, DRAFT_WITH_SPONSORS.read_bytes()))
    document = Document.objects.get()

    response = client.get(reverse("staff:review", args=[document.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Parsed structure" in html and "Source text" in html
    for sponsor in document.sponsors.all():
        assert sponsor.name in html
    paragraph = document.paragraphs.exclude(verb="").first()
    assert f'<span class="verb">{paragraph.verb}</span>' in html
    assert 'class="kind">Preambular' in html or 'class="kind">Operative' in html
    assert 'name="title"' in html
    assert "Publish" in html


def test_parser_warnings_are_shown_on_review(client, librarian):
    lines = [*RESOLUTION_LINES, "3. Zorbles the Commission to continue its work."]
    upload(client, ("odd.docx", docx_bytes(lines)))
    document = Document.objects.get()
    warnings = IngestFileResult.objects.get(document=document).message.splitlines()

    html = client.get(reverse("staff:review", args=[document.pk])).content.decode()

    assert any("zorbles" in warning for warning in warnings)
    assert "Parser warnings" in html
    for warning in warnings:
        assert escape(warning) in html


def test_correcting_the_title_on_review_is_curated_and_recorded(client, uploader):
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    document = Document.objects.get()
    data = {
        "title": "Smuggling of migrants: international cooperation",
        "symbol": document.symbol,
        "doc_type": document.doc_type,
        "number": document.number,
        "body": document.body_id,
        "date": document.date.isoformat() if document.date else "",
        "year": document.year or "",
        "session": document.session,
        "agenda_item": document.agenda_item,
        "language": document.language,
    }

    response = client.post(reverse("staff:review", args=[document.pk]), data)

    document.refresh_from_db()
    assert response.status_code == 302
    assert document.title == "Smuggling of migrants: international cooperation"
    assert document.curated_fields == ["title"]
    latest = document.history.latest()
    assert latest.history_user == uploader and latest.history_change_reason == "metadata corrected"


def test_a_librarian_publishes_and_researchers_then_see_it(client, librarian):
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    document = Document.objects.get()

    client.post(reverse("staff:publish", args=[document.pk]))

    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 200


def test_an_uploader_cannot_publish_but_can_discard_their_draft(client, uploader):
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    document = Document.objects.get()

    assert client.post(reverse("staff:publish", args=[document.pk])).status_code == 403
    response = client.post(reverse("staff:discard", args=[document.pk]))

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not Paragraph.objects.exists()


def test_uploaders_see_only_their_own_uploads(client, uploader):
    other = make_user(UPLOADERS, "other-uploader")
    client.force_login(other)
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    document = Document.objects.get()
    client.force_login(uploader)

    assert client.get(reverse("staff:review", args=[document.pk])).status_code == 404
    assert client.post(reverse("staff:discard", args=[document.pk])).status_code == 404
    assert document.label not in client.get(reverse("staff:documents")).content.decode()


def test_an_uploader_cannot_replace_a_document_already_in_the_archive(client, uploader, media):
    librarian = make_user(LIBRARIANS)
    client.force_login(librarian)
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    client.force_login(uploader)
    changed = SMUGGLING.read_bytes() + b"\n3. Decides to remain seized of the matter.\n"

    response = upload(client, ("again.txt", changed))

    assert "already in the archive as E/RES/2014/23" in response.content.decode()
    assert Document.objects.get().uploaded_by == librarian
    assert len(stored_files(media)) == 1


def test_a_librarian_replaces_contents_and_keeps_corrected_metadata(client, librarian):
    upload(client, (SMUGGLING.name, SMUGGLING.read_bytes()))
    document = Document.objects.get()
    document.title = "Corrected title"
    document.curated_fields = ["title"]
    document.save()
    changed = SMUGGLING.read_bytes().replace(b"smuggling", b"smuggling", 1) + b"\n\nAnnex\n"

    upload(client, ("again.txt", changed))

    document.refresh_from_db()
    assert document.title == "Corrected title"
    assert Document.objects.count() == 1


def test_one_bad_file_among_good_ones_says_none_was_uploaded(client, uploader, media):
    # The files are checked together and refused together: the page must not read as if the
    # good ones had gone through.
    response = upload(client, ("empty.txt", b""), ("good.txt", b"Resolution 1/1\n1. Urges States;"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "empty.txt is empty" in html
    assert "Nothing was uploaded: leave out or correct these" in html
    assert not IngestRun.objects.exists()


def test_a_post_without_a_file_is_refused_and_records_nothing(client, uploader, media):
    page = client.post(reverse("staff:upload"), {})
    assert page.status_code == 400
    assert "This field is required" in page.content.decode()
    assert not IngestRun.objects.exists()
    assert not Document.objects.exists()


def test_a_utf16_text_file_with_its_byte_order_mark_is_accepted(client, uploader):
    upload(client, ("utf16.txt", "\n\n".join(RESOLUTION_LINES).encode("utf-16")))

    document = Document.objects.get(uploaded_by=uploader)
    operative = list(document.paragraphs.filter(kind="operative").values_list("number", "verb"))
    assert operative == [("1", "urges"), ("2", "requests")]


def test_an_upload_waiting_for_the_worker_is_not_closed_by_the_ingest_recovery(client, uploader):
    from resolutions.ingest_recovery import close_interrupted_runs

    response = client.post(
        reverse("staff:upload"),
        {"files": [SimpleUploadedFile(SMUGGLING.name, SMUGGLING.read_bytes())]},
    )
    waiting = client.get(response["Location"]).content.decode()

    assert close_interrupted_runs() == []
    assert "Waiting" in waiting and 'http-equiv="refresh"' in waiting
    run_upload_jobs()
    run = IngestRun.objects.get()
    assert not run.interrupted and run.finished_at is not None


def test_the_staff_home_links_to_the_latest_uploads_with_their_state(client, uploader):
    upload(client, ("blank.txt", b"   \n\n  ...  \n"), (SMUGGLING.name, SMUGGLING.read_bytes()))
    pending = [SimpleUploadedFile("later.txt", SMUGGLING.read_bytes())]
    client.post(reverse("staff:upload"), {"files": pending})

    html = client.get(reverse("staff:home")).content.decode()

    first, second = IngestRun.objects.order_by("started_at")
    assert reverse("staff:upload_batch", args=[first.pk]) in html
    assert "2 files</a>, 1 not added" in html
    assert "1 file</a>, 1 being read" in html
    newest_first = reverse("staff:upload_batch", args=[second.pk])
    assert html.index(newest_first) < html.index(reverse("staff:upload_batch", args=[first.pk]))


def test_the_admin_shows_an_upload_batch_with_each_file_and_its_cost(admin_client, settings):
    upload(admin_client, ("blank.txt", b"   \n\n  ...  \n"))
    run = IngestRun.objects.get()

    html = admin_client.get(reverse("admin:resolutions_ingestrun_change", args=[run.pk]))

    assert html.status_code == 200
    text = html.content.decode()
    assert "blank.txt" in text and "Not added" in text


def test_a_file_no_worker_takes_is_reported_after_two_minutes(client, uploader):
    payload = [SimpleUploadedFile(SMUGGLING.name, SMUGGLING.read_bytes())]
    batch = client.post(reverse("staff:upload"), {"files": payload})["Location"]
    assert "may not be running" not in client.get(batch).content.decode()

    Upload.objects.update(queued_at=timezone.now() - timedelta(minutes=3))

    assert "the upload worker may not be running" in client.get(batch).content.decode()
