"""The search page: one GET form, every state in the URL, fragments for scripts."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

pytestmark = pytest.mark.django_db


def results_list(html: str) -> str:
    """The list of results on a page (not the form or the facets)."""
    start = html.index('<ol class="results')
    return html[start : html.index("</ol>", start)]


def test_empty_query_browses_everything_published_newest_first(client, archive):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 documents" in html
    html = results_list(html)
    assert html.index("E/RES/2014/23") < html.index("A/RES/66/128") < html.index("E/RES/2006/27")
    assert "secret draft" not in html


def test_home_shows_the_search_page(client, archive):
    response = client.get("/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


def test_query_finds_documents_with_highlighted_paragraph_links(client, archive):
    response = client.get("/search/", {"q": "financial investigations"})
    html = response.content.decode()
    assert "2 documents" in html
    assert "<mark>financial</mark>" in html
    assert 'href="/documents/E/RES/2014/23/#op2"' in html
    assert "secret" not in html


def test_a_typed_symbol_redirects_to_its_document(client, archive):
    for typed in ("E/RES/2014/23", "e/res/2014/23", "ECOSOC 2014/23", "ECOSOC resolution 2014/23"):
        response = client.get("/search/", {"q": typed})
        assert response.status_code == 302, typed
        assert response["Location"] == "/documents/E/RES/2014/23/"


def test_a_citation_redirects_too(client, archive):
    for typed in ("resolution 66/128", "A/RES/66/128", "General Assembly resolution 66/128"):
        response = client.get("/search/", {"q": typed})
        assert response["Location"] == "/documents/A/RES/66/128/", typed


def test_a_citation_naming_several_documents_offers_them(client, archive, make_document):
    make_document(body_code="CCPCJ", symbol=None, number="2014/23", title="Another 2014/23")
    response = client.get("/search/", {"q": "resolution 2014/23"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Documents named" in html
    assert "E/RES/2014/23" in html and "Another 2014/23" in html


def test_a_draft_is_never_a_redirect_target(client, archive):
    response = client.get("/search/", {"q": "E/RES/2099/999"})
    assert response.status_code == 200
    assert "secret" not in response.content.decode()


def test_paragraph_question_lists_the_paragraphs_linked_to_their_place(client, archive):
    response = client.get(
        "/search/",
        {
            "q": '"financial investigations"',
            "verb": "urges",
            "kind": "operative",
            "view": "paragraphs",
        },
    )
    html = response.content.decode()
    assert "1 paragraph" in html
    listed = results_list(html)
    assert 'href="/documents/E/RES/2014/23/#op2"' in listed
    assert "<mark>financial</mark> <mark>investigations</mark>" in listed
    assert "secrecy" not in html


def test_facets_show_counts_and_toggle_links(client, archive):
    html = client.get("/search/", {"q": "migrants"}).content.decode()
    assert "Issuing body" in html
    assert "?q=migrants&amp;body=GA" in html
    html = client.get("/search/", {"q": "migrants", "body": "GA"}).content.decode()
    assert "1 document" in html
    assert 'aria-label="Remove filter Issuing body: General Assembly"' in html


def test_the_year_inputs_take_their_label_and_bounds_from_the_search(client, archive):
    from resolutions.search.facets import BY_KEY
    from resolutions.search.values import FIRST_YEAR, LAST_YEAR

    html = client.get("/search/").content.decode()
    assert f"<legend><h3>{BY_KEY['year'].label}</h3></legend>" in html
    assert html.count(f'min="{FIRST_YEAR}" max="{LAST_YEAR}"') == 2


def test_rejected_topics_are_not_facets(client, archive):
    html = client.get("/search/").content.decode()
    assert "Migration" in html
    assert "Bribery" not in html


def test_bad_parameters_do_not_break_the_page(client, archive):
    for params in (
        {"year_min": "abc"},
        {"page": "9999"},
        {"page": "abc"},
        {"body": "NOPE"},
        {"sort": "sideways", "view": "tables"},
        {"year_min": "2020", "year_max": "1990"},
        {"q": "'\"&|!:*()"},
        {"cites": "???"},
    ):
        response = client.get("/search/", params)
        assert response.status_code == 200, params
    html = client.get("/search/", {"year_min": "abc"}).content.decode()
    assert "not understood" in html
    html = client.get("/search/", {"body": "NOPE"}).content.decode()
    assert "Nothing matches" in html
    assert "Remove the filter Issuing body: NOPE" in html


def test_page_past_the_end_shows_the_last_page(client, archive):
    html = client.get("/search/", {"page": "9999"}).content.decode()
    assert "3 documents" in html


def test_fragment_request_renders_only_the_results(client, archive):
    response = client.get("/search/", {"q": "migrants"}, headers={"X-Fragment": "results"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "<html" not in html
    assert "X-Fragment" in response["Vary"]


def test_the_page_works_without_javascript(client, archive):
    html = client.get("/search/", {"body": "ECOSOC"}).content.decode()
    assert '<form class="search-form" role="search" method="get"' in html
    assert '<input type="hidden" name="body" value="ECOSOC">' in html
    assert '<label for="search-q">' in html


def test_search_page_query_count_is_pinned(client, archive, django_assert_max_num_queries):
    # count, page, best paragraphs (2), 7 facets, citation lookup: none per row.
    with django_assert_max_num_queries(12):
        client.get("/search/", {"q": "migrants or bribery"})
    with django_assert_max_num_queries(11):
        client.get("/search/", {"q": "migrants", "view": "paragraphs"})


def test_charts_are_accessible_svg(client, archive):
    html = client.get("/search/").content.decode()
    assert 'role="img"' in html
    assert "<title>Documents per year</title>" in html
    assert '<th scope="col">Year</th>' in html


def test_exports_stream_csv_and_json(client, archive):
    response = client.get("/search/export.csv", {"q": "migrants"})
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    lines = text.strip().splitlines()
    assert lines[0].startswith("id,symbol,title")
    assert len(lines) == 3
    assert "Italy" in text
    response = client.get("/search/export.json", {"view": "paragraphs", "verb": "urges"})
    import json

    rows = json.loads(b"".join(response.streaming_content))
    assert {row["document_symbol"] for row in rows} == {"E/RES/2014/23", "A/RES/66/128"}
    assert all(row["url"].startswith("http://testserver/documents/") for row in rows)


def test_the_search_page_offers_to_trace_a_sentence(client, archive):
    html = client.get("/search/").content.decode()
    assert 'action="/language/trace/"' in html and 'name="q"' in html
    traced = client.get("/language/trace/", {"q": "Urges Member States to combat the smuggling"})
    assert traced.status_code == 200


def test_every_page_of_the_language_tools_is_linked_from_the_home_page(client, archive):
    # The tracer and the mandates were reachable only by typing their address.
    html = client.get("/").content.decode()
    assert 'href="/language/trace/"' in html and 'href="/language/mandates/"' in html
