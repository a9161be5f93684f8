"""Read replicas: public reads go to a streaming replica, writes and a writer's next reads to
the primary (docs/deploy.md).

- `DATABASE_REPLICA_URLS` lists the replicas (archive/settings.py names them `replica_1`, ...).
- `ReplicaMiddleware` decides once per request where its reads go: a GET or HEAD of a public
  page (searches, document and entity pages, the API, the feeds; the namespaces in
  `PUBLIC_NAMESPACES`) reads from a usable replica, chosen at random; everything else, and every
  request of a client that has just written, reads from the primary.
- Read-your-writes: a POST (or any unsafe method) sets a cookie that keeps that browser on the
  primary for `REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS`, longer than any replica still in
  use can be behind, so a librarian who publishes a document sees it on the next page.
- A replica is usable when it answers and is at most `REPLICA_MAX_LAG_SECONDS` behind; each
  process asks again after `REPLICA_CHECK_SECONDS`. One that fails mid-request is marked unusable
  and the page is read again from the primary: a reader never sees the replica's fault.
- `ReplicaRouter` is Django's side of it; raw SQL readers take their connection from
  `django.db.router.db_for_read(model)`, so they follow the same choice.
"""

from __future__ import annotations

import contextlib
import logging
import math
import random
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

from archive.database_faults import fault_of, fault_response

logger = logging.getLogger(__name__)

PRIMARY = "default"
PIN_COOKIE = "archive_read_primary"
SAFE_METHODS = frozenset({"GET", "HEAD"})
# URL namespaces of the public, read-only pages (resolutions/urls.py and its neighbours).
PUBLIC_NAMESPACES = frozenset({"resolutions", "catalogue", "lineage", "api-v1"})
# Who is signed in is always read from the primary: a session written a moment ago must count.
PRIMARY_ONLY_APPS = frozenset({"auth", "sessions"})

# How far a replica is behind, in seconds: 0 when it has replayed all it received and still
# streams; otherwise the age of the last transaction it replayed (an upper bound). NULL when it
# has replayed nothing since it started and is behind: unknown, so not used.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
         AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
    ELSE extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())
END
"""

_read_from: ContextVar[str | None] = ContextVar("archive_read_from", default=None)
# alias -> (monotonic time of the check, usable?), per process.
_verdicts: dict[str, tuple[float, bool]] = {}


def replica_aliases() -> list[str]:
    """The configured replicas' database aliases."""
    return list(settings.DATABASE_REPLICAS)


def pin_seconds() -> int:
    """How long a client stays on the primary after a write."""
    return math.ceil(settings.REPLICA_MAX_LAG_SECONDS + settings.REPLICA_CHECK_SECONDS)


def replica_lag(alias: str) -> float | None:
    """Seconds the replica is behind the primary (None: unknown); raises if it does not answer."""
    with connections[alias].cursor() as cursor:
        cursor.execute(LAG_SQL)
        (lag,) = cursor.fetchone()
    return None if lag is None else float(lag)


def is_usable(alias: str) -> bool:
    """Whether the replica answers and is not too far behind; asked again after a short while."""
    now = time.monotonic()
    checked = _verdicts.get(alias)
    if checked and now - checked[0] < settings.REPLICA_CHECK_SECONDS:
        return checked[1]
    try:
        lag = replica_lag(alias)
    except DatabaseError as error:
        close_quietly(alias)
        return record(alias, False, f"does not answer ({error})")
    if lag is None or lag > settings.REPLICA_MAX_LAG_SECONDS:
        behind = "an unknown time" if lag is None else f"{lag:.1f} s"
        return record(alias, False, f"is {behind} behind")
    return record(alias, True, "is in use")


def record(alias: str, usable: bool, why: str) -> bool:
    """Keep a replica's verdict; log when it changes."""
    before = _verdicts.get(alias)
    _verdicts[alias] = (time.monotonic(), usable)
    if before is None or before[1] != usable:
        log = logger.info if usable else logger.warning
        log("Read replica %s %s%s.", alias, why, "" if usable else ": reading from the primary")
    return usable


def mark_unusable(alias: str, why: str) -> None:
    """A replica failed mid-request: skip it until its next check."""
    close_quietly(alias)
    record(alias, False, why)


def close_quietly(alias: str) -> None:
    """Drop a replica's connection so the next use reconnects."""
    with contextlib.suppress(DatabaseError):
        connections[alias].close()


def choose_replica() -> str | None:
    """A usable replica at random, or None for the primary."""
    usable = [alias for alias in replica_aliases() if is_usable(alias)]
    return random.choice(usable) if usable else None


def may_read_from_replica(request: HttpRequest) -> bool:
    """A public page read by a client that has not just written."""
    match = request.resolver_match
    return (
        request.method in SAFE_METHODS
        and PIN_COOKIE not in request.COOKIES
        and match is not None
        and bool(match.namespaces)
        and match.namespaces[0] in PUBLIC_NAMESPACES
    )


class ReplicaRouter:
    """Reads go where the request's middleware chose; writes and migrations to the primary."""

    def db_for_read(self, model: type, **hints: object) -> str | None:
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        return _read_from.get()

    def db_for_write(self, model: type, **hints: object) -> str:
        return PRIMARY

    def allow_relation(self, obj1: object, obj2: object, **hints: object) -> bool:
        # Every alias holds the same data.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        return db == PRIMARY


class ReplicaMiddleware:
    """Choose each request's read database; pin a client that writes to the primary a while."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Reads before the view (the session, the user) and any request not chosen: the primary.
        # Left set after the response, so a streamed export keeps reading where its page did.
        _read_from.set(None)
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and replica_aliases():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=pin_seconds(),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable, args: tuple, kwargs: dict
    ) -> None:
        if replica_aliases() and may_read_from_replica(request):
            _read_from.set(choose_replica())

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A replica that fails mid-request: skip it, and answer the page from the primary."""
        alias = _read_from.get()
        if alias is None or fault_of(exception) != "database_unavailable":
            return None
        mark_unusable(alias, f"failed during a request ({exception})")
        _read_from.set(None)
        match = request.resolver_match
        try:
            return match.func(request, *match.args, **match.kwargs)
        except Exception as error:
            fault = fault_of(error)
            if fault is None:
                raise
            return fault_response(request, fault)
