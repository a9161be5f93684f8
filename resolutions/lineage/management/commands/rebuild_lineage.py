"""Rebuild every paragraph family from scratch, oldest document first, with a progress bar."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from resolutions.lineage.matching import documents_in_order, rebuild_lineage


class Command(BaseCommand):
    help = "Recompute the lineage (paragraph families) of every document from scratch."

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        with tqdm(total=len(documents_in_order()), unit="doc", file=self.stderr) as bar:
            documents, matched = rebuild_lineage(progress=bar.update)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Lineage rebuilt: {documents} documents, {matched} paragraphs joined an existing "
            f"family, in {seconds:.1f} s."
        )
