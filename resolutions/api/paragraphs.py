"""`/api/v1/paragraphs/`: the list (the search's filters) and one paragraph with its citations."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from ..selectors import published_paragraphs
from .errors import LIST_ERRORS, ONE_ERRORS
from .pagination import PageParams
from .params import SearchFilters
from .representations import document_ref, paragraph_text, reference_out, with_addressees
from .schemas import ParagraphDetail, ParagraphPage
from .searches import listed

router = Router(tags=["paragraphs"])


@router.get("/paragraphs/", response={200: ParagraphPage, **LIST_ERRORS}, url_name="paragraph_list")
def list_paragraphs(
    request: HttpRequest, filters: Query[SearchFilters], paging: Query[PageParams]
) -> dict[str, Any]:
    """Paragraphs of published documents matching the filters, one row each."""
    return listed(request, "paragraphs", filters, paging)


@router.get(
    "/paragraphs/{int:pk}/", response={200: ParagraphDetail, **ONE_ERRORS}, url_name="paragraph"
)
def get_paragraph(request: HttpRequest, pk: int) -> dict[str, Any]:
    """One paragraph: its text and footnotes, its document, the citations it makes."""
    paragraph = get_object_or_404(
        published_paragraphs().select_related("document__body").defer("search_vector"), pk=pk
    )
    with_addressees([paragraph])
    references = paragraph.references.select_related("cited_document").order_by("pk")
    return {
        **paragraph_text(request, paragraph),
        "document": document_ref(request, paragraph.document),
        "references": [reference_out(request, ref) for ref in references],
    }
