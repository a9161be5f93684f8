"""History: who changed what and when, visible on the object, revertible; deletions recoverable."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions.models import (
    Country,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", [Document, Paragraph, Topic, Country, Reference, DocumentTopic, Sponsorship]
)
def test_every_curated_model_keeps_history(model):
    assert hasattr(model, "history")


def test_search_vectors_are_left_out_of_history():
    fields = {f.name for f in Paragraph.history.model._meta.fields}
    assert "search_vector" not in fields and "text" in fields
    assert "title_search" not in {f.name for f in Document.history.model._meta.fields}


def test_a_metadata_change_shows_who_when_and_what(client, librarian, make_document):
    document = make_document(title="Old title")
    data = {
        "title": "New title",
        "symbol": document.symbol,
        "doc_type": document.doc_type,
        "number": document.number,
        "body": document.body_id,
        "language": "en",
    }
    client.post(reverse("staff:review", args=[document.pk]), data)

    page = client.get(reverse("staff:history", args=["document", document.pk])).content.decode()

    assert "librarian" in page
    assert "<del>Old title</del>" in page and "<ins>New title</ins>" in page
    assert "metadata corrected" in page


def test_a_document_is_reverted_to_an_earlier_version(client, librarian, make_document):
    document = make_document(title="First title")
    first = document.history.get()
    document.title = "Second title"
    document.save()

    response = client.post(reverse("staff:revert", args=["document", first.history_id]))

    document.refresh_from_db()
    assert response.status_code == 302
    assert document.title == "First title"
    latest = document.history.latest()
    assert latest.history_user == librarian and latest.history_change_reason.startswith("reverted")


def test_a_paragraph_edit_is_reverted_and_its_search_vector_follows(
    client, librarian, make_document, make_paragraph
):
    document = make_document()
    paragraph = make_paragraph(document, "Urges States to combat piracy;", verb="urges")
    original = paragraph.history.get()
    paragraph.text = "Urges States to combat smuggling;"
    paragraph.save()

    client.post(reverse("staff:revert", args=["paragraph", original.history_id]))

    assert Paragraph.objects.filter(search_vector="piracy").get() == paragraph
    page = client.get(reverse("staff:history", args=["document", document.pk])).content.decode()
    assert "smuggling" in page and "Paragraphs" in page


def test_an_object_never_changed_has_a_history_page_saying_so(client, librarian):
    # Bulk writes (the topic and country migrations, loaders) keep no record: the History link
    # each row of the staff lists carries must still lead to a page, not to "not found".
    [topic] = Topic.objects.bulk_create([Topic(name="Piracy at sea", slug="piracy-at-sea")])
    assert not topic.history.exists()
    response = client.get(reverse("staff:history", args=["topic", topic.pk]))
    assert response.status_code == 200
    assert "No changes recorded." in response.content.decode()
    missing = reverse("staff:history", args=["topic", Topic.objects.order_by("pk").last().pk + 1])
    assert client.get(missing).status_code == 404


def test_a_topic_rename_is_reverted(client, librarian):
    topic = Topic.objects.create(name="Piracy at sea", slug="piracy-at-sea")
    client.post(
        reverse("staff:topic_edit", args=[topic.pk]),
        {"name": "Maritime piracy", "slug": topic.slug},
    )
    first = topic.history.earliest()

    client.post(reverse("staff:revert", args=["topic", first.history_id]))

    topic.refresh_from_db()
    assert topic.name == "Piracy at sea"
    assert topic.history.count() == 3


def test_a_deleted_document_is_restored_with_its_parts(
    client, librarian, make_document, make_paragraph
):
    citing = make_document()
    document = make_document(symbol="E/RES/2099/500", citation_key="E/RES/2099/500")
    paragraph = make_paragraph(document, "Requests a report on trafficking in firearms;")
    country = Country.objects.create(name="Restoria", slug="restoria")
    topic = Topic.objects.create(name="Firearms test", slug="firearms-test")
    Sponsorship.objects.create(document=document, country=country)
    DocumentTopic.objects.create(document=document, topic=topic, status="confirmed")
    Reference.objects.create(
        citing_document=document,
        citing_paragraph=paragraph,
        ref_type="document",
        cited_key="A/RES/1/1",
    )
    incoming = Reference.objects.create(
        citing_document=citing,
        ref_type="document",
        cited_key="E/RES/2099/500",
        cited_document=document,
    )
    pk = document.pk

    client.post(reverse("staff:discard", args=[pk]))
    assert not Document.objects.filter(pk=pk).exists()
    incoming.refresh_from_db()
    assert incoming.cited_document is None
    listing = client.get(reverse("staff:deleted")).content.decode()
    assert "E/RES/2099/500" in listing

    response = client.post(reverse("staff:restore", args=[pk]))

    assert response.status_code == 302
    document = Document.objects.get(pk=pk)
    assert list(document.paragraphs.values_list("text", flat=True)) == [paragraph.text]
    assert list(document.sponsors.all()) == [country]
    assert document.topic_links.get().status == "confirmed"
    assert document.references.get().citing_paragraph_id == paragraph.pk
    incoming.refresh_from_db()
    assert incoming.cited_document == document
    assert document.history.latest().history_change_reason == "restored"
    assert "Nothing deleted" in client.get(reverse("staff:deleted")).content.decode()


def test_the_admin_shows_history_with_revert(client, librarian, make_document):
    document = make_document()
    document.title = "Changed in a shell"
    document.save()

    page = client.get(reverse("admin:resolutions_document_history", args=[document.pk]))

    assert page.status_code == 200
    assert "Changed in a shell" in page.content.decode() or "Changed" in page.content.decode()


def test_the_admin_publishes_and_withdraws_with_history(client, librarian, make_document):
    document = make_document(status=Document.Status.DRAFT)
    url = reverse("admin:resolutions_document_changelist")

    client.post(url, {"action": "publish", "_selected_action": [document.pk]})

    document.refresh_from_db()
    assert document.status == Document.Status.PUBLISHED
    assert document.history.latest().history_user == librarian


def edited_document(make_document, make_paragraph, *, paragraphs: int, edits: int) -> Document:
    """A document and its paragraphs, each saved again `edits` times with a new text."""
    document = make_document(title="Title v0")
    for n in range(paragraphs):
        paragraph = make_paragraph(document, f"Urges States {n} v0")
        for version in range(1, edits + 1):
            paragraph.text = f"Urges States {n} v{version}"
            paragraph.save()
    for version in range(1, edits + 1):
        document.title = f"Title v{version}"
        document.save()
    return document


def history_queries(client, document: Document) -> tuple[int, str]:
    """How many queries the document's history page makes, and the page."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("staff:history", args=["document", document.pk]))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_history_page_makes_as_many_queries_for_many_rows_as_for_few(
    client, librarian, make_document, make_paragraph, django_assert_num_queries
):
    few, _ = history_queries(
        client, edited_document(make_document, make_paragraph, paragraphs=1, edits=1)
    )
    document = edited_document(make_document, make_paragraph, paragraphs=12, edits=3)

    many, page = history_queries(client, document)

    assert many == few
    # Two for the records of the document and two for each of its four kinds of parts (the
    # records, then the ones before them); the rest is sign-in, permissions and the document.
    with django_assert_num_queries(12):
        client.get(reverse("staff:history", args=["document", document.pk]))
    # A header row per table; 1 + 3 document records; 12 paragraphs created, then edited 3 times.
    assert page.count("<tr>") == 2 + 4 + 12 * 4
    assert "<del>Urges States 11 v2</del> → <ins>Urges States 11 v3</ins>" in page
    assert "<del>Title v0</del> → <ins>Title v1</ins>" in page


def test_the_oldest_record_shown_is_compared_with_one_beyond_the_limit(
    client, librarian, make_document, make_paragraph, monkeypatch
):
    monkeypatch.setattr("resolutions.staff.views.HISTORY_LIMIT", 2)
    document = edited_document(make_document, make_paragraph, paragraphs=0, edits=3)

    _, page = history_queries(client, document)

    assert "<del>Title v2</del> → <ins>Title v3</ins>" in page
    assert "<del>Title v1</del> → <ins>Title v2</ins>" in page
    assert "Title v0" not in page
