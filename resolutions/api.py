"""A read-only JSON API: the search of `/search/` with the same parameters, documents, paragraphs.

Plain `JsonResponse` views. Every list takes the parameters of `/search/` (`q`, `body`,
`year_min`, `year_max`, `topic`, `verb`, `doc_type`, `sponsor`, `kind`, `cites`, `sort`, `page`)
plus `per_page` (at most `MAX_PER_PAGE`). Only published documents appear.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import search as selectors
from .models import Document, Paragraph
from .search import EXPORT_MAX_ROWS, VISIBLE_TOPIC_STATUSES, InvalidSearch, facet_names
from .selectors import citations_of, published_documents

MAX_PER_PAGE = 100


def _per_page(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("per_page", selectors.PER_PAGE)), MAX_PER_PAGE))
    except ValueError:
        return selectors.PER_PAGE


def _invalid(invalid: InvalidSearch) -> JsonResponse:
    """400: the parameters that cannot be used, each with the reason."""
    return JsonResponse({"errors": invalid.errors}, status=400)


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def paragraph_json(request: HttpRequest, paragraph: Paragraph, *, snippet: str | None = None):
    """A paragraph: its place, its text or snippet, its address in its document."""
    data = {
        "id": paragraph.pk,
        "document_id": paragraph.document_id,
        "position": paragraph.position,
        "kind": paragraph.kind,
        "number": paragraph.number,
        "verb": paragraph.verb,
        "anchor": paragraph.anchor,
        "url": _absolute(request, f"{paragraph.document.get_absolute_url()}#{paragraph.anchor}"),
    }
    if snippet is not None:
        data["snippet"] = selectors.plain(snippet)
        data["snippet_html"] = str(selectors.highlighted(snippet))
    else:
        data["text"] = paragraph.text
    return data


def document_json(request: HttpRequest, document: Document) -> dict:
    """A document's metadata (sponsors and topics prefetched)."""
    return {
        "id": document.pk,
        "symbol": document.symbol,
        "label": document.label,
        "title": document.title,
        "body": {"code": document.body.code, "name": document.body.name},
        "doc_type": document.doc_type,
        "number": document.number,
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "sponsors": [{"slug": c.slug, "name": c.name} for c in document.sponsors.all()],
        "topics": [
            {"slug": link.topic.slug, "name": link.topic.name, "status": link.status}
            for link in document.topic_links.all()
            if link.status in VISIBLE_TOPIC_STATUSES
        ],
        "url": _absolute(request, document.get_absolute_url()),
        "api_url": _absolute(request, reverse("resolutions:api_document", args=[document.pk])),
    }


def _page_json(results: selectors.SearchResults) -> dict:
    page = results.page
    return {
        "count": results.count,
        # Above a threshold the count and facets are estimated on a sample ("about N").
        "count_is_estimate": results.count_is_estimate,
        "facets_are_estimates": results.facets_are_estimates,
        "page": page.number,
        "num_pages": page.paginator.num_pages,
        "per_page": page.paginator.per_page,
        "view": results.view,
        "sort": results.sort,
        "errors": results.errors,
        "notices": results.notices,
        "suggestion": results.suggestion.query if results.suggestion else None,
    }


def _document_rows(request: HttpRequest, results: selectors.SearchResults) -> list[dict]:
    documents = results.rows
    prefetch_related_objects(documents, "sponsors", "topic_links__topic")
    rows = []
    for document in documents:
        row = document_json(request, document)
        row["match_count"] = getattr(document, "match_count", 0)
        row["paragraphs"] = [
            paragraph_json(request, p, snippet=p.snippet if results.query else None)
            for p in getattr(document, "best_paragraphs", [])
        ]
        rows.append(row)
    return rows


def _paragraph_rows(request: HttpRequest, results: selectors.SearchResults) -> list[dict]:
    rows = []
    for paragraph in results.rows:
        row = paragraph_json(
            request, paragraph, snippet=paragraph.snippet if results.query else None
        )
        document = paragraph.document
        row["document"] = {
            "id": document.pk,
            "symbol": document.symbol,
            "label": document.label,
            "title": document.title,
            "body": document.body.code,
            "year": document.year,
            "url": _absolute(request, document.get_absolute_url()),
        }
        rows.append(row)
    return rows


def _facets_json(facets: dict) -> dict:
    return {
        key: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in values
        ]
        for key, values in facets.items()
    }


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    """`/api/search/`: the search page as data: `count`, `results`, `facets`."""
    try:
        asked = selectors.read_search(request.GET, strict=True)
        selectors.ensure_known(asked)
    except InvalidSearch as invalid:
        return _invalid(invalid)
    results = selectors.results_of(asked, per_page=_per_page(request))
    data = _page_json(results)
    if results.view == "paragraphs":
        data["results"] = _paragraph_rows(request, results)
    else:
        data["results"] = _document_rows(request, results)
    data["facets"] = _facets_json(results.facets)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_documents(request: HttpRequest) -> JsonResponse:
    """`/api/documents/`: matching documents, a page at a time."""
    try:
        asked = selectors.read_search(request.GET, view="documents", strict=True)
        selectors.ensure_known(asked)
    except InvalidSearch as invalid:
        return _invalid(invalid)
    results = selectors.results_of(asked, per_page=_per_page(request), with_facets=False)
    data = _page_json(results)
    data["results"] = _document_rows(request, results)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_document(request: HttpRequest, pk: int) -> JsonResponse:
    """`/api/documents/<id>/`: a document with its paragraphs and citations both ways."""
    document = get_object_or_404(
        published_documents().select_related("body").defer("full_text"), pk=pk
    )
    prefetch_related_objects([document], "sponsors", "topic_links__topic")
    data = document_json(request, document)
    data["session"] = document.session
    data["agenda_item"] = document.agenda_item
    paragraphs = list(document.paragraphs.defer("search_vector"))
    for paragraph in paragraphs:
        paragraph.document = document
    data["paragraphs"] = [
        {**paragraph_json(request, p), "footnotes": p.footnotes} for p in paragraphs
    ]
    data["references"] = [
        {
            "cited_key": ref.cited_key,
            "cited_text": ref.cited_text,
            "paragraph_id": ref.citing_paragraph_id,
            "document_id": ref.cited_document_id
            if ref.cited_document and ref.cited_document.status == Document.Status.PUBLISHED
            else None,
        }
        for ref in document.references.select_related("cited_document").only(
            "cited_key",
            "cited_text",
            "citing_paragraph_id",
            "cited_document__id",
            "cited_document__status",
        )
    ]
    data["cited_by"] = [
        {"document_id": ref.citing_document_id, "label": ref.citing_document.label}
        for ref in citations_of(document)
    ]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_paragraphs(request: HttpRequest) -> JsonResponse:
    """`/api/paragraphs/`: matching paragraphs, one row each."""
    try:
        asked = selectors.read_search(request.GET, view="paragraphs", strict=True)
        selectors.ensure_known(asked)
    except InvalidSearch as invalid:
        return _invalid(invalid)
    results = selectors.results_of(asked, per_page=_per_page(request), with_facets=False)
    data = _page_json(results)
    data["results"] = _paragraph_rows(request, results)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def api_docs(request: HttpRequest):
    """`/api/`: the endpoints and their parameters, for people."""
    if request.method not in {"GET", "HEAD"}:
        raise Http404
    return render(
        request,
        "resolutions/api_docs.html",
        {
            "facet_names": facet_names(),
            "max_per_page": MAX_PER_PAGE,
            "per_page": selectors.PER_PAGE,
            "export_max_rows": EXPORT_MAX_ROWS,
        },
    )
