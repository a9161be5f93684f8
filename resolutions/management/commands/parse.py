"""Parse documents and print their structure; no database is touched."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from resolutions.parsing import ParseError
from resolutions.parsing.cli import parse_path, render_json, render_summary


class Command(BaseCommand):
    help = "Parse documents (text, Markdown, HTML, PDF, .docx) and print their structure."
    # Nothing here depends on the URLs, models or database that the system checks load.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")

    def handle(
        self, *args: object, paths: list[str], json: bool = False, **options: object
    ) -> None:
        failures = 0
        for path in paths:
            try:
                document = parse_path(Path(path))
            except ParseError as error:
                failures += 1
                self.stderr.write(f"{path}: {error}")
                continue
            if json:
                self.stdout.write(render_json(document, indent=2 if len(paths) == 1 else None))
            else:
                self.stdout.write(render_summary(document, path=path))
        if failures:
            # The per-file lines above are the whole report; exit non-zero without another message.
            raise SystemExit(1)
