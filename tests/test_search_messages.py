"""A search that cannot do what was asked says so: on the page, and in the API."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import pytest
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.ingest import IngestSource, ingest_document
from resolutions.models import Document, SearchWord
from resolutions.parsing.types import ParsedDocument, ParsedParagraph
from resolutions.search import FACETS, search_documents, search_paragraphs

pytestmark = pytest.mark.django_db


def page_text(client, params) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_a_chosen_preambular_verb_counts_where_it_opens_paragraphs(archive):
    # "recalling" opens a preambular paragraph of E/RES/2014/23: the facet said 0 beside it.
    results = search_documents({"verb": "recalling"})
    assert [d.symbol for d in results.rows] == ["E/RES/2014/23"]
    verbs = {v.value: (v.count, v.selected) for v in results.facets["verb"]}
    assert verbs["recalling"] == (1, True)
    # Unchosen verbs are still counted among operative paragraphs only.
    assert "recalling" not in {v.value for v in search_documents({}).facets["verb"]}
    paragraphs = search_paragraphs({"verb": "recalling"}).facets["verb"]
    assert {v.value: v.count for v in paragraphs}["recalling"] == 1


def test_a_reversed_year_range_is_read_forwards_and_said(client, archive):
    results = search_documents({"year_min": "2012", "year_max": "2005"})
    assert {d.symbol for d in results.rows} == {"A/RES/66/128", "E/RES/2006/27"}
    assert "read as 2005 to 2012" in results.notices[0]
    assert "read as 2005 to 2012" in page_text(client, {"year_min": "2012", "year_max": "2005"})


@pytest.mark.parametrize(
    ("params", "told"),
    [
        ({"body": "NOPE"}, "The archive has no issuing body “NOPE”."),
        ({"topic": "astrology"}, "The archive has no topic “astrology”."),
        ({"sponsor": "atlantis"}, "The archive has no sponsor “atlantis”."),
        ({"verb": "zzz"}, "The archive has no verb “zzz”."),
        ({"verb": "Deplores"}, "The archive has no verb “deplores”."),
        ({"language": "zz"}, "The archive has no language “zz”."),
    ],
)
def test_an_unknown_value_of_an_open_vocabulary_is_named(client, archive, params, told):
    assert told in page_text(client, params)
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert told in response.json()["errors"][next(iter(params))]


def test_every_filter_of_no_fixed_choices_checks_its_values_against_the_archive():
    # Years are a range; `cites` names any document, in the archive or not.
    unchecked = [f.key for f in FACETS if f.choices is None and f.vocabulary is None]
    assert unchecked == ["year", "cites"]


def test_a_verb_of_any_published_paragraph_is_known(client, archive, make_document):
    # "recalling" opens only a preambular paragraph; a draft's verb is not the archive's.
    assert search_documents({"verb": "recalling"}).notices == []
    draft = make_document(status=Document.Status.DRAFT)
    draft.paragraphs.create(
        position=1, kind="operative", number="1", text="Deplores it;", verb="deplores"
    )
    assert client.get("/api/search/", {"verb": "recalling"}).status_code == 200
    told = "The archive has no verb “deplores”."
    assert told in search_documents({"verb": "deplores"}).notices
    assert told in page_text(client, {"verb": "deplores"})


def test_a_page_past_the_end_says_so(client, archive):
    assert "There is no page 9999: this is the last page, 1." in page_text(client, {"page": 9999})
    # The API pages strictly: a page past the last is a 404 that says which pages there are.
    answer = client.get("/api/search/", {"page": 9999})
    assert answer.status_code == 404 and answer.json()["code"] == "page_out_of_range"


def test_a_query_of_common_words_alone_says_nothing_was_searched(client, archive):
    text = page_text(client, {"q": "the of and"})
    assert "has only words too common to be searched for" in text
    assert client.get("/api/search/", {"q": "the of and"}).json()["notices"]


@pytest.mark.parametrize(("query", "shown"), [("!!! ???", "!!! ???"), ("%ff%fe", "\ufffd\ufffd")])
def test_a_query_of_no_letters_says_it_has_no_word(client, archive, query, shown):
    # Undecodable bytes arrive as replacement characters: they were called "too common" words.
    address = f"/search/?q={query.replace(' ', '+').replace('!', '%21').replace('?', '%3F')}"
    text = " ".join(client.get(address).content.decode().split())
    assert f"“{shown}” has no letters or digits: nothing was searched. Type a word." in text
    assert "too common" not in text


@pytest.mark.parametrize("query", ["国际 犯罪", "торговля людьми", "الاتجار بالبشر"])
def test_a_query_in_another_script_is_told_the_archive_is_in_english(client, archive, query):
    told = f"“{query}” is not written in Latin letters: the archive holds English texts"
    assert told in page_text(client, {"q": query})
    assert any(told in notice for notice in search_documents({"q": query}).notices)
    # Latin letters with accents are still Latin: no such notice for a mistyped French word.
    assert not any("Latin letters" in n for n in search_documents({"q": "coopération"}).notices)


def test_excluding_a_word_no_document_holds_is_said(client, archive):
    results = search_documents({"q": "migrants -zebras"})
    assert results.count == 2
    assert results.notices == ["No document contains “zebras”: “-zebras” leaves nothing out."]
    # A word the archive holds excludes silently: it did something.
    assert search_documents({"q": "migrants -women"}).notices == []
    assert "“-zebras” leaves nothing out" in page_text(client, {"q": "migrants -zebras"})


def test_a_valid_search_has_nothing_to_say(archive):
    results = search_documents({"q": "migrants", "body": "GA", "year_min": "2000"})
    assert results.notices == [] and results.errors == {}


def ingested(symbol: str, title: str, text: str, *, status: str = "published") -> None:
    """A document through the ingest service, which records its words."""
    parsed = ParsedDocument(
        symbol=symbol,
        body="GA",
        doc_type="resolution",
        number=symbol.removeprefix("A/RES/"),
        title=title,
        date="2015-12-17",
        year=2015,
        paragraphs=(ParsedParagraph("operative", "1", "Urges", text),),
    )
    source = IngestSource.from_bytes(symbol.encode(), filename="resolution.txt")
    document = ingest_document(parsed, source=source).document
    Document.objects.filter(pk=document.pk).update(status=status)


@pytest.fixture
def spelt(settings, tmp_path):
    """Documents on trafficking and corruption, and a draft with a word of its own."""
    settings.MEDIA_ROOT = tmp_path
    ingested("A/RES/9/1", "Trafficking in persons", "Urges States to prevent trafficking;")
    ingested("A/RES/9/2", "Against corruption", "Urges action against corruption and bribery;")
    ingested("A/RES/9/3", "Draft", "Notes the corruptibility of officials;", status="draft")


def test_ingest_records_the_words_of_a_document(spelt):
    words = dict(SearchWord.objects.values_list("word", "frequency"))
    assert words["trafficking"] == 1 and words["urges"] == 2 and "corruptibility" in words


def test_a_misspelt_query_offers_the_archives_spelling(client, spelt):
    results = search_documents({"q": "traffiking"})
    assert results.count == 0
    assert results.suggestion.query == "trafficking"
    results = search_documents({"q": "corupption -bribery", "body": "GA"})
    assert results.suggestion.query == "corruption -bribery"
    html = client.get("/search/", {"q": "corupption", "body": "GA"}).content.decode()
    assert 'Did you mean <a href="?q=corruption&amp;body=GA">corruption</a>?' in html
    # One click runs the corrected search.
    assert search_documents({"q": "corruption", "body": "GA"}).count == 1


def test_words_the_archive_holds_get_no_suggestion(spelt):
    assert search_documents({"q": "trafficking"}).suggestion is None
    assert search_documents({"q": "corruption bribery"}).suggestion is None


def test_a_drafts_words_are_never_offered(spelt):
    suggestion = search_documents({"q": "corruptibilty"}).suggestion
    assert suggestion is None or "corruptibility" not in suggestion.query
