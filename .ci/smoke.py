"""The front door, as a newcomer meets it: `make run` on a fresh clone, stopped and restarted.

    python3 .ci/smoke.py [REPOSITORY]

In a new `git clone` (no `.venv`, no `.pgdata`, no `DATABASE_URL`):
1. `make run` sets everything up and serves; `/search/` answers and `/api/search/` counts every
   sample document listed in `samples/PROVENANCE.tsv`; the researcher's walk runs in Chromium
   against it (tests/browser/test_served_walk.py, desktop and 375 px, under the site's CSP); a
   second `make run` says the archive is already running; a TERM to `make` stops it with no
   "Error" line and nothing left running.
2. `make run` again reuses the set-up; then a `kill -9` of the runner.
3. `make run` once more recovers from the kill (stale lock, orphan server) and serves; Ctrl-C
   (SIGINT to the whole group) stops it, and again nothing of the clone is left running.
Only the standard library: this runs before anything is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

FIRST_START_SECONDS = 900  # a fresh clone installs its virtual environment first
LATER_START_SECONDS = 180
STOP_SECONDS = 60


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def clone_processes(clone: Path) -> list[str]:
    """Every live process whose command line or working folder lies in the clone."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if str(clone) in cmdline or cwd == str(clone) or cwd.startswith(f"{clone}/"):
            found.append(f"{entry.name}: {cmdline.strip()[:160]}")
    return found


def expected_documents(clone: Path) -> int:
    """How many sample documents `make run` loads: the rows of the provenance list."""
    provenance = clone / "samples" / "PROVENANCE.tsv"
    if provenance.exists():
        return len(provenance.read_text().strip().splitlines()) - 1
    return len(list((clone / "samples").glob("*.txt")))


class Run:
    """One `make run` in its own process group, its output in a log file."""

    def __init__(self, clone: Path, address: str, log: Path) -> None:
        self.address = address
        self.log = log
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        env["ARCHIVE_ADDRESS"] = address
        self.process = subprocess.Popen(
            ["make", "run"],
            cwd=clone,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://{self.address}{path}", timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def wait_until_serving(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail(f"make run exited ({self.process.returncode}) before serving", self)
            try:
                if self.get("/search/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(1)
        fail(f"/search/ did not answer within {seconds:.0f} s", self)

    def assert_stopped_cleanly(self, signum: int, how: str) -> None:
        """`make` exits 0, or dies of the same signal (it re-raises it), and reports no error."""
        code = self.wait_for_exit()
        if code not in (0, -signum) or "Error" in self.output():
            fail(f"make run stopped by {how} exited {code}", self)
        if "The archive has stopped." not in self.output():
            fail(f"the runner did not say it stopped after {how}", self)
        print(f"ok: {how} stops make run (exit {code}), no error printed")

    def wait_for_exit(self) -> int:
        try:
            return self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            fail(f"make run did not stop within {STOP_SECONDS} s", self)
        raise AssertionError("unreachable")


def fail(message: str, run: Run | None = None) -> None:
    print(f"SMOKE FAILED: {message}", file=sys.stderr)
    if run is not None:
        print("--- make run printed (last 60 lines) ---", file=sys.stderr)
        print("\n".join(run.output().splitlines()[-60:]), file=sys.stderr)
    sys.exit(1)


def assert_nothing_left(clone: Path, when: str) -> None:
    deadline = time.monotonic() + 20
    while (left := clone_processes(clone)) and time.monotonic() < deadline:
        time.sleep(0.5)
    if left:
        fail(f"{when}, processes of the clone are still running:\n" + "\n".join(left))
    print(f"ok: {when}, nothing of the clone is left running")


def runner_pid(clone: Path) -> int:
    """The `archive.local_db serve` process of the clone."""
    for line in clone_processes(clone):
        pid, _, cmdline = line.partition(": ")
        if "archive.local_db serve" in cmdline:
            return int(pid)
    fail("no `archive.local_db serve` process found")
    raise AssertionError("unreachable")


def first_run(clone: Path, address: str, logs: Path) -> None:
    run = Run(clone, address, logs / "run1.log")
    started = time.monotonic()
    run.wait_until_serving(FIRST_START_SECONDS)
    print(f"ok: fresh clone serving after {time.monotonic() - started:.0f} s")

    status, body = run.get("/api/search/")
    count = json.loads(body).get("count") if status == 200 else None
    expected = expected_documents(clone)
    if count != expected:
        fail(f"/api/search/ counts {count} documents (HTTP {status}); samples list {expected}", run)
    print(f"ok: /api/search/ counts the {expected} sample documents")
    browser_walk(clone, run)

    second = subprocess.run(
        ["make", "run"],
        cwd=clone,
        env={**os.environ, "ARCHIVE_ADDRESS": address},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if second.returncode == 0 or "already running" not in second.stdout + second.stderr:
        fail(f"a second make run did not refuse: {second.stdout}{second.stderr}", run)
    print("ok: a second make run says the archive is already running")

    run.process.send_signal(signal.SIGTERM)  # `kill <pid of make>`, as a person would
    run.assert_stopped_cleanly(signal.SIGTERM, "TERM")
    assert_nothing_left(clone, "after TERM")


def browser_walk(clone: Path, run: Run) -> None:
    """The researcher's walk in Chromium against the served clone (axe needs node_modules)."""
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=clone, check=True, timeout=600
    )
    walk = subprocess.run(
        [
            str(clone / ".venv" / "bin" / "python"),
            "-m",
            "pytest",
            "tests/browser/test_served_walk.py",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=clone,
        env={**os.environ, "ARCHIVE_SERVED_URL": f"http://{run.address}"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if walk.returncode != 0 or "2 passed" not in walk.stdout:
        fail(f"the browser walk on the served archive failed:\n{walk.stdout[-4000:]}", run)
    logged = [line for line in run.output().splitlines() if "Traceback" in line or '" 50' in line]
    if logged:
        fail("the server logged errors during the walk:\n" + "\n".join(logged[:20]), run)
    print("ok: the researcher's walk passes on the served archive (desktop and 375 px)")


def killed_run(clone: Path, address: str, logs: Path) -> None:
    run = Run(clone, address, logs / "run2.log")
    started = time.monotonic()
    run.wait_until_serving(LATER_START_SECONDS)
    seconds = time.monotonic() - started
    print(f"ok: second make run reuses the set-up, serving after {seconds:.0f} s")
    os.kill(runner_pid(clone), signal.SIGKILL)
    run.wait_for_exit()
    deadline = time.monotonic() + 20
    while any("runserver" in line for line in clone_processes(clone)):
        if time.monotonic() > deadline:
            fail("the web server outlived its killed runner", run)
        time.sleep(0.2)
    print("ok: runner killed with SIGKILL; its web server went with it")


def recovered_run(clone: Path, address: str, logs: Path) -> None:
    run = Run(clone, address, logs / "run3.log")
    run.wait_until_serving(LATER_START_SECONDS)
    print("ok: make run after a kill -9 recovers and serves")
    os.killpg(run.process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    run.assert_stopped_cleanly(signal.SIGINT, "Ctrl-C")
    assert_nothing_left(clone, "after Ctrl-C")


def main(repository: str) -> int:
    workspace = Path(tempfile.mkdtemp(prefix="archive-smoke-"))
    clone = workspace / "archive"
    subprocess.run(["git", "clone", "--quiet", repository, str(clone)], check=True)
    address = f"127.0.0.1:{free_port()}"
    try:
        first_run(clone, address, workspace)
        killed_run(clone, address, workspace)
        recovered_run(clone, address, workspace)
    finally:
        for line in clone_processes(clone):
            os.kill(int(line.partition(":")[0]), signal.SIGKILL)
        shutil.rmtree(workspace, ignore_errors=True)
    print("smoke: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    here = str(Path(__file__).resolve().parent.parent)
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else here))
