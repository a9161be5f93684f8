"""Exports under concurrency, over real HTTP: a client past its own limit gets a 429 and the
archive past its total a 503, both in words with Retry-After; slots come back when a download
ends or is abandoned; a large export streams from a server-side cursor with bounded memory."""

from __future__ import annotations

import http.client
import threading
import time
import tracemalloc
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection

from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPHS = 4_000
# Each paragraph ~3 KB: an export of ~12 MB, more than the sockets' buffers hold, so a client
# that stops reading keeps its export running.
FILLER = "Member States are urged to prevent trafficking in persons and to protect victims. " * 36
EXPORT = "/search/export.json?view=paragraphs&q=trafficking"


@pytest.fixture
def large_archive(make_document):
    """PARAGRAPHS matching paragraphs in 40 documents."""
    for d in range(40):
        document = make_document(title=f"Trafficking in persons {d}")
        Paragraph.objects.bulk_create(
            Paragraph(
                document=document,
                position=n,
                kind=Paragraph.Kind.OPERATIVE,
                number=str(n),
                text=f"{n}. {FILLER}",
            )
            for n in range(1, PARAGRAPHS // 40 + 1)
        )


@pytest.fixture
def limits(settings):
    settings.EXPORT_CONCURRENCY_PER_CLIENT = 1
    settings.EXPORT_CONCURRENCY_TOTAL = 2
    settings.RATELIMIT_CLIENT_HEADER = "X-Real-IP"
    return settings


def started(base: str, path: str = EXPORT, *, client: str = "198.51.100.1"):
    """An export whose headers (and first bytes) have arrived and which the client stops reading;
    the caller closes it (`abandon`)."""
    address = urlsplit(base)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    conn.request("GET", path, headers={"X-Real-IP": client})
    response = conn.getresponse()
    if response.status == 200:
        response.read(1000)
    return conn, response


def abandon(conn: http.client.HTTPConnection, response: http.client.HTTPResponse) -> None:
    """Close the download's socket (the response holds it too)."""
    response.close()
    conn.close()


def fetch(base: str, path: str = EXPORT, *, client: str) -> tuple[int, str, dict[str, str]]:
    conn, response = started(base, path, client=client)
    body = response.read().decode()
    abandon(conn, response)
    return response.status, body, dict(response.getheaders())


def test_a_client_past_its_own_limit_is_told_to_wait_for_its_export(
    live_server, large_archive, limits
):
    running, first = started(live_server.url, client="198.51.100.1")
    try:
        assert first.status == 200
        status, body, headers = fetch(live_server.url, "/search/export.csv", client="198.51.100.1")
        assert status == 429
        assert "You already have 1 export downloading" in body
        assert int(headers["Retry-After"]) >= 1
        # Another client still gets its export, and searching is not limited.
        assert (
            fetch(live_server.url, "/search/export.csv?q=nothingmatches", client="192.0.2.9")[0]
            == 200
        )
        assert fetch(live_server.url, "/search/?q=trafficking", client="198.51.100.1")[0] == 200
    finally:
        abandon(running, first)
    # The abandoned download gave its slot back.
    assert eventually(lambda: fetch(live_server.url, client="198.51.100.1")[0] == 200)


def test_past_the_archives_total_every_client_is_told_the_exports_are_busy(
    live_server, large_archive, limits
):
    held = [started(live_server.url, client=f"198.51.100.{n}") for n in (1, 2)]
    try:
        assert [response.status for _conn, response in held] == [200, 200]
        status, body, headers = fetch(live_server.url, client="198.51.100.3")
        assert status == 503
        assert "Exports are busy" in body and "as many exports as it runs at once (2)" in body
        assert int(headers["Retry-After"]) >= 1
    finally:
        for conn, response in held:
            abandon(conn, response)
    assert eventually(lambda: fetch(live_server.url, client="198.51.100.3")[0] == 200)


def test_parallel_exports_past_the_limits_get_the_clear_refusal(live_server, large_archive, limits):
    """Eight clients start their exports at once, two of them twice: the archive runs two at a
    time and refuses the rest in words; nothing else is answered."""
    clients = [f"203.0.113.{n}" for n in range(8)] + ["203.0.113.0", "203.0.113.1"]
    barrier = threading.Barrier(len(clients))
    answers: list[tuple[int, str]] = []

    def download(client: str) -> None:
        barrier.wait()
        status, body, headers = fetch(live_server.url, client=client)
        answers.append((status, body if status != 200 else body[-3:], headers.get("Retry-After")))

    threads = [threading.Thread(target=download, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    statuses = sorted(status for status, _body, _retry in answers)
    assert len(answers) == len(clients)
    assert set(statuses) <= {200, 429, 503}
    assert 1 <= statuses.count(200) < len(clients)
    assert statuses.count(503) >= 1
    for status, body, retry in answers:
        if status == 200:
            assert body == "\n]\n"  # a whole export
        else:
            assert retry and ("busy" in body or "already have" in body)


def test_a_large_export_streams_from_a_server_side_cursor_with_bounded_memory(
    live_server, large_archive, settings
):
    settings.EXPORT_CONCURRENCY_PER_CLIENT = 0
    settings.EXPORT_CONCURRENCY_TOTAL = 0
    # Warm up: the first requests import the application's modules, which is not the export.
    fetch(
        live_server.url,
        "/search/export.json?view=paragraphs&q=trafficking&page=1",
        client="192.0.2.50",
    )
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        conn, response = started(live_server.url)
        assert response.status == 200
        size = 1000
        while size < 3_000_000:  # past the first chunk, which a plain query reads
            size += len(response.read(65536))
        # Midway, the export is a cursor fetched chunk by chunk inside its transaction.
        watcher = psycopg.connect(**connection.get_connection_params(), autocommit=True)
        try:
            fetching = watcher.execute(
                "SELECT query, state FROM pg_stat_activity WHERE query LIKE 'FETCH FORWARD%%'"
            ).fetchall()
        finally:
            watcher.close()
        while chunk := response.read(65536):
            size += len(chunk)
        abandon(conn, response)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    # The named cursor's FETCH is seen either running or between two fetches of its transaction.
    assert fetching and fetching[0][1] in ("active", "idle in transaction")
    assert size > 10_000_000
    # The whole export is over 10 MB; the server held a few chunks of it at a time (about 4 MB
    # with the client's reads), never the whole.
    assert peak < size / 2, f"peak {peak / 2**20:.1f} MiB for an export of {size / 2**20:.1f} MiB"


def eventually(check, *, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False
