"""Load the synthetic corpus through the ingest service, with documents a second and memory."""

from __future__ import annotations

import itertools
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from resolutions.ingest import IngestSource, ingest_batch, ingest_document
from resolutions.lineage.apps import LINEAGE_RECEIVER, match_written_document
from resolutions.models import Document, IngestOutcome
from resolutions.parsing.types import ParsedDocument
from resolutions.signals import document_written

from .corpus import FILENAME_PREFIX


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def lineage_deferred() -> Iterator[None]:
    """Ingest without matching each document's paragraph families (rebuilt in bulk after)."""
    document_written.disconnect(dispatch_uid=LINEAGE_RECEIVER)
    try:
        yield
    finally:
        document_written.connect(match_written_document, dispatch_uid=LINEAGE_RECEIVER)


def source_for(index: int) -> IngestSource:
    """The original 'file' of synthetic document `index`: a small stand-in, named bench-NNNNNN."""
    name = f"{FILENAME_PREFIX}{index:06d}.txt"
    return IngestSource.from_bytes(
        f"synthetic benchmark document {index}\n".encode(), filename=name
    )


def corpus_size() -> int:
    """How many benchmark documents the database holds."""
    return Document.objects.filter(original_filename__startswith=FILENAME_PREFIX).count()


def server_cpu_seconds() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend (user and system), when
    the server runs on this machine and its /proc entry is readable; else None."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Clocks:
    """Where a load's time went since the last progress line: wall seconds, seconds spent
    generating documents (CPU), this process's CPU seconds and the server backend's."""

    wall: float = 0.0
    generating: float = 0.0
    client: float = 0.0
    server: float | None = 0.0

    @classmethod
    def now(cls, generating: float) -> Clocks:
        return cls(time.perf_counter(), generating, time.process_time(), server_cpu_seconds())

    def since(self, earlier: Clocks, documents: int) -> str:
        """Milliseconds a document: generating, the ingest's own CPU (this process, generating
        excluded) and the server's CPU."""
        generating = self.generating - earlier.generating
        client = self.client - earlier.client - generating
        server = (
            f"{(self.server - earlier.server) * 1000 / documents:5.1f}"
            if self.server is not None and earlier.server is not None
            else "  n/a"
        )
        return (
            f"ms a document: generating {generating * 1000 / documents:4.1f}, "
            f"ingest CPU {client * 1000 / documents:4.1f}, server CPU {server}"
        )


@dataclass
class LoadReport:
    """What a load did: documents, seconds, and the peak RSS at each progress line."""

    documents: int = 0
    paragraphs: int = 0
    seconds: float = 0.0
    checkpoints: list[tuple[int, float, float]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def load_documents(
    documents: Iterable[ParsedDocument],
    *,
    start: int = 0,
    every: int = 1000,
    progress: Callable[[str], None] = lambda line: None,
    synchronous_commit: bool = False,
    batch: int = 1,
) -> LoadReport:
    """Ingest the documents one transaction each, as the ingest command does, or `batch` at a
    time through the batch path (`ingest_batch`, as `ingest --batch`); reports progress.

    With `synchronous_commit` off (this session only) a commit does not wait for the WAL flush:
    a crash may lose the last commits, never corrupt; acceptable for a bulk load one can re-run.
    """
    if not synchronous_commit:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
    report = LoadReport()
    began = time.perf_counter()
    generating = 0.0
    last = Clocks.now(generating)
    done_at_last = 0
    numbered = enumerate(documents, start=start)
    while True:
        started = time.process_time()  # the generator's CPU, not its wall time, beside others
        chunk = list(itertools.islice(numbered, batch))
        generating += time.process_time() - started
        if not chunk:
            break
        if batch == 1:
            ingest_document(chunk[0][1], source=source_for(chunk[0][0]))
        else:
            failed = [
                r.message
                for r in ingest_batch([(parsed, source_for(index)) for index, parsed in chunk])
                if r.outcome == IngestOutcome.FAILED
            ]
            if failed:
                raise RuntimeError(f"a benchmark document failed to load: {failed[0]}")
        before = report.documents
        report.documents += len(chunk)
        report.paragraphs += sum(len(parsed.paragraphs) for _, parsed in chunk)
        if report.documents // every > before // every:
            now = Clocks.now(generating)
            done = report.documents - done_at_last
            rate = done / (now.wall - last.wall)
            report.checkpoints.append((report.documents, rate, peak_rss_mb()))
            progress(
                f"  {report.documents:>7} documents  {rate:7.1f} documents/s  "
                f"peak RSS {peak_rss_mb():6.1f} MiB  {now.since(last, done)}"
            )
            last, done_at_last = now, report.documents
    report.seconds = time.perf_counter() - began
    if not synchronous_commit:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
    return report
