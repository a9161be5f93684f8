"""Whole-archive export and import: a round trip loses nothing."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    IngestRun,
    Reference,
    Topic,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


@pytest.fixture
def curated_archive(make_document):
    """The samples, plus curation decisions of every kind and a draft link."""
    call_command("load_samples")
    librarian = get_user_model().objects.create(username="librarian")
    report = Document.objects.get(symbol="CTOC/COP/WG.7/2013/5")
    report.curated_fields = ["title"]
    report.title = "Corrected title"
    report.uploaded_by = librarian
    report.save()
    link = report.topic_links.first()
    link.status = DocumentTopic.Status.CONFIRMED
    link.decided_by = librarian
    link.decided_at = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    link.save()
    Reference.objects.filter(cited_key="CTOC/COP/WG.7/2013/1").update(outside_archive=True)
    topic = Topic.objects.get(slug="firearms")
    topic.parent = Topic.objects.get(slug="transnational-organized-crime")
    topic.save()
    draft = make_document(symbol=None, doc_type="draft_resolution", title="A draft", number="")
    adopted = make_document(symbol=None, title="A draft", number="", draft=draft)
    assert adopted.draft == draft
    return report


def wipe_archive() -> None:
    """Delete every row the export covers, as a fresh database would lack them."""
    Document.objects.all().delete()
    Country.objects.all().delete()
    Topic.objects.all().delete()
    Body.objects.exclude(code="GA").delete()
    IngestRun.objects.all().delete()


def test_export_flush_import_export_gives_the_same_file(curated_archive, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    call_command("export_archive", str(first))
    wipe_archive()
    assert not Document.objects.exists()

    call_command("import_archive", str(first))
    call_command("export_archive", str(second))

    assert second.read_text() == first.read_text()
    lines = first.read_text().splitlines()
    types = {line.split('"type": "')[1].split('"')[0] for line in lines}
    assert types == {
        "format",
        "body",
        "country",
        "topic",
        "document",
        "paragraph",
        "sponsorship",
        "document_topic",
        "reference",
    }
    report = Document.objects.get(symbol="CTOC/COP/WG.7/2013/5")
    assert report.title == "Corrected title"
    assert report.uploaded_by.username == "librarian"
    assert report.references.filter(cited_document__isnull=False).count() == 1
    assert Document.objects.get(title="A draft", doc_type="resolution").draft.title == "A draft"


def test_import_refuses_an_archive_that_has_documents(curated_archive, tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path))
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_archive", str(path))


def test_import_names_a_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"type": "format", "version": 1}\nnot json\n')
    with pytest.raises(CommandError, match="line 2 is not JSON"):
        call_command("import_archive", str(path))
