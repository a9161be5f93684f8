"""Uploads in the background: the request queues each file, a worker parses and ingests it.

`queue_uploads` (in the request) stores each file under a generated name, records an `Upload`
row and defers one job per file. `process_upload` (in the worker) parses the file in a child
process with memory and time ceilings, ingests it as a draft and records the outcome. A worker
that dies mid-file leaves its upload `running` with no one holding it: `fail_interrupted_uploads`
marks it failed. Layers: parsing <- ingest <- this module <- tasks and views.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .. import held_locks, ingest
from ..models import IngestOutcome, IngestRun, Upload
from ..parse_sandbox import SandboxLimits, parse_in_child
from ..parsing import ParseError
from ..parsing.limits import ParseLimits
from .services import StaffActionError, ingest_upload

logger = logging.getLogger(__name__)

INCOMING_FOLDER = "incoming"
# The first key of the advisory locks a worker holds while it reads an upload (the second: its id).
UPLOAD_LOCK_NAMESPACE = 0x1A7F
WORKER_FAILED = (
    "the file could not be read: the worker failed on it (see its log); nothing was added"
)
INTERRUPTED = (
    "the worker reading this file stopped before it finished (it was killed or restarted);"
    " nothing was added: upload it again"
)


def queue_uploads(files: Iterable, *, user, may_replace: bool) -> IngestRun:
    """Store the files under generated names and queue one parse job each; returns the batch."""
    from ..tasks import parse_upload  # the task module imports this one

    stored: list[str] = []
    try:
        with transaction.atomic():
            run = IngestRun.objects.create(
                started_by=f"upload by {user.get_username()}"[:150], user=user
            )
            for file in files:
                name = store_incoming(file)
                stored.append(name)
                upload = Upload.objects.create(
                    run=run,
                    user=user,
                    filename=PurePath(file.name).name[:255],
                    stored_name=name,
                    size=file.size,
                    may_replace=may_replace,
                )
                parse_upload.defer(upload_id=upload.pk)
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return run


class UploadNotStored(Exception):
    """A file could not be written to storage (disk full, permissions): nothing was queued."""


def store_incoming(file) -> str:
    """Save an uploaded file under a generated name; its storage name."""
    try:
        return default_storage.save(f"{INCOMING_FOLDER}/{uuid.uuid4().hex}", file)
    except OSError as error:
        reason = error.strerror or str(error)
        name = PurePath(file.name).name
        raise UploadNotStored(
            f"{name} could not be stored ({reason}); nothing was uploaded."
        ) from error


def parse_limits() -> ParseLimits:
    """The parse ceilings from the settings."""
    return ParseLimits(
        max_unzipped_bytes=settings.MAX_UNZIPPED_BYTES,
        max_compression_ratio=settings.MAX_COMPRESSION_RATIO,
        max_pdf_pages=settings.MAX_PDF_PAGES,
        max_paragraphs=settings.MAX_PARAGRAPHS,
        max_document_characters=settings.MAX_DOCUMENT_CHARACTERS,
    )


def sandbox_limits() -> SandboxLimits:
    return SandboxLimits(
        seconds=settings.PARSE_TIME_LIMIT_SECONDS, memory_mb=settings.PARSE_MEMORY_LIMIT_MB
    )


def process_upload(upload_id: int) -> Upload | None:
    """Parse and ingest one queued upload, holding it against recovery while at it."""
    fail_interrupted_uploads()
    hold_upload(upload_id)
    try:
        claimed = Upload.objects.filter(pk=upload_id, state=Upload.State.QUEUED).update(
            state=Upload.State.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return None  # already done, or failed by recovery
        upload = Upload.objects.select_related("run", "user").get(pk=upload_id)
        try:
            read_and_ingest(upload)
        except Exception:  # the batch goes on; the traceback goes to the worker's log
            logger.exception("upload %s (%s) failed", upload.pk, upload.filename)
            result = ingest.IngestResult(IngestOutcome.FAILED, message=WORKER_FAILED)
            finish(upload, None, result)
        finally:
            discard_incoming(upload)
            finish_batch_if_done(upload.run)
        return upload
    finally:
        release_upload(upload_id)


def read_and_ingest(upload: Upload) -> None:
    """Parse the stored file in a child process, then ingest it; the outcome goes on `upload`."""
    path = default_storage.path(upload.stored_name)
    outcome = parse_in_child(
        path, filename=upload.filename, limits=parse_limits(), sandbox=sandbox_limits()
    )
    upload.parse_seconds = round(outcome.seconds, 3)
    upload.peak_memory_kb = outcome.peak_memory_kb
    with default_storage.open(upload.stored_name, "rb") as file:
        source = ingest.IngestSource.from_bytes(file.read(), filename=upload.filename)
    if outcome.parsed is None:
        return finish(
            upload, source, ingest.IngestResult(IngestOutcome.FAILED, message=outcome.message)
        )
    warnings = list(outcome.parsed.warnings)
    try:
        result = ingest_upload(
            outcome.parsed, source=source, user=upload.user, may_replace=upload.may_replace
        )
    except (ParseError, StaffActionError, ingest.OriginalNotStored) as error:
        result = ingest.IngestResult(IngestOutcome.FAILED, message=str(error))
    else:
        result = ingest.IngestResult(result.outcome, result.document, "\n".join(warnings))
    finish(upload, source, result)


def finish(upload: Upload, source: ingest.IngestSource | None, result: ingest.IngestResult) -> None:
    """Record the outcome on the upload and in its batch's ingest run."""
    checksum = source.checksum if source else ""
    ingest.record_result(upload.run, source_name=upload.filename, checksum=checksum, result=result)
    upload.state = (
        Upload.State.FAILED if result.outcome == IngestOutcome.FAILED else Upload.State.DONE
    )
    upload.outcome = result.outcome
    upload.message = result.message
    upload.document = result.document
    upload.finished_at = timezone.now()
    upload.save()


def discard_incoming(upload: Upload) -> None:
    """Delete the waiting copy: a document keeps its original under `originals/`."""
    if upload.stored_name:
        default_storage.delete(upload.stored_name)
        Upload.objects.filter(pk=upload.pk).update(stored_name="")
        upload.stored_name = ""


def finish_batch_if_done(run: IngestRun) -> None:
    """Close the upload's ingest run once none of its files is waiting or being read."""
    pending = run.uploads.filter(state__in=[Upload.State.QUEUED, Upload.State.RUNNING])
    if not pending.exists():
        IngestRun.objects.filter(pk=run.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )


def hold_upload(upload_id: int) -> None:
    """Hold the upload for as long as this connection lives (a killed worker lets it go)."""
    held_locks.hold(UPLOAD_LOCK_NAMESPACE, upload_id)


def release_upload(upload_id: int) -> None:
    held_locks.release(UPLOAD_LOCK_NAMESPACE, upload_id)


def held_upload_ids() -> set[int]:
    """Uploads some live worker connection is reading."""
    return held_locks.held_keys(UPLOAD_LOCK_NAMESPACE)


def fail_interrupted_uploads() -> list[int]:
    """Mark uploads left `running` by a worker that died as failed, with the reason; ids."""
    running = list(Upload.objects.filter(state=Upload.State.RUNNING).values_list("pk", flat=True))
    if not running:
        return []
    # Read after the rows: an upload finished meanwhile is no longer `running` below.
    stale = [pk for pk in running if pk not in held_upload_ids()]
    failed = []
    for upload in Upload.objects.filter(pk__in=stale, state=Upload.State.RUNNING).select_related(
        "run"
    ):
        updated = Upload.objects.filter(pk=upload.pk, state=Upload.State.RUNNING).update(
            state=Upload.State.FAILED,
            outcome=IngestOutcome.FAILED,
            message=INTERRUPTED,
            finished_at=timezone.now(),
        )
        if not updated:
            continue
        failed.append(upload.pk)
        result = ingest.IngestResult(IngestOutcome.FAILED, message=INTERRUPTED)
        ingest.record_result(upload.run, source_name=upload.filename, checksum="", result=result)
        discard_incoming(upload)
        finish_batch_if_done(upload.run)
    return failed
