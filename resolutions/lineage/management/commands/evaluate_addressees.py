"""Print how well the addressee rules do on the hand-labelled paragraphs (docs/lineage.md)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.addressees import ADDRESSEES
from resolutions.lineage.addressee_evaluation import load_labelled, score_addressees
from resolutions.text_tables import table

LABELLED = Path("tests/lineage/data/addressees_labelled.json")


class Command(BaseCommand):
    help = "Exactly right share of the addressee rules, and precision and recall per addressee."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("labelled", type=Path, nargs="?", default=LABELLED)
        parser.add_argument(
            "--failures", action="store_true", help="also list the paragraphs not exactly right"
        )

    def handle(self, *args: object, **options) -> None:
        path = options["labelled"]
        try:
            paragraphs = load_labelled(path)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        splits = score_addressees(paragraphs)
        sources = score_addressees(paragraphs, by_source=True)
        rows = [
            (split, len(s.outcomes), s.right, f"{s.exact:.3f}")
            for split, s in {**splits, **sources}.items()
        ]
        self.stdout.write(table(["split", "paragraphs", "right", "exact"], rows))
        for split, scores in splits.items():
            rows = []
            for name in ADDRESSEES:
                right, given, labelled = scores.counts(name)
                precision = f"{right / given:.2f}" if given else "-"
                recall = f"{right / labelled:.2f}" if labelled else "-"
                rows.append((name, labelled, given, right, precision, recall))
            headers = [split, "labelled", "given", "right", "precision", "recall"]
            self.stdout.write("\n" + table(headers, rows))
        if options["failures"]:
            self.stdout.write("")
            for split, scores in splits.items():
                for o in scores.outcomes:
                    if not o.right:
                        self.stdout.write(
                            f"{split} {o.symbol} #{o.index}: wanted {sorted(o.wanted)}, "
                            f"found {sorted(o.found)}"
                        )
