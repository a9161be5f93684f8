"""The filters: declared once per facet, repeatable, combined; bad values reported, not fatal."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from django.http import QueryDict
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.search import FACETS, citation_keys, parse_citation, search_documents
from resolutions.search.request import read_search


def symbols(query: str) -> set[str]:
    return {d.symbol for d in search_documents(QueryDict(query), per_page=100).rows}


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("E/RES/2014/23", ("E/RES/2014/23",)),
        ("ECOSOC 2014/23", ("E/RES/2014/23",)),
        ("General Assembly resolution 66/128", ("A/RES/66/128",)),
        ("COP-UNTOC 5/3", ("COP-UNTOC 5/3",)),
        ("CND decision 58/1", ("CND decision 58/1",)),
    ],
)
def test_parse_citation_reads_symbols_and_citations(typed, keys):
    assert parse_citation(typed).keys == keys


def test_resolution_without_a_body_reads_as_any_series():
    assert "A/RES/66/128" in parse_citation("resolution 66/128").symbols
    assert parse_citation("smuggling of migrants") is None
    assert citation_keys("A/RES/66/128")[0] == "A/RES/66/128"


def test_filters_are_declared_once_in_the_registry():
    params = [name for facet in FACETS for name in facet.params]
    assert len(params) == len(set(params))
    expected = {"body", "year_min", "year_max", "topic", "verb", "doc_type", "sponsor", "kind"}
    assert expected | {"cites", "language"} <= set(params)


@pytest.mark.django_db
def test_repeated_values_mean_any_of_them(archive):
    assert symbols("body=GA&body=ECOSOC") == {"E/RES/2014/23", "A/RES/66/128", "E/RES/2006/27"}
    assert symbols("body=GA") == {"A/RES/66/128"}


@pytest.mark.django_db
def test_filters_combine_with_each_other_and_the_query(archive):
    assert symbols("q=migrants&year_min=2012&body=ECOSOC") == {"E/RES/2014/23"}


@pytest.mark.django_db
def test_within_a_paragraph_verb_kind_and_query_hold_for_the_same_paragraph(archive):
    # E/RES/2014/23 urges, and mentions "report" only in a paragraph that requests.
    assert symbols("q=report&verb=urges&within=paragraph") == set()
    assert symbols("q=report&verb=requests&within=paragraph") == {"E/RES/2014/23"}
    assert symbols("verb=recalling&kind=operative") == set()
    # Over the whole document (the default) the words and the verb may be in different ones.
    assert symbols("q=report&verb=urges") == {"E/RES/2014/23"}


@pytest.mark.django_db
def test_the_query_matches_titles_too(archive):
    assert "E/RES/2006/27" in symbols("q=corruption")


@pytest.mark.django_db
def test_topic_filter_ignores_rejected_topics(archive):
    assert symbols("topic=migration") == {"E/RES/2014/23", "A/RES/66/128"}
    assert symbols("topic=bribery") == set()


@pytest.mark.django_db
def test_sponsor_doc_type_and_language(archive):
    assert symbols("sponsor=italy") == {"E/RES/2014/23"}
    assert len(symbols("doc_type=resolution")) == 3
    assert symbols("doc_type=report") == set()
    assert len(symbols("language=en")) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cited", ["A/RES/66/128", "resolution 66/128", "GA 66/128", "a/res/66/128"]
)
def test_cites_finds_the_citing_documents(archive, cited):
    assert symbols(f"cites={cited}") == {"E/RES/2014/23"}


@pytest.mark.django_db
def test_an_invalid_value_is_reported_and_ignored(archive):
    results = search_documents(QueryDict("year_min=abc&year_max=2012"))
    assert "year_min" in results.errors
    assert {d.symbol for d in results.rows} == {"A/RES/66/128", "E/RES/2006/27"}


def test_a_value_of_a_closed_list_must_be_one_of_it():
    request = read_search({"doc_type": ["resolution", "poem"], "kind": "operative"})
    assert "doc_type" in request.errors
    assert request.filters == {"doc_type": ["resolution"], "kind": ["operative"]}


@pytest.mark.django_db
def test_drafts_never_appear(archive):
    assert "E/RES/2099/999" not in symbols("q=secret")
    assert search_documents({"q": "secrecy", "view": "paragraphs"}).count == 0
