"""The JSON API: the search's parameters, count, results and facets; documents; paragraphs."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = pytest.mark.django_db


def test_api_search_returns_count_results_and_facets(client, archive):
    data = client.get("/api/search/", {"q": "smuggling", "body": "ECOSOC"}).json()
    assert data["count"] == 1
    [row] = data["results"]
    assert row["symbol"] == "E/RES/2014/23"
    assert row["sponsors"] == [{"slug": "italy", "name": "Italy"}]
    assert row["paragraphs"][0]["url"].endswith("/documents/E/RES/2014/23/#op2")
    assert "<mark>" in row["paragraphs"][0]["snippet_html"]
    assert set(data["facets"]) >= {"body", "year", "topic", "verb", "doc_type", "sponsor"}
    ecosoc = {"value": "ECOSOC", "label": "Economic and Social Council", "count": 1}
    assert {**ecosoc, "selected": True} in data["facets"]["body"]


def test_api_search_paragraph_question(client, archive):
    data = client.get(
        "/api/search/",
        {
            "q": '"financial investigations"',
            "verb": "urges",
            "kind": "operative",
            "view": "paragraphs",
        },
    ).json()
    assert data["count"] == 1
    [row] = data["results"]
    assert row["verb"] == "urges" and row["number"] == "2"
    assert row["document"]["symbol"] == "E/RES/2014/23"


def test_api_documents_and_paragraphs_lists(client, archive):
    data = client.get("/api/documents/", {"year_min": 2010, "per_page": 1}).json()
    assert data["count"] == 2 and data["num_pages"] == 2 and len(data["results"]) == 1
    data = client.get("/api/paragraphs/", {"verb": "urges"}).json()
    assert data["count"] == 2
    assert "facets" not in data


def test_api_document_detail_with_citations_both_ways(client, archive):
    smuggling, violence = archive["smuggling"], archive["violence"]
    data = client.get(f"/api/documents/{smuggling.pk}/").json()
    assert [p["anchor"] for p in data["paragraphs"]] == ["pp1", "op2", "op3"]
    assert data["references"][0]["cited_key"] == "A/RES/66/128"
    assert data["references"][0]["document_id"] == violence.pk
    assert [t["slug"] for t in data["topics"]] == ["migration"]
    data = client.get(f"/api/documents/{violence.pk}/").json()
    assert data["cited_by"][0]["document_id"] == smuggling.pk


def test_api_hides_drafts(client, archive):
    assert client.get(f"/api/documents/{archive['draft'].pk}/").status_code == 404
    assert client.get("/api/search/", {"q": "secrecy"}).json()["count"] == 0


def test_api_invalid_parameters_are_a_400_with_the_reasons(client, archive):
    response = client.get("/api/search/", {"year_min": "abc", "body": "GA"})
    assert response.status_code == 400
    assert "not a year" in response.json()["errors"]["year_min"][0]
    data = client.get("/api/search/", {"page": "999", "per_page": "x"}).json()
    assert data["count"] == 3 and data["page"] == 1
    assert "There is no page 999" in data["notices"][0]


def test_api_query_counts(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        client.get("/api/search/", {"q": "migrants or bribery"})
    with django_assert_max_num_queries(8):
        client.get(f"/api/documents/{archive['smuggling'].pk}/")


def test_api_docs_page_lists_endpoints_and_an_example(client, archive):
    html = client.get("/api/").content.decode()
    for endpoint in ("/api/search/", "/api/documents/", "/api/paragraphs/", "export.csv"):
        assert endpoint in html
    assert "verb=urges" in html
