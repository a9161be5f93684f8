"""Who cites a document, read from the references' copies of their citing documents' columns.

Every test compares what the page and the API read (`cited_by_choices`, `citations_of`) with a
count made afresh by joining the citing documents, after each way the archive changes a citing
document: ingest, re-ingest, withdrawal and publication, an admin edit, deletion and restoring.
"""

from __future__ import annotations

import datetime as dt

import pgtrigger
import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F

from resolutions.document_reads import CitedByChoices, cited_by_choices
from resolutions.ingest import IngestSource, ingest_document
from resolutions.models import Body, Document, Reference
from resolutions.parsing.types import ParsedDocument, ParsedParagraph, ParsedReference
from resolutions.selectors import citations_of
from resolutions.staff.services import (
    delete_document,
    publish_document,
    restore_document,
    withdraw_document,
)

pytestmark = pytest.mark.django_db

CITED_KEY = "A/RES/66/128"


def citing(
    symbol: str, *, body: str = "GA", date: str | None, cites: bool = True
) -> ParsedDocument:
    """A resolution that cites A/RES/66/128 (or nothing), dated `date` (None: not dated)."""
    number = symbol.removeprefix("A/RES/").removeprefix("E/RES/")
    return ParsedDocument(
        symbol=symbol,
        body=body,
        doc_type="resolution",
        number=number,
        title=f"Resolution {number}",
        date=date,
        year=int(date[:4]) if date else None,
        paragraphs=(
            ParsedParagraph("preambular", None, "Recalling", "Recalling its resolution 66/128,"),
            ParsedParagraph("operative", "1", "Urges", "Urges States to act."),
        ),
        references=(
            (ParsedReference("resolution", body="GA", number="66/128", paragraph_index=0),)
            if cites
            else ()
        ),
    )


def ingest(parsed: ParsedDocument, version: str = "1") -> Document:
    source = IngestSource.from_bytes(f"{parsed.symbol} {version}".encode(), filename="r.txt")
    return ingest_document(parsed, source=source).document


def counted_afresh(document: Document) -> tuple[CitedByChoices, list[int]]:
    """The choices and the newest-first list, by joining every citing document."""
    references = Reference.objects.filter(
        cited_document=document, citing_document__status=Document.Status.PUBLISHED
    )
    bodies = set(
        references.values_list("citing_document__body__code", "citing_document__body__name")
    )
    years = set(references.values_list("citing_document__year", flat=True)) - {None}
    newest = references.order_by(
        F("citing_document__date").desc(nulls_last=True),
        F("citing_document__year").desc(nulls_last=True),
        "-citing_document_id",
        "pk",
    )
    choices = CitedByChoices(
        total=references.count(), bodies=sorted(bodies), years=sorted(years, reverse=True)
    )
    return choices, list(newest.values_list("pk", flat=True))


def assert_exact(document: Document) -> CitedByChoices:
    """What the pages read equals a fresh count, and every copy equals its citing document."""
    choices, newest = counted_afresh(document)
    assert cited_by_choices(document) == choices
    assert [reference.pk for reference in citations_of(document)] == newest
    for reference in Reference.objects.select_related("citing_document"):
        source = reference.citing_document
        assert (
            reference.citing_published,
            reference.citing_body_id,
            reference.citing_year,
            reference.citing_date,
        ) == (source.status == Document.Status.PUBLISHED, source.body_id, source.year, source.date)
    return choices


def labels(document: Document) -> list[str]:
    return [reference.citing_document.label for reference in citations_of(document)]


@pytest.fixture
def cited() -> Document:
    return ingest(citing("A/RES/66/128", date="2011-12-19", cites=False))


@pytest.fixture
def librarian():
    return get_user_model().objects.create_user("librarian", password="x")


def test_counts_and_list_after_ingest(cited):
    ingest(citing("A/RES/70/1", date="2015-12-17"))
    ingest(citing("E/RES/2016/3", body="ECOSOC", date="2016-07-22"))
    ingest(citing("A/RES/68/5", date=None))
    choices = assert_exact(cited)
    assert choices.total == 3
    assert choices.bodies == [("ECOSOC", "Economic and Social Council"), ("GA", "General Assembly")]
    assert choices.years == [2016, 2015]
    assert labels(cited) == ["E/RES/2016/3", "A/RES/70/1", "A/RES/68/5"]


def test_citations_made_before_the_cited_document_arrives_are_counted():
    ingest(citing("A/RES/70/1", date="2015-12-17"))
    cited = ingest(citing("A/RES/66/128", date="2011-12-19", cites=False))
    assert assert_exact(cited).total == 1


def test_reingest_moves_a_citing_document_or_drops_its_citation(cited):
    ingest(citing("A/RES/70/1", date="2015-12-17"))
    ingest(citing("A/RES/71/1", date="2016-12-01"))
    assert labels(cited) == ["A/RES/71/1", "A/RES/70/1"]
    ingest(citing("A/RES/70/1", date="2019-01-10"), version="2")  # redated
    assert assert_exact(cited).years == [2019, 2016]
    assert labels(cited) == ["A/RES/70/1", "A/RES/71/1"]
    ingest(citing("A/RES/70/1", date="2019-01-10", cites=False), version="3")
    assert assert_exact(cited).total == 1
    assert labels(cited) == ["A/RES/71/1"]


def test_withdrawal_and_publication_of_a_citing_document(cited, librarian):
    first = ingest(citing("A/RES/70/1", date="2015-12-17"))
    ingest(citing("E/RES/2016/3", body="ECOSOC", date="2016-07-22"))
    withdraw_document(first, user=librarian)
    choices = assert_exact(cited)
    assert (choices.total, choices.years) == (1, [2016])
    publish_document(first, user=librarian)
    assert assert_exact(cited).total == 2
    # A bulk update (the admin's actions, a script) goes through the same trigger.
    Document.objects.filter(pk=first.pk).update(status=Document.Status.DRAFT)
    assert assert_exact(cited).total == 1


def test_an_edit_of_body_year_or_date_moves_the_citation(cited):
    first = ingest(citing("A/RES/70/1", date="2015-12-17"))
    ingest(citing("A/RES/71/1", date="2016-12-01"))
    first.body = Body.objects.get(code="ECOSOC")
    first.date, first.year = dt.date(2020, 1, 2), 2020
    first.save()
    choices = assert_exact(cited)
    assert ("ECOSOC", "Economic and Social Council") in choices.bodies
    assert choices.years == [2020, 2016]
    assert labels(cited) == ["A/RES/70/1", "A/RES/71/1"]


def test_deletion_and_restoring_of_a_citing_document(cited, librarian):
    first = ingest(citing("A/RES/70/1", date="2015-12-17"))
    second = ingest(citing("A/RES/71/1", date="2016-12-01"))
    first_id = first.pk
    delete_document(first, user=librarian)
    assert assert_exact(cited).total == 1
    restore_document(first_id, user=librarian)
    assert assert_exact(cited).total == 2
    second.delete()
    assert assert_exact(cited).total == 1


def test_copies_are_the_databases_whatever_a_write_sets(cited):
    ingest(citing("A/RES/70/1", date="2015-12-17"))
    Reference.objects.update(citing_published=False, citing_year=1900, citing_date=None)
    assert assert_exact(cited).total == 1


def test_a_failed_change_leaves_the_counts_as_they_were(cited, librarian):
    first = ingest(citing("A/RES/70/1", date="2015-12-17"))
    before = assert_exact(cited)
    with pytest.raises(RuntimeError), transaction.atomic():
        withdraw_document(first, user=librarian)
        first.delete()
        raise RuntimeError("the change fails after its writes")
    assert assert_exact(cited) == before


def test_a_failed_reingest_leaves_the_counts_as_they_were(cited, monkeypatch):
    ingest(citing("A/RES/70/1", date="2015-12-17"))
    ingest(citing("A/RES/71/1", date="2016-12-01"))
    before, newest = assert_exact(cited), labels(cited)

    def fail(documents):
        raise RuntimeError("the ingest fails after writing the references")

    monkeypatch.setattr("resolutions.ingest.link_drafts", fail)
    with pytest.raises(RuntimeError):
        ingest(citing("A/RES/70/1", date="2019-01-10", cites=False), version="2")
    assert assert_exact(cited) == before
    assert labels(cited) == newest


def copies(reference: Reference) -> tuple:
    """The reference's (published, body, year, date) copies, as the database holds them."""
    return Reference.objects.filter(pk=reference.pk).values_list(
        "citing_published", "citing_body_id", "citing_year", "citing_date"
    )[0]


def test_a_reference_moved_to_another_citing_document_copies_it(cited):
    reference = ingest(citing("A/RES/70/1", date="2015-12-17")).references.get()
    other = ingest(citing("E/RES/2016/1", body="ECOSOC", date="2016-07-01", cites=False))
    Reference.objects.filter(pk=reference.pk).update(citing_document=other)
    assert copies(reference) == (True, other.body_id, 2016, dt.date(2016, 7, 1))


def test_a_stale_reference_saved_again_keeps_the_copies_current(cited):
    reference = ingest(citing("A/RES/70/1", date="2015-12-17")).references.get()
    Document.objects.filter(pk=reference.citing_document_id).update(
        year=2016, date=dt.date(2016, 1, 4)
    )
    reference.cited_text = "its resolution 66/128"
    reference.save()  # writes the copies it read before the document changed
    assert copies(reference)[2:] == (2016, dt.date(2016, 1, 4))
    assert assert_exact(cited).years == [2016]


def test_an_update_of_other_columns_leaves_the_copies_unread(cited):
    """Linking a citation sets `cited_document_id` alone: the copies, current, are not read
    again. Made stale on purpose (the document's push to its references skipped), they stay
    so until a write sets them, which reads the citing document."""
    reference = ingest(citing("A/RES/70/1", date="2015-12-17")).references.get()
    with pgtrigger.ignore("resolutions.Document:document_to_references"):
        Document.objects.filter(pk=reference.citing_document_id).update(
            year=2016, date=dt.date(2016, 1, 4)
        )
    Reference.objects.filter(pk=reference.pk).update(cited_document=None, cited_text="linked")
    assert copies(reference)[2:] == (2015, dt.date(2015, 12, 17))
    Reference.objects.filter(pk=reference.pk).update(citing_year=None)
    assert copies(reference)[2:] == (2016, dt.date(2016, 1, 4))
