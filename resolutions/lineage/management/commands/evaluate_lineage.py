"""Print precision and recall of the family decision on a labelled pair set (docs/lineage.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.lineage.evaluation import (
    HALVES,
    Evaluation,
    evaluate,
    evaluate_audited,
    label_agreement,
    load_pairs,
)
from resolutions.text_tables import table

HEADERS = ["n", "P sampled", "R sampled", "P weighted", "R weighted"]


def figures(result: Evaluation) -> tuple[int, str, str, str, str]:
    """One row of a table of figures: pairs, precision and recall, sampled and weighted."""
    s, w = result.sampled, result.weighted
    return (
        result.pairs,
        f"{s.precision:.3f}",
        f"{s.recall:.3f}",
        f"{w.precision:.3f}",
        f"{w.recall:.3f}",
    )


def read(path: Path) -> dict:
    try:
        return load_pairs(path)
    except (OSError, ValueError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc


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
        parser.add_argument(
            "--audited-test-half",
            type=Path,
            metavar="FILE",
            help="also score the test half under its second labelling and its adjudication, "
            "e.g. tests/lineage/data/test_half_relabelled.json",
        )

    def handle(self, *args: object, **options) -> None:
        data = read(options["pairs"])
        rows = [
            (half, *figures(evaluate(data, half=half, original=options["original_labels"])))
            for half in HALVES
        ]
        labels = "original" if options["original_labels"] else "audited"
        self.stdout.write(
            f"Family decision of lineage/verification.py and series.py, {labels} labels"
        )
        self.stdout.write(table(["pairs", *HEADERS], rows))
        if options["audited_test_half"]:
            self.audited(data, read(options["audited_test_half"]))

    def audited(self, data: dict, audit: dict) -> None:
        agree, n, kappa = label_agreement(data, audit)
        self.stdout.write(
            f"\nThe test half labelled a second time: {agree} of {n} labels agree, "
            f"Cohen's kappa {kappa:.3f}"
        )
        rows = [
            (name, half, *figures(result))
            for half in ("test", "held-out")
            for name, result in evaluate_audited(data, audit, half=half).items()
        ]
        self.stdout.write(table(["test half's labels", "pairs", *HEADERS], rows))
