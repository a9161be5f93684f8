"""Atom feeds of searches: the same parameters as /search/, newest documents first."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    root = ET.fromstring(response.content)
    return root, [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]


def test_feed_of_a_search_is_atom_newest_first(client, archive):
    response = client.get("/search/feed/", {"q": "financial investigations", "sort": "oldest"})
    assert response["Content-Type"].startswith("application/atom+xml")
    root, titles = entries(response)
    assert titles[0].startswith("E/RES/2014/23")
    assert titles[1].startswith("E/RES/2006/27")
    assert "financial investigations" in root.find(f"{ATOM}title").text


def test_feed_takes_the_filters(client, archive):
    _root, titles = entries(client.get("/search/feed/", {"body": "GA"}))
    assert len(titles) == 1 and titles[0].startswith("A/RES/66/128")


def test_feed_never_shows_drafts(client, archive):
    _root, titles = entries(client.get("/search/feed/", {"q": "secrecy"}))
    assert titles == []


def test_search_page_links_its_feed(client, archive):
    html = client.get("/search/", {"q": "migrants"}).content.decode()
    assert 'type="application/atom+xml"' in html
    assert "/search/feed/?q=migrants" in html
