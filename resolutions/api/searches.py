"""`/api/v1/search/`, and the search behind the document and paragraph lists.

These call the search's public entry points only; its page is checked here (a page past the
last is a 404) and its own complaints about parameters become a 400.
"""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Query, Router

from .. import search
from .errors import LIST_ERRORS, invalid_parameters
from .pagination import PageParams, check_page, envelope
from .params import SearchFilters, SearchParams
from .representations import document_out, document_ref, paragraph_hit, with_addressees
from .schemas import SearchPage

router = Router(tags=["search"])


def checked(results: search.SearchResults, *, page: int) -> search.SearchResults:
    """The results, unless the search refused a parameter or the page is past the last."""
    if results.errors:
        raise invalid_parameters(results.errors)
    check_page(page, results.page.paginator.num_pages)
    return results


def page_fields(request: HttpRequest, results: search.SearchResults) -> dict[str, Any]:
    paginator = results.page.paginator
    return envelope(
        request,
        count=results.count,
        number=results.page.number,
        per_page=paginator.per_page,
        num_pages=paginator.num_pages,
        count_is_estimate=results.count_is_estimate,
    )


def document_hits(request: HttpRequest, results: search.SearchResults) -> list[dict[str, Any]]:
    """Found documents, each with its match count and best paragraphs."""
    documents = results.rows
    prefetch_related_objects(documents, "sponsors", "topic_links__topic")
    with_addressees(p for d in documents for p in getattr(d, "best_paragraphs", []))
    return [
        {
            **document_out(request, document),
            "match_count": getattr(document, "match_count", 0),
            "paragraphs": [
                paragraph_hit(request, paragraph, query=results.query)
                for paragraph in getattr(document, "best_paragraphs", [])
            ],
        }
        for document in documents
    ]


def paragraph_hits(request: HttpRequest, results: search.SearchResults) -> list[dict[str, Any]]:
    """Found paragraphs, each with the document it belongs to."""
    with_addressees(results.rows)
    return [
        {
            **paragraph_hit(request, paragraph, query=results.query),
            "document": document_ref(request, paragraph.document),
        }
        for paragraph in results.rows
    ]


def hits(request: HttpRequest, results: search.SearchResults) -> list[dict[str, Any]]:
    """The page's rows as data: documents, or paragraphs with `view=paragraphs`."""
    rows = paragraph_hits if results.view == "paragraphs" else document_hits
    return rows(request, results)


def facets_out(results: search.SearchResults) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in values
        ]
        for name, values in results.facets.items()
    }


def run(view: str | None, filters: SearchFilters, paging: PageParams, **options: Any):
    """The search for these filters and this page (`view` fixed, or as the filters ask), read
    strictly: a value it cannot use, or one the archive does not know, is a 400."""
    params = {**filters.as_search_params(), "page": str(paging.page)}
    try:
        asked = search.read_search(params, view=view, strict=True)
        search.ensure_known(asked)
    except search.InvalidSearch as invalid:
        raise invalid_parameters(invalid.errors) from invalid
    results = search.results_of(asked, per_page=paging.per_page, **options)
    return checked(results, page=paging.page)


def listed(
    request: HttpRequest, view: str, filters: SearchFilters, paging: PageParams
) -> dict[str, Any]:
    """A list of documents or paragraphs: the search of these filters without facets."""
    results = run(view, filters, paging, with_facets=False)
    return {**page_fields(request, results), "results": hits(request, results)}


@router.get("/search/", response={200: SearchPage, **LIST_ERRORS}, url_name="search")
def search_archive(
    request: HttpRequest, filters: Query[SearchParams], paging: Query[PageParams]
) -> dict[str, Any]:
    """The search page as data: a page of documents (or of paragraphs with `view=paragraphs`)
    and, for every filter, its values counted under the other active filters."""
    results = run(None, filters, paging)
    return {
        **page_fields(request, results),
        "view": results.view,
        "sort": results.sort,
        "facets_are_estimates": results.facets_are_estimates,
        "notices": results.notices,
        "suggestion": results.suggestion.query if results.suggestion else None,
        "results": hits(request, results),
        "facets": facets_out(results),
    }
