"""Load the sample documents in `samples/` (idempotent: a second run adds nothing)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

SAMPLES_DIR = Path(settings.BASE_DIR) / "samples"


def sample_documents() -> list[Path]:
    """The sample documents: the folder's `.txt` files (not its README or provenance list)."""
    return sorted(SAMPLES_DIR.glob("*.txt"))


class Command(BaseCommand):
    help = "Load the sample documents shipped in samples/ through the ingest command."

    def handle(self, *args: object, **options: object) -> None:
        call_command(
            "ingest", *map(str, sample_documents()), stdout=self.stdout, stderr=self.stderr
        )
