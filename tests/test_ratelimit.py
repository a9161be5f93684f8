"""Rate limits: anonymous searches, API calls and exports are counted per address, each group
against its own limit; past it a 429 with Retry-After (JSON for the API, a page for people);
signed-in staff are exempt; other pages are never counted."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """Small limits, counted from zero."""
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_SEARCH = "3/m"
    settings.RATELIMIT_API = "2/m"
    settings.RATELIMIT_EXPORT = "1/h"
    cache.clear()
    yield settings
    cache.clear()


def test_api_past_its_limit_is_a_json_429_with_retry_after(client, archive, limits):
    for _ in range(2):
        assert client.get("/api/v1/bodies/").status_code == 200
    response = client.get("/api/v1/documents/")
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_requests" and response.json()["message"]
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another address has its own count.
    assert client.get("/api/v1/bodies/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_search_past_its_limit_is_a_friendly_page(client, archive, limits):
    for path in ("/", "/search/", "/search/"):
        assert client.get(path, {"q": "migrants"}).status_code == 200
    response = client.get("/search/", {"q": "migrants"})
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    assert int(response["Retry-After"]) >= 1
    html = response.content.decode()
    assert "Too many requests" in html and f"wait {response['Retry-After']} second" in html
    # Groups count apart: the API and a document page still answer.
    assert client.get("/api/v1/bodies/").status_code == 200
    assert client.get(archive["smuggling"].get_absolute_url()).status_code == 200


def test_exports_have_their_own_tighter_limit(client, archive, limits):
    assert client.get("/search/export.csv", {"q": "migrants"}).status_code == 200
    response = client.get("/search/export.json", {"q": "migrants"})
    assert response.status_code == 429 and int(response["Retry-After"]) <= 3600
    assert client.get("/search/", {"q": "migrants"}).status_code == 200


TRACED = "Strengthening international cooperation against the smuggling of migrants by sea"


def test_the_language_pages_count_as_searches_exports_and_api_calls(client, archive, limits):
    """The commitments of a search and the tracer run searches too: each counts in its group."""
    for _ in range(3):
        assert client.get("/language/commitments/", {"q": "migrants"}).status_code == 200
    assert client.get("/language/trace/", {"q": TRACED}).status_code == 429
    assert client.get("/language/commitments.csv").status_code == 200
    export = client.get("/language/commitments.csv")
    assert export.status_code == 429 and int(export["Retry-After"]) >= 1
    for _ in range(2):
        assert client.get("/language/api/trace/", {"q": TRACED}).status_code == 200
    response = client.get("/language/api/trace/", {"q": TRACED})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert response.json()["code"] == "too_many_requests"
    # The mandates list is no search: never counted.
    for _ in range(5):
        assert client.get("/language/mandates/").status_code == 200


def test_behind_a_proxy_its_header_names_the_client(client, archive, limits):
    limits.RATELIMIT_CLIENT_HEADER = "X-Real-IP"
    for _ in range(2):
        assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="198.51.100.1").status_code == 200
    assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="198.51.100.2").status_code == 200
    # A header that is not an address is not trusted: the connection's address counts.
    assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="<script>").status_code == 200
    assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="not-an-ip").status_code == 200
    assert client.get("/api/v1/bodies/", HTTP_X_REAL_IP="").status_code == 429


def test_signed_in_staff_are_exempt(client, archive, limits):
    client.force_login(User.objects.create_user("librarian", password="a long passphrase"))
    for _ in range(5):
        assert client.get("/api/v1/bodies/").status_code == 200
        assert client.get("/search/export.csv").status_code == 200


def test_an_empty_limit_means_none(client, archive, limits):
    limits.RATELIMIT_API = ""
    for _ in range(5):
        assert client.get("/api/v1/bodies/").status_code == 200


def test_the_429_is_the_documented_error(client, archive, limits):
    from test_api_schema import assert_matches

    spec = client.get("/api/v1/openapi.json").json()
    client.get("/api/v1/bodies/")
    response = client.get("/api/v1/bodies/")
    assert response.status_code == 429
    assert_matches(spec, spec["paths"]["/api/v1/bodies/"]["get"], response)
