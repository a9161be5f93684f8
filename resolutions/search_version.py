"""The search version: a number that moves on with every write to a table search counts read.

Each such model declares `bumps_search_version()`: a statement-level AFTER INSERT, UPDATE,
DELETE or TRUNCATE trigger that takes the sequence's next value. The facet and count cache
(`search/counts_cache.py`) and the document page cache (`views/page_cache.py`) key their entries
on the version, so a write leaves them unread.
A sequence is not transactional: the new value is seen before the write commits (see
docs/search.md, "The count cache", for the race this opens and how it is bounded).
"""

from __future__ import annotations

from django.apps import apps
from django.db import connections, router
from pgtrigger import After, Delete, Insert, Statement, Trigger, Truncate, Update
from psycopg import sql

SEQUENCE = "resolutions_search_version"


def bumps_search_version() -> Trigger:
    """The trigger that moves the search version on after any write to the model's table."""
    return Trigger(
        name="bump_search_version",
        when=After,
        level=Statement,
        operation=Insert | Update | Delete | Truncate,
        func=f"PERFORM nextval('{SEQUENCE}'); RETURN NULL;",
    )


def current() -> int:
    """The version where public pages read (a replica's own, on a replica): 0 until the first
    write, then the sequence's last value."""
    connection = connections[router.db_for_read(apps.get_model("resolutions", "Paragraph"))]
    statement = sql.SQL("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {}").format(
        sql.Identifier(SEQUENCE)
    )
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute(statement.as_string(connection.connection))
        return cursor.fetchone()[0]
