"""Unpublished drafts and pending uploads leak nowhere: not by address, not in lists, not in counts.

A draft is given everything that could make it show up elsewhere: a topic, a sponsor, a UNBIS
subject, a citation of a published document, a paragraph in a lineage family, a mandate, a
distinctive word. Then every public path that lists, counts or links documents is read three
times: with the draft, with the draft published, and with the draft deleted. Each must read
the same with the draft as without it (so nothing of it shows, counts included), and differ
once it is published (so the probe would see a leak).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from role_users import NO_ROLE, make_user

from resolutions.catalogue.models import CatalogueRecord, Concept, RecordSubject
from resolutions.lineage.models import Family, Mandate, ParagraphLineage
from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    IngestRun,
    Reference,
    Sponsorship,
    Topic,
    Upload,
)
from resolutions.roles import UPLOADERS

pytestmark = pytest.mark.django_db

WORD = "zyxwvut"  # in the draft's title and paragraph, nowhere else
DRAFT_SYMBOL = "E/RES/2099/7777"
DRAFT_TITLE = f"A {WORD} draft on crime"
DRAFT_TEXT = f"Requests the Secretary-General to report on {WORD} cooperation against crime;"


@pytest.fixture
def drafts(make_document, make_paragraph) -> dict:
    """A published document, a published neighbour, and the draft tied to both."""
    ga = Body.objects.get(code="GA")
    cited = make_document(body=ga, symbol="A/RES/70/1", number="70/1", title="Cited", year=2015)
    cited_paragraph = make_paragraph(
        cited, "Requests the Secretary-General to report on cooperation against crime;"
    )
    neighbour = make_document(title="Neighbour on crime", year=2019)
    make_paragraph(neighbour, "Urges Member States to cooperate against crime;", verb="urges")
    owner = make_user(UPLOADERS, "owner")
    draft = make_document(
        symbol=DRAFT_SYMBOL,
        number="2099/7777",
        title=DRAFT_TITLE,
        year=2020,
        status=Document.Status.DRAFT,
        uploaded_by=owner,
    )
    paragraph = make_paragraph(draft, DRAFT_TEXT, verb="requests")
    topic = Topic.objects.create(name="Visibility", slug="visibility")
    country = Country.objects.create(name="Draftland", slug="draftland")
    for document in (neighbour, draft):
        DocumentTopic.objects.create(document=document, topic=topic, status="confirmed")
        Sponsorship.objects.create(document=document, country=country)
    Reference.objects.create(
        citing_document=draft,
        citing_paragraph=paragraph,
        ref_type="resolution",
        cited_key="A/RES/70/1",
        cited_body="GA",
        cited_number="70/1",
        cited_document=cited,
    )
    concept = Concept.objects.create(identifier="1000002", kind="concept", label="Crime")
    for n, document in enumerate((neighbour, draft), start=1):
        record = CatalogueRecord.objects.create(
            record_id=n,
            symbol=document.symbol,
            symbol_key=document.symbol.lower(),
            document=document,
        )
        RecordSubject.objects.create(
            record=record, position=1, tag="650", label="Crime", unbis=True, concept=concept
        )
    family = Family.objects.create()
    ParagraphLineage.objects.create(paragraph=cited_paragraph, family=family)
    ParagraphLineage.objects.create(
        paragraph=paragraph, family=family, previous=cited_paragraph, similarity=0.9
    )
    Mandate.objects.create(
        paragraph=paragraph, document=draft, who="secretary_general", what=WORD, year=2021
    )
    batch = IngestRun.objects.create(started_by="upload by owner", user=owner)
    Upload.objects.create(
        run=batch, user=owner, filename="draft.docx", size=10, state="done", document=draft
    )
    Upload.objects.create(run=batch, user=owner, filename=f"{WORD}.docx", size=10)
    return {
        "draft": draft,
        "cited": cited,
        "topic": topic,
        "country": country,
        "concept": concept,
        "family": family,
        "batch": batch,
        "owner": owner,
    }


def listing_paths(d: dict) -> list[str]:
    """Every public path that lists, counts or links documents, near the draft."""
    cited, topic, country = d["cited"], d["topic"], d["country"]
    return [
        # the search: results, counts, facets, suggestions, exports and feed
        f"/search/?q={WORD}",
        "/search/?q=crime",
        "/search/?q=crime&view=paragraphs",
        "/search/",
        f"/search/?topic={topic.slug}",
        f"/search/?sponsor={country.slug}",
        "/search/export.csv?q=crime",
        "/search/export.csv?q=crime&view=paragraphs",
        "/search/export.json?q=crime",
        "/search/export.json?q=crime&view=paragraphs",
        "/search/export.ris?q=crime",
        "/search/export.bib?q=crime",
        "/search/feed/?q=crime",
        # the API v1 and the first API
        "/api/v1/search/?q=crime",
        "/api/v1/search/?q=crime&view=paragraphs",
        "/api/v1/documents/",
        "/api/v1/paragraphs/",
        f"/api/v1/documents/{cited.pk}/cited-by/",
        "/api/v1/bodies/ECOSOC/",
        "/api/v1/bodies/",
        f"/api/v1/topics/{topic.slug}/",
        f"/api/v1/countries/{country.slug}/",
        "/api/v1/countries/",
        "/api/v1/sponsors/",
        "/api/search/?q=crime",
        "/api/documents/",
        "/api/paragraphs/",
        # the cited document's page: its "cited by" list, feed and export
        cited.get_absolute_url(),
        f"/documents/id/{cited.pk}/",
        f"/documents/{cited.symbol}/cited-by.atom",
        # entity pages, their lists and feeds
        "/bodies/",
        "/bodies/ECOSOC/",
        "/bodies/ECOSOC/feed/",
        "/topics/",
        f"/topics/{topic.slug}/",
        f"/topics/{topic.slug}/feed/",
        "/countries/",
        f"/countries/{country.slug}/",
        f"/countries/{country.slug}/feed/",
        # the catalogue
        "/subjects/",
        f"/subjects/{d['concept'].identifier}/",
        # lineage: the family, commitments and mandates (the tracer: tests/lineage/test_tracer.py)
        f"/language/families/{d['family'].pk}/",
        "/language/commitments/",
        "/language/commitments.csv",
        "/language/mandates/",
    ]


def direct_paths(draft: Document) -> list[str]:
    """The draft's own addresses, by id and by symbol, in every format."""
    pk, symbol = draft.pk, draft.symbol
    return [
        f"/documents/{symbol}/",
        f"/documents/id/{pk}/",
        f"/documents/{symbol}/cite.ris",
        f"/documents/id/{pk}/cite.ris",
        f"/documents/{symbol}/cite.bib",
        f"/documents/id/{pk}/cite.bib",
        f"/documents/{symbol}/json/",
        f"/documents/id/{pk}/json/",
        f"/documents/{symbol}/cited-by.atom",
        f"/documents/id/{pk}/cited-by.atom",
        f"/documents/{pk}/original/",
        f"/api/v1/documents/{pk}/",
        f"/api/v1/documents/by-symbol/{symbol}/",
        f"/api/v1/documents/{pk}/references/",
        f"/api/v1/documents/{pk}/cited-by/",
        f"/api/v1/paragraphs/{draft.paragraphs.get().pk}/",
        f"/api/documents/{pk}/",
        f"/language/compare/{pk - 1}/{pk}/",
    ]


# Per-request randomness: CSP nonces, masked CSRF tokens, and a feed's own <updated>, which is
# the time of the request when it has no entries.
VOLATILE = re.compile(r'(nonce="|nonce-|csrfmiddlewaretoken" value="|</id><updated>)[^"\'<]+')


def read(client: Client, path: str) -> tuple[int, str]:
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, VOLATILE.sub(r"\1…", body.decode())


def visitors(d: dict) -> dict[str, Client]:
    """Anonymous, a member in no role, and an uploader who is not the draft's owner."""
    member, stranger = Client(), Client()
    member.force_login(make_user(NO_ROLE, "member"))
    stranger.force_login(make_user(UPLOADERS, "stranger"))
    return {"anonymous": Client(), "member": member, "other uploader": stranger}


def test_the_drafts_own_addresses_are_404_to_everyone_outside_staff_pages(drafts):
    for who, client in visitors(drafts).items():
        for path in direct_paths(drafts["draft"]):
            status, body = read(client, path)
            assert status == 404, (who, path, status)
            assert WORD not in body and DRAFT_SYMBOL not in body, (who, path)


def test_no_public_path_shows_or_counts_a_draft(drafts):
    draft = drafts["draft"]
    clients = visitors(drafts)
    paths = listing_paths(drafts)
    with_draft = {(who, p): read(c, p) for who, c in clients.items() for p in paths}
    for (who, path), (status, body) in with_draft.items():
        assert status == 200, (who, path, status)
        assert DRAFT_TITLE not in body and DRAFT_SYMBOL not in body, (who, path)

    Document.objects.filter(pk=draft.pk).update(status=Document.Status.PUBLISHED)
    published = {path: read(clients["anonymous"], path) for path in paths}
    Document.objects.filter(pk=draft.pk).update(status=Document.Status.DRAFT)
    Document.objects.get(pk=draft.pk).delete()
    without_draft = {(who, p): read(c, p) for who, c in clients.items() for p in paths}

    blind = [p for p in paths if published[p] == with_draft["anonymous", p]]
    assert not blind, "the probe cannot see the draft here"
    leaking = [key for key in with_draft if with_draft[key] != without_draft[key]]
    assert not leaking, "the draft changes these pages while unpublished"


def test_pending_uploads_are_shown_to_their_uploader_and_librarians_only(drafts):
    clients = visitors(drafts)
    batch = f"/staff/upload/{drafts['batch'].pk}/"
    assert read(clients["anonymous"], batch)[0] == 302  # to the sign-in page
    assert read(clients["member"], batch)[0] == 403
    assert read(clients["other uploader"], batch)[0] == 404
    for path in ("/staff/", "/staff/documents/", "/staff/upload/"):
        status, body = read(clients["other uploader"], path)
        assert status == 200 and WORD not in body and DRAFT_SYMBOL not in body, path
    owner = Client()
    owner.force_login(drafts["owner"])
    status, body = read(owner, batch)
    assert status == 200 and f"{WORD}.docx" in body
    assert DRAFT_SYMBOL in read(owner, "/staff/documents/")[1]
