"""Many rows written at once by PostgreSQL's own means: COPY, ids drawn from a table's sequence,
and history rows copied from the rows just written.

For the thousands of rows of a batch ingest (docs/ingest.md): no model instances and no
statement built per row. Triggers and constraints apply as to any insert, and the database's
refusals are reported as for an INSERT.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Model
from django.utils import timezone
from psycopg import sql

# Rows per INSERT statement of a bulk write (`bulk_create`'s batch size).
BULK_ROWS = 2_000


def copy_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Insert rows (values of these columns) into the model's table by one COPY."""
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def draw_ids(model: type[Model], count: int) -> list[int]:
    """`count` new ids from the sequence of the model's table (for rows copied with their ids,
    so that other rows can point to them)."""
    if count <= 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def record_created(
    model: type[Model], objects: Sequence[Model], *, user: AbstractBaseUser | None
) -> None:
    """The history rows ("created", now, by the user) of objects just inserted: the rows
    simple-history's `bulk_create_with_history` writes, copied from the objects' own rows by
    one INSERT ... SELECT instead of built and sent again (full texts included)."""
    if not objects:
        return
    history = model.history.model  # type: ignore[attr-defined]
    user = user or history.get_default_history_user(objects[0])  # the request's, in one
    columns = sql.SQL(", ").join(sql.Identifier(f.column) for f in history.tracked_fields)
    statement = sql.SQL(
        "INSERT INTO {history} ({columns}, history_date, history_type, history_user_id) "
        "SELECT {columns}, %s, '+', %s FROM {table} WHERE id = ANY(%s) ORDER BY id"
    ).format(
        history=sql.Identifier(history._meta.db_table),
        columns=columns,
        table=sql.Identifier(model._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            statement.as_string(cursor.connection),
            [timezone.now(), user.pk if user else None, [o.pk for o in objects]],
        )
