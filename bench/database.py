"""The benchmark's own database: the name check, creating it, statistics and table sizes."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.db import connection

# The database the benchmark writes to; the test runner's databases (test_...) are allowed too.
DATABASE_NAME = "archive_bench"
TABLES = (
    "resolutions_document",
    "resolutions_paragraph",
    "resolutions_reference",
    "resolutions_sponsorship",
    "resolutions_documenttopic",
)


def is_benchmark_database(name: str) -> bool:
    """Whether the benchmark may write here: `archive_bench*` or a test database, not `archive`."""
    return name.startswith(DATABASE_NAME) or name.endswith("_bench") or name.startswith("test_")


def require_benchmark_database(name: str) -> None:
    """Refuse, with the fix in words, to write a benchmark corpus into any other database."""
    if not is_benchmark_database(name):
        raise CommandError(
            f"The benchmark writes its own corpus: point DATABASE_URL at a database named "
            f"{DATABASE_NAME!r}, not {name!r} (it is created if missing)."
        )


def ensure_database(settings_dict: dict) -> bool:
    """Create the configured database if missing (connecting to `postgres`); True if created."""
    import psycopg
    from psycopg import sql

    params = {
        "dbname": "postgres",
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        name = settings_dict["NAME"]
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if found:
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def analyze() -> None:
    """Refresh the planner's statistics of the archive's tables after a load."""
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"ANALYZE {table}")


def table_sizes() -> list[tuple[str, int, int, int]]:
    """(table, rows, table bytes with TOAST, index bytes) for the archive's main tables."""
    rows = []
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(
                "SELECT (SELECT count(*) FROM " + table + "), "
                "pg_table_size(%s::regclass), pg_indexes_size(%s::regclass)",
                [table, table],
            )
            count, size, index_size = cursor.fetchone()
            rows.append((table, count, size, index_size))
    return rows


def index_sizes(table: str) -> list[tuple[str, int]]:
    """The table's indexes and their sizes in bytes, largest first."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index "
            "WHERE indrelid = %s::regclass ORDER BY 2 DESC",
            [table],
        )
        return list(cursor.fetchall())


def server_settings() -> dict[str, str]:
    """The server parameters that matter most for these queries."""
    names = (
        "shared_buffers",
        "work_mem",
        "effective_cache_size",
        "max_parallel_workers_per_gather",
        "random_page_cost",
        "jit",
        "synchronous_commit",
        "server_version",
    )
    with connection.cursor() as cursor:
        return {name: _show(cursor, name) for name in names}


def _show(cursor, name: str) -> str:
    cursor.execute(f"SHOW {name}")
    return cursor.fetchone()[0]
