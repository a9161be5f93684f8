"""Try the archive's defences and print the figures: `manage.py hardening_report`.

Sends every hostile request of bench/hostile_requests.py through the whole Django stack, puts
each class of bad upload through the upload check and the worker's sandboxed parse, and runs
the fault scenarios of bench/hardening.py. It loads the sample documents into its own database
(`archive_bench*`, created if missing, as the benchmark does), never the archive's.
"""

from __future__ import annotations

import logging
import tempfile
import time
import warnings
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from bench import database, hardening
from resolutions.ingest import ingest_file
from resolutions.models import Document


class Command(BaseCommand):
    help = (
        "Send hostile requests, bad uploads and faults at the archive, then print the figures: "
        "parameters fuzzed, requests sent, server errors, slowest response, bad upload classes "
        "tried and rejected, fault scenarios survived, documents lost."
    )
    requires_system_checks: list[str] = []

    def handle(self, *args: object, **options: object) -> None:
        name = settings.DATABASES["default"]["NAME"]
        database.require_benchmark_database(name)
        if database.ensure_database(settings.DATABASES["default"]):
            self.stdout.write(f"Created database {name}.")
        call_command("migrate", verbosity=0, interactive=False)
        warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
        # Thousands of 4xx answers are the point: log only what would be a server error.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        started = time.perf_counter()
        with (
            tempfile.TemporaryDirectory(prefix="hardening_") as folder,
            override_settings(
                DEBUG=False,
                RATELIMIT_ENABLE=False,
                ALLOWED_HOSTS=["testserver"],
                MEDIA_ROOT=Path(folder) / "media",
            ),
        ):
            document = self.probe_document()
            requests = hardening.send_hostile_requests(document)
            uploads = hardening.try_bad_uploads(Path(folder))
            faults, lost = hardening.run_faults()
        self.report(requests, uploads, faults, lost, time.perf_counter() - started)
        if requests.server_errors or lost or not all(t.survived for t in faults):
            raise CommandError("The archive did not hold: see the figures above.")
        if not all(trial.refused for trial in uploads):
            raise CommandError("A bad upload was accepted: see the figures above.")

    def probe_document(self) -> Document:
        """A published document to aim the requests at (a sample, loaded if missing)."""
        result = ingest_file(hardening.SAMPLE)
        if result.document is None:
            raise CommandError(f"Cannot load the sample document: {result.message}")
        return result.document

    def report(self, requests, uploads, faults, lost: int, seconds: float) -> None:
        say = self.stdout.write
        say("\nHostile requests (every public address and API endpoint)")
        say(f"  parameters fuzzed     {len(requests.parameters)}")
        say(f"  requests sent         {requests.sent}")
        say(f"  server errors         {len(requests.server_errors)}")
        for error in requests.server_errors[:20]:
            say(f"    {error}")
        say(f"  median response       {hardening.median_ms(requests.seconds):.0f} ms")
        say(
            f"  slowest response      {max(requests.seconds) * 1000:.0f} ms  {requests.slowest_url}"
        )
        refused = sum(trial.refused for trial in uploads)
        say("\nBad uploads (the upload check, then the worker's sandboxed parse)")
        say(f"  classes tried         {len(uploads)}")
        say(f"  rejected              {refused}")
        for trial in uploads:
            verdict = "rejected" if trial.refused else "ACCEPTED"
            say(f"    {trial.name:<26}{verdict:<9}{trial.seconds:6.2f} s  {trial.reason[:90]}")
        survived = sum(trial.survived for trial in faults)
        say("\nFaults")
        say(f"  scenarios survived    {survived} of {len(faults)}")
        for trial in faults:
            verdict = "survived" if trial.survived else "FAILED"
            say(f"    {trial.name:<42}{verdict:<9}{trial.detail}")
        say(f"  documents lost        {lost}")
        say(f"\nThe whole report took {seconds:.0f} s.")
