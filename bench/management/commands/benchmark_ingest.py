"""Measure ingest speed: `manage.py benchmark_ingest --docs 3000`.

Writes deterministic variants of the sample documents (distinct symbols, numbers and checksums)
to a temporary folder, ingests them one file at a time as the ingest command does (parse plus
database writes, original files to a temporary media folder), and prints documents a second and
the peak resident memory after a tenth of the batch and at the end: a batch streams, so the
second figure should not grow with the number of documents. The benchmark's documents and its
ingest run are deleted afterwards unless --keep is given.
"""

from __future__ import annotations

import re
import resource
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries, transaction
from django.test import override_settings

from resolutions.citations import document_key
from resolutions.ingest import document_files, finish_run, ingest_file, start_run
from resolutions.models import (
    Document,
    DocumentTopic,
    IngestFileResult,
    IngestOutcome,
    IngestRun,
    Paragraph,
    Reference,
    Sponsorship,
)
from resolutions.parsing import parse_file
from resolutions.samples import seed_documents

SAMPLES_DIR = Path(settings.BASE_DIR) / "samples"
# A variant's symbol or number ends in a three-digit number of its own (as the parser expects).
VARIANT_BASE = 100
VARIANTS_PER_SAMPLE = 900
LAST_NUMBER_RE = re.compile(r"\d+$")


def peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_variants(folder: Path, *, docs: int) -> set[str]:
    """Write `docs` variants of the seed samples, each with its own symbol or number and checksum;
    returns the variants' citation keys."""
    samples = seed_documents(SAMPLES_DIR)
    if not samples:
        raise CommandError(f"No sample documents in {SAMPLES_DIR}.")
    if docs > VARIANTS_PER_SAMPLE * len(samples):
        raise CommandError(f"At most {VARIANTS_PER_SAMPLE * len(samples)} documents.")
    texts = [path.read_text(encoding="utf-8") for path in samples]
    identities = [identity_of(path) for path in samples]
    keys: set[str] = set()
    for index in range(docs):
        text, (identity, key) = texts[index % len(texts)], identities[index % len(texts)]
        if identity:
            number = VARIANT_BASE + index // len(texts)
            variant = LAST_NUMBER_RE.sub(str(number), identity)
            text = re.sub(r"(?<![\w/])" + re.escape(identity) + r"(?![\w/])", variant, text)
            keys.add(key.replace(identity, variant))
        text += f"\n\nBenchmark variant {index}.\n"
        (folder / f"variant_{index:05d}.txt").write_text(text, encoding="utf-8")
    return keys


def identity_of(path: Path) -> tuple[str, str]:
    """What names a sample in its text (its symbol or else its number, if printed) and its key."""
    data = path.read_bytes()
    parsed = parse_file(data, filename=path.name)
    text = data.decode("utf-8")
    key = document_key(parsed.symbol, parsed.body, parsed.doc_type, parsed.number)
    names = (parsed.symbol, parsed.number)
    return next((name for name in names if name and name in text and name in key), ""), key


def delete_documents(ids: list[int]) -> None:
    """Delete documents and their rows with one statement a table, children first.

    QuerySet.delete() would load every paragraph and document to cascade in Python.
    """
    with transaction.atomic():
        Reference.objects.filter(cited_document__in=ids).update(cited_document=None)
        Document.objects.filter(draft__in=ids).update(draft=None)
        IngestFileResult.objects.filter(document__in=ids).update(document=None)
        # No rows depend on these three, so each delete() is a single DELETE.
        Reference.objects.filter(citing_document__in=ids).delete()
        Sponsorship.objects.filter(document__in=ids).delete()
        DocumentTopic.objects.filter(document__in=ids).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {Paragraph._meta.db_table} WHERE document_id = ANY(%s)", [ids]
            )
            cursor.execute(f"DELETE FROM {Document._meta.db_table} WHERE id = ANY(%s)", [ids])


class Command(BaseCommand):
    help = "Ingest synthetic variants of the samples and print documents a second and peak memory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--docs", type=int, default=3000, help="How many documents.")
        parser.add_argument(
            "--keep", action="store_true", help="Keep the benchmark's documents in the archive."
        )

    def handle(self, *args: object, **options: object) -> None:
        docs = int(options["docs"])  # type: ignore[arg-type]
        if docs < 1:
            raise CommandError("--docs must be at least 1.")
        with tempfile.TemporaryDirectory(prefix="benchmark_ingest_") as temp:
            folder, media = Path(temp) / "documents", Path(temp) / "media"
            folder.mkdir()
            keys = write_variants(folder, docs=docs)
            if Document.objects.filter(citation_key__in=keys).exists():
                raise CommandError(
                    "The archive already holds documents with the benchmark's symbols: "
                    "run it on a scratch database."
                )
            with override_settings(MEDIA_ROOT=media):
                run, elapsed, early_rss, counts = self.ingest_folder(folder, docs=docs)
        outcomes = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
        self.stdout.write(
            f"{docs} documents in {elapsed:.1f} s: {docs / elapsed:.1f} documents/s ({outcomes}); "
            f"peak RSS {early_rss:.0f} MiB after {max(docs // 10, 1)} documents, "
            f"{peak_rss_mb():.0f} MiB at the end."
        )
        if not options["keep"]:
            created = run.results.filter(outcome=IngestOutcome.NEW).values_list("document")
            ids = [pk for (pk,) in created if pk]
            run.delete()
            delete_documents(ids)

    def ingest_folder(
        self, folder: Path, *, docs: int
    ) -> tuple[IngestRun, float, float, dict[str, int]]:
        """Ingest the folder's files in one run; returns the run, seconds, early RSS and counts."""
        run = start_run(f"manage.py benchmark_ingest --docs {docs}")
        counts: dict[str, int] = {}
        early_rss = 0.0
        start = time.perf_counter()
        for index, path in enumerate(document_files([folder]), start=1):
            outcome = ingest_file(path, run=run).outcome
            reset_queries()  # With DEBUG on, Django keeps every query's SQL: drop it.
            counts[outcome] = counts.get(outcome, 0) + 1
            if index == max(docs // 10, 1):
                early_rss = peak_rss_mb()
        elapsed = time.perf_counter() - start
        finish_run(run)
        return run, elapsed, early_rss, counts
