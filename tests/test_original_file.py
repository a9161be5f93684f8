"""An uploaded original is kept byte for byte and handed out only as an inert download."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse
from upload_worker import run_upload_jobs

import archive.urls
from resolutions.models import Document

# Transactional: the upload worker reads the queued files over its own connections.
pytestmark = pytest.mark.django_db(transaction=True)

TESTS = Path(__file__).resolve().parent
WEB_PAGE = TESTS / "parsing" / "documents" / "ga_69_196_webpage.html"
TEXT = TESTS.parent / "samples" / "000_8fb7f1ffc4a6eb9c.txt"
# What a hostile page would do in a reader's browser: call back to the archive with their cookies.
BEACON = "/search/?q=original-script-ran"
HOSTILE = (
    f"<script>fetch('{BEACON}')</script>"
    f"<img src=x onerror=\"fetch('{BEACON}')\">"
    f"<a href=\"javascript:fetch('{BEACON}')\">Read more</a>"
)


def hostile_page() -> bytes:
    """A real UN web page of a resolution, with script, an event handler and a javascript: link."""
    html = WEB_PAGE.read_text(encoding="utf-8")
    return html.replace("</head>", f"{HOSTILE}</head>", 1).encode()


@pytest.fixture
def librarian(librarian, media) -> User:
    """The signed-in librarian, with uploads kept in a folder of the test's own."""
    return librarian


def publish_upload(client, name: str, data: bytes) -> Document:
    """Upload one file as staff, publish the draft it became."""
    client.post(reverse("staff:upload"), {"files": [SimpleUploadedFile(name, data)]})
    run_upload_jobs()
    document = Document.objects.get(original_filename=name)
    client.post(reverse("staff:publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED
    return document


def test_an_html_original_is_a_sandboxed_plain_text_download(client, librarian):
    original = hostile_page()
    document = publish_upload(client, "ga-69-196.html", original)
    client.logout()

    response = client.get(reverse("resolutions:original", args=[document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == original  # kept byte for byte
    assert response["Content-Disposition"] == 'attachment; filename="ga-69-196.html"'
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_a_text_original_keeps_its_type_and_the_sandbox(client, librarian):
    document = publish_upload(client, "smuggling.txt", TEXT.read_bytes())

    response = client.get(reverse("resolutions:original", args=[document.pk]))

    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


@pytest.fixture
def development_urls(settings) -> Iterator[None]:
    """The URL map as `make run` builds it (DEBUG on when archive.urls is imported)."""
    settings.DEBUG = True
    importlib.reload(archive.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(archive.urls)
    clear_url_caches()


def test_originals_are_not_served_from_the_media_folder_even_in_development(
    client, librarian, development_urls
):
    document = publish_upload(client, "ga-69-196.html", hostile_page())
    assert Path(document.original_file.path).read_bytes().startswith(b"<!DOCTYPE html>")

    assert client.get(f"/media/{document.original_file.name}").status_code == 404
    assert client.get(reverse("resolutions:original", args=[document.pk])).status_code == 200
