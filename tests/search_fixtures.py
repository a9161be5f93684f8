"""A small archive for the search tests: three published documents, a draft, a citation."""

from __future__ import annotations

import pytest

from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)


@pytest.fixture
def archive(make_document, make_paragraph):
    """Three published documents and a draft, with paragraphs, verbs and a citation."""
    ga = Body.objects.get(code="GA")
    smuggling = make_document(
        symbol="E/RES/2014/23",
        number="2014/23",
        title="Strengthening international cooperation against the smuggling of migrants",
        year=2014,
    )
    make_paragraph(
        smuggling,
        "Recalling its resolution on migrants,",
        kind=Paragraph.Kind.PREAMBULAR,
        verb="recalling",
    )
    make_paragraph(
        smuggling,
        "Urges Member States to conduct financial investigations into smuggling networks;",
        verb="urges",
    )
    make_paragraph(smuggling, "Requests the Secretary-General to report;", verb="requests")
    violence = make_document(
        body=ga,
        symbol="A/RES/66/128",
        number="66/128",
        title="Violence against women migrant workers",
        year=2011,
    )
    make_paragraph(violence, "Urges Governments to protect women migrant workers;", verb="urges")
    Reference.objects.create(
        citing_document=smuggling,
        ref_type="resolution",
        cited_key="A/RES/66/128",
        cited_body="GA",
        cited_number="66/128",
        cited_document=violence,
    )
    corruption = make_document(
        symbol="E/RES/2006/27",
        number="2006/27",
        title="Corruption and financial investigations",
        year=2006,
    )
    make_paragraph(corruption, "Invites States to share information on bribery;", verb="invites")
    draft = make_document(
        symbol="E/RES/2099/999",
        title="A secret draft on financial investigations",
        status=Document.Status.DRAFT,
        year=2020,
    )
    make_paragraph(draft, "Urges secrecy in financial investigations;", verb="urges")
    italy, _ = Country.objects.get_or_create(name="Italy", defaults={"slug": "italy"})
    Sponsorship.objects.create(document=smuggling, country=italy)
    migration, _ = Topic.objects.get_or_create(name="Migration", defaults={"slug": "migration"})
    bribery, _ = Topic.objects.get_or_create(name="Bribery", defaults={"slug": "bribery"})
    DocumentTopic.objects.create(document=smuggling, topic=migration, status="confirmed")
    DocumentTopic.objects.create(document=violence, topic=migration, status="suggested")
    DocumentTopic.objects.create(document=corruption, topic=bribery, status="rejected")
    return {"smuggling": smuggling, "violence": violence, "corruption": corruption, "draft": draft}
