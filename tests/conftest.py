"""Shared builders: rows made in code, not JSON fixtures."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from role_users import make_user

from resolutions.models import Body, Document, Paragraph
from resolutions.reference_data import ensure_reference_data
from resolutions.roles import LIBRARIANS

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def server_folders() -> Iterator[Callable[[str], Path]]:
    """New folders for PostgreSQL servers a test starts (run as another user under root), made
    outside pytest's own temporary root: a pytest starting elsewhere on the machine resets that
    root to its owner alone, and the server would lose its data folder mid-test."""
    made: list[Path] = []

    def make(name: str) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=f"archive-test-{name}-"))
        folder.chmod(0o755)
        made.append(folder)
        return folder

    yield make
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_rate_limits(settings) -> None:
    """Tests make many requests from one address; tests/test_ratelimit.py turns limits on."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def export_slots_given_back(django_db_blocker):
    """The test client never closes a streaming response it does not read (a server always
    does), so an export's slot (archive/export_slots.py) would outlive its test: free them."""
    yield
    if connection.connection is not None and not connection.needs_rollback:
        # The connection may be one a module-scoped fixture opened outside the test's own access.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock_all()")


@pytest.fixture(autouse=True)
def reference_data_after_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush every table between tests: put the seeded rows back first."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        ensure_reference_data()


@pytest.fixture
def make_document(db) -> Callable[..., Document]:
    """Build a published ECOSOC resolution; keyword arguments override any field."""

    def build(**fields: Any) -> Document:
        n = next(_numbers)
        body = fields.pop("body", None) or Body.objects.get(code=fields.pop("body_code", "ECOSOC"))
        defaults: dict[str, Any] = {
            "symbol": f"E/RES/2099/{n}",
            "number": f"2099/{n}",
            "title": f"Test resolution {n}",
            "doc_type": Document.DocType.RESOLUTION,
        }
        defaults.update(fields)
        return Document.objects.create(body=body, **defaults)

    return build


@pytest.fixture
def make_paragraph(db) -> Callable[..., Paragraph]:
    """Build a paragraph at the next position of its document."""

    def build(document: Document, text: str, **fields: Any) -> Paragraph:
        position = fields.pop("position", None) or document.paragraphs.count() + 1
        fields.setdefault("kind", Paragraph.Kind.OPERATIVE)
        if fields["kind"] == Paragraph.Kind.OPERATIVE:
            fields.setdefault("number", str(position))
        return Paragraph.objects.create(document=document, position=position, text=text, **fields)

    return build


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Uploads and original files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def librarian(client, db) -> User:
    """A librarian (who may also use the admin), signed in on `client`."""
    user = make_user(LIBRARIANS, "librarian")
    client.force_login(user)
    return user
