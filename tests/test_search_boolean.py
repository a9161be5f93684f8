"""Boolean search over whole documents, and "in the same paragraph" when asked."""

from __future__ import annotations

import pytest

from resolutions.search import search_documents, search_paragraphs
from resolutions.search.boolean import (
    AllOf,
    AnyOf,
    Leaf,
    Not,
    holds_in_one_paragraph,
    parse_tsquery,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def nuclear(make_document, make_paragraph):
    """Two documents on nuclear material: one also speaks of weapons, in another paragraph."""
    both = make_document(symbol="A/RES/1/1", title="Nuclear security", year=2010)
    make_paragraph(both, "Calls for the safety of nuclear material in transit;")
    make_paragraph(both, "Condemns the trafficking of weapons;")
    only = make_document(symbol="A/RES/1/2", title="Radioactive sources", year=2011)
    make_paragraph(only, "Urges States to secure nuclear and radiological material;")
    other = make_document(symbol="A/RES/1/3", title="Firearms", year=2012)
    make_paragraph(other, "Notes the trafficking of migrants;", kind="preambular")
    make_paragraph(other, "Urges action against weapons smugglers;", verb="urges")
    return {"both": both, "only": only, "other": other}


def symbols(results) -> set[str]:
    return {row.symbol for row in results.rows}


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("'nuclear' & !'weapon'", AllOf((Leaf("'nuclear'"), Not(Leaf("'weapon'"))))),
        (
            "'cybercrim' | 'corrupt' & !'terror'",
            AnyOf((Leaf("'cybercrim'"), AllOf((Leaf("'corrupt'"), Not(Leaf("'terror'")))))),
        ),
        ("'traffick' <2> 'person'", Leaf("'traffick' <2> 'person'")),
        ("'b' & !( 'c' <-> 'd' )", AllOf((Leaf("'b'"), Not(Leaf("'c' <-> 'd'"))))),
        ("'o''brien'", Leaf("'o''brien'")),
        ("", None),
    ],
)
def test_postgresql_reading_of_a_query_is_parsed_into_a_tree(text, tree):
    assert parse_tsquery(text) == tree


def test_an_excluded_word_anywhere_in_a_document_excludes_it(nuclear):
    assert symbols(search_documents({"q": "nuclear -weapons"})) == {"A/RES/1/2"}


def test_in_the_same_paragraph_excludes_only_the_paragraphs(nuclear):
    found = search_documents({"q": "nuclear -weapons", "within": "paragraph"})
    assert symbols(found) == {"A/RES/1/1", "A/RES/1/2"}


def test_words_may_be_in_different_paragraphs_of_a_document(nuclear):
    assert symbols(search_documents({"q": "nuclear weapons"})) == {"A/RES/1/1"}
    assert symbols(search_documents({"q": "nuclear weapons", "within": "paragraph"})) == set()


def test_a_phrase_stays_within_one_paragraph(nuclear):
    # "...in transit;" ends one paragraph, "Condemns..." opens the next.
    assert symbols(search_documents({"q": '"transit condemns"'})) == set()


def test_only_excluded_words_find_every_document_without_them(nuclear):
    assert symbols(search_documents({"q": "-weapons"})) == {"A/RES/1/2"}


def test_the_best_paragraphs_are_those_holding_a_wanted_word(nuclear):
    [document] = search_documents({"q": "nuclear weapons"}).rows
    assert document.match_count == 2
    assert [p.position for p in document.best_paragraphs] == [1, 2]
    [document] = search_documents({"q": "-weapons"}).rows
    assert document.best_paragraphs == []


def test_a_verb_over_whole_documents_needs_a_paragraph_of_it_not_the_same_one(nuclear):
    assert symbols(search_documents({"q": "migrants", "verb": "urges"})) == {"A/RES/1/3"}
    found = search_documents({"q": "migrants", "verb": "urges", "within": "paragraph"})
    assert symbols(found) == set()


def test_the_paragraph_view_reads_paragraph_by_paragraph(nuclear):
    paragraphs = search_paragraphs({"q": "nuclear -weapons"})
    assert {p.document.symbol for p in paragraphs.rows} == {"A/RES/1/1", "A/RES/1/2"}


def test_the_page_explains_and_offers_the_choice(client, nuclear):
    html = client.get("/search/", {"q": "nuclear -weapons"}).content.decode()
    assert 'name="within" value="paragraph"' in html
    assert "never <em>weapons</em>" in html
    assert "1 document" in " ".join(html.split())


@pytest.mark.parametrize(
    ("text", "one_paragraph"),
    [
        ("'nuclear'", True),
        ("'traffick' <2> 'person'", True),
        ("'cybercrim' | 'money-laund' <-> 'money' <-> 'launder'", True),
        ("'member' & 'state'", False),
        ("'cybercrim' | 'corrupt' & !'terror'", False),
        ("!'weapon'", False),
    ],
)
def test_only_words_phrases_and_their_alternatives_skip_the_document_test(text, one_paragraph):
    """Their candidates from the index are the answer; any other tree tests each document."""
    assert holds_in_one_paragraph(parse_tsquery(text)) is one_paragraph


def test_a_phrase_in_one_document_and_alternatives_across_documents(nuclear):
    """The candidates of a phrase or of alternatives are the documents holding them."""
    assert symbols(search_documents({"q": '"nuclear material"'})) == {"A/RES/1/1"}
    found = search_documents({"q": '"nuclear material" or smugglers'})
    assert symbols(found) == {"A/RES/1/1", "A/RES/1/3"}
    assert found.count == 2
