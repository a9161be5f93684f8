"""Reads: querysets the views and feeds use, one query each."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404

from .models import Document, Paragraph, Reference


def published_documents() -> QuerySet[Document]:
    """Documents that researchers may see."""
    return Document.objects.filter(status=Document.Status.PUBLISHED)


def published_paragraphs() -> QuerySet[Paragraph]:
    """Paragraphs of documents that researchers may see."""
    return Paragraph.objects.filter(document__status=Document.Status.PUBLISHED)


def get_published_document(*, symbol: str | None = None, pk: int | None = None) -> Document:
    """The published document by symbol or id, with body and draft/adopted versions; else 404."""
    documents = (
        published_documents()
        .select_related("body", "draft__body", "adopted_version__body")
        # The page shows paragraphs, not the full texts (tens of kilobytes each).
        .defer("full_text", "draft__full_text", "adopted_version__full_text")
    )
    if symbol is not None:
        return get_object_or_404(documents, symbol=symbol)
    return get_object_or_404(documents, pk=pk)


def references_of(document: Document) -> QuerySet[Reference]:
    """What a document cites, in paragraph order, with the cited documents in the same query."""
    return (
        Reference.objects.filter(citing_document=document)
        .select_related("citing_paragraph", "cited_document", "cited_document__body")
        .order_by("citing_paragraph__position", "pk")
    )


def citations_of(document: Document) -> QuerySet[Reference]:
    """What published documents cite a document, newest first, citing documents joined."""
    return (
        Reference.objects.filter(
            cited_document=document, citing_document__status=Document.Status.PUBLISHED
        )
        .select_related("citing_document__body", "citing_paragraph")
        .order_by(
            F("citing_document__date").desc(nulls_last=True),
            F("citing_document__year").desc(nulls_last=True),
            "-citing_document__pk",
            "pk",
        )
    )
