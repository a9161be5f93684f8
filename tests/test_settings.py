"""Settings come from the environment and are safe by default."""

from __future__ import annotations

import os
import subprocess
import sys

from archive.local_db import PROJECT_DIR
from archive.settings import database_from_url


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**clean, "ARCHIVE_ENV_FILE": os.devnull, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_database_url_with_tcp_host():
    db = database_from_url("postgres://archive:s%40cret@db.example:5433/resolutions")
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "archive",
        "s@cret",
        "db.example",
        "5433",
        "resolutions",
    )


def test_database_url_with_socket_folder_keeps_case():
    db = database_from_url("postgres://postgres@%2Fwork%2FMain%2F.pgdata/archive")
    assert db["HOST"] == "/work/Main/.pgdata"
    assert db["NAME"] == "archive"


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="x" * 64 + "-production-key"
    )
    assert result.returncode == 0, result.stdout + result.stderr
