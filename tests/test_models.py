"""The data model: the database enforces its rules and keeps its search vectors."""

import datetime

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import IntegrityError, transaction

from resolutions.models import SEARCH_CONFIG, Body, Country, Document, Paragraph, Reference, Topic

pytestmark = pytest.mark.django_db


def test_bodies_are_seeded_by_migration():
    codes = set(Body.objects.values_list("code", flat=True))
    assert {"GA", "ECOSOC", "SC", "HRC", "CCPCJ", "CND", "COP-UNTOC", "COSP-UNCAC"} <= codes


@pytest.mark.parametrize(
    "fields",
    [
        {"symbol": ""},
        {"title": ""},
        {"year": 1900},
        {"date": datetime.date(2014, 7, 16), "year": 2015},
        {"doc_type": "poem"},
        {"status": "secret"},
        {"checksum": "not-a-sha"},
    ],
    ids=["empty symbol", "empty title", "year", "year vs date", "doc_type", "status", "checksum"],
)
def test_document_constraints_reject_bad_rows(make_document, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(**fields)


def test_symbol_is_unique_but_many_documents_may_lack_one(make_document):
    make_document(symbol=None)
    make_document(symbol=None)
    make_document(symbol="E/RES/2014/23")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(symbol="E/RES/2014/23")


def test_paragraph_constraints(make_document, make_paragraph):
    document = make_document()
    make_paragraph(document, "Urges Member States to act.", position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_paragraph(document, "Same position again.", position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_paragraph(document, "   ", position=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_paragraph(document, "Recalling.", position=3, kind="preambular", number="3")


def test_reference_cannot_cite_its_own_document(make_document):
    document = make_document()
    with pytest.raises(IntegrityError), transaction.atomic():
        Reference.objects.create(
            citing_document=document, ref_type="document", cited_key="X", cited_document=document
        )


def test_topic_and_country_constraints():
    topic = Topic.objects.create(name="Piracy on lakes", slug="piracy-on-lakes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(parent=topic)
    with pytest.raises(IntegrityError), transaction.atomic():
        Country.objects.create(name="Nowhere", slug="nowhere", iso3="xx")


def test_search_vector_follows_text_changes(make_document, make_paragraph):
    paragraph = make_paragraph(make_document(), "Urges Member States to criminalize smuggling.")
    query = SearchQuery("smuggling", config=SEARCH_CONFIG)
    assert Paragraph.objects.filter(search_vector=query).get() == paragraph

    Paragraph.objects.filter(pk=paragraph.pk).update(text="Invites donors to give resources.")
    assert not Paragraph.objects.filter(search_vector=query).exists()
    resources = SearchQuery("resource", config=SEARCH_CONFIG)
    assert Paragraph.objects.filter(search_vector=resources).get() == paragraph


def test_search_by_word_finds_paragraph_through_stemming(make_document, make_paragraph):
    document = make_document()
    make_paragraph(document, "Encourages States to strengthen cooperation.")
    hit = make_paragraph(document, "Requests the Secretary-General to report on migrants.")
    query = SearchQuery("migrant", config=SEARCH_CONFIG, search_type="websearch")
    assert list(Paragraph.objects.filter(search_vector=query)) == [hit]


def test_title_search_vector(make_document):
    document = make_document(title="Strengthening cooperation against trafficking in persons")
    query = SearchQuery("trafficking", config=SEARCH_CONFIG)
    assert list(Document.objects.filter(title_search=query)) == [document]


def test_document_addresses(make_document):
    with_symbol = make_document(symbol="E/RES/2014/23")
    without = make_document(symbol=None)
    assert with_symbol.get_absolute_url() == "/documents/E/RES/2014/23/"
    assert without.get_absolute_url() == f"/documents/id/{without.pk}/"
