"""A real procrastinate worker for upload tests: it runs the queued jobs against the test database.

Upload tests are transactional: the worker reads the queue over its own connections.
"""

from __future__ import annotations

import threading

from procrastinate.contrib.django import app


def run_upload_jobs() -> None:
    """Run the worker until the queue is empty (the same connector `manage.py procrastinate
    worker` uses), in a thread of this process: its event loop is its own, whatever the test
    runs (Playwright has one)."""
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with app.replace_connector(app.connector.get_worker_connector()):
                app.run_worker(
                    wait=False,
                    install_signal_handlers=False,
                    listen_notify=False,
                    queues=["uploads"],
                )
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]
