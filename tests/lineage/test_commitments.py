"""Commitment analytics: the verb scale (data), per-year strength, sponsors, pairs, CSV, empty."""

import csv
import io

import pytest

from resolutions.lineage.commitments import level_of, strength_scale
from resolutions.lineage.matching import match_document
from resolutions.models import Country, Document, Sponsorship

pytestmark = pytest.mark.django_db


def test_the_scale_orders_the_issue_s_verbs():
    assert [level_of(v) for v in ("decides", "requests", "urges", "calls upon")] == [5, 5, 4, 4]
    assert level_of("encourages") > level_of("invites") > level_of("takes note")
    assert level_of("Takes note") == 1 and level_of("whistles") is None
    assert [level.level for level in strength_scale()] == [5, 4, 3, 2, 1]


@pytest.fixture
def drafts(make_document, make_paragraph):
    kenya = Country.objects.create(name="Kenya", slug="kenya", iso3="KEN")
    peru = Country.objects.create(name="Peru", slug="peru", iso3="PER")
    made = []
    for year, verbs in ((2020, ["Decides", "Requests"]), (2021, ["Takes note", "Invites"])):
        # "Invites the Commission to ..." addresses a United Nations entity.
        draft = make_document(doc_type=Document.DocType.DRAFT_RESOLUTION, year=year, body_code="GA")
        for position, country in enumerate((kenya, peru), start=1):
            Sponsorship.objects.create(document=draft, country=country, position=position)
        for verb in verbs * 10:
            text = f"{verb} the Commission to act" if verb == "Invites" else f"{verb} something"
            make_paragraph(draft, text, verb=verb.lower())
        made.append(draft)
    return made


def test_page_shows_strength_per_year_sponsors_and_pairs(client, drafts):
    for draft in drafts:
        match_document(draft.pk)
    html = client.get("/language/commitments/", {"body": "GA"}).content.decode()
    assert "<td>The body itself</td><td>30</td>" in html
    assert "<td>Another United Nations entity</td><td>10</td>" in html
    assert "2020: mean strength 5.0" in html
    assert "2021: mean strength 1.5" in html
    assert "Kenya and Peru" in html and "<td>2</td>" in html
    assert '<a href="/countries/kenya/">Kenya</a></td><td>3.25</td><td>40</td>' in html


def test_csv_lists_verbs_per_year(client, drafts):
    response = client.get("/language/commitments.csv", {"year_min": "2021"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["year", "verb", "level", "paragraphs"]
    assert ["2021", "takes note", "1", "10"] in rows
    assert all(row[0] == "2021" for row in rows[1:])


def test_an_empty_selection_shows_an_empty_chart_with_a_message(client, drafts):
    response = client.get("/language/commitments/", {"body": "CND", "year_max": "1950"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No published operative paragraph matches this selection." in html
    assert "chart-empty" in html and "No operative paragraphs with a scored verb" in html


def test_parameters_the_search_cannot_use_are_named_and_change_nothing(client, drafts):
    page = client.get("/language/commitments/", {"year_min": "x", "body": "GA"})
    html = page.content.decode()
    assert page.status_code == 200 and "Left out of the selection" in html
    assert "<code>year_min</code>" in html and "2020: mean strength 5.0" in html
    refused = client.get("/language/commitments.csv", {"year_min": "x", "sponsor": "\x00"})
    assert refused.status_code == 400
    assert refused.content.decode().startswith("Not a usable selection: ")
    assert "year_min" in refused.content.decode()
