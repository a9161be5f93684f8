"""Reading a search request: the query, the facets' values, the view, the sort and the page.

The parameters are the public, stable names of `/search/`, the API, the feeds and the exports:
`q`, `view`, `sort`, `page`, and each facet's (see `facets.FACETS`). Repeated parameters
(`body=GA&body=ECOSOC`) mean "any of these". A value that cannot be used is reported in
`errors` and left out; `strict=True` raises `InvalidSearch` instead (the API's 400).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.http import QueryDict

from .facets import FACETS, PARAGRAPH_FACETS, YearFacet, bound
from .values import CleanError, Reread, clean_text, has_control_characters

SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
VIEWS = {"documents": "Documents", "paragraphs": "Paragraphs"}
# Where the words of a query must hold together: anywhere in the document, or in one paragraph.
WITHIN = {"document": "Anywhere in the document", "paragraph": "In the same paragraph"}
PER_PAGE = 20
MAX_QUERY_LENGTH = 500
# Past this page nothing is looked up: the last page is shown (keeps OFFSET far from overflow).
MAX_PAGE = 100_000

Params = Mapping[str, Any] | QueryDict | None


class InvalidSearch(ValueError):
    """Parameters that cannot be used as given, by name, each with what is wrong."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = dict(errors)
        super().__init__(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in self.errors.items())
        )


@dataclass(frozen=True)
class SearchRequest:
    """A search as understood: what to match, how to show it, and what was not understood."""

    query: str = ""
    view: str = "documents"
    sort: str = "newest"
    page: int = 1
    within: str = "document"
    # Each chosen facet's value, by facet key (a list of values, or a year range).
    filters: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str, list[str]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()

    def active(self, key: str) -> bool:
        return self.filters.get(key) is not None

    @property
    def by_paragraph(self) -> bool:
        """Whether a document qualifies through its paragraphs (a query, a verb, a kind)."""
        return bool(self.query) or any(self.active(f.key) for f in PARAGRAPH_FACETS)

    @property
    def whole_documents(self) -> bool:
        """Whether the query holds for a document's text as a whole (documents view, default)."""
        return bool(self.query) and self.view == "documents" and self.within == "document"

    @property
    def title_counts(self) -> bool:
        """A document matches by its title (browsing: by itself) unless a verb or kind is set."""
        return not any(self.active(f.key) for f in PARAGRAPH_FACETS)

    @property
    def cleaned(self) -> dict[str, Any]:
        """The understood parameters by URL name (`year_min`, `body`, ...)."""
        cleaned: dict[str, Any] = {"q": self.query} if self.query else {}
        if self.within != "document":
            cleaned["within"] = self.within
        for facet in FACETS:
            value = self.filters.get(facet.key)
            if value is None:
                continue
            if isinstance(facet, YearFacet):
                cleaned.update({k: v for k, v in zip(facet.params, value, strict=True) if v})
            else:
                cleaned[facet.key] = value
        return cleaned

    def statement_params(self) -> dict[str, Any]:
        """The values SQL statements bind: the query and every facet's."""
        return {"q": self.query, **bound(self.filters)}

    def with_page(self, page: int) -> SearchRequest:
        return replace(self, page=page)


def as_lists(params: Params) -> dict[str, list[str]]:
    """Each parameter's values as a list of strings (a QueryDict, or a dict of values/lists)."""
    if isinstance(params, QueryDict):
        return {key: params.getlist(key) for key in params}
    lists: dict[str, list[str]] = {}
    for key, value in (params or {}).items():
        if isinstance(value, list | tuple):
            lists[key] = [str(item) for item in value]
        elif value is not None:
            lists[key] = [str(value)]
    return lists


def _choice(data: dict[str, list[str]], name: str, choices: Mapping, errors: dict) -> str | None:
    values = data.get(name) or [""]
    value = values[-1].strip()
    if value and value not in choices:
        errors[name] = [f"“{value[:40]}” is not one of {', '.join(choices)}."]
        return None
    return value or None


def _query(data: dict[str, list[str]], errors: dict) -> str:
    raw = (data.get("q") or [""])[-1]
    if has_control_characters(raw):
        errors["q"] = ["Control characters are not allowed; they were taken out."]
        raw = "".join(" " if has_control_characters(c) else c for c in raw)
    query = " ".join(raw.split())
    if len(query) > MAX_QUERY_LENGTH:
        errors["q"] = [f"Longer than {MAX_QUERY_LENGTH} characters: the rest is ignored."]
        query = query[:MAX_QUERY_LENGTH]
    return query


def _page(data: dict[str, list[str]], errors: dict) -> int:
    try:
        text = clean_text(data.get("page", []), limit=40)
    except CleanError as error:
        errors["page"] = [error.message]
        return 1
    if not text:
        return 1
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        errors["page"] = [f"“{text}” is not a page number (1, 2, 3 ...)."]
        return 1
    return min(int(text), MAX_PAGE + 1)


def read_search(params: Params, *, view: str | None = None, strict: bool = False) -> SearchRequest:
    """The request in `params`; `view` overrides the parameter. Invalid values are reported in
    `errors` and ignored, or with `strict` raised as InvalidSearch."""
    data = as_lists(params)
    errors: dict[str, list[str]] = {}
    notices: list[str] = []
    query = _query(data, errors)
    chosen_view = view or _choice(data, "view", VIEWS, errors) or "documents"
    sort = _choice(data, "sort", SORTS, errors)
    if sort is None or (sort == "relevance" and not query):
        sort = "relevance" if query else "newest"
    filters: dict[str, Any] = {}
    for facet in FACETS:
        try:
            value = facet.clean(data)
        except Reread as reread:
            notices.append(reread.message)
            value = reread.usable
        except CleanError as error:
            errors.setdefault(error.param or facet.key, []).append(error.message)
            value = error.usable
        if value is not None:
            filters[facet.key] = value
    within = _choice(data, "within", WITHIN, errors) or "document"
    page = _page(data, errors)
    if strict and errors:
        raise InvalidSearch(errors)
    return SearchRequest(
        query=query,
        view=chosen_view,
        sort=sort,
        page=page,
        within=within,
        filters=filters,
        errors=errors,
        notices=tuple(notices),
    )
