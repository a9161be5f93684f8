"""Background jobs, run by `manage.py procrastinate worker` (the queue lives in PostgreSQL).

`make run` starts a worker beside the web server; docker-compose runs one as its own service.
"""

from __future__ import annotations

from asgiref.sync import sync_to_async
from django.db import close_old_connections, connections
from procrastinate import JobContext
from procrastinate.contrib.django import app
from procrastinate.jobs import Status

from .staff import uploads

UPLOADS_QUEUE = "uploads"


@app.task(name="parse_upload", queue=UPLOADS_QUEUE)
def parse_upload(upload_id: int) -> None:
    """Parse and ingest one uploaded file (resolutions/staff/uploads.py)."""
    close_old_connections()
    try:
        uploads.process_upload(upload_id)
    finally:
        # Jobs run in worker threads: each closes its own connection (and so its locks).
        connections.close_all()


@app.periodic(cron="* * * * *")
@app.task(name="fail_interrupted_uploads", queue=UPLOADS_QUEUE, pass_context=True)
async def fail_interrupted_uploads(context: JobContext, timestamp: int) -> None:
    """Every minute: uploads whose worker died mid-file are marked failed with the reason, and
    their jobs, left `doing` by that worker (no heartbeat), are closed as failed."""
    manager = context.app.job_manager
    for job in await manager.get_stalled_jobs(task_name=parse_upload.name):
        await manager.finish_job(job, status=Status.FAILED, delete_job=False)
    await sync_to_async(fail_uploads_and_close)()


def fail_uploads_and_close() -> None:
    try:
        uploads.fail_interrupted_uploads()
    finally:
        connections.close_all()
