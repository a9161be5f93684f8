"""List the common words anew and keep each one's best documents (resolutions/term_impacts.py)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions import term_impacts


class Command(BaseCommand):
    help = (
        "Recompute which words are common and the documents each scores highest in, which "
        "let relevance rank common words without scoring every document. Run after a bulk load."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--common-documents",
            type=int,
            default=term_impacts.COMMON_DOCUMENTS,
            help="A word is common in this many documents or more "
            f"(default {term_impacts.COMMON_DOCUMENTS:,}).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=term_impacts.KEEP,
            help=f"Documents kept for each common word (default {term_impacts.KEEP:,}).",
        )

    def handle(self, *args: object, **options) -> None:
        if options["common_documents"] < 1 or options["keep"] < 1:
            raise CommandError("--common-documents and --keep must be at least 1.")
        started = time.perf_counter()
        words, rows = term_impacts.rebuild(
            common_documents=options["common_documents"], keep=options["keep"]
        )
        self.stdout.write(
            f"{words:,} common words, {rows:,} document scores kept, "
            f"in {time.perf_counter() - started:.1f} s."
        )
