"""A search's page of results: the rows, the count, the facets, what the reader should be told.

`search(params)` reads the request (`request.py`), chooses exact or walked rows (`rows.py`) by
the size of the match set (`counts.py`), fetches the page's rows by primary key with `only()`
(vectors and full texts stay in the database) and their snippets (`snippets.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from ..models import Paragraph
from ..selectors import published_documents
from . import counts, rows
from .request import PER_PAGE, Params, SearchRequest, read_search
from .review import review
from .snippets import attach_best_paragraphs, headlines
from .sql import Match
from .types import DOCUMENT_FIELDS, PARAGRAPH_FIELDS, SearchResults

# rows.exact_documents / exact_paragraphs: (count, ids); rows.walk_*: ids.
Exact = Callable[..., tuple[int, list[int]]]
Walk = Callable[..., list[int]]


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


def _in_order(objects, ids: list[int]) -> list:
    by_pk = {o.pk: o for o in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


@dataclass(frozen=True)
class Window:
    """One page's ids and what is known of the whole: its size, the rows one may page through,
    the page shown, whether the size is estimated, and facet rows already counted."""

    ids: list[int]
    count: int
    pages: int
    number: int
    estimated: bool = False
    facet_rows: tuple[int, list, bool] | None = None
    # When relevance compared only the documents where the query's words weigh most (unproven).
    ranked_among: int = 0
    # The count is exact and under the estimated range: the facets need no sample first.
    counted_small: bool = False


def _exact(
    request: SearchRequest,
    match: Match,
    exact: Exact,
    *,
    per_page: int,
    facet_rows: tuple[int, list, bool] | None = None,
) -> Window:
    """The page from the whole match set, ranked and counted exactly; past the end, the last."""
    number = request.page
    count, ids = exact(match, sort=request.sort, offset=(number - 1) * per_page, limit=per_page)
    if not ids and number > 1:
        number = _pages(count, per_page)
        ids = exact(match, sort=request.sort, offset=(number - 1) * per_page, limit=per_page)[1]
    return Window(ids, count, count, number, False, facet_rows)


def _bounded(
    request: SearchRequest,
    match: Match,
    facet_rows: tuple[int, list, bool],
    bounded: Callable[..., rows.Bounded | None],
    *,
    per_page: int,
) -> Window | None:
    """The page ranked from the common words' lists (rows.bounded_*), under the counted size;
    None when the lists cannot serve it."""
    count = facet_rows[0]
    number = min(request.page, _pages(count, per_page))
    page = bounded(match, offset=(number - 1) * per_page, limit=per_page)
    if page is None or not page.ids:
        return None
    compared = 0 if page.proven else page.compared
    return Window(page.ids, count, count, number, facet_rows[2], facet_rows, compared)


def _estimated(
    request: SearchRequest,
    match: Match,
    *,
    exact: Exact,
    walk: Walk,
    exact_count: Callable[[Match], int],
    on_paragraphs: bool,
    per_page: int,
) -> Window:
    """Past the threshold the facets come from a sample. Relevance ranks every match (rows.py)
    and its count comes with the ranking; a page by date is walked under the estimated count,
    any page it allows, and past the true end the count is taken exactly and the last page
    shown."""
    facet_rows = counts.counted(match, on_paragraphs=on_paragraphs, sample=True)
    ranked = request.sort == "relevance" and (bool(request.query) or not on_paragraphs)
    bounded = rows.bounded_paragraphs if on_paragraphs else rows.bounded_documents
    if ranked and (window := _bounded(request, match, facet_rows, bounded, per_page=per_page)):
        return window
    if ranked or not facet_rows[2]:
        return _exact(request, match, exact, per_page=per_page, facet_rows=facet_rows)
    estimate = facet_rows[0]
    number = min(request.page, _pages(estimate, per_page))
    ids = walk(match, sort=request.sort, offset=(number - 1) * per_page, limit=per_page)
    if ids or number == 1:
        return Window(ids, estimate, estimate, number, True, facet_rows)
    count = exact_count(match)
    number = _pages(count, per_page)
    ids = walk(match, sort=request.sort, offset=(number - 1) * per_page, limit=per_page)
    return Window(ids, count, count, number, False, facet_rows)


def document_window(request: SearchRequest, match: Match, *, per_page: int) -> Window:
    """The ids of a page of documents."""
    if not request.by_paragraph:
        # Browsing by document filters: counting documents is cheap and exact.
        count = rows.count_walk_documents(match)
        number = min(request.page, _pages(count, per_page))
        offset = (number - 1) * per_page
        ids = rows.walk_documents(match, sort=request.sort, offset=offset, limit=per_page)
        small = count < counts.EXACT_DOCUMENTS * counts.ESTIMATE_MARGIN
        return Window(ids, count, count, number, counted_small=small)
    if not counts.is_enormous(match, filtered=True):
        return _exact(request, match, rows.exact_documents, per_page=per_page)
    return _estimated(
        request,
        match,
        exact=rows.exact_documents,
        walk=rows.walk_documents,
        exact_count=rows.exact_count_documents,
        on_paragraphs=False,
        per_page=per_page,
    )


def paragraph_window(request: SearchRequest, match: Match, *, per_page: int) -> Window:
    """The ids of a page of paragraphs."""
    if not counts.is_enormous(match, filtered=True):
        return _exact(request, match, rows.exact_paragraphs, per_page=per_page)
    return _estimated(
        request,
        match,
        exact=rows.exact_paragraphs,
        walk=rows.walk_paragraphs,
        exact_count=lambda m: rows.exact_paragraphs(m, sort="newest", offset=0, limit=1)[0],
        on_paragraphs=True,
        per_page=per_page,
    )


def found_documents(match: Match, ids: list[int]) -> list:
    """The page's documents in order, each with its best paragraphs."""
    documents = _in_order(
        published_documents().filter(pk__in=ids).select_related("body").only(*DOCUMENT_FIELDS),
        ids,
    )
    attach_best_paragraphs(documents, match)
    return documents


def found_paragraphs(match: Match, ids: list[int]) -> list:
    """The page's paragraphs in order, each with its document and highlighted snippet."""
    fields = [*PARAGRAPH_FIELDS, "text", *(f"document__{name}" for name in DOCUMENT_FIELDS[1:])]
    found = _in_order(
        Paragraph.objects.filter(pk__in=ids).select_related("document__body").only(*fields), ids
    )
    # Without a query the snippet is the text, already read.
    snippets = headlines(match, [p.pk for p in found]) if match.query else {}
    for paragraph in found:
        paragraph.snippet = snippets.get(paragraph.pk, paragraph.text)
    return found


def search_documents(
    params: Params, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """A page of matching documents, each with its best paragraphs, and the facets."""
    request = read_search(params, view="documents")
    return results_of(request, per_page=per_page, with_facets=with_facets)


def search_paragraphs(
    params: Params, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """A page of matching paragraphs, one by one, with snippets, and the facets."""
    request = read_search(params, view="paragraphs")
    return results_of(request, per_page=per_page, with_facets=with_facets)


def search(params: Params, **options) -> SearchResults:
    """Documents or paragraphs, as the `view` parameter asks."""
    return results_of(read_search(params), **options)


def results_of(
    request: SearchRequest, *, per_page: int = PER_PAGE, with_facets: bool = True
) -> SearchResults:
    """The results of a request already read (the API reads it strictly first): one page of
    rows, with the facets (counted now unless the page's window already did)."""
    on_paragraphs = request.view == "paragraphs"
    match = Match(request)
    window_of, found_of = (
        (paragraph_window, found_paragraphs)
        if on_paragraphs
        else (document_window, found_documents)
    )
    window = window_of(request, match, per_page=per_page)
    found = found_of(match, window.ids)
    facets, facets_estimated = {}, False
    if with_facets:
        facet_rows = window.facet_rows or counts.counted(
            match, on_paragraphs=on_paragraphs, sample=False if window.counted_small else None
        )
        facets, facets_estimated = counts.facet_values(facet_rows[1], request), facet_rows[2]
    paginator = CountedPaginator(window.pages, per_page)
    told = review(
        request,
        match,
        count=window.count,
        shown_page=window.number,
        ranked_among=window.ranked_among,
    )
    return SearchResults(
        query=request.query,
        view=request.view,
        sort=request.sort,
        page=Page(found, min(window.number, paginator.num_pages), paginator),
        facets=facets,
        errors=dict(request.errors),
        cleaned=request.cleaned,
        notices=[*request.notices, *told.notices],
        suggestion=told.suggestion,
        within=request.within,
        total=window.count,
        count_is_estimate=window.estimated,
        facets_are_estimates=facets_estimated,
        ranked_within=window.ranked_among,
    )


def matching_document_ids(params: Params, *, drafts: bool = False) -> list[int]:
    """Every matching document's id, newest first; with `drafts`, unpublished ones too."""
    match = Match(read_search(params, view="documents"), drafts=drafts)
    return rows.walk_documents(match, sort="newest", offset=0, limit=10**9)
