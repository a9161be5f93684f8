"""Reads: querysets the views and feeds use, one query each."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Document, Reference


def references_of(document: Document) -> QuerySet[Reference]:
    """What a document cites, in paragraph order, with the cited documents in the same query."""
    return (
        Reference.objects.filter(citing_document=document)
        .select_related("citing_paragraph", "cited_document", "cited_document__body")
        .order_by("citing_paragraph__position", "pk")
    )


def citations_of(document: Document) -> QuerySet[Reference]:
    """What cites a document, newest first, with the citing documents in the same query."""
    return (
        Reference.objects.filter(cited_document=document)
        .select_related("citing_document", "citing_document__body", "citing_paragraph")
        .order_by("-citing_document__date", "citing_document__citation_key", "pk")
    )
