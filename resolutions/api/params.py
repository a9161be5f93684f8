"""The search's parameters, typed: the same names and meanings as on `/search/`.

A value that cannot be read is a 400 naming the parameter and the reason, never ignored.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema
from pydantic import create_model

from ..search import FACETS, SORTS, VIEWS, WITHIN
from ..search.facets import Parameter
from ..search.request import MAX_QUERY_LENGTH
from ..search.values import FIRST_YEAR, LAST_YEAR, MAX_VALUES

Sort = Literal[tuple(SORTS)]  # type: ignore[valid-type]
View = Literal[tuple(VIEWS)]  # type: ignore[valid-type]
Within = Literal[tuple(WITHIN)]  # type: ignore[valid-type]


def parameter_field(parameter: Parameter) -> tuple[Any, Any]:
    """The pydantic type and field of a facet's parameter, as the facet registry declares it."""
    if parameter.kind == "year":
        field = Field(None, ge=FIRST_YEAR, le=LAST_YEAR, description=parameter.description)
        return int | None, field
    item: Any = Literal[parameter.choices] if parameter.kind == "choice" else str
    if parameter.repeatable:
        field = Field(
            default_factory=list, max_length=MAX_VALUES, description=parameter.description
        )
        return list[item], field
    return item, Field("", max_length=parameter.max_length, description=parameter.description)


class QueryFilters(Schema):
    """What is not a facet: the words, the sort, and where the words must hold."""

    q: str = Field(
        "",
        max_length=MAX_QUERY_LENGTH,
        description='Words in web-search syntax: "a phrase", or, -word. A document matches when '
        "its text as a whole holds them (see `within`).",
    )
    sort: Sort | None = Field(
        None, description="relevance (the default with q), newest (the default without), oldest."
    )
    within: Within | None = Field(
        None,
        description="Where all the words of q must hold: anywhere in the document (the default) "
        "or in one paragraph.",
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


# Which documents or paragraphs: several values of one parameter mean any of them, different
# parameters must all hold. Every facet of the registry, with its parameters' types.
SearchFilters = create_model(
    "SearchFilters",
    __base__=QueryFilters,
    __doc__="The search's filters: the words, and every facet of the search page.",
    **{
        parameter.name: parameter_field(parameter)
        for facet in FACETS
        for parameter in facet.parameters()
    },
)


class SearchParams(SearchFilters):
    view: View = Field("documents", description="Find documents, or paragraphs one by one.")
