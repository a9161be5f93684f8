"""Security: CSP, CSRF, sign-in throttling, secure cookies, and inert markup from documents."""

from __future__ import annotations

import io
import os
import re
import secrets
import subprocess
import sys

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from role_users import make_user
from upload_worker import run_upload_jobs

from resolutions.models import Document, Paragraph
from resolutions.roles import LIBRARIANS

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('title')</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">click</a>'
INLINE_SCRIPT_RE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


def hostile_docx() -> bytes:
    """A resolution whose paragraphs carry markup and script in their text."""
    document = docx.Document()
    for line in [
        "Economic and Social Council",
        "Resolution 2099/66",
        f"Countering cybercrime {SCRIPT}",
        "The Economic and Social Council,",
        f"Recalling its resolution 2004/26 {IMG},",
        f"1. Urges Member States to visit {LINK} and act against ransomware;",
        f"2. Requests the Secretariat to report {SCRIPT} on ransomware.",
    ]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def assert_inert(html: str) -> None:
    """No markup from a document survives as markup; its text is still there, escaped."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;" in html


def test_every_page_sends_a_strict_content_security_policy(client, librarian, make_document):
    document = make_document()
    for url in (
        reverse("resolutions:home"),
        document.get_absolute_url(),
        reverse("staff:upload"),
        reverse("login"),
        reverse("admin:index"),
    ):
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_staff_pages_have_no_inline_script(client, librarian, make_document):
    document = make_document(status=Document.Status.DRAFT)
    for name, args in [
        ("staff:home", []),
        ("staff:upload", []),
        ("staff:documents", []),
        ("staff:review", [document.pk]),
        ("staff:paragraphs", [document.pk]),
        ("staff:topics", []),
        ("staff:countries", []),
        ("staff:citations", []),
        ("staff:bulk_topics", []),
        ("staff:history", ["document", document.pk]),
        ("staff:deleted", []),
    ]:
        html = client.get(reverse(name, args=args)).content.decode()
        assert not INLINE_SCRIPT_RE.search(html), name
        assert " on" + "click=" not in html, name


@pytest.mark.parametrize(
    ("name", "needs_document"),
    [("staff:upload", False), ("staff:publish", True), ("staff:topics", False), ("login", False)],
)
def test_forms_refuse_posts_without_a_csrf_token(make_document, name, needs_document):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(LIBRARIANS, "librarian"))
    args = [make_document(status=Document.Status.DRAFT).pk] if needs_document else []

    response = client.post(reverse(name, args=args), {"name": "Sneaky"})

    assert response.status_code == 403


def test_sign_in_is_throttled_after_repeated_failures(client, settings):
    make_user(LIBRARIANS, "target", password="the-Right-pass-42")
    url = reverse("login")
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(url, {"username": "target", "password": "wrong"})
        # The failure that reaches the limit is answered with the lockout already.
        assert response.status_code == (429 if attempt == settings.AXES_FAILURE_LIMIT else 200)

    locked = client.post(url, {"username": "target", "password": "the-Right-pass-42"})

    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_and_csrf_cookies_are_secure_in_production():
    env = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), "DEBUG": ""}
    code = (
        "import archive.settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "True", "True"]


@pytest.mark.django_db(transaction=True)  # the upload worker reads it over its own connection
def test_markup_in_an_uploaded_document_is_inert_everywhere(client, librarian, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("hostile.docx", hostile_docx())
    client.post(reverse("staff:upload"), {"files": [upload]})
    run_upload_jobs()
    document = Document.objects.get()
    assert Paragraph.objects.filter(text__contains="<script>").exists()
    data = {
        "title": f"Hostile {SCRIPT} {IMG} {LINK}",
        "symbol": "",
        "doc_type": document.doc_type,
        "number": document.number,
        "body": document.body_id,
        "session": IMG,
        "language": "en",
    }
    client.post(reverse("staff:review", args=[document.pk]), data)
    client.post(reverse("staff:publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.title.startswith("Hostile <script>")

    pages = [
        reverse("staff:review", args=[document.pk]),
        reverse("staff:documents"),
        reverse("staff:history", args=["document", document.pk]),
        reverse("staff:home"),
        document.get_absolute_url(),
        reverse("resolutions:home"),
        reverse("admin:resolutions_document_changelist"),
        reverse("admin:resolutions_document_change", args=[document.pk]),
        reverse("admin:resolutions_paragraph_changelist"),
        reverse("resolutions:search") + "?q=ransomware",
        reverse("resolutions:search") + "?q=ransomware&view=paragraphs",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
