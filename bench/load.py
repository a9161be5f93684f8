"""A load test: the archive under gunicorn, as in production, and concurrent clients against it.

`serve()` collects the static files into a temporary folder and starts gunicorn on a free port of
127.0.0.1 with production settings (DEBUG off, a throwaway SECRET_KEY, no HTTPS redirect) against
the given database. `drive()` runs N client threads with `http.client` for a fixed time, each
replaying a deterministic mix of search pages, rare-term negations, document pages, API calls and
exports; only 127.0.0.1 is ever addressed, and the number of requests is bounded by the time and
by `max_requests`. Each client passes its own address in `X-Real-IP` (the server trusts that
header here, as behind a proxy), so per-client limits count clients, not the test machine.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psutil

from .stats import median, percentile

HOST = "127.0.0.1"
PROJECT_DIR = Path(__file__).resolve().parent.parent
# Shares of the mix, in sixteenths: the search page, a search negating a rare term, a document
# page, the JSON API (search and documents), an export (CSV or JSON, documents or paragraphs).
MIX = (("search", 7), ("negation", 1), ("document", 4), ("api", 3), ("export", 1))
SLOW_SECONDS = 2.0


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for Django's settings of a database (a socket folder as host is quoted)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{settings_dict['NAME']}"


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def production_env(database: str, *, static_root: Path, cache_seconds: int = 300) -> dict[str, str]:
    """The environment of a production-like app: DEBUG off, throwaway secret, plain HTTP, the
    count and document page caches on for `cache_seconds` (0: off)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(static_root),
        # Every simulated client comes from 127.0.0.1: one address's rate limit would refuse them.
        RATELIMIT_ENABLE="0",
        # Each client names itself in X-Real-IP: export slots are counted per client.
        RATELIMIT_CLIENT_HEADER="X-Real-IP",
        # No .dev.env: production has none.
        ARCHIVE_ENV_FILE=os.devnull,
        SEARCH_COUNTS_CACHE_SECONDS=str(cache_seconds),
        DOCUMENT_PAGE_CACHE_SECONDS=str(cache_seconds),
    )
    return env


@dataclass
class Server:
    """A running gunicorn: its address, master process and log file."""

    port: int
    process: subprocess.Popen
    log: Path

    @property
    def workers(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []


@contextlib.contextmanager
def serve(
    database: str,
    *,
    workers: int = 3,
    threads: int = 1,
    timeout: float = 180,
    cache_seconds: int = 300,
) -> Iterator[Server]:
    """Collect static files, start gunicorn on a free port, wait until it answers; stop it after."""
    with tempfile.TemporaryDirectory(prefix="archive_load_") as temp:
        env = production_env(
            database, static_root=Path(temp) / "static", cache_seconds=cache_seconds
        )
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=PROJECT_DIR,
            env=env,
            check=True,
        )
        port, log = free_port(), Path(temp) / "gunicorn.log"
        with open(log, "w") as out:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "archive.wsgi",
                    "--bind",
                    f"{HOST}:{port}",
                    "--workers",
                    str(workers),
                    "--threads",
                    str(threads),
                    "--timeout",
                    "60",
                ],
                cwd=PROJECT_DIR,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        server = Server(port=port, process=process, log=log)
        try:
            wait_until_ready(server, timeout=timeout)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_ready(server: Server, *, timeout: float) -> None:
    """Poll `/api/` until it answers 200; raise with the log if gunicorn dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{server.log.read_text()[-3000:]}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection(HOST, server.port, timeout=5)
            conn.request("GET", "/api/")
            if conn.getresponse().status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer in {timeout} s:\n{server.log.read_text()[-3000:]}")


@dataclass(frozen=True)
class Request:
    """One request of the mix: its kind (a key of MIX) and path."""

    kind: str
    path: str


def request_mix(pools: dict[str, Sequence[str]], *, seed: int, n: int) -> list[Request]:
    """A deterministic sequence of `n` requests in the proportions of MIX (a kind without a pool
    of paths takes a search)."""
    rng = random.Random(seed)
    kinds, weights = zip(*MIX, strict=True)
    mix = []
    for _ in range(n):
        kind = rng.choices(kinds, weights)[0]
        pool = pools.get(kind) or pools["search"]
        mix.append(Request(kind, rng.choice(pool)))
    return mix


def is_busy_export(request: Request, status: int) -> bool:
    """An export refused because the archive runs as many as it allows (a designed 503)."""
    return request.kind == "export" and status in (429, 503)


@dataclass
class LoadResult:
    """What the clients saw, and the workers' memory."""

    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # Exports refused with "exports are busy" (the archive-wide export limit): not errors.
    refused: list[str] = field(default_factory=list)
    worker_rss_mb: list[float] = field(default_factory=list)
    # Each worker's RSS when the clients start, half-way through the run and when they stop: the
    # first half warms each worker (its imports, its bounded caches), so growth over the second
    # half is what a leak would show.
    worker_rss_start_mb: list[float] = field(default_factory=list)
    worker_rss_middle_mb: list[float] = field(default_factory=list)
    worker_rss_end_mb: list[float] = field(default_factory=list)
    clients: int = 0
    workers: int = 0

    @property
    def all_latencies(self) -> list[float]:
        return [s for values in self.latencies.values() for s in values]

    @property
    def requests(self) -> int:
        return len(self.all_latencies) + len(self.errors) + len(self.refused)

    @property
    def slow(self) -> int:
        return sum(1 for s in self.all_latencies if s > SLOW_SECONDS)

    def summary(self) -> dict[str, float]:
        values = self.all_latencies
        return {
            "requests": self.requests,
            "rps": self.requests / self.seconds if self.seconds else 0.0,
            "p50": median(values),
            "p95": percentile(values, 0.95),
            "p99": percentile(values, 0.99),
            "max": max(values, default=float("nan")),
        }


def drive(
    server: Server,
    mix: Sequence[Request],
    *,
    clients: int = 20,
    seconds: float = 60,
    max_requests: int = 200_000,
) -> LoadResult:
    """`clients` threads replay the mix (each from its own offset) for `seconds`; bounded."""
    result = LoadResult(clients=clients, workers=len(server.workers))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = iter(range(max_requests))
    peaks: dict[int, float] = {}
    stop = threading.Event()

    def client(number: int) -> None:
        conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
        headers = {"Host": HOST, "X-Real-IP": f"10.0.{number // 250}.{number % 250 + 1}"}
        position = number * 7919
        while time.monotonic() < deadline and not stop.is_set():
            with lock:
                if next(budget, None) is None:
                    return
            request = mix[position % len(mix)]
            position += 1
            start = time.perf_counter()
            try:
                conn.request("GET", request.path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                with lock:
                    result.errors.append(f"{request.path}: {type(exc).__name__}")
                continue
            elapsed = time.perf_counter() - start
            with lock:
                if is_busy_export(request, status):
                    result.refused.append(f"{request.path}: HTTP {status}")
                elif status != 200:
                    result.errors.append(f"{request.path}: HTTP {status}")
                else:
                    result.latencies.setdefault(request.kind, []).append(elapsed)
        conn.close()

    def watch_memory() -> None:
        middle = time.monotonic() + seconds / 2
        while not stop.wait(0.5):
            if not result.worker_rss_middle_mb and time.monotonic() >= middle:
                result.worker_rss_middle_mb = worker_rss_mb(server)
            for worker in server.workers:
                with contextlib.suppress(psutil.Error):
                    rss = worker.memory_info().rss / 2**20
                    peaks[worker.pid] = max(peaks.get(worker.pid, 0.0), rss)

    result.worker_rss_start_mb = worker_rss_mb(server)
    watcher = threading.Thread(target=watch_memory, daemon=True)
    watcher.start()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    result.worker_rss_end_mb = worker_rss_mb(server)
    stop.set()
    watcher.join()
    result.worker_rss_mb = sorted(peaks.values(), reverse=True)
    return result


def worker_rss_mb(server: Server) -> list[float]:
    """Each worker's resident set now, in MiB, by process id."""
    sizes = []
    for worker in sorted(server.workers, key=lambda process: process.pid):
        with contextlib.suppress(psutil.Error):
            sizes.append(worker.memory_info().rss / 2**20)
    return sizes
