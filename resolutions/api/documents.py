"""`/api/v1/documents/`: the list (the search's filters) and one document with its paragraphs
and its citations both ways."""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from ..document_reads import CitationPages, cited_by_of
from ..models import Document
from ..selectors import citations_of, published_documents, references_of
from .errors import LIST_ERRORS, ONE_ERRORS
from .pagination import PageParams, paginate
from .params import SearchFilters
from .representations import (
    api_url,
    cited_by_out,
    document_out,
    paragraph_text,
    reference_out,
    with_addressees,
)
from .schemas import CitedByPage, DocumentDetail, DocumentPage, ReferencePage
from .searches import listed

router = Router(tags=["documents"])


def published_document(**lookup: object) -> Document:
    """A published document with its body, sponsors and topics, or a 404."""
    document = get_object_or_404(
        published_documents().select_related("body").defer("full_text"), **lookup
    )
    prefetch_related_objects([document], "sponsors", "topic_links__topic")
    return document


def document_detail(request: HttpRequest, document: Document) -> dict[str, Any]:
    """Metadata, every paragraph with its footnotes, the citations made, and the newest
    CITED_BY_SHOWN received (as the document's page lists them) with their count and the
    address of them all, page by page (a resolution can be cited tens of thousands of times)."""
    paragraphs = list(document.paragraphs.defer("search_vector"))
    for paragraph in paragraphs:
        paragraph.document = document
    with_addressees(paragraphs)
    cited_by = cited_by_of(document)
    return {
        **document_out(request, document),
        "session": document.session,
        "agenda_item": document.agenda_item,
        "language": document.language,
        "paragraphs": [paragraph_text(request, p) for p in paragraphs],
        "references": [reference_out(request, ref) for ref in references_of(document)],
        "cited_by": [cited_by_out(request, ref) for ref in cited_by.items],
        "cited_by_count": cited_by.choices.total,
        "cited_by_url": api_url(request, "document_cited_by", document.pk),
    }


@router.get("/documents/", response={200: DocumentPage, **LIST_ERRORS}, url_name="document_list")
def list_documents(
    request: HttpRequest, filters: Query[SearchFilters], paging: Query[PageParams]
) -> dict[str, Any]:
    """Published documents matching the filters, a page at a time (newest first without `q`)."""
    return listed(request, "documents", filters, paging)


@router.get(
    "/documents/{int:pk}/", response={200: DocumentDetail, **ONE_ERRORS}, url_name="document"
)
def get_document(request: HttpRequest, pk: int) -> dict[str, Any]:
    """One document: metadata, every paragraph with its footnotes, the citations it makes
    (`references`) and the newest published documents that cite it (`cited_by`, at most 20;
    `cited_by_count` of them in all, every one at `cited_by_url`)."""
    return document_detail(request, published_document(pk=pk))


@router.get(
    "/documents/by-symbol/{path:symbol}/",
    response={200: DocumentDetail, **ONE_ERRORS},
    url_name="document_by_symbol",
)
def get_document_by_symbol(request: HttpRequest, symbol: str) -> dict[str, Any]:
    """One document by its UN symbol (`E/RES/2014/23`), as `get_document` answers it."""
    return document_detail(request, published_document(symbol=symbol))


@router.get(
    "/documents/{int:pk}/references/",
    response={200: ReferencePage, **LIST_ERRORS},
    url_name="document_references",
)
def list_references(request: HttpRequest, pk: int, paging: Query[PageParams]) -> dict[str, Any]:
    """What a document cites, in paragraph order, a page at a time."""
    document = get_object_or_404(published_documents(), pk=pk)
    fields, rows = paginate(request, references_of(document), paging)
    return {**fields, "results": [reference_out(request, ref) for ref in rows]}


@router.get(
    "/documents/{int:pk}/cited-by/",
    response={200: CitedByPage, **LIST_ERRORS},
    url_name="document_cited_by",
)
def list_cited_by(request: HttpRequest, pk: int, paging: Query[PageParams]) -> dict[str, Any]:
    """The published documents that cite a document, newest first, a page at a time."""
    document = get_object_or_404(published_documents(), pk=pk)
    fields, rows = paginate(request, CitationPages(citations_of(document)), paging)
    return {**fields, "results": [cited_by_out(request, ref) for ref in rows]}
