"""Whole result sets, streamed (CSV and JSON exports), and documents named by a typed citation."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import F, Q

from ..models import DocType, Document, Paragraph
from ..selectors import published_documents
from . import rows
from .citations import parse_citation
from .request import Params, read_search
from .sql import Match
from .types import DOCUMENT_FIELDS, PARAGRAPH_FIELDS

# The most rows an export returns; documented on /api/.
EXPORT_MAX_ROWS = 10_000
# Rows fetched from the database at a time while streaming.
CHUNK = 500


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def export_documents(params: Params, *, limit: int) -> Iterator[Document]:
    """The matching documents in the page's order, at most `limit`, with sponsors and topics."""
    request = read_search(params, view="documents")
    match = Match(request)
    # The whole match set is ranked, as the page ranks it: an export is read in full, in the
    # page's order.
    if request.by_paragraph:
        _count, ids = rows.exact_documents(match, sort=request.sort, offset=0, limit=limit)
    else:
        ids = rows.walk_documents(match, sort=request.sort, offset=0, limit=limit)
    for chunk in _chunks(ids):
        documents = (
            published_documents()
            .filter(pk__in=chunk)
            .select_related("body")
            .only(*DOCUMENT_FIELDS)
            .prefetch_related("sponsors", "topic_links__topic")
        )
        by_pk = {document.pk: document for document in documents}
        yield from (by_pk[pk] for pk in chunk if pk in by_pk)


def export_paragraphs(params: Params, *, limit: int) -> Iterator[Paragraph]:
    """The matching paragraphs in the page's order, at most `limit`."""
    request = read_search(params, view="paragraphs")
    match = Match(request)
    _count, ids = rows.exact_paragraphs(match, sort=request.sort, offset=0, limit=limit)
    fields = [*PARAGRAPH_FIELDS, "text", *(f"document__{name}" for name in DOCUMENT_FIELDS[1:])]
    for chunk in _chunks(ids):
        paragraphs = (
            Paragraph.objects.filter(pk__in=chunk).select_related("document__body").only(*fields)
        )
        by_pk = {paragraph.pk: paragraph for paragraph in paragraphs}
        yield from (by_pk[pk] for pk in chunk if pk in by_pk)


def find_documents_by_citation(text: str, *, limit: int = 20) -> list[Document]:
    """Published documents a typed symbol or citation names ("A/RES/66/128", "ECOSOC 2014/23")."""
    parsed = parse_citation(text)
    if parsed is None:
        return []
    condition = Q()
    for key in {*parsed.symbols, *parsed.keys}:
        condition |= Q(symbol__iexact=key) | Q(citation_key__iexact=key)
    if parsed.number:
        by_number = Q(number__iexact=parsed.number)
        if parsed.body:
            by_number &= Q(body__code=parsed.body)
        else:
            by_number &= Q(doc_type__in=[DocType.RESOLUTION, DocType.DECISION])
        condition |= by_number
    return list(
        published_documents()
        .filter(condition)
        .select_related("body")
        .only(*DOCUMENT_FIELDS)
        .order_by(F("date").desc(nulls_last=True), "pk")[:limit]
    )
