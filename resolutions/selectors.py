"""Reads: querysets the views and feeds use, one query each."""

from __future__ import annotations

from django.db.models import F, QuerySet

from .models import Document, Paragraph, Reference


def published_documents() -> QuerySet[Document]:
    """Documents that researchers may see."""
    return Document.objects.filter(status=Document.Status.PUBLISHED)


def published_paragraphs() -> QuerySet[Paragraph]:
    """Paragraphs of documents that researchers may see."""
    return Paragraph.objects.filter(document__status=Document.Status.PUBLISHED)


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
