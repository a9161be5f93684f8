"""A search's documents as one citation file (RIS or BibTeX) for a reference manager.

The same parameters as /search/ and the same export path as the CSV and JSON exports, written by
`citation_formats`. A citation file is for reading into a library, so it is bounded more tightly
than a data export: past CITATION_EXPORT_MAX documents the answer says so and writes nothing.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import search as selectors
from ..models import Document, DocumentTopic
from ..selectors import published_documents
from .documents import CITATION_FILES

CITATION_EXPORT_MAX = 1000


def documents_to_cite(request: HttpRequest, *, limit: int) -> list[Document]:
    """The search's documents in its order, at most `limit`, each with body and visible topics."""
    ids = selectors.export_document_ids(request.GET, limit=limit)
    visible = DocumentTopic.objects.exclude(status=DocumentTopic.Status.REJECTED).select_related(
        "topic"
    )
    documents = (
        published_documents()
        .filter(pk__in=ids)
        .select_related("body")
        .defer("full_text")
        .prefetch_related(Prefetch("topic_links", queryset=visible.order_by("topic__name")))
    )
    by_id = {document.pk: document for document in documents}
    return [by_id[pk] for pk in ids if pk in by_id]


def _citation_file(request: HttpRequest, *, extension: str) -> HttpResponse:
    """The file of CITATION_FILES[extension] for the search, or a page saying it is too large."""
    write, content_type = CITATION_FILES[extension]
    documents = documents_to_cite(request, limit=CITATION_EXPORT_MAX + 1)
    if len(documents) > CITATION_EXPORT_MAX:
        context = {"limit": CITATION_EXPORT_MAX, "params": request.GET.urlencode()}
        return render(request, "resolutions/export_too_large.html", context, status=400)
    records = [
        write(
            document,
            url=request.build_absolute_uri(document.get_absolute_url()),
            topics=[link.topic.name for link in document.topic_links.all()],
        )
        for document in documents
    ]
    response = HttpResponse(
        ("" if extension == "ris" else "\n").join(records),
        content_type=f"{content_type}; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="search.{extension}"'
    return response


@require_safe
def export_ris(request: HttpRequest) -> HttpResponse:
    """The search's documents as RIS records, at most CITATION_EXPORT_MAX."""
    return _citation_file(request, extension="ris")


@require_safe
def export_bibtex(request: HttpRequest) -> HttpResponse:
    """The search's documents as BibTeX entries, at most CITATION_EXPORT_MAX."""
    return _citation_file(request, extension="bib")
