"""Print precision and recall of the family decision on a labelled pair set (docs/lineage.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.lineage.evaluation import HALVES, evaluate, load_pairs
from resolutions.text_tables import table


class Command(BaseCommand):
    help = "Precision and recall of the family decision on hand-labelled paragraph pairs."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("pairs", type=Path, help="e.g. tests/lineage/data/labelled_pairs.json")
        parser.add_argument(
            "--original-labels",
            action="store_true",
            help="score against the labels as first given, before the audit against the rules",
        )

    def handle(self, *args: object, **options) -> None:
        try:
            data = load_pairs(options["pairs"])
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {options['pairs']}: {exc}") from exc
        rows = []
        for half in HALVES:
            result = evaluate(data, half=half, original=options["original_labels"])
            s, w = result.sampled, result.weighted
            rows.append(
                (
                    half,
                    result.pairs,
                    f"{s.precision:.3f}",
                    f"{s.recall:.3f}",
                    f"{w.precision:.3f}",
                    f"{w.recall:.3f}",
                )
            )
        labels = "original" if options["original_labels"] else "audited"
        self.stdout.write(f"Family decision of lineage/verification.py, {labels} labels")
        headers = ["pairs", "n", "P sampled", "R sampled", "P weighted", "R weighted"]
        self.stdout.write(table(headers, rows))
