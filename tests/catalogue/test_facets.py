"""The catalogue's facets in the search registry: vote outcome, how a State voted, and UNBIS
subject with the narrower concepts, read alike by the search page, the API, the exports and the
counts.

The differential test (tests/test_search_oracle.py) checks them against the ORM on random
requests; these check them on the real fixture records and the real thesaurus.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command

from resolutions.catalogue.models import Concept
from resolutions.models import Country, Document
from resolutions.search import read_search, search
from resolutions.search.facets import BY_KEY

pytestmark = pytest.mark.django_db

RECORDS = ("A_RES_63_156.xml", "S_RES_2538_2020.xml", "S_RES_2538_2020_vote.xml", "S_2020_838.xml")


def symbols(params: dict) -> set[str]:
    return {row.symbol for row in search(params, per_page=50).rows}


def test_the_vote_outcome_filters_and_counts(import_fixtures, make_paragraph):
    import_fixtures(*RECORDS)
    assert dict(BY_KEY["outcome"].choices) == {
        "without_vote": "Adopted without a vote",
        "recorded_vote": "Recorded vote",
    }
    assert symbols({"outcome": "without_vote"}) == {"A/RES/63/156"}
    assert symbols({"outcome": "recorded_vote"}) == {"S/RES/2538 (2020)"}
    assert symbols({"outcome": ["without_vote", "recorded_vote"]}) == {
        "A/RES/63/156",
        "S/RES/2538 (2020)",
    }
    facet = {v.value: (v.label, v.count) for v in search({}).facets["outcome"]}
    # The draft S/2020/838 has no outcome: it is in no value.
    assert facet == {
        "without_vote": ("Adopted without a vote", 1),
        "recorded_vote": ("Recorded vote", 1),
    }
    make_paragraph(Document.objects.get(symbol="A/RES/63/156"), "Urges Governments to act;")
    paragraphs = search({"outcome": "without_vote", "view": "paragraphs"})
    assert [row.text for row in paragraphs.rows] == ["Urges Governments to act;"]
    assert search({"outcome": "recorded_vote", "view": "paragraphs"}).count == 0


def test_an_unknown_outcome_is_said_in_words_and_ignored(import_fixtures):
    import_fixtures(*RECORDS)
    request = read_search({"outcome": ["<script>", "without_vote"]})
    assert request.filters["outcome"] == ["without_vote"]
    assert request.errors == {"outcome": ["no such value: <script>"]}


def test_a_broader_subject_includes_documents_under_narrower_ones(import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures("A_RES_63_156.xml", "E_RES_1998_12.xml")
    narrow = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    broader = narrow.broader.filter(kind="concept").first()
    microthesaurus = Concept.objects.get(identifier="140402")
    assert not Document.objects.filter(
        catalogue_record__subjects__concept__in=[broader, microthesaurus]
    ).exists()  # catalogued under TRAFFICKING IN PERSONS, not under those above it
    for value in (narrow.identifier, broader.identifier, microthesaurus.identifier):
        assert "A/RES/63/156" in symbols({"subject": value}), value
    results = search({"subject": broader.identifier})
    counts = {v.value: (v.label, v.count, v.selected) for v in results.facets["subject"]}
    # A concept counts the documents under it and under narrower concepts.
    assert counts[broader.identifier] == (broader.label, results.count, True)
    assert counts[narrow.identifier][1] >= 1
    assert "140402" not in counts  # microthesauri are not listed unless chosen
    chosen = search({"subject": "140402"}).facets["subject"]
    assert ("140402", microthesaurus.label, True) in {
        (v.value, v.label, v.selected) for v in chosen
    }


def test_an_unknown_subject_is_said_in_words(client, import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    response = client.get("/api/v1/search/", {"subject": "no-such-concept"})
    assert response.status_code == 400
    assert "The archive has no unbis subject “no-such-concept”." in response.content.decode()


def test_the_api_the_schema_and_the_exports_read_both_facets(client, import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures(*RECORDS)
    concept = Concept.objects.get(label="TRAFFICKING IN PERSONS").identifier
    data = client.get("/api/v1/search/", {"outcome": "without_vote", "subject": concept}).json()
    assert [row["symbol"] for row in data["results"]] == ["A/RES/63/156"]
    assert {v["value"] for v in data["facets"]["outcome"]} == {"without_vote"}
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {
        p["name"]: p
        for path in schema["paths"].values()
        for operation in path.values()
        for p in operation.get("parameters", [])
    }
    assert {"outcome", "subject"} <= set(parameters)
    assert "narrower" in json.dumps(parameters["subject"])
    assert client.get("/api/v1/search/", {"outcome": "maybe"}).status_code == 400
    exported = client.get("/search/export.csv", {"outcome": "recorded_vote"})
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert [row["symbol"] for row in rows] == ["S/RES/2538 (2020)"]


def test_the_search_page_shows_both_facets(client, import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures(*RECORDS)
    page = client.get("/search/").content.decode()
    assert 'class="facet facet-outcome"' in page and "Adopted without a vote" in page
    assert 'class="facet facet-subject"' in page and "TRAFFICKING IN PERSONS" in page


def test_how_a_state_voted_filters_resolutions(client, import_fixtures):
    import_fixtures(*RECORDS)
    usa = Country.objects.get(iso3="USA").slug
    assert symbols({"voted": f"{usa}:yes"}) == {"S/RES/2538 (2020)"}
    assert symbols({"voted": f"{usa}:no"}) == set()
    assert symbols({"voted": [f"{usa}:no", f"{usa}:yes"]}) == {"S/RES/2538 (2020)"}
    request = read_search({"voted": ["mexico", f"{usa}:maybe", f"{usa}:yes"]})
    assert request.filters["voted"] == [f"{usa}:yes"]
    assert request.errors["voted"] == [
        "“mexico” is not a country and a vote, such as mexico:no (yes, no, abstain or non-voting)."
    ]
    assert BY_KEY["voted"].described([f"{usa}:yes"]) == [
        (f"{usa}:yes", "United States of America voted yes")
    ]
    unknown = client.get("/api/v1/search/", {"voted": "atlantis:yes"})
    assert unknown.status_code == 400
    assert "The archive has no voting state “atlantis”." in unknown.content.decode()
    data = client.get("/api/v1/documents/", {"voted": f"{usa}:yes"}).json()
    assert [row["symbol"] for row in data["results"]] == ["S/RES/2538 (2020)"]
