"""Print how well mandates are extracted on hand-labelled paragraph sets (docs/lineage.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.lineage.mandate_evaluation import load_labelled, score_mandates
from resolutions.text_tables import table


class Command(BaseCommand):
    help = "Exactly right share, precision and recall of the mandate extraction on labelled sets."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "sets", type=Path, nargs="+", help="e.g. tests/lineage/data/mandates_labelled.json"
        )
        parser.add_argument(
            "--failures", action="store_true", help="also list the paragraphs not exactly right"
        )

    def handle(self, *args: object, **options) -> None:
        rows, failures = [], []
        for path in options["sets"]:
            try:
                paragraphs = load_labelled(path)
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"cannot read {path}: {exc}") from exc
            scores = score_mandates(paragraphs)
            rows.append(
                (
                    path.name,
                    len(scores.outcomes),
                    scores.mandates,
                    scores.right,
                    f"{scores.exact:.3f}",
                    f"{scores.precision:.2f} ({scores.found_right} of {scores.found})",
                    f"{scores.recall:.2f} ({scores.found_right} of {scores.mandates})",
                )
            )
            failures += [(path.name, o) for o in scores.outcomes if not o.right]
        headers = ["set", "paragraphs", "mandates", "right", "exact", "precision", "recall"]
        self.stdout.write(table(headers, rows))
        if options["failures"]:
            for name, o in failures:
                self.stdout.write(
                    f"{name} {o.symbol} #{o.index}: wanted {o.wanted}, found {o.found}"
                )
