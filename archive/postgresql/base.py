"""Django's PostgreSQL backend, except that while a web process's watchdog knows the server to be
frozen (archive/database_watchdog.py) a new connection fails at once instead of waiting for
`connect_timeout`."""

from __future__ import annotations

from typing import Any

from django.db.backends.postgresql import base

from archive.database_watchdog import FROZEN_MESSAGE, server_frozen


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        if server_frozen():
            raise base.Database.OperationalError(FROZEN_MESSAGE)
        return super().get_new_connection(conn_params)
