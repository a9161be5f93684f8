"""The search's parameters, typed: the same names and meanings as on `/search/`.

A value that cannot be read is a 400 naming the parameter and the reason, never ignored.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

from ..models import DocType, ParagraphKind
from ..search.values import MAX_VALUES

Sort = Literal["relevance", "newest", "oldest"]
View = Literal["documents", "paragraphs"]


def _values(description: str) -> Any:
    """A repeatable parameter: any of its values."""
    return Field(default_factory=list, max_length=MAX_VALUES, description=description)


class SearchFilters(Schema):
    """Which documents or paragraphs: several values of one parameter mean any of them,
    different parameters must all hold; `q`, `verb` and `kind` hold for the same paragraph."""

    q: str = Field(
        "",
        max_length=500,
        description='Words in web-search syntax: "a phrase", or, -word. Matches paragraphs '
        "(and document titles).",
    )
    body: list[str] = _values("Issuing body code (GA, ECOSOC, CCPCJ, ...); repeatable.")
    year_min: int | None = Field(None, ge=1900, le=2100, description="From this year.")
    year_max: int | None = Field(None, ge=1900, le=2100, description="To this year, inclusive.")
    topic: list[str] = _values("Topic slug; repeatable.")
    verb: list[str] = _values("A paragraph's opening verb, normalized (urges); repeatable.")
    doc_type: list[DocType] = _values("Document type; repeatable.")
    sponsor: list[str] = _values("Sponsoring country slug; repeatable.")
    kind: list[ParagraphKind] = _values("Paragraph kind; repeatable.")
    language: list[str] = _values("Language code of the document (en); repeatable.")
    cites: str = Field(
        "", max_length=200, description="Only documents citing this one (symbol or citation)."
    )
    within: Literal["document", "paragraph"] | None = Field(
        None,
        description="Where all the words of q must hold: anywhere in the document (the default) "
        "or in one paragraph.",
    )
    sort: Sort | None = Field(
        None, description="relevance (the default with q), newest (the default without), oldest."
    )

    def as_search_params(self) -> dict[str, Any]:
        """The parameters as the search layer reads them (as from a query string)."""
        params: dict[str, Any] = {}
        for name, value in self.model_dump(exclude_none=True).items():
            if isinstance(value, list):
                params[name] = [str(getattr(item, "value", item)) for item in value]
            elif value != "":
                params[name] = str(value)
        return params


class SearchParams(SearchFilters):
    view: View = Field("documents", description="Find documents, or paragraphs one by one.")
