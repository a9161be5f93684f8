"""The search and browse page and its exports: read GET, call a selector, render."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from .. import search as selectors
from ..citations import normalize_symbol
from ..document_display import UN_SYMBOL_RE, official_record_url
from ..feeds import search_feed_url
from ..search import EXPORT_MAX_ROWS, FACETS, VISIBLE_TOPIC_STATUSES, facet_names
from ..search.facets import Facet
from ..search.values import FIRST_YEAR, LAST_YEAR
from ..selectors import cited_outside_archive
from .search_citations import CITATION_EXPORT_MAX

SORTS_CHOSEN = {"newest", "oldest"}


def is_fragment(request: HttpRequest) -> bool:
    """A script asking for the results region only (the page works without it)."""
    return request.headers.get("X-Fragment") == "results"


def _removed(params: QueryDict, facet: Facet, value: str) -> str:
    """The query string without one chosen value of a facet (back to page 1)."""
    params = params.copy()
    params.pop("page", None)
    remaining = [v for v in params.getlist(facet.key) if v.strip() != value]
    if remaining and len(facet.params) == 1:
        params.setlist(facet.key, remaining)
    else:
        for name in facet.params:
            params.pop(name, None)
    return params.urlencode()


def active_filters(
    results: selectors.SearchResults, asked: selectors.SearchRequest, params: QueryDict
) -> list[dict]:
    """The filters in force, each with a label and the query string that removes it."""
    active = []
    for facet in FACETS:
        chosen = asked.filters.get(facet.key)
        if chosen is None:
            continue
        shown = {v.value: v.label for v in results.facets.get(facet.key, [])}
        for value, label in facet.described(chosen):
            active.append(
                {
                    "key": facet.key,
                    "params": facet.params,
                    "name": "Years" if facet.key == "year" else facet.label,
                    "value": value,
                    "label": shown.get(value, label),
                    "remove": _removed(params, facet, value),
                }
            )
    return active


def year_bars(values: list[selectors.FacetValue]) -> list[tuple[int, int, bool]]:
    """(year, count, selected) from the first year to the last, gaps as zero (150 at most)."""
    counts = {int(v.value): (v.count, v.selected) for v in values}
    if not counts:
        return []
    first, last = min(counts), max(counts)
    first = max(first, last - 149)
    return [(year, *counts.get(year, (0, False))) for year in range(first, last + 1)]


def absent_symbol(query: str, matches: list) -> tuple[str, str] | None:
    """A typed UN symbol (A/RES/99/999) that no document has nor cites, with its official record."""
    key = normalize_symbol(query)
    if matches or not UN_SYMBOL_RE.fullmatch(key) or not any(c.isdigit() for c in key):
        return None
    return key, official_record_url(key)


def api_params(asked: selectors.SearchRequest) -> str:
    """The search as understood, for the API (which refuses what the page ignores), page 1."""
    params = dict(asked.cleaned)
    if asked.view != "documents":
        params["view"] = asked.view
    if asked.sort != ("relevance" if asked.query else "newest"):
        params["sort"] = asked.sort
    return urlencode(params, doseq=True)


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """Search and browse: an empty query lists everything, newest first."""
    asked = selectors.read_search(request.GET)
    query, view, sort = asked.query, asked.view, asked.sort
    matches = []
    if query and not request.GET.get("page"):
        matches = selectors.find_documents_by_citation(query)
        if len(matches) == 1:
            # A typed symbol or citation goes straight to its document.
            return redirect(matches[0].get_absolute_url())
    results = selectors.results_of(asked)
    not_in_archive = cited_outside_archive(query) if query and not matches else None
    facets = results.facets
    year_counts = {int(v.value): v.count for v in facets.get("year", [])}
    verb_counts = [(v.value, v.count) for v in facets.get("verb", [])[:12]]
    context = {
        "results": results,
        "query": query,
        "view": view,
        "sort": sort,
        "sorts": selectors.SORTS,
        # The sort asked for in the URL; none (or relevance) is the default "best match".
        "chosen_sort": request.GET.get("sort") if request.GET.get("sort") in SORTS_CHOSEN else "",
        "views": selectors.VIEWS,
        "within": asked.within,
        "withins": selectors.WITHIN,
        "citation_matches": matches,
        "not_in_archive": not_in_archive,
        "absent_symbol": absent_symbol(query, matches) if query and not not_in_archive else None,
        "active_filters": active_filters(results, asked, request.GET),
        "facet_names": facet_names(),
        "year_counts": year_counts,
        "verb_counts": verb_counts,
        "unit": "paragraph" if view == "paragraphs" else "document",
        "params": request.GET.urlencode(),
        "feed_url": search_feed_url(request.GET),
        "api_params": api_params(asked),
        # The query and filters alone: what the commitment analytics of these documents read.
        "selection_params": urlencode(asked.cleaned, doseq=True),
        "export_max_rows": EXPORT_MAX_ROWS,
        "citation_export_max": CITATION_EXPORT_MAX,
        "has_filters": bool(results.cleaned),
        "facet_sections": [(key, name) for key, name in facet_names().items() if key != "year"],
        "year_bars": year_bars(facets.get("year", [])),
        "year_limits": (FIRST_YEAR, LAST_YEAR),
        "year_chart_label": f"{'Paragraphs' if view == 'paragraphs' else 'Documents'} per year",
        "verb_chart_label": "Most frequent operative verbs"
        + (" (paragraphs)" if view == "paragraphs" else " (documents using them)"),
    }
    template = "resolutions/search.html"
    if is_fragment(request):
        template += "#results"
    response = render(request, template, context)
    patch_vary_headers(response, ["X-Fragment"])
    return response


# --- exports: the same parameters, streamed, capped at EXPORT_MAX_ROWS ---


class _Echo:
    """A file-like object whose write returns the line: csv.writer into a streaming response."""

    def write(self, value: str) -> str:
        return value


DOCUMENT_COLUMNS = [
    "id",
    "symbol",
    "title",
    "body",
    "doc_type",
    "number",
    "date",
    "year",
    "sponsors",
    "topics",
    "url",
]
PARAGRAPH_COLUMNS = [
    "id",
    "document_id",
    "document_symbol",
    "document_title",
    "body",
    "year",
    "kind",
    "number",
    "verb",
    "text",
    "url",
]


def document_row(document, *, base: str) -> dict:
    """A document as an export row (sponsors and topics prefetched)."""
    return {
        "id": document.pk,
        "symbol": document.symbol or "",
        "title": document.title,
        "body": document.body.code,
        "doc_type": document.doc_type,
        "number": document.number,
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "sponsors": [country.name for country in document.sponsors.all()],
        "topics": [
            link.topic.name
            for link in document.topic_links.all()
            if link.status in VISIBLE_TOPIC_STATUSES
        ],
        "url": base + document.get_absolute_url(),
    }


def paragraph_row(paragraph, *, base: str) -> dict:
    """A paragraph as an export row, linked to its place in its document."""
    document = paragraph.document
    return {
        "id": paragraph.pk,
        "document_id": document.pk,
        "document_symbol": document.symbol or "",
        "document_title": document.title,
        "body": document.body.code,
        "year": document.year,
        "kind": paragraph.kind,
        "number": paragraph.number,
        "verb": paragraph.verb,
        "text": paragraph.text,
        "url": f"{base}{document.get_absolute_url()}#{paragraph.anchor}",
    }


def _export_rows(request: HttpRequest) -> tuple[list[str], Iterator[dict]]:
    """The export's columns and rows, its query already run: a search that fails does so here,
    before the first byte, and is answered as an error page, not as a truncated file."""
    view = selectors.read_search(request.GET).view
    base = request.build_absolute_uri("/").rstrip("/")
    if view == "paragraphs":
        paragraphs = selectors.export_paragraphs(request.GET, limit=EXPORT_MAX_ROWS)
        return PARAGRAPH_COLUMNS, _started(paragraph_row(p, base=base) for p in paragraphs)
    documents = selectors.export_documents(request.GET, limit=EXPORT_MAX_ROWS)
    return DOCUMENT_COLUMNS, _started(document_row(d, base=base) for d in documents)


def _started(rows: Iterator[dict]) -> Iterator[dict]:
    """The rows with the first one read now (which runs the search's statements)."""
    first = next(rows, None)
    return iter(()) if first is None else itertools.chain([first], rows)


def _ending_detectably(chunks: Iterator[str], *, failure: Callable[[Exception], str]):
    """Stream the chunks; if reading fails midway, write `failure(error)` and break the stream
    (no final chunk), so that a client sees an incomplete download, never a short valid file."""
    try:
        yield from chunks
    except Exception as error:
        yield failure(error)
        raise


@require_safe
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The current result set as CSV (documents, or paragraphs with view=paragraphs)."""
    columns, rows = _export_rows(request)
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow(columns)
        for row in rows:
            yield writer.writerow(
                [
                    "; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                    for v in (row[c] for c in columns)
                ]
            )

    response = StreamingHttpResponse(
        _ending_detectably(
            lines(), failure=lambda error: f"# export incomplete: {type(error).__name__}\n"
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="search.csv"'
    return response


@require_safe
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    """The current result set as a JSON array of rows, streamed."""
    _columns, rows = _export_rows(request)

    def chunks() -> Iterator[str]:
        yield "["
        for i, row in enumerate(rows):
            yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]\n"

    # A failure leaves the array unclosed: no JSON parser takes a cut export for a whole one.
    response = StreamingHttpResponse(
        _ending_detectably(chunks(), failure=lambda error: '\n{"error": "export incomplete"}'),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="search.json"'
    return response
