"""A search's page of results: the rows, the count, the facets, what the reader should be told.

`search(params)` reads the request (`request.py`), chooses exact or walked rows (`rows.py`) by
the size of the match set (`counts.py`), fetches the page's rows by primary key with `only()`
(vectors and full texts stay in the database) and their snippets (`snippets.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Page, Paginator

from ..models import Paragraph
from ..selectors import published_documents
from . import counts, rows
from .request import PER_PAGE, Params, SearchRequest, read_search
from .review import review
from .snippets import attach_best_paragraphs, headlines
from .sql import Match
from .types import DOCUMENT_FIELDS, PARAGRAPH_FIELDS, SearchResults

Fetch = Callable[[int, int], tuple[int, list[int]]]


class CountedPaginator(Paginator):
    """A paginator told its count: the page's rows are fetched by the selector, not sliced."""

    def __init__(self, count: int, per_page: int) -> None:
        super().__init__([], per_page)
        self.fixed_count = count

    @property
    def count(self) -> int:  # type: ignore[override]
        return self.fixed_count


def _pages(count: int, per_page: int) -> int:
    return max(-(-count // per_page), 1)


def _window(fetch: Fetch, *, number: int, per_page: int) -> tuple[int, int, list[int]]:
    """(count, page number, ids): fetch(offset, limit) -> (count, ids); past the end, the last."""
    total, ids = fetch((number - 1) * per_page, per_page)
    if not ids and number > 1:
        number = _pages(total, per_page)
        _total, ids = fetch((number - 1) * per_page, per_page)
    return total, number, ids


def _walked(
    walk: Callable[[int, int], list[int]],
    exact_count: Callable[[], int],
    *,
    estimate: int,
    number: int,
    per_page: int,
) -> tuple[int, int, list[int], bool]:
    """(count, page number, ids, estimated) of a page walked by date under an estimated count:
    any page the estimate allows is walked to; past the true end, the count is taken exactly
    and the last page shown."""
    number = min(number, _pages(estimate, per_page))
    ids = walk((number - 1) * per_page, per_page)
    if ids or number == 1:
        return estimate, number, ids, True
    count = exact_count()
    number = _pages(count, per_page)
    return count, number, walk((number - 1) * per_page, per_page), False


def _in_order(objects, ids: list[int]) -> list:
    by_pk = {o.pk: o for o in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _results(
    request: SearchRequest,
    match: Match,
    found: list,
    *,
    pages: int,
    number: int,
    per_page: int,
    total: int,
    estimated: bool,
    facet_rows: tuple[int, list, bool] | None,
    with_facets: bool,
) -> SearchResults:
    """One page of rows as SearchResults, with the facets (counted now unless already)."""
    facets, facets_estimated = {}, False
    if with_facets:
        on_paragraphs = request.view == "paragraphs"
        facet_rows = facet_rows or counts.counted(match, on_paragraphs=on_paragraphs)
        facets, facets_estimated = counts.facet_values(facet_rows[1], request), facet_rows[2]
    paginator = CountedPaginator(pages, per_page)
    told = review(request, match, count=total, shown_page=number)
    return SearchResults(
        query=request.query,
        view=request.view,
        sort=request.sort,
        page=Page(found, min(number, paginator.num_pages), paginator),
        facets=facets,
        errors=dict(request.errors),
        cleaned=request.cleaned,
        notices=[*request.notices, *told.notices],
        suggestion=told.suggestion,
        within=request.within,
        total=total,
        count_is_estimate=estimated,
        facets_are_estimates=facets_estimated,
    )


def document_page(
    request: SearchRequest, match: Match, *, per_page: int
) -> tuple[list[int], int, int, int, bool, tuple | None]:
    """(ids, count, rows paged through, page number, estimated, facet rows) of a documents page."""
    number, sort = request.page, request.sort
    if not request.by_paragraph:
        # Browsing by document filters: counting documents is cheap and exact.
        count = rows.count_walk_documents(match)
        number = min(number, _pages(count, per_page))
        ids = rows.walk_documents(match, sort=sort, offset=(number - 1) * per_page, limit=per_page)
        return ids, count, count, number, False, None
    if not counts.is_enormous(match, filtered=True):
        count, number, ids = _window(
            lambda o, n: rows.exact_documents(match, sort=sort, offset=o, limit=n),
            number=number,
            per_page=per_page,
        )
        return ids, count, count, number, False, None
    facet_rows = counts.counted(match, on_paragraphs=False, sample=True)
    if sort == "relevance" or not facet_rows[2]:
        # Relevance ranks every match (rows.py), and its count comes with the ranking.
        count, number, ids = _window(
            lambda o, n: rows.exact_documents(match, sort=sort, offset=o, limit=n),
            number=number,
            per_page=per_page,
        )
        return ids, count, count, number, False, facet_rows
    count, number, ids, estimated = _walked(
        lambda o, n: rows.walk_documents(match, sort=sort, offset=o, limit=n),
        lambda: rows.exact_count_documents(match),
        estimate=facet_rows[0],
        number=number,
        per_page=per_page,
    )
    return ids, count, count, number, estimated, facet_rows


def search_documents(
    params: Params, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """A page of matching documents, each with its best paragraphs, and the facets."""
    request = read_search(params, view="documents")
    return documents_of(request, per_page=per_page, with_facets=with_facets)


def documents_of(
    request: SearchRequest, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """search_documents for a request already read."""
    match = Match(request)
    ids, count, pages, number, estimated, facet_rows = document_page(
        request, match, per_page=per_page
    )
    documents = _in_order(
        published_documents().filter(pk__in=ids).select_related("body").only(*DOCUMENT_FIELDS),
        ids,
    )
    attach_best_paragraphs(documents, match)
    return _results(
        request,
        match,
        documents,
        pages=pages,
        number=number,
        per_page=per_page,
        total=count,
        estimated=estimated,
        facet_rows=facet_rows,
        with_facets=with_facets,
    )


def paragraph_page(
    request: SearchRequest, match: Match, *, per_page: int
) -> tuple[list[int], int, int, int, bool, tuple | None]:
    """(ids, count, rows paged through, page number, estimated, facet rows) of a paragraphs
    page."""
    number, sort = request.page, request.sort
    if not counts.is_enormous(match, filtered=True):
        count, number, ids = _window(
            lambda o, n: rows.exact_paragraphs(match, sort=sort, offset=o, limit=n),
            number=number,
            per_page=per_page,
        )
        return ids, count, count, number, False, None
    facet_rows = counts.counted(match, on_paragraphs=True, sample=True)
    if (sort == "relevance" and request.query) or not facet_rows[2]:
        # Relevance ranks every match (rows.py), and its count comes with the ranking.
        count, number, ids = _window(
            lambda o, n: rows.exact_paragraphs(match, sort=sort, offset=o, limit=n),
            number=number,
            per_page=per_page,
        )
        return ids, count, count, number, False, facet_rows
    count, number, ids, estimated = _walked(
        lambda o, n: rows.walk_paragraphs(match, sort=sort, offset=o, limit=n),
        lambda: rows.exact_paragraphs(match, sort=sort, offset=0, limit=1)[0],
        estimate=facet_rows[0],
        number=number,
        per_page=per_page,
    )
    return ids, count, count, number, estimated, facet_rows


def search_paragraphs(
    params: Params, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """A page of matching paragraphs, one by one, with snippets, and the facets."""
    request = read_search(params, view="paragraphs")
    return paragraphs_of(request, per_page=per_page, with_facets=with_facets)


def paragraphs_of(
    request: SearchRequest, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """search_paragraphs for a request already read."""
    match = Match(request)
    ids, count, pages, number, estimated, facet_rows = paragraph_page(
        request, match, per_page=per_page
    )
    fields = [*PARAGRAPH_FIELDS, "text", *(f"document__{name}" for name in DOCUMENT_FIELDS[1:])]
    found = _in_order(
        Paragraph.objects.filter(pk__in=ids).select_related("document__body").only(*fields), ids
    )
    snippets = headlines(match, [p.pk for p in found])
    for paragraph in found:
        paragraph.snippet = snippets.get(paragraph.pk, paragraph.text)
    return _results(
        request,
        match,
        found,
        pages=pages,
        number=number,
        per_page=per_page,
        total=count,
        estimated=estimated,
        facet_rows=facet_rows,
        with_facets=with_facets,
    )


def search(params: Params, **options) -> SearchResults:
    """Documents or paragraphs, as the `view` parameter asks."""
    return results_of(read_search(params), **options)


def results_of(request: SearchRequest, **options) -> SearchResults:
    """The results of a request already read (the API reads it strictly first)."""
    if request.view == "paragraphs":
        return paragraphs_of(request, **options)
    return documents_of(request, **options)


def matching_document_ids(params: Params, *, drafts: bool = False) -> list[int]:
    """Every matching document's id, newest first; with `drafts`, unpublished ones too."""
    match = Match(read_search(params, view="documents"), drafts=drafts)
    return rows.walk_documents(match, sort="newest", offset=0, limit=10**9)
