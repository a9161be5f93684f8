"""What a search hands back: facet values and one page of results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page

# The columns of a document (and of a paragraph's document) that result lists show.
DOCUMENT_FIELDS = (
    "pk",
    "symbol",
    "citation_key",
    "doc_type",
    "number",
    "title",
    "date",
    "year",
    "session",
    "body__code",
    "body__name",
)
PARAGRAPH_FIELDS = ("pk", "document_id", "position", "kind", "number", "verb")
# Highlight markers: characters that never occur in documents, swapped for <mark> after escaping.
START_SEL = "\x02"
STOP_SEL = "\x03"


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: what the URL carries, what people read, how many, whether on."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A query spelt with the archive's own words ("Did you mean")."""

    query: str


@dataclass
class SearchResults:
    """One page of a search: rows, counts, facets, and what the reader should be told."""

    query: str
    view: str
    sort: str
    page: Page
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # Parameters that were not understood and are ignored, by name.
    errors: dict[str, list[str]] = field(default_factory=dict)
    # The understood parameters, by URL name (year_min, body, ...).
    cleaned: dict[str, Any] = field(default_factory=dict)
    # Sentences about how the request was read ("the years were swapped", ...).
    notices: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None
    within: str = "document"
    total: int | None = None
    # "about N": the count (and then the facets) come from a sample of a huge result set.
    count_is_estimate: bool = False
    facets_are_estimates: bool = False
    # Relevance computed within this many documents (the common words' lists, unproven); 0 when
    # the page is the one ranking every match gives.
    ranked_within: int = 0

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.total is None else self.total

    @property
    def rows(self) -> list:
        return list(self.page.object_list)
