"""The upload worker as it runs in production: `manage.py procrastinate worker` in its own process.

It reads an upload end to end; killed with `kill -9` in the middle of a file, it leaves that file
marked failed with the reason, its parsing process gone, and no document or file behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import other_process
import psutil
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from procrastinate.contrib.django.models import ProcrastinateJob
from test_upload import RESOLUTION_LINES, SMUGGLING, stored_files
from upload_worker import run_upload_jobs

from resolutions.models import Document, IngestRun, Upload
from resolutions.staff.uploads import INTERRUPTED
from resolutions.tasks import fail_interrupted_uploads

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 60


@pytest.fixture
def start_worker(media):
    """Start `manage.py procrastinate worker` on the test database; stopped after the test."""
    workers: list[subprocess.Popen] = []

    def start(**settings: str) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": other_process.database_url(),
            "MEDIA_ROOT": str(media),
            **settings,
        }
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "procrastinate", "worker", "--queues", "uploads"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def post(client, name: str, data: bytes) -> str:
    response = client.post(reverse("staff:upload"), {"files": [SimpleUploadedFile(name, data)]})
    assert response.status_code == 302
    return response["Location"]


def wait_for(condition, what: str):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {WAIT_SECONDS} s for {what}")


def parse_child(worker: subprocess.Popen) -> psutil.Process | None:
    """The worker's parsing process, while it runs."""
    for child in psutil.Process(worker.pid).children(recursive=True):
        try:
            if "resolutions.parse_sandbox" in child.cmdline():
                return child
        except psutil.NoSuchProcess:
            continue
    return None


def test_a_worker_process_reads_an_upload_into_a_draft(client, librarian, start_worker):
    start_worker()
    batch = post(client, SMUGGLING.name, SMUGGLING.read_bytes())

    upload = wait_for(
        lambda: Upload.objects.filter(state=Upload.State.DONE).first(), "the upload to be read"
    )

    assert upload.document.symbol == "E/RES/2014/23"
    assert upload.document.status == Document.Status.DRAFT
    assert client.get(batch)["Location"] == reverse("staff:review", args=[upload.document.pk])
    assert IngestRun.objects.get().finished_at is not None


def test_a_worker_killed_mid_file_leaves_it_failed_with_the_reason(
    client, librarian, media, start_worker
):
    # 20,000 paragraphs: several seconds of parsing, time enough to kill the worker midway.
    slow = "\n\n".join(RESOLUTION_LINES).encode() * 5_000
    worker = start_worker(MAX_PARAGRAPHS="1000000")
    batch = post(client, "slow.txt", slow)
    wait_for(lambda: Upload.objects.filter(state=Upload.State.RUNNING).exists(), "the parse")
    child = wait_for(lambda: parse_child(worker), "the parsing process")

    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    child.wait(10)  # the parsing process dies with its worker (no orphan left parsing)
    # A minute on, the dead worker's heartbeat is stale and the periodic job clears up.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE procrastinate_workers SET last_heartbeat = now() - '1 hour'::interval"
        )
    fail_interrupted_uploads.defer(timestamp=int(time.time()))
    run_upload_jobs()

    upload = Upload.objects.get()
    assert upload.state == Upload.State.FAILED
    assert upload.message == INTERRUPTED
    job = ProcrastinateJob.objects.get(task_name="parse_upload")
    assert job.status == "failed"  # no longer `doing` for a worker that is gone
    page = client.get(batch).content.decode()
    assert "Not added: the worker reading this file stopped" in page
    assert not Document.objects.exists()
    assert stored_files(media) == []
    assert IngestRun.objects.get().finished_at is not None

    # A new worker carries on with the next upload.
    start_worker()
    post(client, SMUGGLING.name, SMUGGLING.read_bytes())
    wait_for(lambda: Document.objects.filter(symbol="E/RES/2014/23").exists(), "the next upload")
