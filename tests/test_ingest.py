"""Ingest: parsed documents become rows, once, repeatably, with curated data kept."""

import json
import threading
from pathlib import Path

import pytest
from django.db import connection

from resolutions.ingest import IngestSource, ingest_document, ingest_file
from resolutions.models import (
    Document,
    DocumentTopic,
    IngestOutcome,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)
from resolutions.parsing.types import ParsedDocument, ParsedParagraph, ParsedReference
from resolutions.selectors import citations_of, references_of

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# The seeds: the samples with a hand-made gold file.
SEED_FILES = sorted(
    SAMPLES / gold.name.replace(".gold.json", ".txt") for gold in SAMPLES.glob("*.gold.json")
)
REPORT = SAMPLES / "001_795374b84c7acb59.txt"  # cites COP-UNTOC resolution 6/3
COP_RESOLUTION = SAMPLES / "004_b04d59c231a2e721.txt"  # COP-UNTOC resolution 6/3, no symbol
DRAFT = SAMPLES / "003_45a9d6b8d03db242.txt"  # a CCPCJ draft without symbol, with sponsors


# Original files go to a folder of each test's own.
pytestmark = pytest.mark.usefixtures("media")


def parsed_document(**fields) -> ParsedDocument:
    """A small GA resolution; keyword arguments override any field."""
    defaults = {
        "symbol": "A/RES/70/1",
        "body": "GA",
        "doc_type": "resolution",
        "number": "70/1",
        "title": "Countering corruption",
        "date": "2015-12-17",
        "year": 2015,
        "paragraphs": (
            ParsedParagraph("preambular", None, "Recalling", "Recalling its resolution 66/128,"),
            ParsedParagraph("operative", "1", "Urges", "Urges States to act."),
        ),
        "references": (
            ParsedReference("resolution", body="GA", number="66/128", paragraph_index=0),
        ),
    }
    defaults.update(fields)
    return ParsedDocument(**defaults)


def source(text: str = "version 1") -> IngestSource:
    """An original file with these contents."""
    return IngestSource.from_bytes(text.encode(), filename="resolution.txt")


@pytest.mark.django_db
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.stem)
def test_each_seed_is_ingested_as_its_gold_says(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text())
    result = ingest_file(path)
    assert result.outcome == IngestOutcome.NEW, result.message
    document = result.document
    assert document.symbol == gold["symbol"]
    assert document.body.code == gold["body"]
    assert document.doc_type == gold["doc_type"]
    assert document.paragraphs.count() == len(gold["paragraphs"])
    sponsors = list(document.sponsors.order_by("sponsorships__position"))
    assert [country.name for country in sponsors] == gold["sponsors"]
    assert document.original_file.read() == path.read_bytes()
    assert document.original_filename == path.name
    assert len(document.checksum) == 64
    assert document.topic_links.filter(status=DocumentTopic.Status.SUGGESTED).exists()


@pytest.mark.django_db
def test_sponsors_get_their_iso_codes():
    ingest_file(DRAFT)
    assert Sponsorship.objects.filter(country__name="Italy", country__iso3="ITA").exists()


@pytest.mark.django_db
def test_the_same_file_twice_is_unchanged():
    first = ingest_file(REPORT)
    rows = (Document.objects.count(), Paragraph.objects.count(), Reference.objects.count())
    second = ingest_file(REPORT)
    assert (first.outcome, second.outcome) == (IngestOutcome.NEW, IngestOutcome.UNCHANGED)
    assert second.document == first.document
    assert (Document.objects.count(), Paragraph.objects.count(), Reference.objects.count()) == rows


@pytest.mark.django_db
def test_a_keyless_document_is_found_again_by_its_checksum():
    assert ingest_file(DRAFT).outcome == IngestOutcome.NEW
    assert ingest_file(DRAFT).outcome == IngestOutcome.UNCHANGED
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_a_new_version_replaces_contents_and_keeps_curated_data():
    document = ingest_document(parsed_document(), source=source()).document
    document.title = "Corrected title"
    document.curated_fields = ["title"]
    document.save()
    corruption = Topic.objects.get(slug="corruption")
    DocumentTopic.objects.filter(document=document, topic=corruption).update(
        status=DocumentTopic.Status.REJECTED
    )
    firearms = Topic.objects.get(slug="firearms")
    DocumentTopic.objects.create(
        document=document, topic=firearms, status=DocumentTopic.Status.CONFIRMED
    )

    new_version = parsed_document(
        title="Countering corruption and cybercrime",
        session="70",
        paragraphs=(
            ParsedParagraph(
                "operative",
                "1",
                "Decides",
                "Decides to act on cybercrime, cybercrime and cybercrime.",
            ),
        ),
        references=(ParsedReference("document", symbol="A/70/100", paragraph_index=0),),
    )
    result = ingest_document(new_version, source=source("version 2"))

    assert result.outcome == IngestOutcome.UPDATED
    document.refresh_from_db()
    assert document.title == "Corrected title"
    assert document.session == "70"
    assert list(document.paragraphs.values_list("verb", flat=True)) == ["Decides"]
    assert list(document.references.values_list("cited_key", flat=True)) == ["A/70/100"]
    topics = dict(document.topic_links.values_list("topic__slug", "status"))
    assert topics["corruption"] == DocumentTopic.Status.REJECTED
    assert topics["firearms"] == DocumentTopic.Status.CONFIRMED
    assert topics["cybercrime"] == DocumentTopic.Status.SUGGESTED
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_a_later_document_resolves_earlier_citations():
    report = ingest_file(REPORT).document
    citation = report.references.get(cited_key="COP-UNTOC 6/3")
    assert citation.cited_document is None

    resolution = ingest_file(COP_RESOLUTION).document

    citation.refresh_from_db()
    assert citation.cited_document == resolution
    assert resolution.citation_key == "COP-UNTOC 6/3"
    assert [ref.citing_document for ref in citations_of(resolution)] == [report]


@pytest.mark.django_db
def test_citations_are_linked_when_the_cited_document_is_already_archived():
    cited = ingest_document(
        parsed_document(symbol=None, number="66/128", references=()), source=source("cited")
    ).document
    assert cited.citation_key == "A/RES/66/128"
    citing = ingest_document(parsed_document(), source=source()).document
    assert citing.references.get().cited_document == cited


@pytest.mark.django_db
def test_cites_and_cited_by_take_one_query_each(django_assert_num_queries):
    ingest_file(REPORT)
    resolution = ingest_file(COP_RESOLUTION).document
    with django_assert_num_queries(1):
        cites = [
            (ref.cited_key, ref.cited_document, ref.citing_paragraph)
            for ref in references_of(resolution)
        ]
    with django_assert_num_queries(1):
        cited_by = [
            (ref.citing_document.label, ref.citing_paragraph) for ref in citations_of(resolution)
        ]
    assert len(cites) == 2
    assert len(cited_by) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("draft_first", [True, False], ids=["draft first", "adopted first"])
def test_a_draft_and_its_adopted_resolution_are_linked(draft_first):
    title = "Strengthening international cooperation against corruption"
    draft = parsed_document(
        symbol="A/C.3/70/L.5", doc_type="draft_resolution", number=None, title=title, session="70"
    )
    adopted = parsed_document(title=title + ".", session="70")
    unrelated = parsed_document(
        symbol="A/C.3/70/L.9",
        doc_type="draft_resolution",
        number=None,
        title="Piracy",
        session="70",
    )
    order = [draft, unrelated, adopted] if draft_first else [adopted, unrelated, draft]
    for i, parsed in enumerate(order):
        ingest_document(parsed, source=source(f"file {i}"))

    resolution = Document.objects.get(symbol="A/RES/70/1")
    assert resolution.draft.symbol == "A/C.3/70/L.5"
    assert resolution.draft.adopted_version == resolution


@pytest.mark.django_db
def test_drafts_of_another_session_are_not_linked():
    ingest_document(
        parsed_document(symbol="A/C.3/69/L.5", doc_type="draft_resolution", session="69"),
        source=source("draft"),
    )
    resolution = ingest_document(parsed_document(session="70"), source=source()).document
    assert resolution.draft is None


@pytest.mark.django_db
def test_a_failing_document_leaves_nothing_behind(media):
    bad = parsed_document(
        paragraphs=(ParsedParagraph("operative", "1" * 30, None, "Too long a number."),)
    )
    with pytest.raises(Exception):  # noqa: B017 -- the database refuses the paragraph
        ingest_document(bad, source=source())
    assert not Document.objects.exists()
    assert not Paragraph.objects.exists()
    assert not any(Path(media).rglob("*.txt"))


@pytest.mark.django_db
@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\xff" * 100], ids=["empty", "binary"])
def test_a_file_that_cannot_be_parsed_fails_with_a_reason(data):
    result = ingest_file(data, filename="bad.txt")
    assert result.outcome == IngestOutcome.FAILED
    assert result.message
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_ingest_writes_in_bulk(django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        result = ingest_file(SAMPLES / "000_8fb7f1ffc4a6eb9c.txt")
    assert result.document.paragraphs.count() > 40


def ingest_in_threads(path: Path, *, threads: int) -> list[IngestOutcome]:
    """Ingest the same file from several threads at once (each with its own connection)."""
    barrier = threading.Barrier(threads)
    outcomes: list[IngestOutcome] = []

    def work() -> None:
        try:
            barrier.wait()
            outcomes.append(ingest_file(path).outcome)
        finally:
            connection.close()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", [REPORT, COP_RESOLUTION, DRAFT], ids=["symbol", "key", "keyless"])
def test_concurrent_ingests_of_one_file_make_one_document(path):
    outcomes = ingest_in_threads(path, threads=4)
    assert sorted(outcomes) == sorted([IngestOutcome.NEW] + [IngestOutcome.UNCHANGED] * 3)
    assert Document.objects.count() == 1
