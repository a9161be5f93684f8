"""Measure what uploads cost: `manage.py benchmark_uploads --repeat 5`.

For a normal Word file and text, and for each hostile file (zip bombs, a million paragraphs,
entity-declaring XML, encrypted and many-page PDFs, an 18 MB text), parses the file the way the
worker does (a child process under the settings' limits) and prints the median wall time and
the median peak resident memory of the parsing process, with its outcome. Then measures the web
request's own share of an 18 MB upload (store under a generated name, record, queue; the parsed
file already spooled to disk by Django), inside a transaction that is rolled back.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.test import override_settings

from bench.hostile_files import (
    LAUGHS,
    MEGABYTE,
    XXE,
    encrypted_pdf,
    entity_docx,
    many_paragraphs_docx,
    pdf_of_pages,
    text_pdf,
    word_file,
    zip_bomb,
)
from resolutions.parse_sandbox import parse_in_child
from resolutions.staff.uploads import parse_limits, queue_uploads, sandbox_limits

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "000_8fb7f1ffc4a6eb9c.txt"
LINES = SAMPLE.read_text(encoding="utf-8").splitlines()


def cases() -> dict[str, Callable[[], bytes]]:
    """Each benchmarked file by its name; built when measured."""
    return {
        "resolution.docx": lambda: word_file(LINES),
        "resolution.txt": SAMPLE.read_bytes,
        "resolution.pdf": lambda: text_pdf(LINES),
        "bomb-150MB.docx": lambda: zip_bomb(LINES, unpacked=150 * MEGABYTE),
        "million-paragraphs.docx": lambda: many_paragraphs_docx(LINES, count=1_000_000),
        "xxe.docx": lambda: entity_docx(LINES, doctype=XXE),
        "billion-laughs.docx": lambda: entity_docx(LINES, doctype=LAUGHS),
        "encrypted.pdf": lambda: encrypted_pdf(LINES[:60]),
        "3000-pages.pdf": lambda: pdf_of_pages(3000),
        "18MB.txt": lambda: SAMPLE.read_bytes() * (18 * MEGABYTE // SAMPLE.stat().st_size),
    }


class Command(BaseCommand):
    help = "Time and peak memory of parsing normal and hostile uploads, and of the request."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=3, help="Runs per file (median shown).")

    def handle(self, *args, repeat: int, **options) -> None:
        self.stdout.write(f"{'file':<26}{'size':>10}{'seconds':>9}{'peak MB':>9}  outcome")
        with tempfile.TemporaryDirectory() as folder:
            for name, build in cases().items():
                path = Path(folder) / name
                path.write_bytes(build())
                self.measure_parse(path, repeat)
            self.measure_request(Path(folder) / "18MB.txt", repeat)

    def measure_parse(self, path: Path, repeat: int) -> None:
        outcomes = [
            parse_in_child(
                path, filename=path.name, limits=parse_limits(), sandbox=sandbox_limits()
            )
            for _ in range(repeat)
        ]
        seconds = statistics.median(o.seconds for o in outcomes)
        peak = statistics.median(o.peak_memory_kb for o in outcomes) / 1024
        last = outcomes[-1]
        outcome = f"read: {len(last.parsed.paragraphs)} paragraphs" if last.parsed else last.message
        size = f"{path.stat().st_size / 1024:,.0f} KB"
        self.stdout.write(f"{path.name:<26}{size:>10}{seconds:>9.2f}{peak:>9.0f}  {outcome}")

    def measure_request(self, path: Path, repeat: int) -> None:
        """The request's share of an upload: store, record, queue (rolled back afterwards)."""
        user = get_user_model()(username="benchmark")
        timings, peaks = [], []
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            for _ in range(repeat):
                upload = TemporaryUploadedFile(path.name, "text/plain", path.stat().st_size, None)
                upload.write(path.read_bytes())
                upload.seek(0)
                tracemalloc.start()
                started = time.perf_counter()
                with transaction.atomic():
                    user.save()
                    queue_uploads([upload], user=user, may_replace=False)
                    timings.append(time.perf_counter() - started)
                    peaks.append(tracemalloc.get_traced_memory()[1] / MEGABYTE)
                    tracemalloc.stop()
                    transaction.set_rollback(True)
                upload.close()
                user.pk = None
        self.stdout.write(
            f"\nThe request's share of an 18 MB upload (store, record, queue):"
            f" median {statistics.median(timings):.3f} s,"
            f" peak Python allocations {statistics.median(peaks):.2f} MB (tracemalloc)."
        )
