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

from bench.hostile_requests import ADDRESSES, SEGMENT_ADDRESSES, SEGMENTS, VALUES

pytestmark = pytest.mark.django_db

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
