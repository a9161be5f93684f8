"""Rows as the schemas want them: plain dicts built from model instances, one function each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.urls import reverse

from .. import search
from ..lineage.models import ParagraphLineage
from ..models import Document, Paragraph, Reference
from ..search import VISIBLE_TOPIC_STATUSES

NAMESPACE = "api-v1"


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def api_url(request: HttpRequest, name: str, *args: object) -> str:
    """The absolute address of an API operation (`name` as in the routers' `url_name`)."""
    return absolute(request, reverse(f"{NAMESPACE}:{name}", args=args))


def documents_url(request: HttpRequest, **params: str) -> str:
    """The API's document list filtered by one parameter, e.g. `?body=GA`."""
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{api_url(request, 'document_list')}?{query}"


def document_ref(request: HttpRequest, document: Document) -> dict[str, Any]:
    """A document named from elsewhere (body joined)."""
    return {
        "id": document.pk,
        "symbol": document.symbol,
        "label": document.label,
        "title": document.title,
        "body": document.body.code,
        "year": document.year,
        "url": absolute(request, document.get_absolute_url()),
        "api_url": api_url(request, "document", document.pk),
    }


def document_out(request: HttpRequest, document: Document) -> dict[str, Any]:
    """A document's metadata (body joined; sponsors and topic links prefetched)."""
    return {
        "id": document.pk,
        "symbol": document.symbol,
        "label": document.label,
        "title": document.title,
        "body": {"code": document.body.code, "name": document.body.name},
        "doc_type": document.doc_type,
        "number": document.number,
        "date": document.date,
        "year": document.year,
        "sponsors": [{"slug": c.slug, "name": c.name} for c in document.sponsors.all()],
        "topics": [
            {"slug": link.topic.slug, "name": link.topic.name, "status": link.status}
            for link in document.topic_links.all()
            if link.status in VISIBLE_TOPIC_STATUSES
        ],
        "url": absolute(request, document.get_absolute_url()),
        "api_url": api_url(request, "document", document.pk),
    }


def with_addressees(paragraphs: Iterable[Paragraph]) -> None:
    """Load the addressees of paragraphs about to be shown, in one query."""
    lineages = ParagraphLineage.objects.only("paragraph", "addressees")
    prefetch_related_objects(list(paragraphs), Prefetch("lineage", queryset=lineages))


def addressees(paragraph: Paragraph) -> list[str]:
    """Whom the paragraph addresses, as its lineage recorded (none before it is matched)."""
    lineage = getattr(paragraph, "lineage", None)
    return lineage.addressees if lineage is not None else []


def paragraph_out(request: HttpRequest, paragraph: Paragraph) -> dict[str, Any]:
    """A paragraph's place (its document, or at least the document's symbol, loaded; its
    addressees loaded by `with_addressees`)."""
    return {
        "id": paragraph.pk,
        "document_id": paragraph.document_id,
        "position": paragraph.position,
        "kind": paragraph.kind,
        "number": paragraph.number,
        "verb": paragraph.verb,
        "anchor": paragraph.anchor,
        "url": absolute(request, paragraph.get_absolute_url()),
        "addressees": addressees(paragraph),
    }


def paragraph_text(request: HttpRequest, paragraph: Paragraph) -> dict[str, Any]:
    return {
        **paragraph_out(request, paragraph),
        "text": paragraph.text,
        "footnotes": paragraph.footnotes,
    }


def paragraph_hit(request: HttpRequest, paragraph: Paragraph, *, query: str) -> dict[str, Any]:
    """A found paragraph: with a query, a snippet with the matches marked; else its text."""
    row = paragraph_out(request, paragraph)
    if not query:
        return {**row, "text": paragraph.text}
    snippet = str(paragraph.snippet)
    return {
        **row,
        "snippet": search.plain(snippet),
        "snippet_html": str(search.highlighted(snippet)),
    }


def reference_out(request: HttpRequest, reference: Reference) -> dict[str, Any]:
    """A citation made; the cited document only when researchers may see it."""
    cited = reference.cited_document
    visible = cited is not None and cited.status == Document.Status.PUBLISHED
    return {
        "cited_key": reference.cited_key,
        "cited_text": reference.cited_text,
        "paragraph_id": reference.citing_paragraph_id,
        "document_id": cited.pk if visible else None,
        "api_url": api_url(request, "document", cited.pk) if visible else None,
    }


def cited_by_out(request: HttpRequest, reference: Reference) -> dict[str, Any]:
    """A citation received, from a published document (citing document and body joined)."""
    citing = reference.citing_document
    return {
        "document_id": citing.pk,
        "label": citing.label,
        "title": citing.title,
        "year": citing.year,
        "paragraph_id": reference.citing_paragraph_id,
        "url": absolute(request, citing.get_absolute_url()),
        "api_url": api_url(request, "document", citing.pk),
    }
