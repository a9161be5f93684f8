"""The embedded-PostgreSQL runner: no server is left behind, however a run ends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archive.local_db import PROJECT_DIR, prune_handle_file

READY = "database-ready"


def postmaster_pid(pgdata: Path) -> int | None:
    """The pid of the server running on this data folder, if any."""
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return None
    pid = int(pid_file.read_text().splitlines()[0])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    return pid


def start_runner(pgdata: Path) -> subprocess.Popen[str]:
    """Start `local_db exec` holding the server with a child that waits; wait until it is up."""
    env = {**os.environ, "ARCHIVE_PGDATA": str(pgdata)}
    env.pop("DATABASE_URL", None)
    child = f"print('{READY}', flush=True); import time; time.sleep(120)"
    runner = subprocess.Popen(
        [sys.executable, "-m", "archive.local_db", "exec", sys.executable, "-c", child],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert runner.stdout is not None
    assert runner.stdout.readline().strip() == READY
    assert postmaster_pid(pgdata) is not None
    return runner


def run_once(pgdata: Path) -> subprocess.CompletedProcess[str]:
    """A complete short run against the data folder."""
    env = {**os.environ, "ARCHIVE_PGDATA": str(pgdata)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "archive.local_db", "exec", sys.executable, "-c", "print('ok')"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def wait_for_exit(process: subprocess.Popen[str]) -> None:
    process.wait(timeout=60)


def server_gone(pgdata: Path, *, within: float = 15.0) -> bool:
    """Whether the server on this data folder has stopped (a fast shutdown takes a moment)."""
    deadline = time.monotonic() + within
    while postmaster_pid(pgdata) is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture
def pgdata(server_folders: Callable[[str], Path]) -> Iterator[Path]:
    """A data folder of its own (`server_folders`), its server stopped at the end."""
    folder = server_folders("local-db") / "pgdata"
    yield folder
    if pid := postmaster_pid(folder):
        os.kill(pid, signal.SIGTERM)
        server_gone(folder)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupted_run_stops_the_server(pgdata, signum):
    runner = start_runner(pgdata)
    # Ctrl-C reaches the whole foreground group; SIGTERM only the runner.
    if signum == signal.SIGINT:
        os.killpg(runner.pid, signum)
    else:
        runner.send_signal(signum)
    wait_for_exit(runner)
    assert server_gone(pgdata)


def test_killed_run_is_recovered_on_next_start(pgdata):
    runner = start_runner(pgdata)
    os.killpg(runner.pid, signal.SIGKILL)
    wait_for_exit(runner)
    assert postmaster_pid(pgdata) is not None  # a kill leaves the server behind...

    result = run_once(pgdata)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
    assert server_gone(pgdata)  # ...and the next run stops it when done.


def test_empty_or_stale_handle_file_is_repaired(tmp_path):
    (tmp_path / ".handle_pids.json").write_text("")
    assert prune_handle_file(tmp_path) == []
    (tmp_path / ".handle_pids.json").write_text(json.dumps([os.getpid(), 999_999_999]))
    assert prune_handle_file(tmp_path) == [os.getpid()]


def test_second_serve_is_refused_while_one_runs(pgdata):
    from archive.local_db import AlreadyRunning, serve_lock

    pgdata.mkdir(parents=True)
    with serve_lock(pgdata):
        holder = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path; from archive.local_db import serve_lock\n"
                f"with serve_lock(Path({str(pgdata)!r})): pass",
            ],
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert holder.returncode != 0
    assert AlreadyRunning.__name__ in holder.stderr
    assert "already running" in holder.stderr


def test_serve_lock_leaves_the_data_folder_to_initdb(tmp_path):
    """`initdb` refuses a non-empty folder: the lock must live beside `.pgdata`, not in it."""
    from archive.local_db import run_dir, serve_lock

    pgdata = tmp_path / "pgdata"
    with serve_lock(pgdata):
        assert not pgdata.exists()
        assert (run_dir(pgdata) / "serve.lock").exists()


def test_leftovers_of_older_runners_are_cleared_before_initdb(tmp_path):
    from archive.local_db import prepare_data_folder

    pgdata = tmp_path / "pgdata"
    pgdata.mkdir()
    (pgdata / ".serve.lock").write_text("pid 1")
    (pgdata / ".handle_pids.json").write_text("[]")
    prepare_data_folder(pgdata)
    assert list(pgdata.iterdir()) == []


def test_a_foreign_uninitialised_data_folder_is_refused_with_advice(tmp_path):
    from archive.local_db import prepare_data_folder

    pgdata = tmp_path / "pgdata"
    pgdata.mkdir()
    (pgdata / "notes.txt").write_text("mine")
    with pytest.raises(SystemExit, match="make clean-db"):
        prepare_data_folder(pgdata)
    assert (pgdata / "notes.txt").exists()
