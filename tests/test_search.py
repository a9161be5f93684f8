"""The search selectors: ranking, snippets, paragraphs, facets."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.search import (
    START_SEL,
    find_documents_by_citation,
    search,
    search_documents,
    search_paragraphs,
)

pytestmark = pytest.mark.django_db


def test_browse_lists_newest_first(archive):
    results = search_documents({})
    assert [d.symbol for d in results.rows] == ["E/RES/2014/23", "A/RES/66/128", "E/RES/2006/27"]
    assert results.sort == "newest"


def test_oldest_first(archive):
    results = search_documents({"sort": "oldest"})
    assert results.rows[0].symbol == "E/RES/2006/27"


def test_relevance_ranks_title_and_paragraph_matches(archive):
    results = search_documents({"q": "financial investigations"})
    assert results.sort == "relevance"
    assert {d.symbol for d in results.rows} == {"E/RES/2014/23", "E/RES/2006/27"}


def test_best_paragraphs_carry_highlighted_snippets(archive):
    results = search_documents({"q": "smuggling"})
    document = next(d for d in results.rows if d.symbol == "E/RES/2014/23")
    assert document.match_count == 1
    [paragraph] = document.best_paragraphs
    assert paragraph.anchor == "op2"
    assert START_SEL in paragraph.snippet
    assert paragraph.document is document


def test_paragraph_view_lists_matching_paragraphs(archive):
    results = search_paragraphs({"verb": "urges", "kind": "operative"})
    assert results.count == 2
    assert {p.document.symbol for p in results.rows} == {"E/RES/2014/23", "A/RES/66/128"}


def test_search_dispatches_on_view(archive):
    assert search({"view": "paragraphs"}).view == "paragraphs"
    assert search({"view": "nonsense"}).view == "documents"


def test_facets_count_under_the_other_filters(archive):
    facets = search_documents({"q": "migrants", "body": ["GA"]}).facets
    bodies = {v.value: (v.count, v.selected) for v in facets["body"]}
    # The body facet ignores its own filter, so ECOSOC stays offered with its count.
    assert bodies == {"GA": (1, True), "ECOSOC": (1, False)}
    years = {v.value: v.count for v in facets["year"]}
    assert years == {"2011": 1}
    assert {v.value for v in facets["topic"]} == {"migration"}


def test_verb_facet_counts_operative_verbs(archive):
    facets = search_documents({}).facets
    verbs = {v.value: v.count for v in facets["verb"]}
    assert verbs == {"urges": 2, "requests": 1, "invites": 1}


def test_facets_on_paragraphs_count_paragraphs(archive):
    facets = search_paragraphs({"verb": "urges"}).facets
    assert {v.value: v.count for v in facets["body"]} == {"ECOSOC": 1, "GA": 1}


def test_selected_value_without_rows_stays_removable(archive):
    facets = search_documents({"body": "NOPE"}).facets
    assert any(v.value == "NOPE" and v.selected and v.count == 0 for v in facets["body"])


def test_find_documents_by_citation(archive):
    assert [d.symbol for d in find_documents_by_citation("ECOSOC 2014/23")] == ["E/RES/2014/23"]
    assert find_documents_by_citation("migrants") == []
    assert find_documents_by_citation("E/RES/2099/999") == []  # a draft


def test_search_documents_query_count(archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):
        results = search_documents({"q": "migrants or bribery"})
        for document in results.rows:
            for paragraph in document.best_paragraphs:
                paragraph.get_absolute_url()
            assert document.body.code
