"""Parse one file in a child process with a memory and a time ceiling.

The parent (a worker) starts `python -m resolutions.parse_sandbox`, which limits its own address
space (RLIMIT_AS) and CPU time, reads the file from standard input, parses it within the
`ParseLimits` and writes the pickled outcome to standard output. A parse that runs out of time
is killed; one that runs out of memory fails inside the child. Either way the worker, and the
web server, keep their memory. No Django here: the child imports only the parser.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import json
import os
import pickle
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parsing.limits import ParseLimits
    from .parsing.types import ParsedDocument

MEGABYTE = 1024 * 1024
POLL_SECONDS = 0.05
# The end of the child's standard error kept for the worker's log.
LOG_TAIL_BYTES = 64 * 1024


@dataclass(frozen=True)
class SandboxLimits:
    """The child's ceilings: wall-clock seconds and address space in megabytes."""

    seconds: float
    memory_mb: int


@dataclass(frozen=True)
class SandboxOutcome:
    """A parsed document, or the reason there is none; with what the child cost."""

    parsed: ParsedDocument | None
    message: str
    seconds: float
    peak_memory_kb: int


def parse_in_child(
    path: Path, *, filename: str, limits: ParseLimits, sandbox: SandboxLimits
) -> SandboxOutcome:
    """Parse the file at `path` in a child process within `limits` and `sandbox`."""
    started = time.monotonic()
    arguments = json.dumps(
        {
            "filename": filename,
            "limits": dataclasses.asdict(limits),
            "memory_mb": sandbox.memory_mb,
            "cpu_seconds": int(sandbox.seconds) + 1,
            "parent": os.getpid(),
        }
    )
    # Files, not pipes: a child that writes much (a parser's warnings) never blocks on a reader.
    with (
        open(path, "rb") as source,
        tempfile.TemporaryFile() as output,
        tempfile.TemporaryFile() as log,
    ):
        child = subprocess.Popen(
            [sys.executable, "-m", "resolutions.parse_sandbox", arguments],
            stdin=source,
            stdout=output,
            stderr=log,
            cwd=Path(__file__).resolve().parent.parent,
        )
        status, peak, timed_out = wait_with_deadline(child.pid, started + sandbox.seconds)
        log.seek(max(0, log.seek(0, os.SEEK_END) - LOG_TAIL_BYTES))
        errors = log.read().decode(errors="replace")
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        if timed_out:
            return SandboxOutcome(None, too_slow(sandbox), seconds, peak)
        output.seek(0)
        payload = output.read()
    if child.returncode == 0 and payload:
        kind, value, child_peak = pickle.loads(payload)  # written by our child, not the upload
        peak = max(peak, child_peak)
        if kind == "parsed":
            return SandboxOutcome(value, "", seconds, peak)
        return SandboxOutcome(None, value, seconds, peak)
    if child.returncode == -signal.SIGXCPU:
        message = too_slow(sandbox)
    elif child.returncode == -signal.SIGKILL:
        message = "reading the file was stopped by the system (out of memory?)"
    elif "MemoryError" in errors:
        message = f"reading the file needs more than {sandbox.memory_mb} MB of memory"
    else:
        sys.stderr.write(errors)
        message = "the file could not be read: the parser stopped on its content"
    return SandboxOutcome(None, message, seconds, peak)


def too_slow(sandbox: SandboxLimits) -> str:
    return f"reading the file took longer than {sandbox.seconds:g} seconds"


def wait_with_deadline(pid: int, deadline: float) -> tuple[int, int, bool]:
    """Wait for the child, killing it at the deadline. Returns its exit status, its peak resident
    memory in kB (sampled while it runs), and whether it was killed for time."""
    peak = 0
    while True:
        peak = max(peak, peak_memory_kb(pid))
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status, peak, False
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            return status, peak, True
        time.sleep(POLL_SECONDS)


def peak_memory_kb(pid: int | str = "self") -> int:
    """A process's peak resident memory since it started its program (VmHWM, Linux), else 0.

    Not getrusage: a child's ru_maxrss counts the worker's own memory from before the exec.
    """
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def die_with_parent(parent: int) -> None:
    """Be killed when the worker dies, even by `kill -9` (Linux); exit if it is already gone."""
    libc_name = ctypes.util.find_library("c")
    if libc_name and sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(libc_name, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def child_main(arguments: dict) -> int:
    """In the child: limit memory and CPU, parse standard input, pickle the outcome to stdout."""
    die_with_parent(arguments["parent"])
    memory = arguments["memory_mb"] * MEGABYTE
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = arguments["cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    from .parsing.limits import ParseLimits, parse_within_limits
    from .parsing.types import ParseError

    limits = ParseLimits(**arguments["limits"])
    data = sys.stdin.buffer.read()
    try:
        outcome = (
            "parsed",
            parse_within_limits(data, filename=arguments["filename"], limits=limits),
        )
    except ParseError as error:
        outcome = ("failed", str(error) or "the file cannot be parsed")
    except MemoryError:
        del data
        outcome = (
            "failed",
            f"reading the file needs more than {arguments['memory_mb']} MB of memory",
        )
    except RecursionError:
        outcome = ("failed", "the file is nested too deeply to be read")
    except Exception:
        traceback.print_exc()
        return 1
    sys.stdout.buffer.write(pickle.dumps((*outcome, peak_memory_kb())))
    return 0


if __name__ == "__main__":
    sys.exit(child_main(json.loads(sys.argv[1])))
