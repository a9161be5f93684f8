"""Concurrency limits on exports: at most `EXPORT_CONCURRENCY_PER_CLIENT` running for one client
and `EXPORT_CONCURRENCY_TOTAL` for the whole archive, so that downloads never take every worker
from the people searching.

A running export holds a slot: a PostgreSQL session advisory lock, taken with
`pg_try_advisory_lock` before the view runs and given back when the server closes the response
(after the last byte, or when the client goes away). The locks are shared by every worker process
and every server on the same database, and die with their connection: a killed worker frees its
slots. A client is a signed-in user, else an address (as the rate limits count it); signed-in
staff have no per-client limit, but count against the total. Past a limit the answer says so in
words: 429 for a client that already has its exports running, 503 when the archive is full;
both with `Retry-After`. A limit of 0 means none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from .database_faults import fault_of, fault_response
from .ratelimit import client_address, group_of

RETRY_AFTER_SECONDS = 10


def lock_key(*names: str) -> int:
    """A stable 64-bit advisory lock key for a name (the same in every process)."""
    digest = hashlib.blake2b(":".join(("archive.export", *names)).encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def client_of(request: HttpRequest) -> str | None:
    """Whose exports count together: a signed-in user, else an address; None for staff."""
    user = request.user
    if user.is_authenticated:
        return None if user.is_staff else f"user:{user.pk}"
    return f"address:{client_address(request)}"


def claim(names: tuple[str, ...], *, slots: int) -> int | None:
    """Take the first free one of `slots` slots under `names`: its lock key, or None if all are
    taken."""
    with connection.cursor() as cursor:
        for slot in range(slots):
            key = lock_key(*names, str(slot))
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            if cursor.fetchone()[0]:
                return key
    return None


def release(keys: Iterable[int]) -> None:
    """Give slots back; a connection already lost has given them back itself."""
    try:
        with connection.cursor() as cursor:
            for key in keys:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    except DatabaseError:
        connection.close()


class _ReleasedOnClose:
    """A streaming response's content that gives its slots back when the server closes it."""

    def __init__(self, content: Iterable[bytes], on_close: Callable[[], None]) -> None:
        self.content = content
        self.close = on_close

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.content)


def busy(request: HttpRequest, *, status: int, limit: int) -> HttpResponse:
    """429 (this client's exports are all running) or 503 (the archive's are), in words."""
    context = {"mine": status == 429, "limit": limit, "seconds": RETRY_AFTER_SECONDS}
    response = render(request, "export_busy.html", context, status=status)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ExportSlotMiddleware:
    """Hold a client slot and an archive slot for each export while it runs; refuse past them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if group_of(request) != "export":
            return self.get_response(request)
        try:
            held, refusal = self.claim_slots(request)
        except DatabaseError as error:
            fault = fault_of(error)
            if fault is None:
                raise
            return fault_response(request, fault)
        if refusal is not None:
            return refusal
        try:
            response = self.get_response(request)
        except BaseException:
            release(held)
            raise
        if isinstance(response, StreamingHttpResponse):
            response.streaming_content = _ReleasedOnClose(
                response.streaming_content, lambda: release(held)
            )
        else:
            release(held)
        return response

    def claim_slots(self, request: HttpRequest) -> tuple[list[int], HttpResponse | None]:
        """(the lock keys taken, None) or ([], the refusal)."""
        held: list[int] = []
        per_client = int(settings.EXPORT_CONCURRENCY_PER_CLIENT)
        client = client_of(request)
        if per_client and client is not None:
            key = claim(("client", client), slots=per_client)
            if key is None:
                return [], busy(request, status=429, limit=per_client)
            held.append(key)
        total = int(settings.EXPORT_CONCURRENCY_TOTAL)
        if total:
            key = claim(("all",), slots=total)
            if key is None:
                release(held)
                return [], busy(request, status=503, limit=total)
            held.append(key)
        return held, None
