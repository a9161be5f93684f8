"""Load the UNBIS thesaurus shipped with the archive: `python manage.py load_unbis`."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from ...thesaurus import CRIME_AND_DRUGS, load_thesaurus, read_thesaurus, within


class Command(BaseCommand):
    help = (
        "Load the UNBIS thesaurus (domains, microthesauri, concepts, broader links) from "
        "resolutions/catalogue/data/, link catalogue subjects to it and map the archive's topics "
        "onto it. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--crime-and-drugs",
            action="store_true",
            help="Only the crime and narcotic drugs microthesauri (14.04.01, 14.04.02) and what "
            "lies below and above them.",
        )

    def handle(self, *args, crime_and_drugs: bool = False, **options) -> None:
        rows = read_thesaurus()
        if crime_and_drugs:
            rows = within(rows, CRIME_AND_DRUGS)
        result = load_thesaurus(rows)
        self.stdout.write(
            f"UNBIS: {len(rows)} entries read; {result.created} added, {result.updated} changed; "
            f"broader links {result.links_added} added, {result.links_removed} removed; "
            f"{result.subjects_linked} catalogue subjects linked; "
            f"{result.topics_mapped} concepts mapped to topics."
        )
