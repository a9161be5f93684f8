"""Recovery from ingests that died midway (`kill -9`, a lost worker).

Each open run is held by a PostgreSQL advisory lock of the connection that started it; the lock
goes when that connection does, however the process ended. A later run closes the open runs
nobody holds as interrupted, and removes original files that no document (current or in
history, which a restore brings back) points to, once they are old enough that no ingest still
in progress can be about to commit them.
"""

from __future__ import annotations

import datetime

from django.core.files.storage import default_storage
from django.utils import timezone

from . import held_locks
from .models import Document, IngestRun

# The first key of the advisory locks holding runs open (the run's id is the second).
RUN_LOCK_NAMESPACE = 0x1A7E
ORIGINALS_FOLDER = "originals"
ORPHAN_GRACE = datetime.timedelta(hours=1)


def hold_run(run: IngestRun) -> None:
    """Hold the run open for as long as this connection lives (or until `release_run`)."""
    held_locks.hold(RUN_LOCK_NAMESPACE, run.pk)


def release_run(run: IngestRun) -> None:
    held_locks.release(RUN_LOCK_NAMESPACE, run.pk)


def held_run_ids() -> set[int]:
    """Runs some live connection holds open."""
    return held_locks.held_keys(RUN_LOCK_NAMESPACE)


def close_interrupted_runs() -> list[int]:
    """Mark open runs whose process is gone as interrupted and finished; return their ids."""
    held = held_run_ids()
    # An upload batch is open while a worker has its files queued (resolutions/staff/uploads.py).
    open_runs = IngestRun.objects.filter(finished_at__isnull=True).exclude(
        uploads__state__in=["queued", "running"]
    )
    stale = [pk for pk in open_runs.values_list("pk", flat=True) if pk not in held]
    IngestRun.objects.filter(pk__in=stale).update(interrupted=True, finished_at=timezone.now())
    return stale


def referenced_originals() -> set[str]:
    """Original files a document points to, now or in its history (a restore brings it back)."""
    names = set(Document.objects.exclude(original_file="").values_list("original_file", flat=True))
    history = Document.history.model.objects.exclude(original_file="")
    names.update(history.values_list("original_file", flat=True))
    return names


def remove_orphan_originals(*, grace: datetime.timedelta = ORPHAN_GRACE) -> list[str]:
    """Delete original files no document points to and older than `grace`; return their names."""
    if not default_storage.exists(ORIGINALS_FOLDER):
        return []
    referenced = referenced_originals()
    cutoff = timezone.now() - grace
    removed = []
    for filename in default_storage.listdir(ORIGINALS_FOLDER)[1]:
        name = f"{ORIGINALS_FOLDER}/{filename}"
        if name not in referenced and default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
            removed.append(name)
    return removed
