"""Hostile values on every public address beyond the search: a page, a redirect or a 4xx, never a
500, and never slow.

The search's own addresses are tried in test_search_hostile.py; here every other public URL
(document pages and their exports and feeds, entity pages and feeds, the API v1, the catalogue's
subjects, the lineage pages) gets hostile path segments and hostile values in each parameter it
reads, plus parameters it does not know.
"""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import time

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = pytest.mark.django_db

SEGMENTS = (
    "%00",
    "abc%00def",
    "%FF%FE",
    "x" * 3000,
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "9223372036854775808",
    "-1",
)
VALUES = (
    "%00",
    "a%00b",
    "%07%1B%5B31m",
    "%FF%FE",
    "'%22%26|!:*()%3C%3E",
    "9223372036854775808",
    "-1",
    "1e309",
    "x" * 5000,
)
# Each address with the parameters it reads; `{id}` and `{symbol}` are filled with a document's.
ADDRESSES = {
    "/documents/{symbol}/": ("cited_by_body", "cited_by_year"),
    "/documents/id/{id}/": ("cited_by_body", "cited_by_year"),
    "/documents/{symbol}/cite.ris": (),
    "/documents/{symbol}/cite.bib": (),
    "/documents/{symbol}/json/": (),
    "/documents/{symbol}/cited-by.atom": (),
    "/documents/{id}/original/": (),
    "/bodies/": ("page",),
    "/bodies/ECOSOC/": ("page",),
    "/bodies/ECOSOC/feed/": (),
    "/topics/": ("page",),
    "/countries/": ("page",),
    "/subjects/": ("page",),
    "/api/": (),
    "/api/v1/documents/{id}/": (),
    "/api/v1/documents/{id}/references/": ("page", "per_page"),
    "/api/v1/documents/{id}/cited-by/": ("page", "per_page"),
    "/api/v1/bodies/": ("page", "per_page"),
    "/api/v1/topics/": ("page", "per_page"),
    "/api/v1/countries/": ("page", "per_page"),
    "/api/v1/sponsors/": ("page", "per_page"),
    "/language/trace/": ("q",),
    "/language/api/trace/": ("q",),
    "/language/commitments/": ("body", "sponsor", "from", "to"),
    "/language/commitments.csv": ("body", "sponsor", "from", "to"),
    "/language/mandates/": ("who", "body", "status"),
}
# Addresses whose last path segment is free text: each hostile segment goes there.
SEGMENT_ADDRESSES = (
    "/documents/{}/",
    "/documents/{}/cite.ris",
    "/documents/{}/cited-by.atom",
    "/bodies/{}/",
    "/bodies/{}/feed/",
    "/topics/{}/",
    "/countries/{}/feed/",
    "/subjects/{}/",
    "/api/v1/documents/by-symbol/{}/",
    "/api/v1/bodies/{}/",
    "/api/v1/topics/{}/",
    "/language/families/{}/",
)
SLOW_SECONDS = 5


def fetch(client, url: str):
    """GET the URL (query string sent as written), and how long it took."""
    started = time.monotonic()
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response, time.monotonic() - started


def assert_handled(client, url: str) -> None:
    response, seconds = fetch(client, url)
    assert response.status_code < 500, (url[:200], response.status_code)
    assert seconds < SLOW_SECONDS, (url[:200], seconds)


def test_hostile_parameters_on_every_public_address(client, archive):
    document = archive["smuggling"]
    for template, params in ADDRESSES.items():
        address = template.format(id=document.pk, symbol=document.symbol)
        assert_handled(client, address)
        for name in (*params, "unknown", "page"):
            for value in VALUES:
                assert_handled(client, f"{address}?{name}={value}")
        repeated = "&".join(f"{name}=1&{name}=x" for name in params)
        assert_handled(client, f"{address}?{repeated}&%00=1")


def test_hostile_path_segments_on_every_public_address(client, archive):
    for template in SEGMENT_ADDRESSES:
        for segment in SEGMENTS:
            assert_handled(client, template.format(segment))


def test_a_nul_byte_is_refused_in_words(client, archive):
    page = client.get("/bodies/abc%00def/")
    assert page.status_code == 400
    assert "NUL byte" in page.content.decode()
    api = client.get("/api/v1/bodies/%00/")
    assert api.status_code == 400 and api.json()["code"] == "invalid_input"
