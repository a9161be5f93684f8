"""A document's words (resolutions/document_words.py): kept by the database after every kind of
write, and what a query of single words reads over a whole document."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from resolutions.ingest import ingest_file
from resolutions.models import Document, Paragraph
from resolutions.search import search_documents

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "parsing" / "documents" / "ccpcj_draft_2021_L4.md"


def kept(document: Document) -> set[str]:
    """The lexemes the database keeps in the document's `words`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(words) FROM resolutions_documentwords WHERE document_id = %s",
            [document.pk],
        )
        return set(cursor.fetchone()[0])


def fresh(document: Document) -> set[str]:
    """The lexemes of the document's title, and its paragraphs' verbs and texts, read anew."""
    texts = [document.title]
    for paragraph in Paragraph.objects.filter(document=document):
        texts += [paragraph.verb, paragraph.text]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(array_agg(DISTINCT w), '{}') FROM unnest(%s::text[]) t, "
            "unnest(tsvector_to_array(to_tsvector('english', t))) w",
            [texts],
        )
        return set(cursor.fetchone()[0])


def test_a_new_document_holds_its_titles_words(make_document):
    document = make_document(title="Crime prevention and criminal justice")
    assert kept(document) == fresh(document) == {"crime", "prevent", "crimin", "justic"}


def test_paragraphs_added_edited_moved_and_deleted_reach_the_words(make_document, make_paragraph):
    first, second = make_document(), make_document()
    paragraph = make_paragraph(first, "Urges Member States to combat piracy", verb="urges")
    make_paragraph(first, "Requests a report on wildlife trafficking", verb="requests")
    assert {"piraci", "wildlif", "urg"} <= kept(first)
    assert kept(first) == fresh(first)

    paragraph.text = "Urges Member States to combat cybercrime"
    paragraph.save()
    assert "piraci" not in kept(first) and "cybercrim" in kept(first)

    Paragraph.objects.filter(pk=paragraph.pk).update(document=second, position=5)
    assert "cybercrim" not in kept(first) and "cybercrim" in kept(second)

    Paragraph.objects.filter(document=first).delete()
    for document in (first, second):
        assert kept(document) == fresh(document)


def test_a_deleted_document_leaves_no_words(make_document, make_paragraph):
    """Its paragraphs, deleted with it, do not write its words back."""
    document = make_document()
    make_paragraph(document, "Urges Member States to combat piracy")
    pk = document.pk
    document.delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM resolutions_documentwords WHERE document_id = %s", [pk]
        )
        assert cursor.fetchone()[0] == 0


def test_a_title_edit_reaches_the_words(make_document, make_paragraph):
    document = make_document(title="Firearms")
    make_paragraph(document, "Calls upon States to ratify the Protocol")
    Document.objects.filter(pk=document.pk).update(title="Explosives")
    document.refresh_from_db()
    assert "explos" in kept(document) and "firearm" not in kept(document)
    assert kept(document) == fresh(document)


def test_an_ingested_document_holds_every_word():
    document = ingest_file(SAMPLE).document
    assert len(kept(document)) > 40
    assert kept(document) == fresh(document)


def test_words_in_the_title_and_a_paragraph_hold_together_and_exclude(
    make_document, make_paragraph
):
    """A query of single words holds over the whole document: one word in the title, another
    in a paragraph; an excluded word in the title alone excludes the document."""
    piracy = make_document(title="Piracy off the coast")
    make_paragraph(piracy, "Encourages cooperation between coastguards")
    ransom = make_document(title="Kidnapping for ransom")
    make_paragraph(ransom, "Encourages cooperation against piracy")
    assert {d.pk for d in search_documents({"q": "piracy coastguards"}).rows} == {piracy.pk}
    assert {d.pk for d in search_documents({"q": "piracy -kidnapping"}).rows} == {piracy.pk}
    assert {d.pk for d in search_documents({"q": "piracy or ransom"}).rows} == {
        piracy.pk,
        ransom.pk,
    }
