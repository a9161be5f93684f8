"""Database faults answered in words: a 503 or 400 page (JSON under /api/), never a 500 or a hang.

- The database is down or unreachable: connections give up after `DATABASE_CONNECT_TIMEOUT`
  seconds, the reader is told to try again (`Retry-After`), and the next request reconnects by
  itself (Django drops an unusable connection at the end of the request). A frozen server, which
  accepts connections and answers nothing, is found and cut by archive/database_watchdog.py.
- A query ran past the web statement timeout (`WEB_STATEMENT_TIMEOUT_MS`, set on every connection
  a web process opens): the search was too broad, and the reader is told to narrow it.
- A value from the address cannot reach the database at all (a NUL byte, which PostgreSQL text
  cannot hold; a number out of range): whatever view passed it on, the answer is a 400 that says
  so, not a 500.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg.errors
from django.conf import settings
from django.db import DatabaseError, DataError, InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 30

MESSAGES = {
    "query_timeout": (
        "This request took too long: the search is too broad. Narrow it with more words, a "
        "phrase, or a filter (body, year, topic), and try again."
    ),
    "database_unavailable": (
        "The archive's database is not answering at the moment. Please try again in a minute."
    ),
    "invalid_input": (
        "The address holds a value no document can hold (a NUL byte, %00, or a number out of "
        "range). Remove it and try again."
    ),
}
STATUS = {"query_timeout": 503, "database_unavailable": 503, "invalid_input": 400}


def set_statement_timeout(sender: object, connection: object, **kwargs: object) -> None:
    """Bound every statement of a web process's new connection (not of commands such as ingest)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', %s, false)", [timeout_setting()])


def timeout_setting() -> str:
    return f"{int(settings.WEB_STATEMENT_TIMEOUT_MS)}ms"


def fault_of(exception: BaseException) -> str | None:
    """Which database fault an exception is, if any."""
    if not isinstance(exception, DatabaseError):
        return None
    if isinstance(exception.__cause__, psycopg.errors.QueryCanceled):
        return "query_timeout"
    if isinstance(exception, DataError):
        return "invalid_input"
    if isinstance(exception, OperationalError | InterfaceError):
        return "database_unavailable"
    return None


class DatabaseFaultMiddleware:
    """Turn a view's database outage, statement timeout or unstorable value into an answer that
    says what happened."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # Only processes that serve requests load middleware: commands keep no statement timeout.
        connection_created.connect(set_statement_timeout, dispatch_uid="web_statement_timeout")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        fault = fault_of(exception)
        return None if fault is None else fault_response(request, fault)


def fault_response(request: HttpRequest, fault: str) -> HttpResponse:
    """The answer to a database fault: JSON under /api/, a page elsewhere, never cached."""
    message, status = MESSAGES[fault], STATUS[fault]
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"message": message, "code": fault}, status=status)
    else:
        # Rendered without the request: its context (the signed-in user) needs the database.
        html = render_to_string("database_fault.html", {"fault": fault, "message": message})
        response = HttpResponse(html, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
