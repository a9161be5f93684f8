"""Load the sample documents in `samples/` (idempotent: a second run adds nothing)."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from resolutions.ingest import IngestSource
from resolutions.models import Document
from resolutions.samples import sample_documents

SAMPLES_DIR = Path(settings.BASE_DIR) / "samples"


class Command(BaseCommand):
    help = (
        "Load the sample documents shipped in samples/ through the ingest command; files whose "
        "exact bytes are in the archive already are not read again."
    )

    def handle(self, *args: object, **options: object) -> None:
        samples = sample_documents(SAMPLES_DIR)
        # `make run` calls this every time: skip parsing files that would come out "unchanged".
        checksums = {
            path: IngestSource.from_bytes(path.read_bytes(), filename=path.name).checksum
            for path in samples
        }
        loaded = set(
            Document.objects.filter(checksum__in=checksums.values()).values_list(
                "checksum", flat=True
            )
        )
        missing = [str(path) for path in samples if checksums[path] not in loaded]
        if not missing:
            self.stdout.write(f"All {len(samples)} sample documents are loaded already.")
            return
        call_command("ingest", *missing, stdout=self.stdout, stderr=self.stderr)
