"""Work held open by the connection doing it: PostgreSQL session advisory locks, each a namespace
(the kind of work) and an id. A lock lives as long as its connection, so work whose process died
is found by its lock being gone (ingest runs, upload batches' files)."""

from __future__ import annotations

from django.db import connection


def hold(namespace: int, key: int) -> None:
    """Hold `key` of `namespace` for as long as this connection lives (or until `release`)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [namespace, key])


def release(namespace: int, key: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [namespace, key])


def held_keys(namespace: int) -> set[int]:
    """The keys of `namespace` that some live connection holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND classid = %s"
            " AND objsubid = 2 AND granted",
            [namespace],
        )
        return {int(row[0]) for row in cursor.fetchall()}
