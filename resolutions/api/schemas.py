"""What the API answers: one schema per shape, named as in the rest of the archive.

Dates are ISO 8601; `url` is the page for people, `api_url` the same thing as JSON. Only
published documents appear anywhere.
"""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from ..addressees import ADDRESSEES
from .params import Sort, View

Addressee = Literal[tuple(ADDRESSEES)]  # type: ignore[valid-type]


class BodyRef(Schema):
    code: str
    name: str


class CountryRef(Schema):
    slug: str
    name: str


class TopicRef(Schema):
    slug: str
    name: str


class DocumentTopic(TopicRef):
    # "confirmed" by a librarian or "suggested" by the topic rules; rejected links never appear.
    status: str


class Footnote(Schema):
    marker: str
    text: str


class ParagraphOut(Schema):
    """A paragraph in its document: its place, kind, number as printed, opening verb, whom it
    addresses."""

    id: int
    document_id: int
    position: int
    kind: str
    number: str
    verb: str
    anchor: str
    url: str
    addressees: list[Addressee] = Field(
        description="Whom an operative paragraph addresses (empty for other kinds): "
        + "; ".join(f"{key}: {label}" for key, label in ADDRESSEES.items())
        + "."
    )


class ParagraphText(ParagraphOut):
    text: str
    footnotes: list[Footnote]


class ParagraphHit(ParagraphOut):
    """A paragraph a search found: its text, or with a query a snippet around the matches."""

    text: str | None = None
    snippet: str | None = None
    # The snippet as HTML: escaped, the matched words in <mark>.
    snippet_html: str | None = None


class DocumentRef(Schema):
    id: int
    symbol: str | None
    label: str
    title: str
    body: str
    year: int | None
    url: str
    api_url: str


class DocumentOut(Schema):
    """A document's metadata."""

    id: int
    symbol: str | None
    label: str
    title: str
    body: BodyRef
    doc_type: str
    number: str
    date: datetime.date | None
    year: int | None
    sponsors: list[CountryRef]
    topics: list[DocumentTopic]
    url: str
    api_url: str


class DocumentHit(DocumentOut):
    """A document a search found, with how many of its paragraphs match and the best of them."""

    match_count: int
    paragraphs: list[ParagraphHit]


class ParagraphHitInDocument(ParagraphHit):
    document: DocumentRef


class ReferenceOut(Schema):
    """A citation a document makes: the key and text as printed, the cited document if archived."""

    cited_key: str
    cited_text: str
    paragraph_id: int | None
    # The cited document when it is published in the archive, else null.
    document_id: int | None
    api_url: str | None


class CitedByOut(Schema):
    """A published document that cites this one, from one of its paragraphs."""

    document_id: int
    label: str
    title: str
    year: int | None
    paragraph_id: int | None
    url: str
    api_url: str


class DocumentDetail(DocumentOut):
    session: str
    agenda_item: str
    language: str
    paragraphs: list[ParagraphText]
    references: list[ReferenceOut]
    # The newest citing documents, at most 20; every one, page by page, at cited_by_url.
    cited_by: list[CitedByOut]
    cited_by_count: int
    cited_by_url: str


class ParagraphDetail(ParagraphText):
    document: DocumentRef
    references: list[ReferenceOut]


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class Page(Schema):
    """One page of a list: the total, where this page is, the addresses of its neighbours."""

    count: int
    # Above a threshold a search's count is estimated on a sample ("about N").
    count_is_estimate: bool
    page: int
    per_page: int
    num_pages: int
    next: str | None
    previous: str | None


class DocumentPage(Page):
    results: list[DocumentHit]


class ParagraphPage(Page):
    results: list[ParagraphHitInDocument]


class SearchPage(Page):
    """The search page as data: `view` says whether `results` are documents or paragraphs."""

    view: View
    sort: Sort
    facets_are_estimates: bool
    notices: list[str] = Field(description="What the search could not do as asked, in words.")
    suggestion: str | None = Field(
        description="Did you mean: a query with misspelt words corrected, when few match."
    )
    results: list[DocumentHit] | list[ParagraphHitInDocument]
    facets: dict[str, list[FacetValueOut]]


class BodyOut(BodyRef):
    description: str
    document_count: int
    url: str
    api_url: str
    documents_url: str


class TopicOut(TopicRef):
    description: str
    parent: TopicRef | None
    document_count: int
    url: str
    api_url: str
    documents_url: str


class TopicDetail(TopicOut):
    children: list[TopicRef]


class CountryOut(CountryRef):
    iso3: str | None
    aliases: list[str]
    # Published documents the country sponsored.
    document_count: int
    url: str
    api_url: str
    documents_url: str


class BodyPage(Page):
    results: list[BodyOut]


class TopicPage(Page):
    results: list[TopicOut]


class CountryPage(Page):
    results: list[CountryOut]


class ReferencePage(Page):
    results: list[ReferenceOut]


class CitedByPage(Page):
    results: list[CitedByOut]
