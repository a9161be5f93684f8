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


PRODUCTION = {
    "SECRET_KEY": "p8Qz-3vXn_Lr7tYw2Kc9Jh4Fm6Bd1Sg5" * 2,
    "ALLOWED_HOSTS": "archive.example.org",
}
HEADERS_PROBE = """
import json
from django.test import Client
response = Client().get("/no-such-page", secure=True, HTTP_HOST="archive.example.org")
print(json.dumps(dict(response.headers)))
"""


def test_production_sends_the_security_headers(tmp_path):
    """An error page, served as production serves it: static files collected first (as the
    Dockerfile does), since the archive's error pages are built on its own templates."""
    import json

    collected = {**PRODUCTION, "STATIC_ROOT": str(tmp_path)}
    assert run_manage("collectstatic", "--no-input", **collected).returncode == 0
    result = run_manage("shell", "-c", HEADERS_PROBE, **collected)
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_debug_is_refused_on_a_public_host():
    result = run_manage("check", DEBUG="1", ALLOWED_HOSTS="archive.example.org,localhost")
    assert result.returncode != 0
    assert "DEBUG is on while ALLOWED_HOSTS names public hosts" in result.stderr
    assert run_manage("check", DEBUG="1", ALLOWED_HOSTS="localhost,dev.localhost").returncode == 0


def test_production_refuses_the_development_secret_key(tmp_path):
    dev_file = tmp_path / "dev.env"
    dev_file.write_text("SECRET_KEY=" + PRODUCTION["SECRET_KEY"] + "\n")
    result = run_manage("check", ARCHIVE_ENV_FILE=str(dev_file))
    assert result.returncode != 0
    assert "SECRET_KEY is a development key" in result.stderr
    result = run_manage("check", SECRET_KEY="a" * 60)
    assert "SECRET_KEY is a development key" in result.stderr
