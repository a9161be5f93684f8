"""A real procrastinate worker for upload tests: it runs the queued jobs against the test database.

Upload tests are transactional: the worker reads the queue over its own connections.
"""

from __future__ import annotations

from procrastinate.contrib.django import app


def run_upload_jobs() -> None:
    """Run the worker until the queue is empty (the same connector `manage.py procrastinate
    worker` uses), in this process."""
    with app.replace_connector(app.connector.get_worker_connector()):
        app.run_worker(
            wait=False, install_signal_handlers=False, listen_notify=False, queues=["uploads"]
        )
