"""The facet and count cache (resolutions/search/counts_cache.py) over a real database.

Every cached answer is checked against the same search counted afresh with the cache off.
"""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.ingest import IngestSource, ingest_document
from resolutions.models import Paragraph
from resolutions.parsing.types import ParsedDocument, ParsedParagraph
from resolutions.roles import LIBRARIANS, ROLES, ensure_roles
from resolutions.search import search
from resolutions.search.counts_cache import key
from resolutions.search.request import read_search
from resolutions.search.sql import Match
from resolutions.search_version import current as version

pytestmark = pytest.mark.django_db

# The facet statement: one per counting, none when the counts come from the cache.
FACET_STATEMENT = "SELECT 'count', '', ''"


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.SEARCH_COUNTS_CACHE_SECONDS = 300
    cache.clear()
    yield settings
    cache.clear()


def counted(params: dict) -> tuple[int, dict, int, int]:
    """A search's total, every facet's counts, its facet statements and all its statements."""
    with CaptureQueriesContext(connection) as queries:
        results = search(params)
    facets = {
        key: {value.value: value.count for value in values}
        for key, values in results.facets.items()
    }
    statements = sum(FACET_STATEMENT in q["sql"] for q in queries.captured_queries)
    return results.total, facets, statements, len(queries.captured_queries)


def fresh(params: dict, settings) -> tuple[int, dict]:
    """The same search counted with the cache off."""
    settings.SEARCH_COUNTS_CACHE_SECONDS = 0
    try:
        return counted(params)[:2]
    finally:
        settings.SEARCH_COUNTS_CACHE_SECONDS = 300


def test_a_second_identical_request_is_counted_once(archive, settings):
    first = counted({"q": "migrants"})
    again = counted({"q": "migrants"})
    assert first[2] == 1 and again[2] == 0
    assert again[3] < first[3]
    assert again[:2] == first[:2] == fresh({"q": "migrants"}, settings)
    assert first[0] == 2
    # Another sort and page of the same request share the entry.
    assert counted({"q": "migrants", "sort": "oldest", "page": "2"})[1:3] == (first[1], 0)


def test_an_ingest_is_counted(archive, settings):
    before = counted({"q": "corruption"})
    ingest_document(
        ParsedDocument(
            symbol="A/RES/70/1",
            body="GA",
            doc_type="resolution",
            number="70/1",
            title="Countering corruption",
            date="2015-12-17",
            year=2015,
            paragraphs=(ParsedParagraph("operative", "1", "decides", "Decides to act on it."),),
        ),
        source=IngestSource.from_bytes(b"version 1", filename="resolution.txt"),
    )
    after = counted({"q": "corruption"})
    assert after[2] == 1
    assert after[0] == before[0] + 1
    assert after[1]["verb"].get("decides") == before[1]["verb"].get("decides", 0) + 1
    assert after[:2] == fresh({"q": "corruption"}, settings)


def test_a_staff_edit_is_counted(archive, client, settings):
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        ensure_roles()
    librarian = User.objects.create_user("librarian")
    librarian.groups.add(Group.objects.get(name=LIBRARIANS))
    client.force_login(librarian)
    paragraph = Paragraph.objects.get(text__startswith="Urges Governments to protect")
    before = counted({"q": "migrant"})
    assert before[1]["verb"]["urges"] == 2
    data = {"paragraphs-TOTAL_FORMS": "1", "paragraphs-INITIAL_FORMS": "1"}
    data.update(
        {
            "paragraphs-0-id": paragraph.pk,
            "paragraphs-0-kind": "operative",
            "paragraphs-0-number": "1",
            "paragraphs-0-verb": "requests",
            "paragraphs-0-text": "Requests Governments to protect women migrant workers;",
        }
    )
    response = client.post(reverse("staff:paragraphs", args=[paragraph.document_id]), data)
    assert response.status_code == 302
    after = counted({"q": "migrant"})
    assert after[2] == 1
    assert after[1]["verb"]["urges"] == 1
    assert after[1]["verb"]["requests"] == before[1]["verb"].get("requests", 0) + 1
    assert after[:2] == fresh({"q": "migrant"}, settings)


def test_a_raw_update_is_counted(archive, settings):
    before = counted({"q": "migrants", "verb": "urges"})
    assert before[0] == 2
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE resolutions_paragraph SET verb = 'encourages' WHERE verb = 'urges' "
            "AND text LIKE %s",
            ["Urges Member States%"],
        )
    after = counted({"q": "migrants", "verb": "urges"})
    assert after[2] == 1
    assert after[0] == 1
    assert after[1]["verb"].get("encourages") == 1
    assert after[:2] == fresh({"q": "migrants", "verb": "urges"}, settings)


REQUESTS = [
    {"q": "migrants"},
    {"q": "migrants", "view": "paragraphs"},
    {"q": "migrants", "within": "paragraph"},
    {"q": "migrants", "body": "GA"},
    {"q": "migrants", "body": "ECOSOC"},
    {"q": "migrants", "verb": "urges"},
    {"q": "migrants", "year_min": "2012"},
    {"q": "migrants", "year_max": "2012"},
    {"q": "migrant workers"},
    {},
]


def test_different_requests_never_share_an_entry(archive, settings):
    at = version()
    keys = [
        key(Match(read_search(p)), on_paragraphs=p.get("view") == "paragraphs", version=at)
        for p in REQUESTS
    ]
    drafts = Match(read_search(REQUESTS[0]), drafts=True)
    keys.append(key(drafts, on_paragraphs=False, version=at))
    keys.append(key(Match(read_search(REQUESTS[0])), on_paragraphs=False, version=at + 1))
    assert len(set(keys)) == len(keys)
    for params in REQUESTS:
        assert counted(params)[:2] == fresh(params, settings), params


def test_the_order_of_chosen_values_shares_an_entry(archive):
    one = read_search({"body": ["GA", "ECOSOC"], "verb": "urges", "page": "3"})
    other = read_search({"verb": "urges", "body": ["ECOSOC", "GA"], "sort": "oldest"})
    assert key(Match(one), on_paragraphs=False, version=1) == key(
        Match(other), on_paragraphs=False, version=1
    )


def test_zero_caches_nothing(archive, settings):
    settings.SEARCH_COUNTS_CACHE_SECONDS = 0
    runs = [counted({"q": "migrants"}) for _ in range(2)]
    assert [run[2] for run in runs] == [1, 1]
    entry = key(Match(read_search({"q": "migrants"})), on_paragraphs=False, version=version())
    assert cache.get(entry) is None
