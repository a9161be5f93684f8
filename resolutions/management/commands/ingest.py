"""Ingest files and folders: `python manage.py ingest PATH [PATH ...]` (see docs/ingest.md)."""

from __future__ import annotations

import getpass
import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import reset_queries
from tqdm import tqdm

from resolutions.ingest import document_files, finish_run, read_files, start_run, write_files
from resolutions.ingest_recovery import close_interrupted_runs, remove_orphan_originals
from resolutions.models import IngestOutcome


def system_user() -> str:
    """The operating-system user running the command, or "unknown"."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class Command(BaseCommand):
    help = (
        "Parse and load documents into the archive: files, and folders recursively (hidden files "
        "and .json skipped). Each document is written in one transaction (--batch: new documents "
        "together); a file that fails is reported and the batch goes on. Exits non-zero if any "
        "file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to ingest.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Worker processes that parse while this one writes (default 1: no workers).",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=1,
            help="Documents written together (default 1: one transaction each). New documents "
            "of a batch share one transaction; re-ingests and the documents of a batch that "
            "fails are written one by one.",
        )
        parser.add_argument(
            "--started-by",
            default=f"manage.py ingest ({system_user()})",
            help="Who or what started the run, as recorded in the ingest log.",
        )

    def handle(self, *args: object, **options: object) -> None:
        paths: list[Path] = options["paths"]  # type: ignore[assignment]
        batch = int(options["batch"])  # type: ignore[call-overload]
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        files = list(document_files(paths))
        self.recover_interrupted_runs()
        run = start_run(str(options["started_by"]))
        counts: Counter[str] = Counter()
        failures: list[tuple[Path, str]] = []
        jobs = max(1, int(options["jobs"]))  # type: ignore[call-overload]
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=not files) as bar:
            reads = read_files(files, jobs=jobs)
            written = write_files(reads, batch=batch, run=run)
            for path, (_, result) in zip(files, written, strict=True):
                bar.set_postfix_str(path.name, refresh=False)
                bar.update()
                reset_queries()  # With DEBUG on, Django keeps every query's SQL: drop it.
                counts[result.outcome] += 1
                if result.outcome == IngestOutcome.FAILED:
                    failures.append((path, result.message))
        finish_run(run)
        summary = ", ".join(f"{counts[outcome]} {outcome.value}" for outcome in IngestOutcome)
        self.stdout.write(f"Ingest run {run.pk}: {summary}.")
        for path, message in failures:
            self.stdout.write(f"  failed: {path}: {message}")
        if failures:
            raise CommandError(f"{len(failures)} of {len(files)} files failed.")

    def recover_interrupted_runs(self) -> None:
        """Close the runs a killed ingest left open and remove the files it left unused."""
        if interrupted := close_interrupted_runs():
            runs = ", ".join(map(str, interrupted))
            self.stdout.write(f"Closed ingest runs left open by a process that died: {runs}.")
        if orphans := remove_orphan_originals():
            self.stdout.write(f"Removed {len(orphans)} original files no document uses.")
