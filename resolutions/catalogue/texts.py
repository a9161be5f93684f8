"""Texts from the official PDFs: fetched politely, kept, parsed, ingested with the catalogue's
metadata.

The English PDF (and, on request, the other languages' PDFs, which are kept in the raw store)
is fetched through the client, kept in the raw store, parsed by the archive's parser and
written by the ingest service. The catalogue's metadata wins over the parsed metadata; where
they disagree, the parsed value is kept on the record (`parse_disagreements`) and logged for
review.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from urllib.parse import urlparse

import httpx
from django.db import transaction

from .. import parsing
from ..ingest import IngestSource, ingest_document
from ..parsing.types import ParsedDocument, ParseError
from .client import UndlClient
from .importer import ImportReport, suggest_topics
from .models import CatalogueRecord
from .rawstore import RawStore
from .symbols import symbol_key

logger = logging.getLogger(__name__)

# The parse contract's metadata fields the catalogue gives, compared with the parser's.
COMPARED = ("symbol", "body", "doc_type", "number", "title", "date", "year", "session")


def file_name(url: str) -> str:
    """A file's name from its link (A_RES_63_156-EN.pdf)."""
    return PurePosixPath(urlparse(url).path).name or "document.pdf"


def comparable(name: str, value: object) -> object:
    """A metadata value as compared: symbols by join key, texts without case and extra spaces."""
    if value in (None, "", ()):
        return None
    if name == "symbol":
        return symbol_key(str(value))
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    if name == "sponsors":
        return frozenset(value)  # type: ignore[arg-type]
    return value


def merge_metadata(
    parsed: ParsedDocument, catalogue: dict[str, object]
) -> tuple[ParsedDocument, dict[str, object]]:
    """The parsed document with the catalogue's metadata; and the parsed values that differ."""
    disagreements: dict[str, object] = {}
    changes: dict[str, object] = {}
    for name in (*COMPARED, "sponsors", "agenda_item"):
        ours = catalogue.get(name)
        if ours in (None, "", [], ()):
            continue
        theirs = getattr(parsed, name)
        if name in COMPARED and comparable(name, theirs) not in (None, comparable(name, ours)):
            disagreements[name] = list(theirs) if isinstance(theirs, tuple) else theirs
        changes[name] = tuple(ours) if name == "sponsors" else ours  # type: ignore[arg-type]
    return replace(parsed, **changes), disagreements


def ingest_text(record: CatalogueRecord, data: bytes, *, filename: str) -> str:
    """Parse a record's English PDF and ingest it under the catalogue's metadata; returns the
    outcome (new, updated, unchanged). ParseError when the PDF does not parse."""
    checksum = hashlib.sha256(data).hexdigest()
    if record.text_checksum == checksum:
        return "unchanged"
    parsed = parsing.parse_file(data, filename=filename)
    merged, disagreements = merge_metadata(parsed, record.metadata)
    with transaction.atomic():
        result = ingest_document(merged, source=IngestSource.from_bytes(data, filename=filename))
        if result.document is None or result.document.pk != record.document_id:
            raise ParseError("the parsed text was filed under another document than the record's")
        # A new text replaces the suggested topics: the catalogue's subjects suggest theirs again.
        suggest_topics(result.document, record)
        record.text_checksum = checksum
        record.parse_disagreements = disagreements
        record._change_reason = "text from the official PDF"
        record.save(update_fields=["text_checksum", "parse_disagreements", "updated_at"])
    for name, value in disagreements.items():
        logger.info(
            "record %s %s: the PDF says %r, the catalogue %r",
            record.record_id,
            name,
            value,
            record.metadata.get(name),
        )
    return result.outcome


def fetch_texts(
    client: UndlClient,
    store: RawStore,
    records: Iterable[CatalogueRecord],
    *,
    report: ImportReport,
    languages: Iterable[str] = ("en",),
) -> None:
    """Fetch and keep each record's PDFs in the languages asked for; ingest the English text.

    A download or parse failure lands in the report; the other records go on.
    """
    languages = set(languages)
    for record in records:
        for version in record.files:
            if version["language"] not in languages:
                continue
            name = file_name(version["url"])
            try:
                data = client.download(version["url"])
            except httpx.HTTPError as exc:
                report.failed(str(record.record_id), stage="text", reason=f"{name}: {exc}")
                continue
            store.put_file(record.record_id, name, data)
            if version["language"] != "en":
                continue
            try:
                outcome = ingest_text(record, data, filename=name)
            except Exception as exc:  # one bad PDF (or a parser bug) must not stop the batch
                detail = str(exc) if isinstance(exc, ParseError) else type(exc).__name__
                reason = f"{name} did not parse: {detail}"
                report.failed(str(record.record_id), stage="text", reason=reason)
                continue
            report.counts[f"text {outcome}"] += 1
