"""Texts from the official PDFs: fetched, kept, parsed, ingested under the catalogue's metadata."""

from __future__ import annotations

import io
import logging

import httpx
import pytest
import respx
from django.core.management import call_command

from resolutions.catalogue.client import UndlClient
from resolutions.catalogue.importer import ImportReport
from resolutions.catalogue.models import CatalogueRecord
from resolutions.catalogue.rawstore import RawStore
from resolutions.catalogue.texts import fetch_texts
from resolutions.models import Document
from tests.test_upload import pdf_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]

FILES = "https://digitallibrary.un.org/record/644016/files/"
# The opening of A/RES/63/156 as printed; the PDF's date line is the distribution date.
RESOLUTION_LINES = [
    "United Nations A/RES/63/156",
    "General Assembly Distr.: General 30 January 2009",
    "Sixty-third session",
    "Agenda item 56 (a)",
    "Resolution adopted by the General Assembly",
    "[on the report of the Third Committee (A/63/425)]",
    "63/156. Trafficking in women and girls",
    "The General Assembly,",
    "Recalling all international conventions that contain provisions on trafficking in women,",
    "Recalling also its resolution 61/144 of 19 December 2006,",
    "1. Welcomes the efforts of Governments to combat trafficking in women and girls;",
    "2. Urges Governments to take appropriate measures to address the root factors;",
    "3. Requests the Secretary-General to submit a report at its sixty-fifth session.",
]


class NoSleep:
    def __init__(self) -> None:
        self.now = 0.0

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def clock(self) -> float:
        return self.now


def fetch(store: RawStore, routes: dict[str, httpx.Response], languages=("en",)) -> ImportReport:
    report = ImportReport()
    timer = NoSleep()
    with respx.mock(assert_all_called=False) as router:
        for url, response in routes.items():
            router.get(url).mock(return_value=response)
        client = UndlClient(sleep=timer.sleep, clock=timer.clock)
        fetch_texts(
            client, store, CatalogueRecord.objects.all(), report=report, languages=languages
        )
    return report


def test_the_english_pdf_is_kept_parsed_and_ingested_under_the_catalogues_metadata(
    import_fixtures, tmp_path, caplog
):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures("A_RES_63_156.xml")
    store = RawStore(tmp_path / "raw")
    pdf = pdf_bytes(RESOLUTION_LINES)
    with caplog.at_level(logging.INFO, logger="resolutions.catalogue.texts"):
        report = fetch(store, {FILES + "A_RES_63_156-EN.pdf": httpx.Response(200, content=pdf)})
    assert report.counts["text updated"] == 1, report.issues
    document = Document.objects.get(symbol="A/RES/63/156")
    assert document.paragraphs.filter(kind="operative").count() == 3
    assert document.paragraphs.filter(verb__iexact="urges").exists()
    # The catalogue wins: title and adoption date (992), not what the PDF's first page says.
    assert document.title == "Trafficking in women and girls"
    assert str(document.date) == "2008-12-18"
    assert document.original_file.name.endswith(".pdf")
    assert (tmp_path / "raw" / "files" / "644016" / "A_RES_63_156-EN.pdf").read_bytes() == pdf
    record = CatalogueRecord.objects.get(record_id=644016)
    assert record.text_checksum and set(record.parse_disagreements) <= {
        "title",
        "date",
        "year",
        "session",
        "body",
        "doc_type",
        "number",
        "symbol",
    }
    for name in record.parse_disagreements:
        assert f"644016 {name}: the PDF says" in caplog.text
    # The catalogue's subjects still suggest their topics after the text replaced the rules'.
    assert document.topic_links.filter(topic__slug="trafficking-in-persons").exists()
    # The same PDF again: nothing to do.
    again = fetch(store, {FILES + "A_RES_63_156-EN.pdf": httpx.Response(200, content=pdf)})
    assert again.counts["text unchanged"] == 1


def test_a_pdf_that_fails_to_parse_is_reported_and_nothing_is_half_written(
    import_fixtures, tmp_path
):
    import_fixtures("A_RES_63_156.xml")
    store = RawStore(tmp_path / "raw")
    report = fetch(
        store, {FILES + "A_RES_63_156-EN.pdf": httpx.Response(200, content=b"%PDF-1.4\nbroken")}
    )
    assert report.counts["failed"] == 1
    (issue,) = report.issues
    assert (issue.record_id, issue.stage) == ("644016", "text")
    assert issue.reason.startswith("A_RES_63_156-EN.pdf did not parse")
    document = Document.objects.get(symbol="A/RES/63/156")
    assert not document.paragraphs.exists() and not document.original_file
    assert CatalogueRecord.objects.get(record_id=644016).text_checksum == ""


def test_other_languages_are_fetched_and_kept_behind_an_option(import_fixtures, tmp_path):
    import_fixtures("A_RES_63_156.xml")
    store = RawStore(tmp_path / "raw")
    routes = {
        FILES + "A_RES_63_156-EN.pdf": httpx.Response(200, content=pdf_bytes(RESOLUTION_LINES)),
        FILES + "A_RES_63_156-FR.pdf": httpx.Response(200, content=b"%PDF-1.4 fr"),
        FILES + "A_RES_63_156-ES.pdf": httpx.Response(404),
    }
    report = fetch(store, routes, languages=("en", "fr", "es"))
    kept = sorted(p.name for p in (tmp_path / "raw" / "files" / "644016").iterdir())
    assert kept == ["A_RES_63_156-EN.pdf", "A_RES_63_156-FR.pdf"]
    assert [i.reason.split(":")[0] for i in report.issues] == ["A_RES_63_156-ES.pdf"]
