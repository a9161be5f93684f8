"""Time every admin list at scale: `manage.py benchmark_admin --paragraphs 1000000`.

Needs a benchmark corpus (`make benchmark`) in its database; grows it to the paragraphs asked
for by cloning its documents in SQL (bench/admin_lists.py), then loads each admin changelist,
and each one's search, as a superuser through the whole Django stack, printing the median.
"""

from __future__ import annotations

import warnings

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import Client, override_settings

from bench import admin_lists, database
from bench.loading import corpus_size

TARGET_MS = 1000


class Command(BaseCommand):
    help = "Grow the benchmark corpus to N paragraphs and time every admin list (median ms)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--paragraphs", type=int, default=1_000_000, help="Paragraphs to grow the corpus to."
        )
        parser.add_argument("--repeat", type=int, default=5, help="Timed loads of each list.")

    def handle(self, *args: object, paragraphs: int, repeat: int, **options: object) -> None:
        database.require_benchmark_database(settings.DATABASES["default"]["NAME"])
        if not corpus_size():
            raise CommandError("No benchmark corpus here: run `make benchmark` first.")
        self.stdout.write(f"Growing the corpus to {paragraphs:,} paragraphs:")
        size = admin_lists.grow_to(paragraphs, say=self.stdout.write)
        database.analyze()
        user, _ = get_user_model().objects.get_or_create(
            username="benchmark-admin", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client()
        client.force_login(user)
        warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
        with override_settings(DEBUG=False, RATELIMIT_ENABLE=False, ALLOWED_HOSTS=["testserver"]):
            timings = admin_lists.time_admin_lists(client, repeat=repeat)
        self.stdout.write(f"\nAdmin lists at {size:,} paragraphs, median of {repeat} loads:")
        self.stdout.write(f"{'list':<40}{'median ms':>10}{'max ms':>9}  status")
        for t in timings:
            flag = "" if t.median_ms < TARGET_MS and t.status == 200 else "  OVER TARGET"
            line = f"{t.label:<40}{t.median_ms:>10.0f}{t.max_ms:>9.0f}  {t.status}{flag}"
            self.stdout.write(line)
        slow = [t for t in timings if t.median_ms >= TARGET_MS]
        self.stdout.write(f"\n{len(timings) - len(slow)} of {len(timings)} under {TARGET_MS} ms.")
