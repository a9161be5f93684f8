"""A frozen database answered in seconds: a web process's watchdog cuts what waits on it.

A stopped server refuses connections at once, and a slow query meets the statement timeout, but a
frozen one (a stopped process, a hung machine, a dead link without a reset) answers nothing: the
kernel keeps its sockets open, `statement_timeout` is the server's to enforce, and TCP keepalives
are answered by the kernel. A request would wait as long as the worker lets it.

So each web process runs a watchdog thread. When a request has run `DATABASE_WATCHDOG_SECONDS`,
the watchdog opens a fresh connection to the server (2 s at most, the least libpq allows). If the
server answers, nothing happens: the request is merely slow, and the statement timeout governs
it. If it does not, the server is frozen: the watchdog shuts down the sockets of the requests in
flight, whose waits then fail at once (DatabaseFaultMiddleware answers 503 "not answering"), and
until a probe succeeds again new requests get that 503 at the door and no new connection is
attempted (archive/postgresql). Each second while frozen it probes again; the first request
after the server answers is served as usual.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable

import psycopg
from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse

from .database_faults import fault_response

PROBE_TIMEOUT_SECONDS = 2
TICK_SECONDS = 0.25
FROZEN_MESSAGE = "the database server does not answer (frozen or unreachable)"


class Watchdog:
    """Requests in flight with their database connection; a thread that probes the server when
    one runs long and cuts them all when it is frozen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running: dict[int, tuple[BaseDatabaseWrapper, float]] = {}
        self.frozen = threading.Event()
        self.thread: threading.Thread | None = None
        self.after = 1.0
        self.last_probe = 0.0

    def start(self, *, after: float) -> None:
        """Start the thread once per process."""
        with self.lock:
            self.after = after
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.watch, name="db-watchdog", daemon=True)
                self.thread.start()

    def enter(self, wrapper: BaseDatabaseWrapper) -> None:
        with self.lock:
            self.running[threading.get_ident()] = (wrapper, time.monotonic())

    def leave(self) -> None:
        with self.lock:
            self.running.pop(threading.get_ident(), None)

    def watch(self) -> None:
        while True:
            time.sleep(TICK_SECONDS)
            with contextlib.suppress(Exception):
                self.tick()

    def tick(self) -> None:
        """Probe when a request has run long (or while frozen, each second); cut when frozen."""
        now = time.monotonic()
        with self.lock:
            long_running = any(now - since >= self.after for _w, since in self.running.values())
        if not (long_running or self.frozen.is_set()) or now - self.last_probe < 1.0:
            return
        self.last_probe = now
        if server_answers():
            self.frozen.clear()
            return
        self.frozen.set()
        with self.lock:
            wrappers = [wrapper for wrapper, _since in self.running.values()]
        for wrapper in wrappers:
            cut(wrapper)


WATCHDOG = Watchdog()


def server_frozen() -> bool:
    """Whether this process's watchdog last found the server not answering."""
    return WATCHDOG.frozen.is_set()


def server_answers() -> bool:
    """Whether a fresh connection to the default database answers within the probe timeout."""
    params = connections["default"].get_connection_params()
    params["connect_timeout"] = PROBE_TIMEOUT_SECONDS
    try:
        with psycopg.connect(**params, autocommit=True) as probe:
            probe.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True


def cut(wrapper: BaseDatabaseWrapper) -> None:
    """Shut down the socket of a connection in use: a read or write waiting on it fails now."""
    connection = wrapper.connection
    if connection is None or connection.closed:
        return
    with (
        contextlib.suppress(OSError, psycopg.Error),
        socket.socket(fileno=os.dup(connection.pgconn.socket)) as sock,
    ):
        sock.shutdown(socket.SHUT_RDWR)


class DatabaseWatchdogMiddleware:
    """Register each request with the watchdog; while the server is frozen, answer 503 at once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        WATCHDOG.start(after=float(settings.DATABASE_WATCHDOG_SECONDS))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if server_frozen():
            return fault_response(request, "database_unavailable")
        WATCHDOG.enter(connections["default"])
        try:
            return self.get_response(request)
        finally:
            WATCHDOG.leave()
