"""The batch ingest (`ingest_batch`): the rows of one-by-one ingests, many documents at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from resolutions import term_impacts
from resolutions.ingest import (
    IngestSource,
    ingest_batch,
    ingest_document,
    ingest_or_fail,
    read_file,
)
from resolutions.models import (
    Document,
    DocumentTopic,
    IngestOutcome,
    Paragraph,
    Reference,
    SearchWord,
    Sponsorship,
    TermImpact,
)
from resolutions.parsing.types import ParsedDocument, ParsedParagraph
from resolutions.samples import sample_documents

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "samples"


@pytest.fixture
def samples(settings, tmp_path) -> list[tuple[ParsedDocument, IngestSource]]:
    """The sample documents (real UN texts: resolutions, drafts with sponsors, decisions, some
    citing others), parsed."""
    settings.MEDIA_ROOT = tmp_path
    read = [read_file(path) for path in sample_documents(SAMPLES)]
    return [(r.parsed, r.source) for r in read if r.parsed is not None]


def snapshot() -> dict[str, object]:
    """Everything an ingest writes, without database ids."""
    documents = {d.pk: d.citation_key or d.checksum for d in Document.objects.all()}
    return {
        "documents": sorted(
            (documents[d.pk], d.title, d.doc_type, d.year, d.checksum, documents.get(d.draft_id))
            for d in Document.objects.all()
        ),
        "paragraphs": sorted(
            (documents[p.document_id], p.position, p.kind, p.number, p.verb, p.text)
            for p in Paragraph.objects.all()
        ),
        "sponsors": sorted(
            (documents[s.document_id], s.position, s.country.name)
            for s in Sponsorship.objects.select_related("country")
        ),
        "references": sorted(
            (
                documents[r.citing_document_id],
                r.citing_paragraph.position if r.citing_paragraph else 0,
                r.cited_key,
                r.ref_type,
                r.cited_text,
                documents.get(r.cited_document_id),
            )
            for r in Reference.objects.select_related("citing_paragraph")
        ),
        "topics": sorted(
            (documents[t.document_id], t.topic_id, t.status) for t in DocumentTopic.objects.all()
        ),
        "history": sorted(
            (
                documents[h.id],
                h.history_type,
                h.history_user_id,
                h.title,
                h.full_text,
                h.status,
                h.original_file,
                documents.get(h.draft_id),
            )
            for h in Document.history.all()
        ),
        "words": dict(SearchWord.objects.values_list("word", "frequency")),
        "term scores": sorted(
            (t.lexeme, documents[t.document_id], round(t.score, 9))
            for t in TermImpact.objects.all()
        ),
    }


class Undone(Exception):
    """Rolls a block back."""


def test_a_batch_writes_what_one_by_one_ingests_write(samples):
    first, *rest = samples
    ingest_document(first[0], source=first[1])
    term_impacts.rebuild(common_documents=1)  # its words are common: their lists are written too
    with pytest.raises(Undone), transaction.atomic():
        results = ingest_batch(rest)
        assert {r.outcome for r in results} == {IngestOutcome.NEW}
        in_batch = snapshot()
        raise Undone
    for parsed, source in rest:
        ingest_document(parsed, source=source)
    one_by_one = snapshot()
    assert in_batch["paragraphs"]
    assert any(cited for *_, cited in in_batch["references"])  # samples cite each other
    assert any(position for _, position, *_ in in_batch["references"])  # cited in paragraphs
    assert in_batch["sponsors"] and in_batch["term scores"]
    for part, rows in one_by_one.items():
        assert in_batch[part] == rows, part


def parsed_text(symbol: str, text: str, **fields) -> ParsedDocument:
    """An ECOSOC resolution of one operative paragraph."""
    return ParsedDocument(
        symbol=symbol,
        body="ECOSOC",
        doc_type="resolution",
        number=symbol.rsplit("/", 2)[-2] + "/" + symbol.rsplit("/", 1)[-1],
        title=f"Resolution {symbol}",
        date="2014-07-16",
        year=2014,
        paragraphs=(ParsedParagraph("operative", "1", "Urges", text),),
        **fields,
    )


def source(name: str) -> IngestSource:
    """A stand-in original file named after its content."""
    return IngestSource.from_bytes(name.encode(), filename=f"{name}.txt")


def test_re_ingests_and_repeats_go_one_by_one(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ingest_document(parsed_text("E/RES/2014/1", "Urges States to act;"), source=source("one"))
    results = ingest_batch(
        [
            (parsed_text("E/RES/2014/1", "Urges States to act at once;"), source("one, again")),
            (parsed_text("E/RES/2014/2", "Urges States to cooperate;"), source("two")),
            (parsed_text("E/RES/2014/2", "Urges States to cooperate;"), source("two")),
            (parsed_text("E/RES/2014/3", "Requests a report;"), source("three")),
        ]
    )
    assert [r.outcome for r in results] == [
        IngestOutcome.UPDATED,
        IngestOutcome.NEW,
        IngestOutcome.UNCHANGED,
        IngestOutcome.NEW,
    ]
    assert Document.objects.get(symbol="E/RES/2014/1").paragraphs.get().text == (
        "Urges States to act at once;"
    )
    assert Document.objects.count() == 3


def test_a_bad_item_fails_alone_and_leaves_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    too_long = dataclasses.replace(
        parsed_text("E/RES/2014/5", "Urges States;"), session="x" * 10_000
    )
    empty = ParsedDocument(
        symbol="", body="ECOSOC", doc_type="resolution", number="", title="", date=None, year=None
    )
    results = ingest_batch(
        [
            (parsed_text("E/RES/2014/4", "Urges States to act;"), source("four")),
            (too_long, source("five")),
            (empty, source("empty")),
            (parsed_text("E/RES/2014/6", "Requests a report;"), source("six")),
        ]
    )
    assert [r.outcome for r in results] == [
        IngestOutcome.NEW,
        IngestOutcome.FAILED,
        IngestOutcome.FAILED,
        IngestOutcome.NEW,
    ]
    assert "longer than the archive allows" in results[1].message
    assert "not a document" in results[2].message
    assert sorted(Document.objects.values_list("symbol", flat=True)) == [
        "E/RES/2014/4",
        "E/RES/2014/6",
    ]
    assert not Paragraph.objects.filter(text="Urges States;").exists()
    stored = {p.name for p in (tmp_path / "originals").iterdir()}
    assert stored == {Path(d.original_file.name).name for d in Document.objects.all()}


def test_a_paragraph_the_database_refuses_fails_its_document_in_words(settings, tmp_path):
    """Paragraphs are written by COPY: its errors are the database's errors as for any insert."""
    settings.MEDIA_ROOT = tmp_path
    long_number = ParsedParagraph("operative", "1" * 30, "Urges", "Urges States to act;")
    bad = dataclasses.replace(parsed_text("E/RES/2014/7", "Urges;"), paragraphs=(long_number,))
    good = parsed_text("E/RES/2014/8", "Requests a report;")
    for ingest in (
        lambda: ingest_batch([(bad, source("seven")), (good, source("eight"))]),
        lambda: [ingest_or_fail(bad, source=source("seven"))],
    ):
        result = ingest()[0]
        assert result.outcome == IngestOutcome.FAILED
        assert (
            result.message == "one of its fields is longer than the archive allows (20 characters)"
        )
    assert list(Document.objects.values_list("symbol", flat=True)) == ["E/RES/2014/8"]
    assert Document.objects.get().paragraphs.get().text == "Requests a report;"


def ga_document(symbol: str, doc_type: str, title: str) -> ParsedDocument:
    """A General Assembly document of session 70 (a resolution when it has a number)."""
    number = symbol.removeprefix("A/RES/") if doc_type == "resolution" else ""
    return dataclasses.replace(
        parsed_text("E/RES/2015/1", "Urges States to act;"),
        symbol=symbol,
        body="GA",
        doc_type=doc_type,
        number=number,
        title=title,
        session="70",
    )


def test_drafts_are_linked_in_a_batch_as_one_by_one(settings, tmp_path):
    """Each document of a batch links its draft (or adopted version) as if ingested alone, in
    order: a link made earlier in the batch takes its documents out of later choices."""
    settings.MEDIA_ROOT = tmp_path
    corruption = "Strengthening international cooperation against corruption"
    piracy = "Combating piracy and armed robbery at sea"
    ingest_document(
        ga_document("A/C.3/70/L.1", "draft_resolution", corruption), source=source("draft 1")
    )
    items = [
        (ga_document("A/RES/70/1", "resolution", corruption + "."), source("adopted 1")),
        (ga_document("A/C.3/70/L.2", "draft_resolution", piracy), source("draft 2")),
        (ga_document("A/C.3/70/L.3", "draft_resolution", corruption + "!"), source("draft 3")),
        (ga_document("A/RES/70/2", "resolution", piracy + "."), source("adopted 2")),
        (ga_document("A/RES/70/3", "resolution", corruption), source("adopted 3")),
    ]
    with pytest.raises(Undone), transaction.atomic():
        assert {r.outcome for r in ingest_batch(items)} == {IngestOutcome.NEW}
        in_batch = snapshot()
        raise Undone
    for parsed, item_source in items:
        ingest_document(parsed, source=item_source)
    one_by_one = snapshot()
    # The same links, made from the same side: a resolution's own save leaves a history row.
    assert in_batch["documents"] == one_by_one["documents"]
    assert in_batch["history"] == one_by_one["history"]
    drafts = {symbol: draft for symbol, *_, draft in one_by_one["documents"]}
    assert drafts["A/RES/70/1"] == "A/C.3/70/L.1"
    assert drafts["A/RES/70/2"] == "A/C.3/70/L.2"
    assert drafts["A/RES/70/3"] == "A/C.3/70/L.3"
