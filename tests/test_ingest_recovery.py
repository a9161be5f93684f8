"""Ingests that die midway: no half document, no run open forever, no unused file kept."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import other_process
import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from resolutions.ingest import finish_run, ingest_file, start_run
from resolutions.ingest_recovery import close_interrupted_runs, remove_orphan_originals
from resolutions.models import Document, IngestOutcome, IngestRun, Paragraph
from resolutions.samples import seed_documents

PROJECT = Path(__file__).resolve().parent.parent
SAMPLES = seed_documents(PROJECT / "samples")


@pytest.mark.django_db
def test_only_runs_nobody_holds_are_closed_as_interrupted():
    orphan = IngestRun.objects.create(started_by="a killed ingest")
    live = start_run("this process")
    assert close_interrupted_runs() == [orphan.pk]
    orphan.refresh_from_db()
    assert orphan.interrupted and orphan.finished_at
    live.refresh_from_db()
    assert not live.interrupted and live.finished_at is None
    finish_run(live)


@pytest.mark.django_db
def test_unused_originals_are_removed_once_old_enough(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    used = ingest_file(SAMPLES[0]).document.original_file.name
    old = default_storage.save("originals/old-orphan.txt", _content(b"left by a killed run"))
    new = default_storage.save("originals/new-orphan.txt", _content(b"an ingest about to commit"))
    an_hour_ago = (timezone.now() - datetime.timedelta(hours=2)).timestamp()
    for name in (used, old):
        os.utime(default_storage.path(name), (an_hour_ago, an_hour_ago))

    assert remove_orphan_originals() == [old]
    assert default_storage.exists(used) and default_storage.exists(new)


@pytest.mark.django_db
def test_an_original_that_cannot_be_stored_fails_the_file_and_writes_nothing(settings):
    settings.MEDIA_ROOT = "/proc/no-such-folder/media"  # not writable, even by root
    result = ingest_file(SAMPLES[0])
    assert result.outcome == IngestOutcome.FAILED
    assert result.message.startswith("could not store the original file:")
    assert not Document.objects.exists()


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def ingest_command(folder: Path, media: Path) -> subprocess.Popen[str]:
    """`manage.py ingest` in its own process, against this test's database."""
    env = {**os.environ, "DATABASE_URL": other_process.database_url(), "MEDIA_ROOT": str(media)}
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(folder)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_a_killed_ingest_leaves_no_half_document_and_the_next_run_completes(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in range(60):  # each a new version of a sample: every file rewrites a document
        sample = SAMPLES[n % len(SAMPLES)]
        (folder / f"{n:03}-{sample.name}").write_text(sample.read_text() + f"\n\nVersion {n}.\n")
    media = tmp_path / "media"

    killed = ingest_command(folder, media)
    deadline = time.monotonic() + 120
    while not Document.objects.filter(paragraphs__isnull=False).exists():
        assert killed.poll() is None and time.monotonic() < deadline, "ingest ended too soon"
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait(30)

    assert not Document.objects.filter(paragraphs__isnull=True).exists()
    open_run = IngestRun.objects.get()
    assert open_run.finished_at is None

    completed = ingest_command(folder, media)
    output, _ = completed.communicate(timeout=300)
    assert completed.returncode == 0, output
    assert f"Closed ingest runs left open by a process that died: {open_run.pk}." in output
    open_run.refresh_from_db()
    assert open_run.interrupted
    rerun = IngestRun.objects.exclude(pk=open_run.pk).get()
    assert rerun.results.count() == 60
    assert not rerun.results.filter(outcome=IngestOutcome.FAILED).exists()
    assert not Document.objects.filter(paragraphs__isnull=True).exists()
    assert Paragraph.objects.filter(text__contains="Version 5").exists()
