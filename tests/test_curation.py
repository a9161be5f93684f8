"""Curation by librarians: metadata, paragraphs, topics, countries, citations, bulk decisions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from resolutions.models import Country, Document, DocumentTopic, Reference, Sponsorship, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    """Topics of their own, beside the vocabulary the migrations load."""
    return {
        key: Topic.objects.create(name=f"Test {key.replace('-', ' ')}", slug=f"test-{key}")
        for key in ("trafficking", "human-trafficking", "corruption")
    }


def test_paragraphs_are_edited_added_and_deleted(client, librarian, make_document, make_paragraph):
    document = make_document()
    first = make_paragraph(document, "Recalling its resolution 1/1,", kind="preambular", verb="")
    second = make_paragraph(document, "Urges States to act;", verb="urges")
    data = {
        "paragraphs-TOTAL_FORMS": "3",
        "paragraphs-INITIAL_FORMS": "2",
        "paragraphs-0-id": first.pk,
        "paragraphs-0-kind": "preambular",
        "paragraphs-0-number": "",
        "paragraphs-0-verb": "recalling",
        "paragraphs-0-text": "Recalling its resolution 1/1,",
        "paragraphs-1-id": second.pk,
        "paragraphs-1-kind": "operative",
        "paragraphs-1-number": "1",
        "paragraphs-1-verb": "urges",
        "paragraphs-1-text": "Urges States to act;",
        "paragraphs-1-DELETE": "on",
        "paragraphs-2-kind": "operative",
        "paragraphs-2-number": "1",
        "paragraphs-2-verb": "requests",
        "paragraphs-2-text": "Requests the Secretary-General to report.",
    }

    response = client.post(reverse("staff:paragraphs", args=[document.pk]), data)

    assert response.status_code == 302
    rows = list(document.paragraphs.values_list("position", "kind", "number", "verb"))
    assert rows == [(1, "preambular", "", "recalling"), (2, "operative", "1", "requests")]
    assert document.paragraphs.filter(search_vector="secretary").exists()


def test_a_preambular_paragraph_with_a_number_is_refused(
    client, librarian, make_document, make_paragraph
):
    document = make_document()
    paragraph = make_paragraph(document, "Noting the report,", kind="preambular")
    data = {
        "paragraphs-TOTAL_FORMS": "1",
        "paragraphs-INITIAL_FORMS": "1",
        "paragraphs-0-id": paragraph.pk,
        "paragraphs-0-kind": "preambular",
        "paragraphs-0-number": "4",
        "paragraphs-0-text": "Noting the report,",
    }

    response = client.post(reverse("staff:paragraphs", args=[document.pk]), data)

    assert response.status_code == 400
    assert "Preambular paragraphs have no number" in response.content.decode()


def test_correcting_the_symbol_moves_the_citation_key_and_links_waiting_citations(
    client, librarian, make_document
):
    citing = make_document()
    document = make_document(symbol="E/RES/2099/999", citation_key="E/RES/2099/999")
    waiting = Reference.objects.create(
        citing_document=citing, ref_type="document", cited_key="E/RES/2014/23"
    )
    data = {
        "title": document.title,
        "symbol": "E/RES/2014/23",
        "doc_type": "resolution",
        "number": "2014/23",
        "body": document.body_id,
        "language": "en",
    }

    client.post(reverse("staff:review", args=[document.pk]), data)

    document.refresh_from_db()
    waiting.refresh_from_db()
    assert document.citation_key == "E/RES/2014/23"
    assert set(document.curated_fields) == {"symbol", "number"}
    assert waiting.cited_document == document


def test_topics_are_added_renamed_and_nested(client, librarian, topics):
    client.post(reverse("staff:topics"), {"name": "Cybercrime", "slug": ""})
    cyber = Topic.objects.get(slug="cybercrime")

    client.post(
        reverse("staff:topic_edit", args=[cyber.pk]),
        {
            "name": "Cybercrime and online abuse",
            "slug": "cybercrime",
            "parent": topics["corruption"].pk,
        },
    )

    cyber.refresh_from_db()
    assert cyber.name == "Cybercrime and online abuse"
    assert cyber.parent == topics["corruption"]


def test_a_topic_cannot_be_nested_below_itself(client, librarian, topics):
    parent, child = topics["trafficking"], topics["human-trafficking"]
    child.parent = parent
    child.save()

    response = client.post(
        reverse("staff:topic_edit", args=[parent.pk]),
        {"name": parent.name, "slug": parent.slug, "parent": child.pk},
    )

    assert "cannot sit below itself" in response.content.decode()
    parent.refresh_from_db()
    assert parent.parent is None


def test_merging_topics_moves_every_document_and_keeps_the_stronger_decision(
    client, librarian, topics, make_document
):
    source, target = topics["human-trafficking"], topics["trafficking"]
    only_source, both = make_document(), make_document()
    DocumentTopic.objects.create(document=only_source, topic=source)
    DocumentTopic.objects.create(document=both, topic=source, status="confirmed")
    DocumentTopic.objects.create(document=both, topic=target, status="suggested")
    child = Topic.objects.create(name="Organ trafficking", slug="organ", parent=source)

    response = client.post(
        reverse("staff:topics_merge"), {"source": source.pk, "target": target.pk}
    )

    assert response.status_code == 302
    assert not Topic.objects.filter(pk=source.pk).exists()
    links = dict(DocumentTopic.objects.filter(topic=target).values_list("document", "status"))
    assert links == {only_source.pk: "suggested", both.pk: "confirmed"}
    child.refresh_from_db()
    assert child.parent == target
    assert Topic.history.filter(id=source.pk, history_type="-").get().history_user == librarian


def test_merging_countries_moves_sponsorships_and_keeps_names_as_aliases(
    client, librarian, make_document
):
    source = Country.objects.create(name="Türkiye", slug="turkiye", aliases=["Turkiye"])
    target = Country.objects.create(name="Turkey", slug="turkey", iso3="TUR")
    both, only_source = make_document(), make_document()
    Sponsorship.objects.create(document=both, country=source)
    Sponsorship.objects.create(document=both, country=target)
    Sponsorship.objects.create(document=only_source, country=source)

    client.post(reverse("staff:countries_merge"), {"source": source.pk, "target": target.pk})

    target.refresh_from_db()
    assert not Country.objects.filter(pk=source.pk).exists()
    assert target.aliases == ["Türkiye", "Turkiye"]
    assert set(target.sponsored_documents.all()) == {both, only_source}


def test_country_aliases_are_edited_one_per_line(client, librarian):
    country = Country.objects.create(name="Côte d'Ivoire", slug="cote-divoire")

    client.post(
        reverse("staff:country_edit", args=[country.pk]),
        {"name": country.name, "slug": country.slug, "iso3": "CIV", "aliases": "Ivory Coast\n\n"},
    )

    country.refresh_from_db()
    assert (country.iso3, country.aliases) == ("CIV", ["Ivory Coast"])


def test_the_citation_queue_links_a_target_or_marks_it_outside(client, librarian, make_document):
    citing = make_document()
    target = make_document(symbol="A/RES/66/128", citation_key="A/RES/66/128")
    to_link = Reference.objects.create(
        citing_document=citing, ref_type="document", cited_key="GA 66/128", cited_text="66/128"
    )
    outside = Reference.objects.create(
        citing_document=citing, ref_type="document", cited_key="S/2001/1"
    )
    queue = client.get(reverse("staff:citations")).content.decode()
    assert "GA 66/128" in queue and "S/2001/1" in queue

    client.post(reverse("staff:citation_resolve", args=[to_link.pk]), {"target": "a/res/66/128"})
    client.post(reverse("staff:citation_resolve", args=[outside.pk]), {"action": "outside"})

    to_link.refresh_from_db()
    outside.refresh_from_db()
    assert to_link.cited_document == target
    assert outside.outside_archive and outside.cited_document is None
    assert "Every citation is resolved" in client.get(reverse("staff:citations")).content.decode()


def test_an_unknown_citation_target_is_reported(client, librarian, make_document):
    reference = Reference.objects.create(
        citing_document=make_document(), ref_type="document", cited_key="X/1"
    )

    response = client.post(
        reverse("staff:citation_resolve", args=[reference.pk]), {"target": "X/404"}, follow=True
    )

    assert "No document X/404 in the archive" in response.content.decode()


def test_one_suggested_topic_is_confirmed_or_rejected(client, librarian, topics, make_document):
    link = DocumentTopic.objects.create(document=make_document(), topic=topics["corruption"])

    client.post(reverse("staff:decide_topic", args=[link.pk]), {"status": "rejected"})

    link.refresh_from_db()
    assert (link.status, link.decided_by) == ("rejected", librarian)
    assert link.decided_at is not None


def test_a_topic_is_confirmed_for_every_document_a_search_selects(
    client, librarian, topics, make_document, make_paragraph
):
    corruption = topics["corruption"]
    suggested, missing, unrelated = make_document(), make_document(), make_document()
    make_paragraph(suggested, "Urges States to fight bribery of public officials;")
    make_paragraph(missing, "Calls for measures against bribery in procurement;")
    make_paragraph(unrelated, "Welcomes the report on drug demand reduction;")
    DocumentTopic.objects.create(document=suggested, topic=corruption)
    DocumentTopic.objects.create(document=unrelated, topic=corruption)
    url = reverse("staff:bulk_topics") + "?q=bribery"

    page = client.get(url).content.decode()
    response = client.post(url, {"topic": corruption.slug, "status": "confirmed"})

    assert "<strong>2</strong> documents selected" in page
    assert response.status_code == 302
    statuses = dict(
        DocumentTopic.objects.filter(topic=corruption).values_list("document", "status")
    )
    assert statuses == {
        suggested.pk: "confirmed",
        missing.pk: "confirmed",
        unrelated.pk: "suggested",
    }
    assert DocumentTopic.history.filter(history_user=librarian).count() == 2


def test_a_topic_is_rejected_for_a_selection_by_body(client, librarian, topics, make_document):
    trafficking = topics["trafficking"]
    ga = make_document(body_code="GA")
    ecosoc = make_document(body_code="ECOSOC")
    for document in (ga, ecosoc):
        DocumentTopic.objects.create(document=document, topic=trafficking)

    client.post(
        reverse("staff:bulk_topics") + "?body=GA",
        {"topic": topics["trafficking"].slug, "status": "rejected"},
    )

    statuses = dict(DocumentTopic.objects.values_list("document", "status"))
    assert statuses == {ga.pk: "rejected", ecosoc.pk: "suggested"}


def test_a_bulk_decision_needs_a_selection(client, librarian, topics, make_document):
    DocumentTopic.objects.create(document=make_document(), topic=topics["trafficking"])

    response = client.post(
        reverse("staff:bulk_topics"),
        {"topic": topics["trafficking"].slug, "status": "rejected"},
        follow=True,
    )

    assert "Choose documents by a search first" in response.content.decode()
    assert DocumentTopic.objects.get().status == "suggested"


def test_publish_and_withdraw(client, librarian, make_document):
    document = make_document(status=Document.Status.DRAFT)

    client.post(reverse("staff:publish", args=[document.pk]))
    assert client.get(document.get_absolute_url()).status_code == 200
    client.post(reverse("staff:withdraw", args=[document.pk]))

    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT
    assert [r.history_change_reason for r in document.history.all()[:2]] == [
        "withdrawn",
        "published",
    ]
