"""The probes behind `manage.py hardening_report`: hostile requests, bad uploads, faults.

Each probe really runs: requests go through Django's whole stack (middleware, views, database)
by the test client; uploads go through the upload form's check and the worker's sandboxed
parse under the configured limits; faults happen for real (an original file that cannot be
written, a batch with a broken file, a file ingested twice).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from resolutions.ingest import ingest_file
from resolutions.models import Document, IngestOutcome
from resolutions.parse_sandbox import parse_in_child
from resolutions.staff.forms import check_upload
from resolutions.staff.uploads import parse_limits, sandbox_limits

from . import hostile_files
from .hostile_requests import (
    ADDRESSES,
    NASTY,
    SEARCH_ENDPOINTS,
    SEARCH_PARAMS,
    SEGMENT_ADDRESSES,
    SEGMENTS,
    VALUES,
    raw,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "000_8fb7f1ffc4a6eb9c.txt"


# --- hostile requests ---


@dataclass
class RequestFigures:
    """What the hostile requests did."""

    parameters: set[str] = field(default_factory=set)
    sent: int = 0
    server_errors: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    slowest_url: str = ""

    def record(self, url: str, status: int, seconds: float) -> None:
        self.sent += 1
        if status >= 500:
            self.server_errors.append(f"{status} {url[:120]}")
        if not self.seconds or seconds > max(self.seconds):
            self.slowest_url = url[:120]
        self.seconds.append(seconds)


def hostile_urls(document: Document) -> Iterator[tuple[str, str]]:
    """(parameter, url) of every hostile request: search parameters, public addresses' own
    parameters and unknown ones, repeated parameters, hostile path segments."""
    for endpoint in SEARCH_ENDPOINTS:
        for name in SEARCH_PARAMS:
            for value in NASTY:
                yield f"{endpoint} {name}", f"{endpoint}?{name}={raw(value)}"
        yield f"{endpoint} (repeated)", endpoint + "?" + "&".join(f"body=B{n}" for n in range(200))
        yield (
            f"{endpoint} (all NUL)",
            endpoint + "?" + "&".join(f"{name}=%00" for name in SEARCH_PARAMS),
        )
    for template, params in ADDRESSES.items():
        address = template.format(id=document.pk, symbol=document.symbol)
        for name in (*params, "unknown", "page"):
            for value in VALUES:
                yield f"{template} {name}", f"{address}?{name}={value}"
        repeated = "&".join(f"{name}=1&{name}=x" for name in params)
        yield f"{template} (repeated)", f"{address}?{repeated}&%00=1"
    for template in SEGMENT_ADDRESSES:
        for segment in SEGMENTS:
            yield f"{template} (path)", template.format(segment)


def send_hostile_requests(document: Document) -> RequestFigures:
    """Send every hostile request once; count them, their server errors and their times."""
    figures = RequestFigures()
    client = Client()
    for endpoint in SEARCH_ENDPOINTS:  # warm-up, untimed: the first search loads caches
        client.get(f"{endpoint}?q=crime")
    for parameter, url in hostile_urls(document):
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        figures.parameters.add(parameter)
        figures.record(url, response.status_code, time.perf_counter() - started)
    return figures


# --- bad uploads ---


@dataclass(frozen=True)
class UploadTrial:
    """One class of bad file: refused (by the form or the worker's parse) and why."""

    name: str
    refused: bool
    reason: str
    seconds: float


def bad_uploads() -> dict[str, Callable[[], bytes]]:
    """Each class of bad upload by its file name; built when tried."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    mb = hostile_files.MEGABYTE
    return {
        "empty.txt": lambda: b"",
        "text-named.pdf": lambda: b"Economic and Social Council\n" * 50,
        "zero-bytes.docx": lambda: b"",
        "binary-junk.docx": lambda: bytes(range(256)) * 64,
        "zip-bomb.docx": lambda: hostile_files.zip_bomb(lines, unpacked=150 * mb),
        "million-paragraphs.docx": lambda: hostile_files.many_paragraphs_docx(
            lines, count=1_000_000
        ),
        "xxe.docx": lambda: hostile_files.entity_docx(lines, doctype=hostile_files.XXE),
        "billion-laughs.docx": lambda: hostile_files.entity_docx(
            lines, doctype=hostile_files.LAUGHS
        ),
        "encrypted.pdf": lambda: hostile_files.encrypted_pdf(lines[:60]),
        "truncated.pdf": lambda: hostile_files.text_pdf(lines[:60])[:400],
        "3000-pages.pdf": lambda: hostile_files.pdf_of_pages(3000),
        "over-the-size-limit.txt": lambda: b"x" * (settings.MAX_UPLOAD_BYTES + 1),
    }


def try_bad_uploads(folder: Path) -> list[UploadTrial]:
    """Put each bad file through the upload form's check, then the worker's sandboxed parse."""
    trials = []
    for name, build in bad_uploads().items():
        data = build()
        started = time.perf_counter()
        reason = check_upload(SimpleUploadedFile(name, data))
        if reason is None:
            path = folder / name
            path.write_bytes(data)
            outcome = parse_in_child(
                path, filename=name, limits=parse_limits(), sandbox=sandbox_limits()
            )
            reason = outcome.message if outcome.parsed is None else ""
            path.unlink()
        trials.append(UploadTrial(name, bool(reason), reason, time.perf_counter() - started))
    return trials


# --- faults ---


@dataclass(frozen=True)
class FaultTrial:
    """One fault: whether the archive came through it whole, and what happened."""

    name: str
    survived: bool
    detail: str


def fault_unwritable_originals(folder: Path) -> FaultTrial:
    """The original file cannot be stored (its folder would sit under a plain file, which no
    user, root included, can write into): nothing is written; with a usable folder the same
    file goes in. The file is a sample with a line of its own, so each run writes anew."""
    blocker = folder / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    name = "001_795374b84c7acb59.txt"
    data = (SAMPLES / name).read_bytes() + f"\nRun {time.time_ns()}.\n".encode()
    documents = Document.objects.filter(original_filename=name)
    before = list(documents.values_list("pk", "checksum", "updated_at"))
    with override_settings(MEDIA_ROOT=blocker / "media"):
        failed = ingest_file(data, filename=name)
    untouched = list(documents.values_list("pk", "checksum", "updated_at")) == before
    with override_settings(MEDIA_ROOT=folder / "media"):
        retried = ingest_file(data, filename=name)
    survived = (
        failed.outcome == IngestOutcome.FAILED
        and untouched
        and retried.outcome in {IngestOutcome.NEW, IngestOutcome.UPDATED}
    )
    detail = f"{failed.message}; nothing written: {untouched}; retried: {retried.outcome.label}"
    return FaultTrial("original file cannot be stored", survived, detail)


def fault_broken_file_in_a_batch(folder: Path) -> FaultTrial:
    """A batch with a broken file in the middle: the files around it still go in."""
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\xff\xfe\x00" * 200)
    with override_settings(MEDIA_ROOT=folder / "media"):
        results = [
            ingest_file(path) for path in (SAMPLES / "002_c68d420aa66ab8d1.txt", broken, SAMPLE)
        ]
    outcomes = [r.outcome for r in results]
    survived = outcomes[1] == IngestOutcome.FAILED and IngestOutcome.FAILED not in (
        outcomes[0],
        outcomes[2],
    )
    return FaultTrial("a broken file in the middle of a batch", survived, results[1].message)


def fault_ingested_twice(folder: Path) -> FaultTrial:
    """The same file ingested twice: one document, unchanged the second time."""
    with override_settings(MEDIA_ROOT=folder / "media"):
        first = ingest_file(SAMPLES / "003_45a9d6b8d03db242.txt")
        second = ingest_file(SAMPLES / "003_45a9d6b8d03db242.txt")
    survived = second.outcome == IngestOutcome.UNCHANGED and first.document == second.document
    return FaultTrial("the same file ingested twice", survived, f"second: {second.outcome}")


FAULTS: tuple[Callable[[Path], FaultTrial], ...] = (
    fault_unwritable_originals,
    fault_broken_file_in_a_batch,
    fault_ingested_twice,
)


def run_faults() -> tuple[list[FaultTrial], int]:
    """Each fault in turn; returns the trials and the documents lost (present before, gone)."""
    before = set(Document.objects.values_list("pk", flat=True))
    with tempfile.TemporaryDirectory(prefix="hardening_") as name:
        trials = [fault(Path(name)) for fault in FAULTS]
    lost = before - set(Document.objects.values_list("pk", flat=True))
    return trials, len(lost)


def median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000 if seconds else 0.0
