"""The document page cache (resolutions/views/page_cache.py), through the real HTTP stack."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resolutions.models import Document, Paragraph

pytestmark = pytest.mark.django_db

NAME = re.compile(r"\b(?:resolutions|catalogue|lineage)_[a-z_]+\b")


@pytest.fixture
def page_cache(settings):
    settings.DOCUMENT_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def document(make_document, make_paragraph) -> Document:
    document = make_document(title="Countering the smuggling of migrants")
    make_paragraph(document, "Urges Member States to protect smuggled migrants;", verb="urges")
    return document


def get(client, url: str) -> tuple[str, int]:
    """The page's text and how many statements serving it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries.captured_queries)


def test_a_reader_gets_the_kept_page_with_one_statement(client, page_cache, document):
    first, rendering = get(client, document.get_absolute_url())
    again, serving = get(client, document.get_absolute_url())
    assert again == first
    assert serving == 1  # the search version
    assert rendering > 5


def test_an_edit_is_seen_at_once(client, page_cache, document):
    get(client, document.get_absolute_url())
    paragraph = document.paragraphs.get()
    paragraph.text = "Urges Member States to dismantle smuggling networks;"
    paragraph.save()
    page, statements = get(client, document.get_absolute_url())
    assert "dismantle smuggling networks" in page
    assert statements > 1


def test_a_document_taken_back_to_draft_is_gone_at_once(client, page_cache, document):
    get(client, document.get_absolute_url())
    Document.objects.filter(pk=document.pk).update(status=Document.Status.DRAFT)
    assert client.get(document.get_absolute_url()).status_code == 404


def test_each_address_has_its_own_entry(client, page_cache, document):
    plain, _ = get(client, document.get_absolute_url())
    assert get(client, document.get_absolute_url() + "?cited_by_year=1999")[1] > 1
    assert get(client, document.get_absolute_url()) == (plain, 1)


def test_signed_in_users_neither_read_nor_fill_it(client, page_cache, document):
    user = User.objects.create_user("reader", password="x")
    anonymous, _ = get(client, document.get_absolute_url())
    client.force_login(user)
    signed_in, statements = get(client, document.get_absolute_url())
    assert "Sign out" in signed_in and "Sign out" not in anonymous
    assert statements > 1
    client.logout()
    again, serving = get(client, document.get_absolute_url())
    assert "Sign out" not in again
    assert serving == 1


def test_off_when_its_lifetime_is_zero(client, settings, document):
    settings.DOCUMENT_PAGE_CACHE_SECONDS = 0
    get(client, document.get_absolute_url())
    assert get(client, document.get_absolute_url())[1] > 1


def test_every_table_a_document_page_reads_moves_the_version_on(client, settings):
    """Else a write to it would leave kept pages stale."""
    settings.DOCUMENT_PAGE_CACHE_SECONDS = 0
    call_command("load_samples")
    read: set[str] = set()
    for document in Document.objects.filter(status=Document.Status.PUBLISHED):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(document.get_absolute_url()).status_code == 200
        for query in queries.captured_queries:
            read |= set(NAME.findall(query["sql"]))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = ANY(%s)", [list(read)]
        )
        read = {name for (name,) in cursor.fetchall()}
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname LIKE 'pgtrigger_bump_search_version_%%'"
        )
        bumped = {name for (name,) in cursor.fetchall()}
    assert {Paragraph._meta.db_table, "lineage_paragraphlineage"} <= read
    assert read - bumped == set()
