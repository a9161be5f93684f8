"""Time what the catalogue's facets add to a search: `manage.py benchmark_catalogue_facets`
on the benchmark database (make benchmark loads it); see bench/catalogue_facets.py."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from bench.catalogue_facets import catalogue_corpus, time_facets
from bench.database import require_benchmark_database
from resolutions.catalogue.models import CatalogueRecord


class Command(BaseCommand):
    help = "Catalogue the benchmark corpus and time searches with and without its facets."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=7, help="Timed runs of each search.")

    def handle(self, *args, repeat: int, **options) -> None:
        require_benchmark_database(connection.settings_dict["NAME"])
        added = catalogue_corpus()
        self.stdout.write(
            f"{CatalogueRecord.objects.count()} catalogued documents ({added} added now)."
        )
        self.stdout.write("| search | every facet (ms) | without outcome, subject (ms) | added |")
        self.stdout.write("|---|---:|---:|---:|")
        for label, included, without in time_facets(repeat):
            self.stdout.write(
                f"| {label} | {included:.0f} | {without:.0f} | {included - without:+.0f} |"
            )
