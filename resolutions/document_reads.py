"""What a document's page reads beside the document: its adopted version, its visible topics,
who cites it (narrowed by body and year) and a few related documents."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.expressions import RawSQL

from .models import Document, DocumentTopic, Reference
from .selectors import citations_of, published_documents

RELATED_LIMIT = 6
# Documents scored per shared topic (the most recently added): see related_documents().
RELATED_CANDIDATES = 300
CITED_BY_LIMIT = 200


def is_public(document: Document | None) -> bool:
    """Whether a related document may be linked to."""
    return document is not None and document.status == Document.Status.PUBLISHED


def adopted_version_of(document: Document) -> Document | None:
    """The published document adopted from this draft, if any (already selected)."""
    try:
        adopted = document.adopted_version
    except Document.DoesNotExist:
        return None
    return adopted if is_public(adopted) else None


def visible_topic_links(document: Document) -> list[DocumentTopic]:
    """Confirmed and suggested topics (never rejected), confirmed first."""
    return list(
        DocumentTopic.objects.filter(document=document)
        .exclude(status=DocumentTopic.Status.REJECTED)
        .select_related("topic")
        .order_by(
            Case(When(status=DocumentTopic.Status.CONFIRMED, then=Value(0)), default=Value(1)),
            "topic__name",
        )
    )


@dataclass
class CitedBy:
    """The documents citing one document, as narrowed by body and year, with the choices."""

    items: list[Reference]
    total: int
    bodies: list[tuple[str, str]]
    years: list[int]
    body: str = ""
    year: int | None = None
    truncated: bool = False


def cited_by_of(document: Document, *, body: str = "", year: int | None = None) -> CitedBy:
    """Who cites the document, newest first, narrowed by body code and year (two queries)."""
    rows = (
        citations_of(document)
        .order_by()
        .values(
            "citing_document__body__code", "citing_document__body__name", "citing_document__year"
        )
        .annotate(n=Count("pk"))
    )
    bodies: dict[str, str] = {}
    years: set[int] = set()
    total = 0
    for row in rows:
        bodies[row["citing_document__body__code"]] = row["citing_document__body__name"]
        if row["citing_document__year"] is not None:
            years.add(row["citing_document__year"])
        total += row["n"]
    references = citations_of(document)
    if body:
        references = references.filter(citing_document__body__code=body)
    if year is not None:
        references = references.filter(citing_document__year=year)
    items = list(references[: CITED_BY_LIMIT + 1])
    return CitedBy(
        items=items[:CITED_BY_LIMIT],
        total=total,
        bodies=sorted(bodies.items()),
        years=sorted(years, reverse=True),
        body=body,
        year=year,
        truncated=len(items) > CITED_BY_LIMIT,
    )


def related_documents(
    document: Document, *, topic_ids: list[int], neighbour_ids: set[int]
) -> list[Document]:
    """A few documents sharing topics with this one or linked to it by citation (one query).

    A topic may be shared by thousands of documents: only the RELATED_CANDIDATES most recently
    added of each topic are scored, so the page's cost stays flat as the archive grows.
    """
    if not topic_ids and not neighbour_ids:
        return []
    shared = Q(topic_links__topic_id__in=topic_ids) & ~Q(
        topic_links__status=DocumentTopic.Status.REJECTED
    )
    # The candidates as one set (a union), so the documents are read by their ids: written as
    # "neighbour OR topic candidate", PostgreSQL scanned every document to test both.
    # Uses index: document_topic_newest (topic, document descending), LIMIT per topic.
    candidates = RawSQL(
        "SELECT unnest(%s::integer[]) UNION SELECT t.document_id "
        "FROM unnest(%s::integer[]) AS shared(topic_id) "
        "CROSS JOIN LATERAL (SELECT document_id FROM resolutions_documenttopic "
        "WHERE topic_id = shared.topic_id AND status <> %s "
        "ORDER BY document_id DESC LIMIT %s) t",
        [
            list(neighbour_ids),
            list(topic_ids),
            DocumentTopic.Status.REJECTED,
            RELATED_CANDIDATES,
        ],
    )
    return list(
        published_documents()
        .exclude(pk=document.pk)
        .filter(pk__in=candidates)
        .annotate(shared_topics=Count("topic_links", filter=shared, distinct=True))
        .annotate(
            score=F("shared_topics")
            + Case(When(pk__in=neighbour_ids or [0], then=Value(2)), default=Value(0))
        )
        .select_related("body")
        .order_by("-score", F("date").desc(nulls_last=True), "-pk")[:RELATED_LIMIT]
    )
