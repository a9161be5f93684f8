"""Atom feeds of searches: the same parameters as /search/, newest documents first."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
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


@pytest.mark.parametrize("sort", ["relevance", "oldest", "newest"])
def test_a_search_s_feed_is_newest_first_whatever_its_sort_and_says_so(client, archive, sort):
    asked = {"q": "financial investigations", "sort": sort, "page": "2", "view": "paragraphs"}
    feed = parse_atom(client.get("/search/feed/", asked))
    assert [e.title.split(":")[0] for e in feed.entries] == ["E/RES/2014/23", "E/RES/2006/27"]
    assert "newest first, whatever order the search page is sorted in" in feed.feed.subtitle
    # Its own address and the page it follows carry the search, not the order it ignores.
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert urlsplit(self_link).query == "q=financial+investigations"
    assert urlsplit(feed.feed.link).query == "q=financial+investigations"


def test_search_page_links_its_feed_as_newest_first(client, archive):
    html = client.get("/search/", {"q": "migrants", "sort": "oldest", "page": "1"}).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="New documents for this search, newest first" href="/search/feed/?q=migrants">'
    ) in html
    assert (
        '<a href="/search/feed/?q=migrants">Atom feed of this search</a> '
        '<span class="meta">(newest first)</span>'
    ) in html


# --- every feed is valid RFC 4287, read back by a real feed parser ---------------------------


def parse_atom(response) -> feedparser.FeedParserDict:
    """The feed as feedparser reads it, after checking what RFC 4287 requires of it."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert is_iri(feed.feed.id)
    assert feed.feed.title
    assert feed.feed.updated_parsed is not None  # atom:updated
    assert feed.feed.author  # atom:author on the feed covers every entry
    assert any(link.rel == "self" for link in feed.feed.links)
    for entry in feed.entries:
        assert is_iri(entry.id), entry.id
        assert entry.title
        assert entry.updated_parsed is not None
        assert entry.author  # the issuing body
        assert entry.link.startswith("http://testserver/")
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    return feed


def is_iri(value: str) -> bool:
    """An absolute IRI, as atom:id must be: a scheme and a host ("document-5" is not)."""
    parts = urlsplit(value)
    return parts.scheme in {"http", "https", "tag", "urn"} and bool(parts.netloc or parts.path)


def test_search_feed_is_valid_atom_with_authors_and_dates(client, archive):
    feed = parse_atom(client.get("/search/feed/", {"q": "financial investigations"}))
    first = feed.entries[0]
    assert first.title.startswith("E/RES/2014/23: ")
    assert first.id == "http://testserver/documents/E/RES/2014/23/"
    assert first.author == "Economic and Social Council"
    assert feed.feed.author == "UN Crime-Prevention Resolutions Archive"
    # A snippet names its paragraph as readers do, never by its anchor.
    assert "para. 2" in first.summary and "op2" not in first.summary


def test_cited_by_feed_is_valid_atom_and_names_paragraphs_for_readers(client, archive):
    smuggling = archive["smuggling"]
    reference = smuggling.references.get()
    reference.citing_paragraph = smuggling.paragraphs.get(kind="preambular")
    reference.save()
    feed = parse_atom(client.get("/documents/A/RES/66/128/cited-by.atom"))
    (entry,) = feed.entries
    assert entry.id == "http://testserver/documents/E/RES/2014/23/#pp1"
    assert "in preamble, para. 1" in entry.summary and "pp1" not in entry.summary


@pytest.mark.parametrize(
    ("page", "feed_url", "expected"),
    [
        ("/bodies/GA/", "/bodies/GA/feed/", ["A/RES/66/128"]),
        ("/topics/migration/", "/topics/migration/feed/", ["E/RES/2014/23", "A/RES/66/128"]),
        ("/countries/italy/", "/countries/italy/feed/", ["E/RES/2014/23"]),
    ],
)
def test_body_topic_and_country_pages_have_their_own_feed(
    client, archive, page, feed_url, expected
):
    html = client.get(page).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{feed_url}"' in html
    feed = parse_atom(client.get(feed_url))
    symbols = sorted(entry.title.split(":")[0] for entry in feed.entries)
    assert symbols == sorted(expected)  # drafts and rejected topics stay out


def test_entity_feed_of_an_unknown_entity_is_404(client, archive):
    assert client.get("/bodies/NOPE/feed/").status_code == 404
    assert client.get("/topics/no-such-topic/feed/").status_code == 404
