"""Writes during the load test: an ingest of many documents in another process, and a probe that
checks that no reader ever sees a document without its paragraphs.

The ingest is `manage.py benchmark --docs SIZE+N --reuse --corpus-only`: the next N documents of
the benchmark corpus through the ingest service, one transaction each, as the corpus was loaded.
The probe polls four times a second: in the database, the newest documents ingested since the
start and their paragraph counts (a committed document with none is a violation); over HTTP, the
same documents from `/api/v1/documents/<id>/`, whose paragraphs must be there and as many. It
watches until the ingest has ended; then the documents the ingest added are deleted, so that the
corpus is again its first SIZE.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection
from django.db.models import QuerySet

from resolutions.models import Document

from .corpus import FILENAME_PREFIX

HOST = "127.0.0.1"
PROJECT_DIR = Path(__file__).resolve().parent.parent
PROBE_EVERY_SECONDS = 0.25


def newest_document_id() -> int:
    """The highest document id now (the probe looks only past it)."""
    return Document.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def start_ingest(database: str, *, size: int, documents: int, corpus_kind: str) -> subprocess.Popen:
    """The next `documents` documents of the corpus kind ingested by another process, logged to a
    file."""
    env = {**os.environ, "DATABASE_URL": database}
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "benchmark",
            "--docs",
            str(size + documents),
            "--reuse",
            "--corpus-only",
            "--corpus-kind",
            corpus_kind,
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@dataclass
class ProbeResult:
    """What the probe saw: rounds, documents checked in the database and over HTTP, violations."""

    rounds: int = 0
    documents_seen: set[int] = field(default_factory=set)
    http_checks: int = 0
    violations: list[str] = field(default_factory=list)


class ConsistencyProbe:
    """A thread that looks for documents without their paragraphs, in the database and as
    readers see them."""

    def __init__(self, port: int, *, after_id: int) -> None:
        self.port = port
        self.after_id = after_id
        self.result = ProbeResult()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def __enter__(self) -> ConsistencyProbe:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join()

    def run(self) -> None:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            while not self.stopping.wait(PROBE_EVERY_SECONDS):
                self.check(conn)
        finally:
            conn.close()
            connection.close()

    def check(self, conn: http.client.HTTPConnection) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, (SELECT count(*) FROM resolutions_paragraph p "
                "WHERE p.document_id = d.id) FROM resolutions_document d "
                "WHERE d.id > %s ORDER BY d.id DESC LIMIT 5",
                [self.after_id],
            )
            newest = cursor.fetchall()
        self.result.rounds += 1
        for pk, paragraphs in newest:
            self.result.documents_seen.add(pk)
            if paragraphs == 0:
                self.result.violations.append(f"document {pk}: committed without paragraphs")
                continue
            try:
                conn.request("GET", f"/api/v1/documents/{pk}/", headers={"Host": HOST})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                self.result.violations.append(f"document {pk}: {type(error).__name__}")
                continue
            self.result.http_checks += 1
            if response.status != 200:
                self.result.violations.append(f"document {pk}: HTTP {response.status}")
            elif len(json.loads(body)["paragraphs"]) != paragraphs:
                self.result.violations.append(f"document {pk}: a reader saw too few paragraphs")


@dataclass
class IngestOutcome:
    """The parallel ingest's documents, seconds and exit status."""

    documents: int
    seconds: float
    returncode: int
    log_tail: str


def wait_for_ingest(process: subprocess.Popen, *, after_id: int, began: float) -> IngestOutcome:
    """Wait for the ingest to end; count the documents it added."""
    output, _ = process.communicate()
    seconds = time.perf_counter() - began
    documents = ingested(after_id).count()
    return IngestOutcome(documents, seconds, process.returncode, output[-2000:])


def ingested(after_id: int) -> QuerySet[Document]:
    """The corpus documents added past `after_id`."""
    return Document.objects.filter(pk__gt=after_id, original_filename__startswith=FILENAME_PREFIX)


def remove_ingested(after_id: int) -> None:
    """Delete what the ingest added (once the probe has stopped), so the corpus keeps its size."""
    ingested(after_id).delete()
