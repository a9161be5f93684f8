"""Reads: querysets the views and feeds use, one query each."""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from .citations import normalize_symbol
from .models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)


def published_documents() -> QuerySet[Document]:
    """Documents that researchers may see."""
    return Document.objects.filter(status=Document.Status.PUBLISHED)


def newest_first(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Newest first; undated documents after the dated ones."""
    return documents.order_by(
        F("date").desc(nulls_last=True), F("year").desc(nulls_last=True), "symbol", "-pk"
    )


def published_paragraphs() -> QuerySet[Paragraph]:
    """Paragraphs of documents that researchers may see."""
    return Paragraph.objects.filter(document__status=Document.Status.PUBLISHED)


def get_published_document(*, symbol: str | None = None, pk: int | None = None) -> Document:
    """The published document by symbol or id, with body and draft/adopted versions; else 404."""
    documents = (
        published_documents()
        .select_related("body", "draft__body", "adopted_version__body", "catalogue_record")
        # The page shows paragraphs, not the full texts (tens of kilobytes each).
        .defer("full_text", "draft__full_text", "adopted_version__full_text")
    )
    if symbol is not None:
        return get_object_or_404(documents, symbol=symbol)
    return get_object_or_404(documents, pk=pk)


def body_documents(body: Body) -> QuerySet[Document]:
    """The published documents a body adopted."""
    return published_documents().filter(body=body)


def topic_documents(topic: Topic) -> QuerySet[Document]:
    """The published documents on a topic (confirmed or suggested, never rejected)."""
    linked = DocumentTopic.objects.filter(topic=topic).exclude(status=DocumentTopic.Status.REJECTED)
    return published_documents().filter(pk__in=linked.values("document_id"))


def country_documents(country: Country) -> QuerySet[Document]:
    """The published documents a country sponsored (one row each)."""
    sponsored = Sponsorship.objects.filter(country=country)
    return published_documents().filter(pk__in=sponsored.values("document_id"))


def sponsors_of(document: Document) -> list[Country]:
    """The countries that sponsored a document, in the order printed."""
    sponsorships = document.sponsorship_set.select_related("country").order_by("position", "pk")
    return [s.country for s in sponsorships]


def references_of(document: Document) -> QuerySet[Reference]:
    """What a document cites, in paragraph order, with the citing paragraphs and the cited
    documents in the same query (not their search vectors and full texts)."""
    return (
        Reference.objects.filter(citing_document=document)
        .select_related("citing_paragraph", "cited_document", "cited_document__body")
        .defer("citing_paragraph__search_vector", "cited_document__full_text")
        .order_by("citing_paragraph__position", "pk")
    )


def citing_references(document: Document) -> QuerySet[Reference]:
    """The references to a document from published documents, unordered and nothing joined:
    they are read by the copies of the citing documents' columns (Reference.citing_*)."""
    # Uses index: reference_cited_by_newest (partial: published citing documents).
    return Reference.objects.filter(cited_document=document, citing_published=True).order_by()


def citations_of(document: Document) -> QuerySet[Reference]:
    """What published documents cite a document, newest first, citing documents joined."""
    # Uses index: reference_cited_by_newest, in this order, so a page reads only its rows.
    return (
        citing_references(document)
        .select_related("citing_document__body", "citing_paragraph")
        # A list names the citing document and paragraph; their texts (a document's full text
        # is tens of kilobytes) stay in the database.
        .defer(
            "citing_document__full_text",
            "citing_document__title_search",
            "citing_paragraph__text",
            "citing_paragraph__footnotes",
            "citing_paragraph__search_vector",
        )
        .order_by(
            F("citing_date").desc(nulls_last=True),
            F("citing_year").desc(nulls_last=True),
            F("citing_document_id").desc(),
            "pk",
        )
    )


# --- bodies, topics, countries: the entity lists with their published documents counted ---

PUBLISHED_DOCUMENTS = Q(documents__status=Document.Status.PUBLISHED)


def bodies_with_counts() -> QuerySet[Body]:
    """Every body, by code, with `n`: its published documents."""
    return Body.objects.annotate(n=Count("documents", filter=PUBLISHED_DOCUMENTS)).order_by("code")


def topics_with_counts() -> QuerySet[Topic]:
    """Every topic, by name, with its parent and `n`: the published documents it covers
    (confirmed or suggested there, never rejected)."""
    shown = Q(document_links__document__status=Document.Status.PUBLISHED) & ~Q(
        document_links__status=DocumentTopic.Status.REJECTED
    )
    return (
        Topic.objects.select_related("parent")
        .annotate(n=Count("document_links__document", filter=shown, distinct=True))
        .order_by("name", "pk")
    )


def countries_with_counts() -> QuerySet[Country]:
    """Every country, by name, with `n`: the published documents it sponsored."""
    sponsored = Q(sponsorships__document__status=Document.Status.PUBLISHED)
    return Country.objects.annotate(
        n=Count("sponsorships__document", filter=sponsored, distinct=True)
    ).order_by("name", "pk")


def sponsors_with_counts() -> QuerySet[Country]:
    """The countries that sponsored at least one published document, by name, with `n`."""
    return countries_with_counts().filter(n__gt=0)


def outside_citations(*keys: str) -> QuerySet[Reference]:
    """Citations in published documents of any of `keys` whose target is not published."""
    return (
        Reference.objects.filter(
            cited_key__in=keys, citing_document__status=Document.Status.PUBLISHED
        )
        .filter(Q(cited_document=None) | ~Q(cited_document__status=Document.Status.PUBLISHED))
        .select_related("citing_document__body", "citing_paragraph")
        .order_by(F("citing_document__date").desc(nulls_last=True), "-citing_document__pk", "pk")
    )


def cited_outside_archive(query: str) -> str | None:
    """The key of a typed symbol that documents cite but the archive lacks, else None."""
    key = normalize_symbol(query)
    if "/" not in key or len(key) > 120:
        return None
    found = outside_citations(key, key.upper()).values_list("cited_key", flat=True)
    return next(iter(found[:1]), None)
