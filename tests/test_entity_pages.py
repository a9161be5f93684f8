"""Pages of a body, a topic and a country, and their index pages."""

from __future__ import annotations

import datetime as dt

import pytest

from resolutions.models import Body, Country, DocumentTopic, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(make_document):
    """Thirty published ECOSOC resolutions over 2001-2010, one GA one, one unpublished."""
    country = Country.objects.create(name="Freedonia", slug="freedonia")
    topic = Topic.objects.create(name="Test piracy", slug="test-piracy")
    documents = []
    for i in range(30):
        year = 2001 + i % 10
        document = make_document(
            symbol=f"E/RES/{year}/{i}", date=dt.date(year, 1 + i % 12, 1), year=year
        )
        document.sponsorship_set.create(country=country, position=0)
        DocumentTopic.objects.create(
            document=document, topic=topic, status="confirmed" if i % 2 else "suggested"
        )
        documents.append(document)
    ga = make_document(symbol="A/RES/60/1", body_code="GA", title="GA text", year=2005)
    DocumentTopic.objects.create(document=ga, topic=topic, status="rejected")
    hidden = make_document(symbol="E/RES/2011/1", title="Hidden draft", status="draft", year=2011)
    hidden.sponsorship_set.create(country=country, position=0)
    DocumentTopic.objects.create(document=hidden, topic=topic, status="confirmed")
    return {"country": country, "topic": topic, "documents": documents}


@pytest.mark.parametrize(
    "url", ["/bodies/ECOSOC/", "/topics/test-piracy/", "/countries/freedonia/"]
)
def test_entity_page_lists_published_documents_newest_first_with_chart(client, spread, url):
    html = client.get(url).content.decode()
    assert "Documents (30)" in html
    assert "Hidden draft" not in html
    assert "GA text" not in html  # another body / a rejected topic / not sponsored
    first = html.index("E/RES/2010/")
    assert first < html.index("E/RES/2009/") < html.index("E/RES/2005/")
    assert 'role="img"' in html and "2001: 3 documents" in html and "2010: 3 documents" in html
    assert "Page 1 of 2" in html and 'href="?page=2" rel="next"' in html
    page2 = client.get(url, {"page": 2}).content.decode()
    assert "E/RES/2001/" in page2 and "E/RES/2010/" not in page2
    assert '<ol class="document-list" start="26">' in page2


def test_entity_pages_404_for_unknown(client, db):
    for url in ["/bodies/NOPE/", "/topics/nope/", "/countries/nope/"]:
        assert client.get(url).status_code == 404


def test_topic_page_shows_parent_and_children(client, db):
    parent = Topic.objects.create(name="Test crime", slug="test-crime")
    child = Topic.objects.create(name="Test theft", slug="test-theft", parent=parent)
    assert (
        'href="/topics/test-theft/">Test theft</a>'
        in client.get("/topics/test-crime/").content.decode()
    )
    assert (
        'href="/topics/test-crime/">Test crime</a>'
        in client.get(child.get_absolute_url()).content.decode()
    )


def test_index_pages_list_with_counts(client, spread):
    bodies = client.get("/bodies/").content.decode()
    assert (
        '<a href="/bodies/ECOSOC/">Economic and Social Council</a></td>'
        '<td>ECOSOC</td><td class="count">30</td>' in bodies
    )
    assert '<td>GA</td><td class="count">1</td>' in bodies
    assert "ECOSOC: 30 documents" in bodies  # the chart
    topics = client.get("/topics/").content.decode()
    assert (
        '<a href="/topics/test-piracy/">Test piracy</a></td><td></td><td class="count">30</td>'
        in topics
    )
    countries = client.get("/countries/").content.decode()
    assert (
        '<a href="/countries/freedonia/">Freedonia</a></td><td class="count">30</td>' in countries
    )


def test_hostile_entity_names_are_escaped(client, make_document):
    Body.objects.filter(code="ECOSOC").update(name="<script>alert(1)</script>")
    make_document(year=2001)
    for url in ["/bodies/ECOSOC/", "/bodies/"]:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)" in html


@pytest.mark.parametrize(
    ("url", "most"),
    [
        ("/bodies/ECOSOC/", 4),
        ("/topics/test-piracy/", 6),  # and its narrower topics, its UNBIS concepts
        ("/countries/freedonia/", 5),  # and its votes
        ("/bodies/", 1),
        ("/topics/", 1),
        ("/countries/", 1),
    ],
)
def test_entity_page_query_counts(client, spread, url, most, django_assert_max_num_queries):
    # entity, count, page of documents (with bodies), per-year chart
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
