"""Background jobs, run by `manage.py procrastinate worker` (the queue lives in PostgreSQL).

`make run` starts a worker beside the web server; docker-compose runs one as its own service.
"""

from __future__ import annotations

from django.db import close_old_connections, connections
from procrastinate.contrib.django import app

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
@app.task(name="fail_interrupted_uploads", queue=UPLOADS_QUEUE, pass_context=False)
def fail_interrupted_uploads(timestamp: int) -> None:
    """Every minute: uploads whose worker died mid-file are marked failed with the reason."""
    try:
        uploads.fail_interrupted_uploads()
    finally:
        connections.close_all()
