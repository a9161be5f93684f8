"""Measure parse throughput on text input: documents per second and median time per document."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.parsing import parse
from resolutions.samples import sample_documents, seed_documents

DEFAULT_SAMPLES = "samples"


class Command(BaseCommand):
    help = "Benchmark the parser on the seed samples (one core) and print documents per second."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=20, help="passes over the sample set")
        parser.add_argument(
            "--samples", default="", help="directory of .txt files (default: the seeds in samples/)"
        )

    def handle(self, *args: object, repeat: int, samples: str, **options: object) -> None:
        paths = (
            sample_documents(Path(samples))
            if samples
            else seed_documents(Path(settings.BASE_DIR) / DEFAULT_SAMPLES)
        )
        texts = [path.read_text(encoding="utf-8") for path in paths]
        if not texts:
            raise CommandError(f"no .txt files in {samples or DEFAULT_SAMPLES}")
        timings = time_parses(texts, repeat=max(1, repeat))
        total = sum(timings)
        size = sum(len(text.encode("utf-8")) for text in texts) / len(texts) / 1024
        self.stdout.write(
            f"{len(timings)} parses of {len(texts)} documents (mean {size:.1f} KB): "
            f"{len(timings) / total:.1f} documents/s, "
            f"median {statistics.median(timings) * 1000:.2f} ms"
        )


def time_parses(texts: list[str], *, repeat: int) -> list[float]:
    """Seconds taken by each parse, every text parsed `repeat` times."""
    timings = []
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            parse(text)
            timings.append(time.perf_counter() - started)
    return timings
