"""The importer on real records: upsert, idempotence, history, corrections, bad input."""

import datetime

import pytest

from resolutions.catalogue.importer import ImportReport, import_page, import_records
from resolutions.catalogue.mapping import CatalogueEntry, map_record
from resolutions.catalogue.marc import RawRecord, RecordError, read_record
from resolutions.catalogue.models import CatalogueRecord, RecordLink, Vote
from resolutions.models import Document
from tests.catalogue.conftest import ALL_FILES, SINGLE_RECORDS, page_bytes, raw_records

pytestmark = pytest.mark.django_db


def test_every_fixture_record_is_imported_or_reported(import_fixtures):
    report = import_fixtures(*ALL_FILES)
    # 269 records; the 11 single records are in the mixed export too; 9 have no symbol.
    assert (report.counts["new"], report.counts["unchanged"], report.counts["failed"]) == (
        249,
        11,
        9,
    )
    assert {issue.reason for issue in report.issues} == {"no document symbol (191 $a)"}
    assert CatalogueRecord.objects.count() + Vote.objects.count() == 249


def test_a_resolution_becomes_a_document_with_the_catalogues_metadata(import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    record = CatalogueRecord.objects.select_related("document__body").get(record_id=644016)
    document = record.document
    assert (document.symbol, document.number, document.body.code) == (
        "A/RES/63/156",
        "63/156",
        "GA",
    )
    assert document.doc_type == Document.DocType.RESOLUTION
    assert document.date == datetime.date(2008, 12, 18)  # 992, not 269
    assert document.status == Document.Status.PUBLISHED
    assert document.citation_key == "A/RES/63/156"
    assert [f["language"] for f in record.files] == ["ar", "zh", "en", "fr", "ru", "es", "de"]
    assert record.vote_outcome == "without_vote"
    assert record.subjects.filter(unbis=True).count() == 48


def test_reimport_changes_nothing_and_leaves_no_history(import_fixtures):
    import_fixtures(*SINGLE_RECORDS)
    history = Document.history.count(), CatalogueRecord.history.count()
    stamps = list(CatalogueRecord.objects.order_by("pk").values_list("updated_at", flat=True))
    report = import_fixtures(*SINGLE_RECORDS)
    assert report.counts["unchanged"] == 10 + 1  # ten documents and one voting record
    assert report.counts["new"] == report.counts["updated"] == 0
    assert (Document.history.count(), CatalogueRecord.history.count()) == history
    assert (
        list(CatalogueRecord.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    )


def test_a_changed_record_updates_the_document_and_leaves_history(import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    document = Document.objects.get(symbol="A/RES/63/156")
    before = document.history.count()
    (raw,) = raw_records("A_RES_63_156.xml")
    changed = raw.data.replace(
        b"Trafficking in women and girls", b"Trafficking in women and girls (revised)"
    )
    report = ImportReport()
    import_records([RawRecord(raw.record_id, changed)], report=report)
    assert report.counts["updated"] == 1
    document.refresh_from_db()
    assert document.title == "Trafficking in women and girls (revised)"
    assert document.history.count() == before + 1
    assert document.history.first().history_change_reason == "UN Digital Library record 644016"


def test_a_librarians_correction_wins_and_the_difference_is_kept(import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    document = Document.objects.get(symbol="A/RES/63/156")
    document.title = "Trafficking in women and girls (corrected)"
    document.curated_fields = ["title"]
    document.save()
    report = import_fixtures("A_RES_63_156.xml")
    assert report.counts["updated"] == 1  # the record now notes the difference
    document.refresh_from_db()
    assert document.title == "Trafficking in women and girls (corrected)"
    record = document.catalogue_record
    assert record.differences == {"title": "Trafficking in women and girls"}
    assert import_fixtures("A_RES_63_156.xml").counts["unchanged"] == 1


def test_a_document_ingested_before_is_found_by_its_symbol(make_document, import_fixtures):
    earlier = make_document(
        symbol="A/RES/63/156",
        citation_key="A/RES/63/156",
        number="63/156",
        title="From a file",
        body_code="GA",
    )
    import_fixtures("A_RES_63_156.xml")
    assert CatalogueRecord.objects.get(record_id=644016).document_id == earlier.pk
    assert Document.objects.count() == 1


def test_links_resolve_in_either_order_or_are_recorded_as_outside(import_fixtures):
    import_fixtures("A_HRC_RES_11_3.xml")
    link = RecordLink.objects.get(
        record__record_id=648814 if False else CatalogueRecord.objects.get().record_id, kind="draft"
    )
    assert link.outside and link.undocs_url == "https://undocs.org/A/HRC/11/L.6"
    import_fixtures("A_HRC_11_L.6.xml")
    link.refresh_from_db()
    draft = Document.objects.get(symbol="A/HRC/11/L.6")
    assert link.document == draft
    resolution = Document.objects.get(symbol="A/HRC/RES/11/3")
    assert resolution.draft == draft  # linked by 993, not by title likeness
    report_link = RecordLink.objects.get(symbol="A/HRC/11/37")
    assert (
        report_link.outside and report_link.kind == "committee_report" and report_link.kind_inferred
    )


def test_draft_sponsors_come_from_the_catalogue(import_fixtures):
    import_fixtures("A_HRC_11_L.6.xml")
    draft = Document.objects.get(symbol="A/HRC/11/L.6")
    assert draft.doc_type == Document.DocType.DRAFT_RESOLUTION
    assert draft.sponsors.count() == 59


def test_a_dry_run_writes_nothing(import_fixtures):
    report = import_fixtures(*SINGLE_RECORDS, dry_run=True)
    assert report.counts["new"] == 11
    assert not CatalogueRecord.objects.exists() and not Document.objects.exists()
    assert not Vote.objects.exists()


# --- bad input: each lands in the report with its record id, the batch goes on -----------


def issues_of(report: ImportReport) -> dict[str, str]:
    return {issue.record_id: issue.reason for issue in report.issues}


def test_a_record_without_a_symbol_is_reported(import_fixtures):
    report = import_fixtures("undl-mixed-184.xml.xz")
    assert issues_of(report)["410623"] == "no document symbol (191 $a)"
    assert report.counts["new"] > 170


def test_a_duplicate_symbol_with_another_record_id_is_reported_and_changes_nothing(import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    (raw,) = raw_records("A_RES_63_156.xml")
    twin = RawRecord(
        "999999",
        raw.data.replace(b">644016<", b">999999<").replace(b"Trafficking in women", b"Other title"),
    )
    report = ImportReport()
    import_records([twin], report=report)
    assert issues_of(report) == {
        "999999": "duplicate symbol A/RES/63/156: already imported from record 644016"
    }
    assert Document.objects.get().title == "Trafficking in women and girls"
    assert CatalogueRecord.objects.count() == 1


def test_a_truncated_page_imports_its_whole_records_and_reports_the_rest(import_fixtures):
    page = page_bytes("ga-c3-78-drafts-74.xml.xz")
    cut = page.index(b"</record>", len(page) // 2) - 200
    report = ImportReport()
    import_page(page[:cut], report=report)
    assert report.counts["failed"] == 1
    assert report.issues[0].reason.startswith("truncated page: ")
    assert report.counts["new"] == CatalogueRecord.objects.count() > 30


def test_non_utf8_bytes_are_reported_and_the_batch_goes_on(import_fixtures):
    good, other = raw_records("A_RES_63_156.xml", "E_RES_1998_12.xml")
    bad = RawRecord(
        good.record_id, good.data.replace("Español".encode(), "Español".encode("latin-1"))
    )
    report = ImportReport()
    import_records([bad, other], report=report)
    assert issues_of(report)["644016"].startswith("not UTF-8: byte 0xf1 at offset ")
    assert report.counts["new"] == 1
    assert list(CatalogueRecord.objects.values_list("record_id", flat=True)) == [262918]


def test_a_vote_total_that_does_not_add_up_is_reported_and_nothing_written(import_fixtures):
    (raw,) = raw_records("S_RES_2538_2020_vote.xml")
    wrong = RawRecord(
        raw.record_id,
        raw.data.replace(
            b'<subfield code="b">015</subfield>', b'<subfield code="b">014</subfield>'
        ),
    )
    report = ImportReport()
    import_records([wrong], report=report)
    assert issues_of(report)["3879191"].startswith(
        "vote totals do not add up: 996 says yes 14, no 0, abstain 0, non-voting 0, total 15; "
        "967 counts 15, 0, 0, 0, 15"
    )
    assert not Vote.objects.exists()


def test_a_malformed_record_is_reported(import_fixtures):
    (raw,) = raw_records("E_RES_1998_12.xml")
    broken = RawRecord(raw.record_id, raw.data.replace(b"</datafield>", b"</datafeld>", 1))
    report = ImportReport()
    import_records([broken], report=report)
    assert issues_of(report)["262918"].startswith("malformed XML")


def test_invariants_hold_over_every_fixture_record(import_fixtures):
    import_fixtures(*ALL_FILES)
    entries = {}
    for raw in raw_records(*ALL_FILES):
        record, notes = read_record(raw)
        try:
            entry = map_record(record, notes=tuple(notes))
        except RecordError:
            continue
        if isinstance(entry, CatalogueEntry):
            entries[entry.record_id] = entry
    records = CatalogueRecord.objects.select_related("document")
    assert records.count() == len(entries) == 248
    for record in records:
        entry = entries[record.record_id]
        # Languages come from 856, the date from 992 (269 only without one).
        assert [f["language"] for f in record.files] == [f.language for f in entry.files]
        expected = entry.date and datetime.date.fromisoformat(entry.date)
        assert record.document.date == (expected or None)
        # No mojibake is left in what the pages show.
        assert "Ã" not in record.document.title
        assert not any("Ã" in f["label"] or "Ø" in f["label"] for f in record.files)
    # Every 993 link resolves to the document with its key, or is outside the archive.
    archived = dict(CatalogueRecord.objects.values_list("symbol_key", "document_id"))
    for link in RecordLink.objects.select_related("document"):
        if link.document is None:
            assert link.symbol_key not in archived
        else:
            assert archived.get(link.symbol_key, link.document_id) == link.document_id
    assert RecordLink.objects.filter(document__isnull=False).exists()
    assert RecordLink.objects.filter(document__isnull=True).exists()
