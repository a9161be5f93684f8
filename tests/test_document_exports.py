"""A search's documents exported for a reference manager (RIS, BibTeX) and as data (CSV)."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import csv
import io

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.views import search_citations

pytestmark = pytest.mark.django_db


def ris_records(text: str) -> list[dict[str, list[str]]]:
    """RIS records as {tag: [values]}, split at ER."""
    records, current = [], {}
    for line in text.split("\r\n"):
        if not line:
            continue
        tag, value = line[:2], line[6:]  # "TY  - GOVDOC"; the last line is "ER  -"
        if tag == "ER":
            records.append(current)
            current = {}
        else:
            current.setdefault(tag, []).append(value)
    return records


def test_search_exports_ris_of_every_matching_document(client, archive):
    response = client.get("/search/export.ris", {"q": "financial investigations"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="search.ris"'
    records = ris_records(response.content.decode())
    assert sorted(r["CN"][0] for r in records) == ["E/RES/2006/27", "E/RES/2014/23"]  # no draft
    smuggling = next(r for r in records if r["CN"] == ["E/RES/2014/23"])
    assert smuggling["TY"] == ["GOVDOC"]
    assert smuggling["KW"] == ["Migration"]  # topic names; rejected ones left out
    assert smuggling["UR"] == ["http://testserver/documents/E/RES/2014/23/"]


def test_search_exports_bibtex_with_its_filters(client, archive):
    response = client.get("/search/export.bib", {"body": "GA"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="search.bib"'
    text = response.content.decode()
    assert text.count("@misc{") == 1
    assert text.startswith("@misc{A_RES_66_128,\n")
    assert "keywords = {Migration}" in text


def test_search_citation_export_is_bounded_with_a_clear_message(
    client, archive, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(search_citations, "CITATION_EXPORT_MAX", 2)
    response = client.get("/search/export.ris")  # three published documents
    assert response.status_code == 400
    html = response.content.decode()
    assert "more than 2 documents" in html and "nothing was written" in html
    assert 'href="/search/"' in html
    with django_assert_max_num_queries(7):
        assert client.get("/search/export.bib", {"body": "ECOSOC"}).status_code == 200


def test_hostile_parameters_give_a_file_not_an_error(client, archive):
    for params in ({"year_min": "abc"}, {"q": "'\"<script>"}, {"page": "-1"}):
        assert client.get("/search/export.ris", params).status_code in {200, 400}


def test_search_page_links_the_citation_exports(client, archive):
    html = client.get("/search/", {"q": "migrants"}).content.decode()
    assert 'href="/search/export.ris?q=migrants"' in html
    assert 'href="/search/export.bib?q=migrants"' in html


def test_csv_export_writes_topic_names(client, archive):
    response = client.get("/search/export.csv", {"q": "smuggling"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["symbol"] for row in rows] == ["E/RES/2014/23"]
    assert rows[0]["topics"] == "Migration"
