"""Import from the UN Digital Library: `python manage.py import_undl` (see docs/catalogue.md)."""

from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import reset_queries
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from ...client import CRAWL_DELAY, DEFAULT_BASE_URL, UndlClient
from ...crawl import build_query, crawl, from_raw
from ...importer import ImportReport, finish, import_records, run_for
from ...models import CatalogueRecord
from ...rawstore import RawStore
from ...texts import fetch_texts


class Command(BaseCommand):
    help = (
        "Mirror UN Digital Library records into the archive: every record is kept raw (gzipped) "
        "first, then imported; a record that fails is reported with its id and the batch goes "
        "on. Without a query, the documented default covers the crime-prevention field. The "
        "token comes from UNDL_TOKEN."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "query", nargs="?", default="", help="Search text in the library's syntax."
        )
        parser.add_argument(
            "--series",
            action="append",
            default=[],
            help="A symbol series, e.g. E/CN.15/ (repeatable).",
        )
        parser.add_argument(
            "--body",
            action="append",
            default=[],
            help='An issuing body as catalogued in 710, e.g. "UN. General Assembly" (repeatable).',
        )
        parser.add_argument(
            "--subject",
            action="append",
            default=[],
            help="A UNBIS subject, e.g. CORRUPTION (repeatable).",
        )
        parser.add_argument(
            "--from", dest="date_from", default="", help="Adopted on or after (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--to", dest="date_to", default="", help="Adopted on or before (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--since",
            default="",
            help="Only records changed since (YYYY-MM-DD): an incremental update.",
        )
        parser.add_argument(
            "--from-raw",
            action="store_true",
            help="Rebuild from the raw store, without the network.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Fetch, keep and check; write nothing to the database.",
        )
        parser.add_argument(
            "--texts",
            action="store_true",
            help="Also fetch, keep and ingest the English PDF of each record.",
        )
        parser.add_argument(
            "--languages",
            default="en",
            help="With --texts: languages of the PDFs to fetch and keep, e.g. en,fr,es,ar,zh,ru.",
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=None,
            help="Stop after this many pages (the cursor is kept).",
        )
        parser.add_argument(
            "--delay",
            type=float,
            default=CRAWL_DELAY,
            help="Seconds between requests (the library asks for 5).",
        )
        parser.add_argument(
            "--raw-store",
            default="",
            help="The raw store's folder (default UNDL_RAW_STORE or undl-raw/).",
        )
        parser.add_argument("--base-url", default=os.environ.get("UNDL_BASE_URL", DEFAULT_BASE_URL))

    def handle(self, *args: object, **options) -> None:
        store = RawStore(options["raw_store"] or None)
        report = ImportReport()
        started = timezone.now()
        since = options["since"]
        if options["from_raw"]:
            source = f"raw store {store.root}"
            with self.progress(total=store.count()) as bar:
                for raw in from_raw(store, since=since):
                    import_records([raw], report=report, dry_run=options["dry_run"])
                    reset_queries()
                    bar.update(1)
            client = None
        else:
            query = build_query(
                text=options["query"],
                series=options["series"],
                bodies=options["body"],
                subjects=options["subject"],
                date_from=options["date_from"],
                date_to=options["date_to"],
                since=since,
            )
            source = query
            client = UndlClient(
                base_url=options["base_url"],
                token=os.environ.get("UNDL_TOKEN", ""),
                delay=options["delay"],
            )
            with self.progress(total=None) as bar:

                def advance(done: int, total: int | None) -> None:
                    if total and bar.total != total:
                        bar.total = total
                    bar.update(done)
                    reset_queries()

                result = crawl(
                    client,
                    store,
                    query,
                    report=report,
                    dry_run=options["dry_run"],
                    since=since,
                    max_pages=options["max_pages"],
                    progress=advance,
                )
            if result.resumed_from:
                self.stdout.write(f"Resumed from cursor {result.resumed_from}.")
        if options["texts"] and not options["dry_run"]:
            if client is None:
                client = UndlClient(
                    base_url=options["base_url"],
                    token=os.environ.get("UNDL_TOKEN", ""),
                    delay=options["delay"],
                )
            languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
            # Records without their text yet, and those the catalogue changed in this run.
            records = CatalogueRecord.objects.filter(
                Q(text_checksum="") | Q(updated_at__gte=started), document__isnull=False
            ).order_by("record_id")
            fetch_texts(client, store, records, report=report, languages=languages)
        if client is not None:
            client.close()
        if options["dry_run"]:
            label = "Dry run (nothing written)"
        else:
            run = run_for(source, started=started)
            finish(run, report)
            label = f"Catalogue import {run.pk}"
        self.stdout.write(f"{label}: {report.summary()}.")
        for issue in report.issues:
            self.stdout.write(f"  {issue.stage}: record {issue.record_id or '?'}: {issue.reason}")
        if report.counts["failed"] and not (
            report.counts["new"] + report.counts["updated"] + report.counts["unchanged"]
        ):
            raise CommandError("No record could be imported.")

    def progress(self, *, total: int | None) -> tqdm:
        """A progress bar on standard error with rate and time left."""
        return tqdm(total=total, unit="record", file=sys.stderr, dynamic_ncols=True)
