"""Robustness over a corpus: parse every file under a time limit and check it against a manifest.

The manifest is the corpus's `MANIFEST.tsv` (columns `file`, `symbol`, `kind`, `body`,
`session_or_year`, ...). Each file is parsed in a worker process with an alarm set, so that a
document that hangs is reported as timed out instead of stopping the run.
"""

from __future__ import annotations

import csv
import multiprocessing
import re
import signal
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .types import ParseError
from .verbs import is_operative_verb

GA_FIRST_SESSION_YEAR = 1945  # session N opens in September of 1945 + N
WARNING_NUMBERS_RE = re.compile(r"\d+")
SYMBOL_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class ManifestEntry:
    """What the corpus says about one file."""

    file: str
    symbol: str | None
    kind: str
    body: str
    session_or_year: int | None


@dataclass(frozen=True)
class Outcome:
    """The parse of one file, reduced to what the report needs."""

    file: str
    status: str  # "ok", "failed" or "timeout"
    seconds: float
    error: str = ""
    symbol: str | None = None
    body: str | None = None
    doc_type: str | None = None
    year: int | None = None
    paragraphs: int = 0
    kinds: tuple[str, ...] = ()
    operative_verbs: tuple[str | None, ...] = ()
    warnings: tuple[str, ...] = ()
    opening: str = ""


@dataclass
class Report:
    """Figures over the whole run."""

    outcomes: list[Outcome]
    manifest: dict[str, ManifestEntry]
    seconds: float
    jobs: int
    no_operative: list[tuple[Outcome, str]] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "ok"]

    def symbol_share(self) -> tuple[int, int]:
        """Documents whose symbol matches the manifest's, over those the manifest gives one."""
        pairs = [(o, self.manifest[o.file]) for o in self.parsed() if self.manifest[o.file].symbol]
        return sum(same_symbol(o.symbol, e.symbol) for o, e in pairs), len(pairs)

    def body_year_share(self) -> tuple[int, int]:
        """Documents whose body and year agree with the manifest's body and session or year."""
        pairs = [(o, self.manifest[o.file]) for o in self.parsed()]
        return sum(o.body == e.body and year_agrees(o.year, e) for o, e in pairs), len(pairs)

    def verb_coverage(self) -> tuple[int, int]:
        """Operative paragraphs whose verb is in the vocabulary, over all operative paragraphs."""
        verbs = [v for o in self.parsed() for v in o.operative_verbs]
        return sum(bool(v) and is_operative_verb(v.split()[0]) for v in verbs), len(verbs)

    def top_warnings(self, count: int = 10) -> list[tuple[str, int]]:
        """The most frequent warnings, their numbers replaced by N."""
        counter = Counter(
            WARNING_NUMBERS_RE.sub("N", warning) for o in self.parsed() for warning in o.warnings
        )
        return counter.most_common(count)

    def parsed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "ok" and o.file in self.manifest]

    def explain_missing_operative(self) -> None:
        """Fill `no_operative` with each parsed document lacking an operative paragraph."""
        self.no_operative = [
            (o, why_no_operative(o)) for o in self.parsed() if "operative" not in o.kinds
        ]


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The manifest's rows by file name."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["file"]: ManifestEntry(
                file=row["file"],
                symbol=row.get("symbol") or None,
                kind=row.get("kind", ""),
                body=row.get("body", ""),
                session_or_year=int(row["session_or_year"])
                if (row.get("session_or_year") or "").isdigit()
                else None,
            )
            for row in rows
        }


def same_symbol(parsed: str | None, expected: str) -> bool:
    """Symbols equal up to case, spacing and a closing full stop (as some records end them)."""
    if not parsed:
        return False

    def key(symbol: str) -> str:
        return SYMBOL_SPACE_RE.sub("", symbol).upper().rstrip(".")

    return key(parsed) == key(expected)


def year_agrees(year: int | None, entry: ManifestEntry) -> bool:
    """A year matches a calendar year exactly, or a GA session's two calendar years."""
    value = entry.session_or_year
    if value is None:
        return True  # nothing to check against
    if year is None:
        return False
    if value > 1900:
        return year == value
    return year in (GA_FIRST_SESSION_YEAR + value, GA_FIRST_SESSION_YEAR + value + 1)


def why_no_operative(outcome: Outcome) -> str:
    """A short reason for a document with no operative paragraph."""
    if not outcome.paragraphs:
        return f"no paragraph found; text opens {outcome.opening!r}"
    counts = Counter(outcome.kinds)
    found = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    return f"{found} only (read as {outcome.doc_type}); text opens {outcome.opening!r}"


class ParseTimeout(Exception):
    """The per-document alarm went off."""


def _alarm(signum: int, frame: object) -> None:
    raise ParseTimeout


def check_file(task: tuple[str, float]) -> Outcome:
    """Parse one file under an alarm of `limit` seconds (runs in a worker process)."""
    from . import parse_file

    path_name, limit = task
    path = Path(path_name)
    started = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        document = parse_file(path.read_bytes(), filename=path.name)
    except ParseTimeout:
        return Outcome(path.name, "timeout", time.perf_counter() - started, f"over {limit:g} s")
    except ParseError as error:
        return Outcome(path.name, "failed", time.perf_counter() - started, str(error))
    except Exception as error:  # a crash is what this run looks for
        return Outcome(
            path.name, "failed", time.perf_counter() - started, f"{type(error).__name__}: {error}"
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return Outcome(
        file=path.name,
        status="ok",
        seconds=time.perf_counter() - started,
        symbol=document.symbol,
        body=document.body,
        doc_type=document.doc_type,
        year=document.year,
        paragraphs=len(document.paragraphs),
        kinds=tuple(p.kind for p in document.paragraphs),
        operative_verbs=tuple(p.verb for p in document.paragraphs if p.kind == "operative"),
        warnings=document.warnings,
        opening=opening_of(document.text, title=document.title),
    )


def opening_of(text: str, *, title: str | None) -> str:
    """About eighty characters of the text after its title (where the paragraphs should be), or
    of its start when little follows the title."""
    start = text.find(title) + len(title) if title and title in text else 0
    if len(text) - start < 200:
        start = 0
    return text[start : start + 80].strip()


def run(paths: Iterable[Path], *, limit: float, jobs: int) -> Iterator[Outcome]:
    """Outcomes of every path, parsed by `jobs` worker processes (in the order they finish)."""
    tasks = [(str(path), limit) for path in paths]
    if jobs <= 1:
        yield from map(check_file, tasks)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, maxtasksperchild=200) as pool:
        yield from pool.imap_unordered(check_file, tasks, chunksize=8)


def check_corpus(
    directory: Path, *, manifest: Path, limit: float, jobs: int, files: Iterable[str] = ()
) -> Report:
    """Parse the manifest's files found in `directory` (or only `files`) and gather the report."""
    entries = read_manifest(manifest)
    chosen = sorted(set(files) or entries)
    paths = [directory / name for name in chosen if (directory / name).is_file()]
    started = time.perf_counter()
    outcomes = list(run(paths, limit=limit, jobs=jobs))
    report = Report(
        outcomes=sorted(outcomes, key=lambda o: o.file),
        manifest=entries,
        seconds=time.perf_counter() - started,
        jobs=jobs,
    )
    report.explain_missing_operative()
    return report
