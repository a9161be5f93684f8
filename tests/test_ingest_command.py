"""The ingest command, the sample loader and the original-file download."""

import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from resolutions.models import Document, IngestFileResult, IngestOutcome, IngestRun

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = Path(__file__).resolve().parent / "lineage" / "data" / "texts"  # see PROVENANCE.tsv there

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def run_ingest(*paths: object, capsys, batch: int = 1) -> tuple[str, CommandError | None]:
    """Run the command; returns its output and the error it ended with, if any."""
    try:
        call_command("ingest", *map(str, paths), "--batch", str(batch))
    except CommandError as error:
        return capsys.readouterr().out, error
    return capsys.readouterr().out, None


# One transaction a document, and new documents written together (the bad ones fail alone).
BATCHES = pytest.mark.parametrize("batch", [1, 3])


@BATCHES
def test_a_failing_file_in_the_middle_of_a_batch(tmp_path, capsys, batch):
    folder = tmp_path / "batch"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(SAMPLES / "000_8fb7f1ffc4a6eb9c.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\xff\xfe\x00" * 200)
    (folder / "c.txt").write_bytes(b"")
    shutil.copy(SAMPLES / "002_c68d420aa66ab8d1.txt", folder / "nested" / "d.txt")
    (folder / "d.gold.json").write_text("{}")

    output, error = run_ingest(folder, capsys=capsys, batch=batch)

    assert error is not None
    assert "2 new, 0 updated, 0 unchanged, 2 failed" in output
    assert f"failed: {folder / 'b.txt'}: " in output
    assert f"failed: {folder / 'c.txt'}: " in output
    assert set(Document.objects.values_list("symbol", flat=True)) == {
        "E/RES/2014/23",
        "E/RES/2006/27",
    }
    run = IngestRun.objects.get()
    assert run.finished_at is not None
    assert run.started_by.startswith("manage.py ingest")
    results = dict(run.results.values_list("source", "outcome"))
    assert results == {
        str(folder / "a.txt"): IngestOutcome.NEW,
        str(folder / "b.txt"): IngestOutcome.FAILED,
        str(folder / "c.txt"): IngestOutcome.FAILED,
        str(folder / "nested" / "d.txt"): IngestOutcome.NEW,
    }
    assert all(len(r.checksum) == 64 for r in IngestFileResult.objects.all())


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("ingest", str(tmp_path / "nowhere"))


def test_load_samples_is_idempotent(capsys):
    samples = len(list(SAMPLES.glob("*.txt")))
    call_command("load_samples")
    assert f"{samples} new, 0 updated, 0 unchanged, 0 failed" in capsys.readouterr().out
    call_command("load_samples")
    assert f"All {samples} sample documents are loaded already." in capsys.readouterr().out
    assert Document.objects.count() == samples
    assert IngestRun.objects.count() == 1


def test_load_samples_loads_again_a_sample_that_was_deleted(capsys):
    call_command("load_samples")
    Document.objects.get(symbol="E/RES/2014/23").delete()
    capsys.readouterr()

    call_command("load_samples")

    assert "1 new, 0 updated, 0 unchanged, 0 failed" in capsys.readouterr().out
    assert Document.objects.filter(symbol="E/RES/2014/23").exists()


def test_the_original_file_can_be_downloaded(client, capsys):
    path = SAMPLES / "000_8fb7f1ffc4a6eb9c.txt"
    run_ingest(path, capsys=capsys)
    document = Document.objects.get()

    response = client.get(reverse("resolutions:original", args=[document.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{path.name}"'
    assert b"".join(response.streaming_content) == path.read_bytes()


def test_originals_of_unpublished_documents_are_not_served(client, capsys):
    run_ingest(SAMPLES / "000_8fb7f1ffc4a6eb9c.txt", capsys=capsys)
    document = Document.objects.get()
    document.status = Document.Status.DRAFT
    document.save()
    assert client.get(reverse("resolutions:original", args=[document.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_parsing_in_worker_processes_writes_the_same_documents(tmp_path, capsys):
    batch = tmp_path / "batch"
    batch.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, batch / sample.name)
    (batch / "broken.txt").write_bytes(b"\x00\xff\xfe\x00" * 200)

    with pytest.raises(CommandError):
        call_command("ingest", str(batch), "--jobs", "1")
    single = {d.symbol or d.title: d.paragraphs.count() for d in Document.objects.all()}
    Document.objects.all().delete()
    capsys.readouterr()
    samples = len(list(SAMPLES.glob("*.txt")))
    with pytest.raises(CommandError, match=f"1 of {samples + 1} files failed"):
        call_command("ingest", str(batch), "--jobs", "2", "--batch", "25")
    output = capsys.readouterr().out
    parallel = {d.symbol or d.title: d.paragraphs.count() for d in Document.objects.all()}

    assert parallel == single and len(single) == samples
    assert f"{samples} new, 0 updated, 0 unchanged, 1 failed" in output
    last = IngestRun.objects.order_by("-pk").first()
    assert last.results.filter(outcome=IngestOutcome.FAILED).count() == 1


CLASS_NAME = re.compile(r"\b[A-Z]\w*(Error|Exception|Warning)\b")


@BATCHES
def test_a_file_the_database_refuses_is_reported_in_words(tmp_path, capsys, batch):
    """A symbol longer than its column: PostgreSQL refuses the row; the report says why, in
    words (it once said "DataError: value too long for type character varying(100)")."""
    text = (TEXTS / "A_RES_78_37.txt").read_text()
    (tmp_path / "long-symbol.txt").write_text(
        text.replace("A/RES/78/37\n", "A/RES/78/37" + "/Add.1" * 20 + "\n", 1)
    )
    shutil.copy(SAMPLES / "000_8fb7f1ffc4a6eb9c.txt", tmp_path / "good.txt")

    output, error = run_ingest(tmp_path, capsys=capsys, batch=batch)

    assert error is not None and "1 new, 0 updated, 0 unchanged, 1 failed" in output
    reason = "one of its fields is longer than the archive allows (100 characters)"
    assert f"failed: {tmp_path / 'long-symbol.txt'}: {reason}" in output
    assert IngestFileResult.objects.get(outcome=IngestOutcome.FAILED).message == reason
    assert not CLASS_NAME.search(output), output
    assert not Document.objects.filter(symbol__startswith="A/RES/78/37").exists()
