"""Benchmark the lineage: `manage.py benchmark_lineage --docs 2000` against `archive_bench`.

Loads the search benchmark's corpus when missing: by default the realistic one (the real texts of
`--corpus` re-issued over the years, agreed language kept word for word or with a few words
edited: real families), or with `--corpus-kind synthetic` the sample paragraphs recombined. Then
rebuilds the lineage from scratch and times matching one document, the sentence tracer, and the
family and comparison pages. Prints medians and 95th percentiles.
"""

from __future__ import annotations

import random
import time
import warnings

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import override_settings

from bench import database, targets
from bench.command import add_corpus_arguments
from bench.lineage import time_matching, time_pages, time_tracer
from bench.loading import corpus_size
from bench.management.commands.benchmark import Command as SearchBenchmark
from bench.stats import median, ms, percentile
from resolutions.lineage.bulk import BulkRebuild
from resolutions.lineage.models import Family, ParagraphLineage
from resolutions.models import Paragraph
from resolutions.text_tables import table

# Issue 18's targets at 100,000 documents: a rebuild from scratch in minutes, and p95 in ms.
REBUILD_MINUTES = 30
P95_MS = {"match one document": 200, "tracer": 300, "family page": 150, "comparison page": 150}


class Command(BaseCommand):
    help = "Time the lineage build, matching a document, the tracer and the lineage pages."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_corpus_arguments(parser, docs=2000)
        parser.add_argument("--samples", type=int, default=60, help="Timed runs of each kind.")
        parser.add_argument(
            "--keep-lineage", action="store_true", help="Skip the rebuild; time the rest."
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="Processes computing the rebuild's keys."
        )

    def handle(self, *args: object, **options) -> None:
        name = settings.DATABASES["default"]["NAME"]
        database.require_benchmark_database(name)
        if options["docs"] < 1 or options["samples"] < 2 or options["workers"] < 1:
            raise CommandError("--docs and --workers must be at least 1 and --samples at least 2.")
        if database.ensure_database(settings.DATABASES["default"]):
            self.say(f"Created database {name}.")
        call_command("migrate", verbosity=0, interactive=False)
        warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
        rng = random.Random(options["seed"])
        self.scorecard = targets.Scorecard()
        with override_settings(DEBUG=False):
            if corpus_size() != options["docs"]:
                # The corpus loads without matching; the rebuild below builds the lineage.
                SearchBenchmark(stdout=self.stdout).build_corpus(
                    docs=options["docs"],
                    seed=options["seed"],
                    reuse=True,
                    kind=options["corpus_kind"],
                    corpus=options["corpus"],
                    defer_lineage=True,
                    batch=1,
                )
            if not options["keep_lineage"]:
                self.rebuild(workers=options["workers"])
            self.report(rng, samples=options["samples"])
        self.say(self.scorecard.report(corpus_size()))

    def say(self, line: str = "") -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def rebuild(self, *, workers: int) -> None:
        paragraphs = Paragraph.objects.count()
        self.say(
            f"Rebuilding the lineage of {corpus_size()} documents, {paragraphs} paragraphs ..."
        )
        started = time.perf_counter()
        rebuild = BulkRebuild(workers=workers)
        documents, matched = rebuild.run()
        seconds = time.perf_counter() - started
        minutes = seconds * targets.TARGET_DOCUMENTS / documents / 60
        figure = "rebuild from scratch (minutes" + (
            ")" if documents >= targets.TARGET_DOCUMENTS else ", extrapolated linearly)"
        )
        self.scorecard.at_most(figure, minutes, REBUILD_MINUTES)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE lineage_paragraphlineage")
        self.say(
            f"Built in {seconds:.1f} s: {documents / seconds:.1f} documents/s, "
            f"{paragraphs / seconds:.0f} paragraphs/s; {matched} paragraphs with a previous "
            f"version, {Family.objects.count()} families. Linear extrapolation to "
            f"{targets.TARGET_DOCUMENTS:,} documents: {minutes:.0f} min ({workers} key workers)."
        )
        passes = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in rebuild.timings.items())
        self.say(f"Passes: {passes}; {len(rebuild.digests)} distinct wordings.")

    def report(self, rng: random.Random, *, samples: int) -> None:
        self.say(f"Lineage rows: {ParagraphLineage.objects.count()}.")
        results = [*time_matching(rng, count=samples), time_tracer(rng, count=samples)]
        results += time_pages(rng, count=samples)
        rows = [
            (s.label, len(s.seconds), ms(median(s.seconds)), ms(percentile(s.seconds, 0.95)))
            for s in results
        ]
        self.say(table(["operation", "runs", "p50 ms", "p95 ms"], rows))
        for sample in results:
            if sample.label in P95_MS:
                self.scorecard.at_most(
                    f"{sample.label} p95",
                    percentile(sample.seconds, 0.95) * 1000,
                    P95_MS[sample.label],
                    " ms",
                )
