"""Rebuild every paragraph family from scratch (lineage/bulk.py), with a progress bar."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from resolutions.lineage.bulk import rebuild_lineage
from resolutions.models import Document


class Command(BaseCommand):
    help = "Recompute the lineage (paragraph families) of every document from scratch."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--workers", type=int, default=1, help="Processes computing the keys (default 1)."
        )

    def handle(self, *args: object, **options) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        started = time.perf_counter()
        with tqdm(total=Document.objects.count(), unit="doc", file=self.stderr) as bar:
            documents, matched = rebuild_lineage(workers=options["workers"], progress=bar.update)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Lineage rebuilt: {documents} documents, {matched} paragraphs with a previous "
            f"version, in {seconds:.1f} s."
        )
