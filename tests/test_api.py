"""The JSON API, version 1: the search's parameters, count, results and facets; documents with
their citations both ways; paragraphs; bodies, topics, countries and sponsors; pages; errors."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import json
import re

import pytest
from django.utils.html import escape
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.models import Document, Reference

pytestmark = pytest.mark.django_db


def test_search_returns_count_results_and_facets(client, archive):
    data = client.get("/api/v1/search/", {"q": "smuggling", "body": "ECOSOC"}).json()
    assert data["count"] == 1 and data["view"] == "documents" and data["sort"] == "relevance"
    [row] = data["results"]
    assert row["symbol"] == "E/RES/2014/23"
    assert row["sponsors"] == [{"slug": "italy", "name": "Italy"}]
    assert row["paragraphs"][0]["url"].endswith("/documents/E/RES/2014/23/#op2")
    assert "<mark>" in row["paragraphs"][0]["snippet_html"]
    assert row["api_url"].endswith(f"/api/v1/documents/{archive['smuggling'].pk}/")
    assert set(data["facets"]) >= {"body", "year", "topic", "verb", "doc_type", "sponsor"}
    ecosoc = {"value": "ECOSOC", "label": "Economic and Social Council", "count": 1}
    assert {**ecosoc, "selected": True} in data["facets"]["body"]


def test_search_paragraph_question(client, archive):
    data = client.get(
        "/api/v1/search/",
        {
            "q": '"financial investigations"',
            "verb": "urges",
            "kind": "operative",
            "view": "paragraphs",
        },
    ).json()
    assert data["count"] == 1 and data["view"] == "paragraphs"
    [row] = data["results"]
    assert row["verb"] == "urges" and row["number"] == "2"
    assert row["document"]["symbol"] == "E/RES/2014/23"


def test_documents_and_paragraphs_lists_page_with_a_total(client, archive):
    first = client.get("/api/v1/documents/", {"year_min": 2010, "per_page": 1}).json()
    assert (first["count"], first["num_pages"], len(first["results"])) == (2, 2, 1)
    assert first["previous"] is None and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert second["next"] is None and "page=1" in second["previous"]
    symbols = [first["results"][0]["symbol"], second["results"][0]["symbol"]]
    assert symbols == ["E/RES/2014/23", "A/RES/66/128"]  # newest first, each once
    data = client.get("/api/v1/paragraphs/", {"verb": "urges"}).json()
    assert data["count"] == 2 and {row["text"][:5] for row in data["results"]} == {"Urges"}
    assert "facets" not in data


def test_page_past_the_last_is_a_json_404(client, archive):
    response = client.get("/api/v1/documents/", {"page": 9})
    assert response.status_code == 404
    assert response.json()["code"] == "page_out_of_range"
    assert client.get("/api/v1/bodies/", {"page": 9}).json()["code"] == "page_out_of_range"


def test_document_detail_with_citations_both_ways(client, archive):
    smuggling, violence = archive["smuggling"], archive["violence"]
    data = client.get(f"/api/v1/documents/{smuggling.pk}/").json()
    assert [p["anchor"] for p in data["paragraphs"]] == ["pp1", "op2", "op3"]
    [reference] = data["references"]
    assert reference["cited_key"] == "A/RES/66/128" and reference["document_id"] == violence.pk
    assert reference["api_url"].endswith(f"/api/v1/documents/{violence.pk}/")
    assert [t["slug"] for t in data["topics"]] == ["migration"]
    data = client.get(f"/api/v1/documents/{violence.pk}/").json()
    assert [c["document_id"] for c in data["cited_by"]] == [smuggling.pk]
    cited_by = client.get(f"/api/v1/documents/{violence.pk}/cited-by/").json()
    assert cited_by["count"] == 1 and cited_by["results"][0]["label"] == "E/RES/2014/23"
    references = client.get(f"/api/v1/documents/{smuggling.pk}/references/").json()
    assert [r["cited_key"] for r in references["results"]] == ["A/RES/66/128"]


def test_document_detail_carries_the_newest_citing_documents_and_their_count(
    client, archive, make_document, monkeypatch
):
    """A resolution cited tens of thousands of times answers with a bounded list, its count and
    the address of every one (the page by page list)."""
    monkeypatch.setattr("resolutions.document_reads.CITED_BY_SHOWN", 2)
    violence = archive["violence"]
    for year in (2016, 2018, 2020):
        citing = make_document(symbol=f"A/RES/{year}/1", number=f"{year}/1", year=year)
        Reference.objects.create(
            citing_document=citing,
            ref_type="resolution",
            cited_key="A/RES/66/128",
            cited_body="GA",
            cited_number="66/128",
            cited_document=violence,
        )
    data = client.get(f"/api/v1/documents/{violence.pk}/").json()
    assert [c["label"] for c in data["cited_by"]] == ["A/RES/2020/1", "A/RES/2018/1"]
    assert data["cited_by_count"] == 4
    every = client.get(data["cited_by_url"]).json()
    assert every["count"] == 4 and every["results"][0]["label"] == "A/RES/2020/1"


def test_document_detail_counts_follow_a_withdrawn_or_deleted_citing_document(
    client, archive, make_document, monkeypatch
):
    monkeypatch.setattr("resolutions.document_reads.CITED_BY_SHOWN", 1)
    violence = archive["violence"]
    citing = []
    for year in (2016, 2018):
        citing.append(make_document(symbol=f"A/RES/{year}/1", number=f"{year}/1", year=year))
        Reference.objects.create(
            citing_document=citing[-1],
            ref_type="resolution",
            cited_key="A/RES/66/128",
            cited_document=violence,
        )
    url = f"/api/v1/documents/{violence.pk}/"
    assert client.get(url).json()["cited_by_count"] == 3
    citing[1].status = Document.Status.DRAFT
    citing[1].save()
    data = client.get(url).json()
    assert data["cited_by_count"] == 2 and data["cited_by"][0]["label"] == "A/RES/2016/1"
    assert client.get(data["cited_by_url"]).json()["count"] == 2
    citing[0].delete()
    data = client.get(url).json()
    assert data["cited_by_count"] == 1 and data["cited_by"][0]["label"] == "E/RES/2014/23"


def test_cited_by_pages_hold_every_citing_document_once_newest_first(
    client, archive, make_document
):
    violence = archive["violence"]
    for year in (2016, 2020, 2018):
        citing = make_document(symbol=f"A/RES/{year}/1", number=f"{year}/1", year=year)
        Reference.objects.create(
            citing_document=citing,
            ref_type="resolution",
            cited_key="A/RES/66/128",
            cited_document=violence,
        )
    url, labels = f"/api/v1/documents/{violence.pk}/cited-by/?per_page=1", []
    while url:
        data = client.get(url).json()
        labels += [row["label"] for row in data["results"]]
        url = data["next"]
    assert labels == ["A/RES/2020/1", "A/RES/2018/1", "A/RES/2016/1", "E/RES/2014/23"]


def test_document_by_symbol(client, archive):
    by_symbol = client.get("/api/v1/documents/by-symbol/E/RES/2014/23/").json()
    assert by_symbol == client.get(f"/api/v1/documents/{archive['smuggling'].pk}/").json()
    assert client.get("/api/v1/documents/by-symbol/E/RES/2099/999/").status_code == 404  # draft


def test_paragraph_detail(client, archive):
    paragraph = archive["smuggling"].paragraphs.get(number="2")
    data = client.get(f"/api/v1/paragraphs/{paragraph.pk}/").json()
    assert data["text"].startswith("Urges Member States") and data["anchor"] == "op2"
    assert data["document"]["symbol"] == "E/RES/2014/23"


def test_search_says_what_it_could_not_do_and_refuses_unknown_values(client, archive):
    data = client.get("/api/v1/search/", {"q": "the of"}).json()
    assert data["notices"] and "too common to be searched" in data["notices"][0]
    refused = client.get("/api/v1/search/", {"body": "NO-SUCH-BODY"})
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_parameters"
    assert "body" in refused.json()["errors"]


def test_bodies_topics_countries_and_sponsors(client, archive):
    bodies = client.get("/api/v1/bodies/", {"per_page": 100}).json()
    counts = {body["code"]: body["document_count"] for body in bodies["results"]}
    assert counts["ECOSOC"] == 2 and counts["GA"] == 1  # the draft is not counted
    ecosoc = client.get("/api/v1/bodies/ECOSOC/").json()
    assert ecosoc["documents_url"].endswith("/api/v1/documents/?body=ECOSOC")
    topics = {
        t["slug"]: t["document_count"]
        for t in client.get("/api/v1/topics/", {"per_page": 100}).json()["results"]
    }
    assert (topics["migration"], topics["bribery"]) == (2, 0)  # a rejected link covers nothing
    assert client.get("/api/v1/topics/migration/").json()["children"] == []
    italy = client.get("/api/v1/countries/italy/").json()
    assert italy["document_count"] == 1 and italy["documents_url"].endswith("?sponsor=italy")
    sponsors = client.get("/api/v1/sponsors/").json()
    assert [c["slug"] for c in sponsors["results"]] == ["italy"]


def test_drafts_are_hidden(client, archive):
    response = client.get(f"/api/v1/documents/{archive['draft'].pk}/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get("/api/v1/search/", {"q": "secrecy"}).json()["count"] == 0
    draft_paragraph = archive["draft"].paragraphs.get()
    assert client.get(f"/api/v1/paragraphs/{draft_paragraph.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"year_min": "abc"}, "year_min"),
        ({"year_max": "1200"}, "year_max"),
        ({"per_page": "0"}, "per_page"),
        ({"per_page": "1000"}, "per_page"),
        ({"page": "x"}, "page"),
        ({"sort": "sideways"}, "sort"),
        ({"view": "tables"}, "view"),
        ({"doc_type": "poem"}, "doc_type"),
        ({"kind": ["operative", "footnote"]}, "kind"),
        ({"body": [f"B{i}" for i in range(21)]}, "body"),
    ],
)
def test_bad_parameters_are_a_400_with_the_reason(client, archive, params, parameter):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == "invalid_parameters"
    assert parameter in data["errors"] and data["errors"][parameter][0]
    assert parameter in data["message"]


def test_every_error_is_json_with_a_message_and_a_code(client, archive):
    expectations = [
        (client.get("/api/v1/documents/999999/"), 404, "not_found"),
        (client.get("/api/v1/nothing-here/"), 404, "not_found"),
        (client.get("/api/nothing-here/"), 404, "not_found"),
        (client.get("/api/v1/topics/no-such-topic/"), 404, "not_found"),
        (client.post("/api/v1/search/"), 405, "method_not_allowed"),
        (client.delete(f"/api/v1/documents/{archive['smuggling'].pk}/"), 405, "method_not_allowed"),
        (client.post("/api/search/"), 405, "method_not_allowed"),
    ]
    for response, status, code in expectations:
        assert response.status_code == status, response.request["PATH_INFO"]
        assert response["Content-Type"].startswith("application/json")
        data = response.json()
        assert data["code"] == code and data["message"]
    assert "GET" in client.post("/api/v1/search/")["Allow"]


def test_a_crash_is_a_json_500(client, archive, monkeypatch):
    from resolutions import search

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(search, "results_of", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/search/", {"q": "smuggling"})
    assert response.status_code == 500
    assert response.json()["code"] == "internal_server_error"
    assert "database" not in response.json()["message"]  # no internals leak


def test_first_api_addresses_answer_as_their_v1_operations(client, archive):
    pk = archive["smuggling"].pk
    for old, new in [
        ("/api/search/?q=smuggling&body=ECOSOC", "/api/v1/search/?q=smuggling&body=ECOSOC"),
        ("/api/documents/?year_min=2010", "/api/v1/documents/?year_min=2010"),
        (f"/api/documents/{pk}/", f"/api/v1/documents/{pk}/"),
        ("/api/paragraphs/?verb=urges", "/api/v1/paragraphs/?verb=urges"),
    ]:
        response = client.get(old)
        assert response.status_code == 200
        assert response.json() == client.get(new).json() | _same_links(response.json())
        successor = new.partition("?")[0]
        assert response["Link"] == f'<http://testserver{successor}>; rel="successor-version"'
    bad = client.get("/api/search/", {"year_min": "abc"})
    assert bad.status_code == 400 and bad.json()["errors"]["year_min"]
    assert client.get("/api/documents/999999/").json()["code"] == "not_found"


def _same_links(data: dict) -> dict:
    """A list's `next`/`previous` keep the address they were asked at."""
    return {key: data[key] for key in ("next", "previous") if key in data}


def test_query_counts(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        client.get("/api/v1/search/", {"q": "migrants or bribery"})
    with django_assert_max_num_queries(9):
        client.get(f"/api/v1/documents/{archive['smuggling'].pk}/")
    with django_assert_max_num_queries(3):
        client.get("/api/v1/topics/")


def test_docs_page_lists_endpoints_and_an_example(client, archive):
    html = client.get("/api/").content.decode()
    for endpoint in ("/api/v1/search/", "/api/v1/documents/", "/api/v1/openapi.json", "export.csv"):
        assert endpoint in html
    assert "verb=urges" in html


def test_docs_page_lists_every_parameter_of_the_facet_registry(client, archive):
    """The page's parameters come from the registry: a new facet is documented as it lands."""
    from resolutions.search.facets import FACETS

    html = client.get("/api/").content.decode()
    for facet in FACETS:
        for parameter in facet.parameters():
            assert f"<code>{parameter.name}</code>" in html
            assert f"<code>{parameter.name}={escape(parameter.example)}</code>" in html
            for choice in parameter.choices:
                assert f"<code>{choice}</code>" in html


@pytest.mark.parametrize("status", [403, 404, 405, 429, 500, 503])
def test_any_error_leaving_the_api_as_html_becomes_json_keeping_its_headers(rf, status):
    from django.http import HttpResponse

    from resolutions.api.errors import ApiErrorMiddleware

    def html_error(request):
        response = HttpResponse("<h1>Oops</h1>", status=status)
        response["Retry-After"] = "30"
        return response

    middleware = ApiErrorMiddleware(html_error)
    response = middleware(rf.get("/api/v1/search/"))
    assert response.status_code == status and response["Retry-After"] == "30"
    data = json.loads(response.content)
    assert data["message"] and data["code"] not in {"", "error"}
    assert middleware(rf.get("/search/"))["Content-Type"].startswith("text/html")


def test_docs_load_swagger_ui_from_installed_static_files_with_no_inline_script(client):
    from django.conf import settings
    from django.contrib.staticfiles import finders

    response = client.get("/api/v1/docs/")
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    sources = [re.search(r'src="([^"]+)"', attrs) for attrs in scripts]
    inline = [attrs for attrs, src in zip(scripts, sources, strict=True) if not src]
    assert all('type="application/json"' in attrs for attrs in inline)  # data, not code
    local = [src.group(1) for src in sources if src]
    assert {path.rsplit("/", 1)[1] for path in local} >= {
        "swagger-ui-bundle.js",
        "swagger-ui-init.js",
    }
    for path in local:  # served by whitenoise from the collected (installed and own) files
        assert path.startswith("/static/") and finders.find(path.removeprefix("/static/"))
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")


def test_the_api_takes_every_facet_of_the_registry(client):
    """The API's filters are generated from the facet registry: a facet added there is a
    documented, working API parameter with nothing else to change."""
    from resolutions.search import FACETS

    operations = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/search/", "/api/v1/documents/", "/api/v1/paragraphs/"):
        documented = {p["name"] for p in operations[path]["get"]["parameters"]}
        for facet in FACETS:
            assert {parameter.name for parameter in facet.parameters()} <= documented, path


def test_the_language_facet_filters_through_the_api(client, archive):
    everything = client.get("/api/v1/documents/").json()["count"]
    assert client.get("/api/v1/documents/", {"language": "en"}).json()["count"] == everything
    # A language no published document is in is named, as an unknown body is.
    french = client.get("/api/v1/documents/", {"language": "fr"})
    assert french.status_code == 400
    assert french.json()["errors"]["language"] == ["The archive has no language “fr”."]
