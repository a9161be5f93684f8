"""Hostile and broken uploads, sent as staff through the real upload page and a real worker.

Each is refused with a message in words (never an exception's name), leaves no document and no
file behind, and is read within the memory and time ceilings of the parsing process. The files
are built here: zip bombs, entity-declaring Word XML, encrypted and truncated PDFs, a PDF of
thousands of pages.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from test_upload import RESOLUTION_LINES, docx_bytes, pdf_bytes, stored_files
from upload_worker import run_upload_jobs

from bench.hostile_files import (
    LAUGHS,
    XXE,
    encrypted_pdf,
    entity_docx,
    many_paragraphs_docx,
    pdf_of_pages,
    word_file,
    zip_bomb,
)
from resolutions.models import Document, IngestFileResult, Upload

pytestmark = pytest.mark.django_db(transaction=True)

MEGABYTE = 1024 * 1024
# A tighter memory ceiling than the default: what these files cost is far below it.
TEST_MEMORY_LIMIT_MB = 512
EXCEPTION_NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception)\b")


@pytest.fixture(autouse=True)
def media(media, settings):
    """The test's own media folder, and a parse memory limit the tests can reach."""
    settings.PARSE_MEMORY_LIMIT_MB = TEST_MEMORY_LIMIT_MB
    return media


def post(client, name: str, data: bytes):
    return client.post(reverse("staff:upload"), {"files": [SimpleUploadedFile(name, data)]})


def upload_and_read(client, name: str, data: bytes):
    """Upload one file, let the worker read it; returns the upload's page and its row."""
    response = post(client, name, data)
    assert response.status_code == 302
    run_upload_jobs()
    return client.get(response["Location"]), Upload.objects.get()


def assert_refused_cleanly(page, upload: Upload, media, expected: str) -> None:
    """Refused in words, nothing kept, and read within the ceilings."""
    html = page.content.decode()
    assert page.status_code == 200
    assert upload.state == Upload.State.FAILED
    assert expected in upload.message, upload.message
    assert "Not added: " in html and escape(expected) in html
    assert not EXCEPTION_NAME_RE.search(upload.message), upload.message
    assert not Document.objects.exists()
    assert stored_files(media) == []
    assert IngestFileResult.objects.get().outcome == "failed"
    assert upload.peak_memory_kb < TEST_MEMORY_LIMIT_MB * 1024
    assert upload.parse_seconds < 60
    print(
        f"\n{upload.filename}: {upload.message}; {upload.parse_seconds:.2f} s,"
        f" peak {upload.peak_memory_kb / 1024:.0f} MB"
    )


# --- refused by the upload form, before anything is stored ---


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "empty.txt is empty."),
        ("empty.docx", b"", "empty.docx is empty."),
        ("report.pdf", b"Resolution adopted by the General Assembly\n" * 20, "not what its name"),
    ],
)
def test_refused_by_the_form_with_nothing_stored(client, librarian, media, name, data, expected):
    response = post(client, name, data)

    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Upload.objects.exists() and not Document.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_size_limit_is_refused_by_name_and_size(client, librarian, media, settings):
    settings.MAX_UPLOAD_BYTES = MEGABYTE
    big = b"Recalling its resolution 66/180 of 19 December 2011,\n" * 60_000  # about 3 MB

    response = post(client, "big.txt", big)

    assert response.status_code == 400
    assert "big.txt is 3 MB; the limit is 1 MB per file." in response.content.decode()
    assert not Upload.objects.exists()
    assert stored_files(media) == []


def test_the_size_limit_is_enforced_while_the_file_arrives(settings, rf):
    """The upload handlers keep no byte past the limit: the file arrives counted, not held."""
    from django.http.multipartparser import MultiPartParser

    from resolutions.staff.upload_handlers import OversizedUpload

    settings.MAX_UPLOAD_BYTES = MEGABYTE
    request = rf.post(
        "/staff/upload/", {"files": SimpleUploadedFile("big.txt", b"x" * 5 * MEGABYTE)}
    )
    parser = MultiPartParser(
        request.META, io.BytesIO(request.body), request.upload_handlers, request.encoding
    )

    _, files = parser.parse()

    received = files["files"]
    assert isinstance(received, OversizedUpload)
    assert received.size == 5 * MEGABYTE
    assert received.read() == b""


# --- read by the worker, refused with the reason ---


@pytest.mark.parametrize(
    ("unpacked", "expected"),
    [
        (150 * MEGABYTE, "MB; at most 100 MB are accepted"),
        (20 * MEGABYTE, "times (a zip bomb?); at most 100 times is accepted"),
    ],
)
def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked(
    client, librarian, media, unpacked, expected
):
    page, upload = upload_and_read(
        client, "bomb.docx", zip_bomb(RESOLUTION_LINES, unpacked=unpacked)
    )

    assert_refused_cleanly(page, upload, media, expected)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        # The measured attack (a million paragraphs in 412 KB) is also a zip bomb.
        (1_000_000, "times (a zip bomb?)"),
        (20_000, "the file has 20,000 paragraphs; at most 10,000 are accepted"),
    ],
)
def test_a_word_file_of_too_many_paragraphs_is_refused_before_it_is_parsed(
    client, librarian, media, count, expected
):
    data = many_paragraphs_docx(RESOLUTION_LINES, count=count)

    page, upload = upload_and_read(client, "paragraphs.docx", data)

    assert len(data) < MEGABYTE
    assert_refused_cleanly(page, upload, media, expected)


@pytest.mark.parametrize(("name", "doctype"), [("xxe.docx", XXE), ("laughs.docx", LAUGHS)])
def test_a_word_file_declaring_entities_is_refused_unexpanded(
    client, librarian, media, name, doctype
):
    page, upload = upload_and_read(client, name, entity_docx(RESOLUTION_LINES, doctype=doctype))

    assert_refused_cleanly(page, upload, media, "declares XML entities")
    assert "root:" not in page.content.decode()


def test_a_damaged_word_file_is_refused_in_words(client, librarian, media):
    data = word_file(RESOLUTION_LINES, parts={"word/document.xml": b"<w:document><w:body><w:p>cut"})

    page, upload = upload_and_read(client, "damaged.docx", data)

    assert_refused_cleanly(page, upload, media, "damaged Word file")


def test_an_encrypted_pdf_is_refused_as_password_protected(client, librarian, media):
    page, upload = upload_and_read(client, "secret.pdf", encrypted_pdf(RESOLUTION_LINES))

    assert_refused_cleanly(page, upload, media, "the PDF is password-protected")


def test_a_truncated_pdf_is_refused(client, librarian, media):
    data = pdf_bytes(RESOLUTION_LINES)

    page, upload = upload_and_read(client, "cut.pdf", data[: len(data) // 3])

    assert_refused_cleanly(page, upload, media, "PDF")


def test_a_pdf_of_thousands_of_pages_is_refused_by_its_page_count(client, librarian, media):
    page, upload = upload_and_read(client, "pages.pdf", pdf_of_pages(3000))

    assert_refused_cleanly(
        page, upload, media, "the file has 3,000 pages; at most 1,000 are accepted"
    )


def test_a_text_over_the_character_limit_is_refused_before_it_is_parsed(
    client, librarian, media, settings
):
    settings.MAX_DOCUMENT_CHARACTERS = 100_000
    data = "\n".join(RESOLUTION_LINES).encode() * 2_000  # about 1 MB

    page, upload = upload_and_read(client, "long.txt", data)

    assert_refused_cleanly(page, upload, media, "characters of text; at most 100,000")


def test_a_parse_over_the_time_limit_is_stopped(client, librarian, media, settings):
    settings.PARSE_TIME_LIMIT_SECONDS = 0.2
    data = "\n\n".join(RESOLUTION_LINES).encode() * 400

    page, upload = upload_and_read(client, "slow.txt", data)

    assert_refused_cleanly(page, upload, media, "took longer than 0.2 seconds")


def test_a_parse_over_the_memory_limit_fails_in_its_own_process(client, librarian, media, settings):
    settings.PARSE_MEMORY_LIMIT_MB = 48
    settings.MAX_PARAGRAPHS = 1_000_000
    data = "\n\n".join(RESOLUTION_LINES).encode() * 5_000  # 20,000 paragraphs, about 80 MB to parse

    page, upload = upload_and_read(client, "heavy.txt", data)

    assert_refused_cleanly(page, upload, media, "more than 48 MB of memory")


def test_html_with_script_is_stored_and_shown_inert(client, librarian, media):
    lines = "".join(f"<p>{line}</p>" for line in RESOLUTION_LINES)
    html = (
        "<html><head><script>alert('head')</script></head><body>"
        f"<p onclick=\"alert('click')\">{lines}</p>"
        "<p><a href=\"javascript:alert('link')\">Annex</a></p>"
        "<img src=x onerror=\"alert('img')\"><script>document.title='owned'</script>"
        "</body></html>"
    )

    response = post(client, "page.html", html.encode())
    run_upload_jobs()
    document = Document.objects.get()

    assert "alert" not in document.full_text
    assert not document.paragraphs.filter(text__contains="alert").exists()
    review = client.get(reverse("staff:review", args=[document.pk])).content.decode()
    assert "<script>alert" not in review and "onerror=" not in review
    assert 'href="javascript:' not in review
    # The original is kept under a generated name, and downloads as an inert attachment.
    assert document.original_file.name == f"originals/{document.checksum}.html"
    client.post(reverse("staff:publish", args=[document.pk]))
    original = client.get(reverse("resolutions:original", args=[document.pk]))
    assert original["Content-Disposition"].startswith("attachment")
    assert original["Content-Type"].startswith("text/plain")
    assert response.status_code == 302


def test_a_word_file_is_stored_under_a_generated_name_never_the_uploaded_path(
    client, librarian, media
):
    data = docx_bytes(RESOLUTION_LINES)
    payload = SimpleUploadedFile("../../etc/evil.docx", data)

    response = client.post(reverse("staff:upload"), {"files": [payload]})
    queued = Upload.objects.get()
    waiting = sorted(path.relative_to(media).as_posix() for path in stored_files(media))
    run_upload_jobs()

    assert response.status_code == 302
    assert waiting == [queued.stored_name]
    assert re.fullmatch(r"incoming/[0-9a-f]{32}", queued.stored_name)
    document = Document.objects.get()
    assert document.original_filename == "evil.docx"
    files = [path.relative_to(media).as_posix() for path in stored_files(media)]
    assert files == [f"originals/{document.checksum}.docx"]


def test_a_docx_made_by_word_still_reads_under_the_limits(client, librarian):
    document = docx.Document()
    for line in RESOLUTION_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)

    page, upload = upload_and_read(client, "fine.docx", buffer.getvalue())

    assert page.status_code == 302
    assert upload.state == Upload.State.DONE and upload.document is not None


def test_a_worker_failure_on_one_file_fails_it_in_words_and_the_batch_goes_on(
    client, librarian, media
):
    files = [
        SimpleUploadedFile("lost.txt", "\n".join(RESOLUTION_LINES).encode()),
        SimpleUploadedFile("fine.docx", docx_bytes(RESOLUTION_LINES)),
    ]
    response = client.post(reverse("staff:upload"), {"files": files})
    lost = Upload.objects.get(filename="lost.txt")
    (media / lost.stored_name).unlink()  # its waiting copy vanished (a disk fault)

    run_upload_jobs()

    lost.refresh_from_db()
    assert lost.state == Upload.State.FAILED
    assert lost.message.startswith("the file could not be read: the worker failed on it")
    assert Upload.objects.get(filename="fine.docx").state == Upload.State.DONE
    assert (
        "Not added: the file could not be read" in client.get(response["Location"]).content.decode()
    )


def test_a_file_that_cannot_be_stored_is_refused_in_words_with_nothing_queued(
    client, librarian, settings, tmp_path
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker / "media"

    response = post(client, "fine.docx", docx_bytes(RESOLUTION_LINES))

    assert response.status_code == 503
    assert "fine.docx could not be stored (Not a directory); nothing was uploaded." in (
        response.content.decode()
    )
    assert not Upload.objects.exists()
