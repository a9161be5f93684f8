"""The match set behind the search: copied paragraph columns, exact facets, estimated counts."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from search_fixtures import archive  # noqa: F401 - registers the fixture
from search_oracle import document_ids, facet_counts

from resolutions.models import Body, CommonTerm, Document, Paragraph
from resolutions.search import counts, read_search, search_documents, search_paragraphs
from resolutions.search import sql as statements
from resolutions.staff.services import publish_document, update_metadata, withdraw_document

pytestmark = pytest.mark.django_db


def copied_columns(document: Document) -> set[tuple]:
    """(published, body_id, year, doc_type) of the paragraphs, as the database holds them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT published, body_id, year, doc_type FROM resolutions_paragraph "
            "WHERE document_id = %s",
            [document.pk],
        )
        return set(cursor.fetchall())


def test_a_new_paragraph_copies_its_document(archive):
    smuggling = archive["smuggling"]
    assert copied_columns(smuggling) == {(True, smuggling.body_id, 2014, "resolution")}
    assert copied_columns(archive["draft"]) == {
        (False, archive["draft"].body_id, 2020, "resolution")
    }


def test_a_metadata_edit_reaches_the_paragraphs(archive, admin_user):
    smuggling = archive["smuggling"]
    ga = Body.objects.get(code="GA")
    update_metadata(
        smuggling, data={"body": ga, "year": 2015, "doc_type": "decision"}, user=admin_user
    )
    assert copied_columns(smuggling) == {(True, ga.pk, 2015, "decision")}
    assert search_documents({"q": "smuggling", "body": "GA", "doc_type": "decision"}).count == 1


def test_publish_and_withdraw_reach_the_paragraphs(archive, admin_user):
    draft, smuggling = archive["draft"], archive["smuggling"]
    publish_document(draft, user=admin_user)
    assert copied_columns(draft) == {(True, draft.body_id, 2020, "resolution")}
    withdraw_document(smuggling, user=admin_user)
    assert copied_columns(smuggling) == {(False, smuggling.body_id, 2014, "resolution")}
    symbols = {d.symbol for d in search_documents({"q": "financial investigations"}).rows}
    assert symbols == {"E/RES/2099/999", "E/RES/2006/27"}
    assert search_paragraphs({"q": "smuggling"}).count == 0


def test_a_bulk_update_reaches_the_paragraphs(archive):
    Document.objects.filter(pk=archive["violence"].pk).update(status=Document.Status.DRAFT)
    assert copied_columns(archive["violence"]) == {
        (False, archive["violence"].body_id, 2011, "resolution")
    }


def test_a_paragraph_moved_to_another_document_follows_it(archive):
    paragraph = archive["draft"].paragraphs.get()
    Paragraph.objects.filter(pk=paragraph.pk).update(document=archive["violence"], position=9)
    assert copied_columns(archive["draft"]) == set()
    assert (True, archive["violence"].body_id, 2011, "resolution") in copied_columns(
        archive["violence"]
    )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "migrants"},
        {"q": "migrants", "body": ["GA"]},
        {"q": "financial investigations", "year_min": "2007"},
        {"verb": "urges"},
        {"kind": "preambular"},
        {"q": "migrants or bribery", "topic": "migration"},
        {"sponsor": "italy", "doc_type": "resolution"},
        {"cites": "A/RES/66/128"},
        {"q": "urges", "verb": "urges", "kind": "operative"},
        {"q": "migrants", "verb": "urges", "body": ["GA"], "year_min": "2010"},
        {"verb": "urges", "doc_type": "resolution", "topic": "migration"},
    ],
)
def test_exact_facets_match_the_grouped_queries(archive, params):
    """Under the exact limit every facet equals the straightforward grouped query's."""
    expected = facet_counts(read_search(params))
    results = search_documents(params)
    assert not results.count_is_estimate and not results.facets_are_estimates
    found = {
        key: {v.value: v.count for v in values if v.count} for key, values in results.facets.items()
    }
    assert found == expected


def test_paragraph_facets_count_paragraphs_exactly(archive):
    facets = search_paragraphs({"q": "migrants"}).facets
    assert {v.value: v.count for v in facets["body"]} == {"ECOSOC": 1, "GA": 1}
    assert {v.value: v.count for v in facets["kind"]} == {"preambular": 1, "operative": 1}


def test_past_the_limit_counts_are_estimates(archive, monkeypatch, client):
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 1)
    # A sample of the whole archive: the estimate is the exact count.
    monkeypatch.setattr(counts, "SAMPLE_PERCENT", 100.0)
    monkeypatch.setattr(counts, "PARAGRAPH_SAMPLE_PERCENT", 100.0)
    results = search_documents({"q": "migrants", "sort": "newest"})
    assert results.count_is_estimate and results.facets_are_estimates
    assert results.count == 2
    assert {d.symbol for d in results.rows} == {"E/RES/2014/23", "A/RES/66/128"}
    paragraphs = search_paragraphs({"q": "migrants", "sort": "newest"})
    assert paragraphs.count_is_estimate and paragraphs.count == 2
    data = client.get("/api/search/", {"q": "migrants", "sort": "newest"}).json()
    assert data["count_is_estimate"] is True and data["facets_are_estimates"] is True
    assert "about 2 documents" in " ".join(
        client.get("/search/", {"q": "migrants", "sort": "newest"}).content.decode().split()
    )


def test_past_the_limit_relevance_ranks_and_counts_every_match(archive, monkeypatch):
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 1)
    monkeypatch.setattr(counts, "SAMPLE_PERCENT", 100.0)
    results = search_documents({"q": "migrants"})
    assert results.sort == "relevance"
    assert not results.count_is_estimate and results.facets_are_estimates
    assert results.count == 2


def test_an_estimate_below_the_exact_documents_is_recounted(archive, monkeypatch):
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(counts, "SAMPLE_PERCENT", 100.0)
    results = search_documents({"q": "migrants", "sort": "newest"})
    assert not results.count_is_estimate and not results.facets_are_estimates
    assert results.count == 2


def test_under_the_limit_counts_are_exact(archive, client):
    data = client.get("/api/search/", {"q": "migrants"}).json()
    assert data["count"] == 2
    assert data["count_is_estimate"] is False and data["facets_are_estimates"] is False


def test_estimates_keep_three_significant_figures():
    assert [counts.estimate(v) for v in (7, 99.6, 123, 12_345, 10_499, 987_654)] == [
        7,
        100,
        123,
        12_300,
        10_500,
        988_000,
    ]
    # The rounding alone never costs more than half a per cent of the 5 % an estimate may be off.
    worst = max(abs(counts.estimate(v) - v) / v for v in range(10_000, 1_000_000, 37))
    assert worst <= 0.005


def _migrants_documents() -> set[int]:
    return {d.pk for d in Document.objects.filter(symbol__in=["E/RES/2014/23", "A/RES/66/128"])}


def test_past_the_exact_limit_the_documents_are_listed_from_the_index(archive, monkeypatch):
    """More paragraphs than the exact path takes, fewer than the list's limit: the matching
    documents are listed once, and every condition on the text reads that list."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    match = statements.Match(read_search({"q": "migrants"}))
    assert not match.enormous
    assert set(match.params["documents"]) == _migrants_documents()
    assert counts.is_enormous(match, filtered=False)


def test_words_several_documents_hold_are_listed_from_the_documents_words(archive):
    """Two words (each anywhere in the document) and an excluded one: the documents are read
    from the documents' words, and they are the oracle's."""
    request = read_search({"q": "migrants smuggling -terrorism", "sort": "newest"})
    listed = statements.Match(request)
    assert not listed.enormous and listed.params["documents"]
    assert set(listed.params["documents"]) == set(document_ids(request))


def test_words_past_the_list_are_tested_on_each_documents_words(archive, monkeypatch):
    """More documents than LIST_DOCUMENTS hold the words: no list is made, each walked document
    is tested on its words, and the page is the oracle's."""
    monkeypatch.setattr(statements, "LIST_DOCUMENTS", 1)
    match = statements.Match(read_search({"q": "migrants"}))
    assert match.enormous and match.params["documents"] is None
    found = search_documents({"q": "migrants", "sort": "newest"})
    assert {d.pk for d in found.rows} == _migrants_documents()


def test_a_phrase_the_common_counts_put_past_the_list_is_tested_not_listed(archive, monkeypatch):
    """A phrase is read from the paragraphs: when the common words' document counts already
    exceed LIST_DOCUMENTS, no list is tried (no scan of a word's paragraphs), the documents are
    tested one by one, and agree with the oracle."""
    params = {"q": '"smuggling of migrants"', "sort": "newest"}
    for lexeme in ("smuggl", "migrant"):
        CommonTerm.objects.create(lexeme=lexeme, documents=3, floor=0.0)
    monkeypatch.setattr(statements, "LIST_DOCUMENTS", 2)
    match = statements.Match(read_search(params))
    assert match.enormous and match.params["documents"] is None
    expected = set(document_ids(read_search(params)))
    assert expected
    assert {d.pk for d in search_documents(params).rows} == expected


def _searched(params: dict) -> tuple:
    """The documents' results and the statements they ran."""
    with CaptureQueriesContext(connection) as ran:
        results = search_documents(params)
    return results, [query["sql"] for query in ran.captured_queries]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "migrants", "sort": "newest"},
        {"q": "migrants", "verb": ["urges"], "sort": "newest"},
        {"q": "migrants", "body": ["GA"], "year_min": "2010"},
    ],
)
def test_a_listed_result_under_the_exact_documents_is_counted_without_a_sample(
    archive, monkeypatch, settings, params
):
    """Past the exact limit, the listed documents' exact count decides: under EXACT_DOCUMENTS
    the size and every facet are counted exactly at once, with no sample drawn first."""
    settings.SEARCH_COUNTS_CACHE_SECONDS = 0
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    request = read_search(params)
    results, ran = _searched(params)
    assert not results.count_is_estimate and not results.facets_are_estimates
    assert results.count == len(document_ids(request))
    found = {
        key: {v.value: v.count for v in values if v.count} for key, values in results.facets.items()
    }
    assert found == facet_counts(request)
    assert not [statement for statement in ran if "TABLESAMPLE" in statement]


def test_a_listed_result_past_the_exact_documents_shows_its_exact_size(
    archive, monkeypatch, settings
):
    """From EXACT_DOCUMENTS on, the facets are estimated on a sample, and the size shown is the
    listed documents' exact count, not the sample's: a sample that draws no document (whose
    estimate would be 0, then recounted) leaves the size at the two documents that match."""
    settings.SEARCH_COUNTS_CACHE_SECONDS = 0
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 2)
    monkeypatch.setattr(counts, "SAMPLE_PERCENT", 0.0001)
    results, ran = _searched({"q": "migrants", "sort": "newest"})
    assert results.count_is_estimate and results.facets_are_estimates
    assert results.count == 2
    assert {d.pk for d in results.rows} == _migrants_documents()
    assert [statement for statement in ran if "TABLESAMPLE" in statement]
