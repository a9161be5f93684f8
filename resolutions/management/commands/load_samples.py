"""Load the sample documents in `samples/` (idempotent: a second run adds nothing)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from resolutions.samples import sample_documents

SAMPLES_DIR = Path(settings.BASE_DIR) / "samples"


class Command(BaseCommand):
    help = "Load the sample documents shipped in samples/ through the ingest command."

    def handle(self, *args: object, **options: object) -> None:
        paths = map(str, sample_documents(SAMPLES_DIR))
        call_command("ingest", *paths, stdout=self.stdout, stderr=self.stderr)
