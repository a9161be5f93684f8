"""The filters: one per facet, repeatable, combined; bad values are reported, not fatal."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from django.http import QueryDict
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.filters import DocumentFilter, ParagraphFilter, citation_keys, parse_citation
from resolutions.search import document_filter, paragraph_filter


def symbols(filterset) -> set[str]:
    return {d.symbol for d in filterset.qs}


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("E/RES/2014/23", ["E/RES/2014/23"]),
        ("ECOSOC 2014/23", ["E/RES/2014/23"]),
        ("General Assembly resolution 66/128", ["A/RES/66/128"]),
        ("COP-UNTOC 5/3", ["COP-UNTOC 5/3"]),
        ("CND decision 58/1", ["CND decision 58/1"]),
    ],
)
def test_parse_citation_reads_symbols_and_citations(typed, keys):
    assert parse_citation(typed)["keys"] == keys


def test_resolution_without_a_body_reads_as_any_series():
    assert "A/RES/66/128" in parse_citation("resolution 66/128")["symbols"]
    assert parse_citation("smuggling of migrants") is None
    assert citation_keys("A/RES/66/128")[0] == "A/RES/66/128"


def test_filters_are_declared_one_per_facet():
    names = set(DocumentFilter.base_filters)
    assert {"q", "body", "year_min", "year_max", "topic", "verb", "doc_type", "sponsor"} <= names
    assert {"kind", "cites"} <= names
    assert set(ParagraphFilter.base_filters) == names


@pytest.mark.django_db
def test_repeated_values_mean_any_of_them(archive):
    data = QueryDict("body=GA&body=ECOSOC")
    assert symbols(document_filter(data)) == {"E/RES/2014/23", "A/RES/66/128", "E/RES/2006/27"}
    assert symbols(document_filter(QueryDict("body=GA"))) == {"A/RES/66/128"}


@pytest.mark.django_db
def test_filters_combine_with_each_other_and_the_query(archive):
    data = QueryDict("q=migrants&year_min=2012&body=ECOSOC")
    assert symbols(document_filter(data)) == {"E/RES/2014/23"}


@pytest.mark.django_db
def test_verb_kind_and_query_hold_for_the_same_paragraph(archive):
    # E/RES/2014/23 urges, and mentions "report" only in a paragraph that requests.
    assert symbols(document_filter(QueryDict("q=report&verb=urges"))) == set()
    assert symbols(document_filter(QueryDict("q=report&verb=requests"))) == {"E/RES/2014/23"}
    assert symbols(document_filter(QueryDict("verb=recalling&kind=operative"))) == set()


@pytest.mark.django_db
def test_the_query_matches_titles_too(archive):
    assert "E/RES/2006/27" in symbols(document_filter(QueryDict("q=corruption")))


@pytest.mark.django_db
def test_topic_filter_ignores_rejected_topics(archive):
    assert symbols(document_filter(QueryDict("topic=migration"))) == {
        "E/RES/2014/23",
        "A/RES/66/128",
    }
    assert symbols(document_filter(QueryDict("topic=bribery"))) == set()


@pytest.mark.django_db
def test_sponsor_and_doc_type(archive):
    assert symbols(document_filter(QueryDict("sponsor=italy"))) == {"E/RES/2014/23"}
    assert len(symbols(document_filter(QueryDict("doc_type=resolution")))) == 3
    assert symbols(document_filter(QueryDict("doc_type=report"))) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cited", ["A/RES/66/128", "resolution 66/128", "GA 66/128", "a/res/66/128"]
)
def test_cites_finds_the_citing_documents(archive, cited):
    assert symbols(document_filter(QueryDict(f"cites={cited}"))) == {"E/RES/2014/23"}


@pytest.mark.django_db
def test_an_invalid_value_is_reported_and_ignored(archive):
    filterset = document_filter(QueryDict("year_min=abc&year_max=2012"))
    assert "year_min" in filterset.errors
    assert symbols(filterset) == {"A/RES/66/128", "E/RES/2006/27"}


@pytest.mark.django_db
def test_drafts_never_appear(archive):
    assert "E/RES/2099/999" not in symbols(document_filter(QueryDict("q=secret")))
    paragraphs = paragraph_filter(QueryDict("q=secrecy")).qs
    assert not paragraphs.exists()
