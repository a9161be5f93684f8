"""What a document's page reads beside the document: its adopted version, its visible topics,
who cites it (narrowed by body and year) and a few related documents."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .models import Document, DocumentTopic, Reference
from .selectors import citations_of, citing_references, published_documents

RELATED_LIMIT = 6
# Documents scored per shared topic (the most recently added): see related_documents().
RELATED_CANDIDATES = 300
# Citations of a text not in the archive listed on its page (`cited_text_page`).
CITED_BY_LIMIT = 200
# Citing documents on a document's page and in its API document (`cited_by`); on each of its
# cited-by pages, which list them all.
CITED_BY_SHOWN = 20
CITED_BY_PER_PAGE = 50


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
class CitedByChoices:
    """How many citations of a document published documents make (one a citing document and
    cited key), and the citing documents' bodies (code, name) and years."""

    total: int
    bodies: list[tuple[str, str]]
    years: list[int]


@dataclass
class CitedBy:
    """The newest documents citing one document, as narrowed by body and year, with the
    choices; `truncated` when more match than are listed (all of them: its cited-by pages)."""

    items: list[Reference]
    choices: CitedByChoices
    body: str = ""
    year: int | None = None
    truncated: bool = False


def cited_by_choices(document: Document) -> CitedByChoices:
    """The count of citations from published documents, by body and year (one query)."""
    # An index-only scan of reference_cited_by_newest, then the few groups' bodies joined.
    rows = (
        citing_references(document)
        .values("citing_body_id", "citing_year")
        .annotate(n=Count("pk"))
        .values("citing_body__code", "citing_body__name", "citing_year", "n")
    )
    bodies: dict[str, str] = {}
    years: set[int] = set()
    total = 0
    for row in rows:
        bodies[row["citing_body__code"]] = row["citing_body__name"]
        if row["citing_year"] is not None:
            years.add(row["citing_year"])
        total += row["n"]
    return CitedByChoices(total=total, bodies=sorted(bodies.items()), years=sorted(years)[::-1])


def narrowed_citations(
    document: Document, *, body: str = "", year: int | None = None
) -> QuerySet[Reference]:
    """Who cites the document, newest first, narrowed by body code and year when given."""
    references = citations_of(document)
    if body:
        references = references.filter(citing_body__code=body)
    if year is not None:
        references = references.filter(citing_year=year)
    return references


class CitationPages:
    """A newest-first list of citations for a Paginator, however deep its pages: a page reads
    its ids alone (an index-only scan of `reference_cited_by_newest`, past the offset), then
    their rows with the citing documents and paragraphs."""

    def __init__(self, references: QuerySet[Reference]) -> None:
        self.references = references

    def count(self) -> int:
        return self.references.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Reference]:
        ids = list(self.references.values_list("pk", flat=True)[window])
        rows = self.references.in_bulk(ids)
        return [rows[pk] for pk in ids]


def cited_by_of(document: Document, *, body: str = "", year: int | None = None) -> CitedBy:
    """The CITED_BY_SHOWN newest citations, narrowed by body and year, and the choices (two
    queries, whatever the number of citations)."""
    items = list(narrowed_citations(document, body=body, year=year)[: CITED_BY_SHOWN + 1])
    return CitedBy(
        items=items[:CITED_BY_SHOWN],
        choices=cited_by_choices(document),
        body=body,
        year=year,
        truncated=len(items) > CITED_BY_SHOWN,
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
    # Each candidate's shared topics counted apart (an index lookup a candidate): joined and
    # grouped, every candidate's row was sorted once for each of its topics.
    shared = (
        DocumentTopic.objects.filter(document=OuterRef("pk"), topic_id__in=topic_ids)
        .exclude(status=DocumentTopic.Status.REJECTED)
        .order_by()
        .values("document")
        .annotate(n=Count("pk"))
        .values("n")
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
        .annotate(shared_topics=Coalesce(Subquery(shared), 0))
        .annotate(
            score=F("shared_topics")
            + Case(When(pk__in=neighbour_ids or [0], then=Value(2)), default=Value(0))
        )
        .select_related("body")
        .defer("full_text")
        .order_by("-score", F("date").desc(nulls_last=True), "-pk")[:RELATED_LIMIT]
    )
