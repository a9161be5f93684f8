"""Shared helpers of the catalogue tests: the real UN Digital Library records in fixtures/."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from resolutions.catalogue.importer import ImportReport, import_page
from resolutions.catalogue.marc import RawRecord, split_page

FIXTURES = Path(__file__).parent / "fixtures"
SINGLE_RECORDS = sorted(p.name for p in (FIXTURES / "marc").glob("*.xml"))
ALL_FILES = sorted(p.name for p in (FIXTURES / "marc").iterdir())


def page_bytes(name: str) -> bytes:
    """A fixture page's bytes, decompressed when it is .xz."""
    path = FIXTURES / "marc" / name
    return lzma.decompress(path.read_bytes()) if path.suffix == ".xz" else path.read_bytes()


def raw_records(*names: str) -> list[RawRecord]:
    """The raw records of fixture pages, in order."""
    return [raw for name in names for raw in split_page(page_bytes(name)).records]


@pytest.fixture
def import_fixtures(db):
    """Import fixture pages; returns the report."""

    def run(*names: str, dry_run: bool = False) -> ImportReport:
        report = ImportReport()
        for name in names:
            import_page(page_bytes(name), report=report, dry_run=dry_run)
        return report

    return run
