"""What a researcher met walking the search: its links, messages and typed values."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import html
import re

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.search import search_documents

pytestmark = pytest.mark.django_db


def page_text(client, params) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "date"},
        {"sort": ""},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "9999"},
        {"view": "bogus"},
        {"per_page": "100000"},
        {"kind": "nope"},
        {"q": "urges " * 120},
        {"q": "urges\x00"},
        {"q": "urges", "view": "paragraphs", "sort": "oldest", "body": "ECOSOC", "page": "3"},
    ],
)
def test_the_api_link_of_a_search_asks_what_the_page_understood(client, archive, params):
    # The page ignores what it cannot read and says so; its "As API" link carried the raw
    # parameters, which the API refuses (400) or pages strictly (404).
    found = re.search(r'href="(/api/search/[^"]*)">As API<', page_text(client, params))
    response = client.get(html.unescape(found.group(1)))
    assert response.status_code == 200, response.json()


def test_the_api_link_keeps_the_view_the_sort_and_the_filters(client, archive):
    params = {"q": "urges", "view": "paragraphs", "sort": "oldest", "body": "ECOSOC"}
    found = re.search(r'href="/api/search/\?([^"]*)">As API<', page_text(client, params))
    assert html.unescape(found.group(1)) == "q=urges&body=ECOSOC&view=paragraphs&sort=oldest"


def test_a_page_past_the_largest_is_not_named_by_another_number(client, archive):
    # Page 10**9 was read as page 100,001 and said "There is no page 100001".
    text = page_text(client, {"page": 10**9})
    assert "There is no page past 100,000: this is the last page, 1." in text


@pytest.mark.parametrize("typed", ["Urges", "URGES", " urges ", "Urges"])
def test_a_verb_is_found_however_it_is_capitalized(archive, typed):
    # Verbs are stored lower case ("urges"); "Urges", as documents print it, found nothing.
    assert (
        {d.symbol for d in search_documents({"verb": typed}).rows}
        == {d.symbol for d in search_documents({"verb": "urges"}).rows}
        != set()
    )


def test_a_two_word_verb_is_found_with_any_spacing_or_case():
    from resolutions.search.facets import BY_KEY

    assert BY_KEY["verb"].clean({"verb": ["Calls   Upon", "takes note"]}) == [
        "calls upon",
        "takes note",
    ]


def test_not_between_words_says_to_write_a_minus(client, archive):
    # Postgres drops NOT as a stop word: "smuggling NOT migrants" searched both words.
    text = page_text(client, {"q": "smuggling NOT migrants"})
    assert "“NOT” is not an operator here: “migrants” was searched for." in text
    assert "write “-migrants”" in text
    assert "operator" not in page_text(client, {"q": '"NOT only" smuggling'})
    assert "operator" not in page_text(client, {"q": "smuggling -migrants"})


def test_a_symbol_the_archive_lacks_and_nobody_cites_links_its_official_record(client, archive):
    # It said "Try fewer or other words, or `or` between alternatives".
    text = page_text(client, {"q": "A/RES/99/999"})
    assert "No document with the symbol A/RES/99/999 is in the archive, and none cites it" in text
    assert (
        '<a href="https://undocs.org/A/RES/99/999" rel="external">its official record</a>' in text
    )
    assert "Try fewer or other words" not in text
    # Words, and a symbol the documents cite, are told as before.
    assert "Try fewer or other words" in page_text(client, {"q": "zebra"})
    assert "No document with the symbol" not in page_text(client, {"q": "AND/OR"})


def test_the_tracer_s_button_is_named_alike_on_both_of_its_forms(client, archive):
    # The search page said "Trace the wording", the tracer's own page "Find similar wording".
    for address in ("/search/", "/language/trace/?q=Urges+States+to+protect+migrants"):
        response = client.get(address)
        assert ">Trace the wording</button>" in response.content.decode(), address


def test_the_commitments_of_an_unknown_body_say_the_archive_has_none(client, archive):
    # The search page names it; the commitments page linked from it only said nothing matched.
    response = client.get("/language/commitments/", {"body": "NOPE"})
    text = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "<p>The archive has no issuing body “NOPE”.</p>" in text
    assert "No published operative paragraph matches this selection." in text
    known = client.get("/language/commitments/", {"body": "ECOSOC"}).content.decode()
    assert "The archive has no" not in known
