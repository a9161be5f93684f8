"""The lookups the search's facet registry declares: vote outcome, subject with narrower ones."""

import io

import pytest
from django.core.management import call_command

from resolutions.catalogue.facets import (
    OUTCOME_CHOICES,
    OUTCOME_FROM_DOCUMENT,
    SUBJECT_FROM_DOCUMENT,
    outcome_q,
    subject_q,
)
from resolutions.catalogue.models import Concept
from resolutions.models import Document, Paragraph

pytestmark = pytest.mark.django_db


def test_documents_and_paragraphs_filter_by_vote_outcome(import_fixtures, make_paragraph):
    import_fixtures(
        "A_RES_63_156.xml", "S_RES_2538_2020.xml", "S_RES_2538_2020_vote.xml", "S_2020_838.xml"
    )
    assert OUTCOME_CHOICES == [
        ("without_vote", "Adopted without a vote"),
        ("recorded_vote", "Recorded vote"),
    ]
    by_document = lambda value: set(  # noqa: E731
        Document.objects.filter(outcome_q([value], prefix=OUTCOME_FROM_DOCUMENT)).values_list(
            "symbol", flat=True
        )
    )
    assert by_document("without_vote") == {"A/RES/63/156"}
    assert by_document("recorded_vote") == {"S/RES/2538 (2020)"}
    assert by_document("<script>") == set()
    make_paragraph(Document.objects.get(symbol="A/RES/63/156"), "Urges Governments to act;")
    assert Paragraph.objects.filter(outcome_q(["without_vote"])).count() == 1
    assert Paragraph.objects.filter(outcome_q(["recorded_vote"])).count() == 0


def test_a_broader_subject_includes_documents_under_narrower_ones(import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures("A_RES_63_156.xml", "E_RES_1998_12.xml")
    narrow = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    broader = narrow.broader.exclude(kind="domain").order_by("kind").first()
    exact = Document.objects.filter(**{SUBJECT_FROM_DOCUMENT: [broader.pk]}).distinct()
    expanded = Document.objects.filter(
        subject_q([broader.identifier], lookup=SUBJECT_FROM_DOCUMENT)
    ).distinct()
    assert "A/RES/63/156" not in set(exact.values_list("symbol", flat=True))
    assert "A/RES/63/156" in set(expanded.values_list("symbol", flat=True))
