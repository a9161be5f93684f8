"""Builders for lineage tests: real UN texts (data/texts, see PROVENANCE.tsv) ingested for real."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from resolutions.ingest import ingest_file
from resolutions.models import Document

TEXTS = Path(__file__).parent / "data" / "texts"


@pytest.fixture
def ingest_text(db, media, django_capture_on_commit_callbacks) -> Callable[[str], Document]:
    """Ingest one of data/texts by its file stem, running the on-commit lineage matching."""

    def ingest(stem: str) -> Document:
        with django_capture_on_commit_callbacks(execute=True):
            result = ingest_file(TEXTS / f"{stem}.txt")
        assert result.document is not None, result.message
        return result.document

    return ingest
