"""Whole result sets, streamed (CSV and JSON exports), and documents named by a typed citation."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection, transaction
from django.db.models import F, Q, prefetch_related_objects

from ..models import Body, DocType, Document, Paragraph
from ..selectors import published_documents
from . import rows
from .citations import parse_citation
from .request import Params, read_search
from .sql import Match
from .types import DOCUMENT_FIELDS

# The most rows an export returns; documented on /api/.
EXPORT_MAX_ROWS = 10_000
# Rows fetched from the server-side cursor at a time while streaming.
CHUNK = 500

# A document's columns as export rows need them (`_document_of` reads them in this order).
_DOCUMENT_COLUMNS = "d.id, d.symbol, d.title, d.doc_type, d.number, d.date, d.year, b.code"
_PARAGRAPH_ROWS = (
    "SELECT p.id, p.position, p.kind, p.number, p.verb, p.text, "
    + _DOCUMENT_COLUMNS
    + " FROM unnest(%s::bigint[]) WITH ORDINALITY AS wanted(id, n)"
    " JOIN resolutions_paragraph p ON p.id = wanted.id"
    " JOIN resolutions_document d ON d.id = p.document_id"
    " JOIN resolutions_body b ON b.id = d.body_id ORDER BY wanted.n"
)
_DOCUMENT_ROWS = (
    "SELECT " + _DOCUMENT_COLUMNS + " FROM unnest(%s::bigint[]) WITH ORDINALITY AS wanted(id, n)"
    " JOIN resolutions_document d ON d.id = wanted.id"
    " JOIN resolutions_body b ON b.id = d.body_id"
    " WHERE d.status = 'published' ORDER BY wanted.n"
)


def _streamed(statement: str, ids: list[int]) -> Iterator[list[tuple]]:
    """The statement's rows for `ids` (at most EXPORT_MAX_ROWS, in the page's order), CHUNK at a
    time. The first chunk is a plain query: the view reads it before the response starts. The
    rest comes from a server-side cursor in a transaction of its own (outside one, Django would
    declare it WITH HOLD, which the server materialises), entered only once the server streams
    the response, which it always closes: a response dropped unread never leaves the cursor or
    its transaction to the garbage collector."""
    with connection.cursor() as cursor:
        cursor.execute(statement, [ids[:CHUNK]])
        yield cursor.fetchall()
    if len(ids) <= CHUNK:
        return
    with transaction.atomic(), connection.chunked_cursor() as cursor:
        cursor.execute(statement, [ids[CHUNK:]])
        while chunk := cursor.fetchmany(CHUNK):
            yield chunk


def _document_of(row: tuple) -> Document:
    """A document from `_DOCUMENT_COLUMNS` (unsaved, read-only: enough for an export row)."""
    pk, symbol, title, doc_type, number, day, year, body_code = row
    return Document(
        pk=pk,
        symbol=symbol,
        title=title,
        doc_type=doc_type,
        number=number,
        date=day,
        year=year,
        body=Body(code=body_code),
    )


def export_document_ids(params: Params, *, limit: int) -> list[int]:
    """The ids of the matching documents in the page's order, at most `limit`."""
    request = read_search(params, view="documents")
    match = Match(request)
    # The whole match set is ranked, as the page ranks it: an export is read in full, in the
    # page's order.
    if request.by_paragraph:
        return rows.exact_documents(match, sort=request.sort, offset=0, limit=limit)[1]
    return rows.walk_documents(match, sort=request.sort, offset=0, limit=limit)


def export_documents(params: Params, *, limit: int) -> Iterator[Document]:
    """The matching documents in the page's order, at most `limit`, with sponsors and topics."""
    ids = export_document_ids(params, limit=limit)
    for chunk in _streamed(_DOCUMENT_ROWS, ids):
        documents = [_document_of(row) for row in chunk]
        prefetch_related_objects(documents, "sponsors", "topic_links__topic")
        yield from documents


def export_paragraphs(params: Params, *, limit: int) -> Iterator[Paragraph]:
    """The matching paragraphs in the page's order, at most `limit`."""
    request = read_search(params, view="paragraphs")
    match = Match(request)
    _count, ids = rows.exact_paragraphs(match, sort=request.sort, offset=0, limit=limit)
    for chunk in _streamed(_PARAGRAPH_ROWS, ids):
        for pk, position, kind, number, verb, text, *document in chunk:
            paragraph = Paragraph(
                pk=pk, position=position, kind=kind, number=number, verb=verb, text=text
            )
            paragraph.document = _document_of(tuple(document))
            yield paragraph


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
