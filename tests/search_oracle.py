"""The search written a second way, with the Django ORM: the oracle the SQL path is checked against.

It reads the same `SearchRequest` (the request layer is tested on its own) and answers the same
questions plainly, without samples, walks or one-statement facets: which documents or
paragraphs match, in which order, and how many per facet value.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Ln

from resolutions import ranking
from resolutions.catalogue.models import Concept, RecordSubject, StateVote
from resolutions.models import SEARCH_CONFIG, DocumentTopic, Paragraph, Reference, Sponsorship
from resolutions.search.citations import citation_keys, parse_citation
from resolutions.search.request import SearchRequest
from resolutions.selectors import published_documents, published_paragraphs

VISIBLE = (DocumentTopic.Status.CONFIRMED, DocumentTopic.Status.SUGGESTED)
# Facets on paragraphs: a document matches through a paragraph passing them.
PARAGRAPH_KEYS = ("verb", "kind", "addressee")
LIMIT = 30
# A State's vote as the URL writes it and as it is stored.
BALLOT_LETTERS = {"yes": "Y", "no": "N", "abstain": "A", "non-voting": ""}
# A document's whole text as one vector: its title, then its paragraphs in order, a gap between
# each so that no phrase runs from one into the next. Session-local: the tests' database only.
WHOLE_TEXT = """
CREATE OR REPLACE FUNCTION pg_temp.with_gap(a tsvector, b tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$ SELECT a || 'zzgapzz:1'::tsvector || b $$;
CREATE OR REPLACE AGGREGATE pg_temp.whole_text(tsvector)
    (SFUNC = pg_temp.with_gap, STYPE = tsvector, INITCOND = '');
"""
WHOLE_MATCH = """
SELECT d.id FROM resolutions_document d WHERE pg_temp.with_gap(d.title_search, COALESCE((
    SELECT pg_temp.whole_text(p.search_vector ORDER BY p.position)
    FROM resolutions_paragraph p WHERE p.document_id = d.id), '')) @@ websearch_to_tsquery(%s, %s)
"""


def _query(request: SearchRequest) -> SearchQuery | None:
    if not request.query:
        return None
    return SearchQuery(request.query, search_type="websearch", config=SEARCH_CONFIG)


def _cover_density(vector: str, query: SearchQuery):
    """ts_rank_cd with the ranking's label weights and length normalisation, in float8."""
    weights = [float(w) for w in ranking.LABEL_WEIGHTS.strip("{}").split(",")]
    return Cast(
        SearchRank(
            F(vector),
            query,
            weights=weights,
            cover_density=True,
            normalization=Value(ranking.NORMALISATION),
        ),
        FloatField(),
    )


def _paragraph_score(query: SearchQuery):
    """A paragraph's score as ranking.py defines it: cover density times its kind's weight."""
    kind = Case(
        *(When(kind=k, then=Value(w)) for k, w in ranking.KIND_WEIGHTS.items()),
        default=Value(1.0),
        output_field=FloatField(),
    )
    return _cover_density("search_vector", query) * kind


def _any_iexact(field: str, values) -> Q:
    condition = Q()
    for value in values:
        condition |= Q(**{f"{field}__iexact": value})
    return condition


def _cited(value: str) -> Q:
    keys = citation_keys(value)
    cited = (
        _any_iexact("cited_key", keys)
        | _any_iexact("cited_document__symbol", keys)
        | _any_iexact("cited_document__citation_key", keys)
    )
    parsed = parse_citation(value)
    if parsed and parsed.number:
        by_number = Q(cited_number__iexact=parsed.number)
        if parsed.body:
            by_number &= Q(cited_body=parsed.body)
        cited |= by_number
    return cited


def _broader_links() -> list[tuple[int, int]]:
    """(concept, broader concept) of every link of the thesaurus."""
    return list(Concept.broader.through.objects.values_list("from_concept_id", "to_concept_id"))


def _below(identifiers) -> set[int]:
    """The concepts with these identifiers and every concept under them, walked in Python."""
    children: dict[int, set[int]] = {}
    for concept, broader in _broader_links():
        children.setdefault(broader, set()).add(concept)
    found: set[int] = set()
    waiting = list(Concept.objects.filter(identifier__in=identifiers).values_list("pk", flat=True))
    while waiting:
        concept = waiting.pop()
        if concept not in found:
            found.add(concept)
            waiting.extend(children.get(concept, ()))
    return found


def _above(concepts: set[int], parents: dict[int, set[int]]) -> set[int]:
    """The concepts given and every concept above them."""
    found: set[int] = set()
    waiting = list(concepts)
    while waiting:
        concept = waiting.pop()
        if concept not in found:
            found.add(concept)
            waiting.extend(parents.get(concept, ()))
    return found


def _document_condition(filters: dict, ref: str, prefix: str) -> Q:
    """The document facets as a Q on documents (prefix "") or paragraphs ("document__")."""
    q = Q()
    if "body" in filters:
        q &= Q(**{f"{prefix}body__code__in": filters["body"]})
    if "year" in filters:
        low, high = filters["year"]
        if low is not None:
            q &= Q(**{f"{prefix}year__gte": low})
        if high is not None:
            q &= Q(**{f"{prefix}year__lte": high})
    if "doc_type" in filters:
        q &= Q(**{f"{prefix}doc_type__in": filters["doc_type"]})
    if "language" in filters:
        q &= Q(**{f"{prefix}language__in": filters["language"]})
    if "topic" in filters:
        links = DocumentTopic.objects.filter(
            document=OuterRef(ref), topic__slug__in=filters["topic"], status__in=VISIBLE
        )
        q &= Q(Exists(links))
    if "sponsor" in filters:
        q &= Q(
            Exists(
                Sponsorship.objects.filter(
                    document=OuterRef(ref), country__slug__in=filters["sponsor"]
                )
            )
        )
    if "outcome" in filters:
        q &= Q(**{f"{prefix}catalogue_record__vote_outcome__in": filters["outcome"]})
    if "subject" in filters:
        subjects = RecordSubject.objects.filter(
            record__document=OuterRef(ref), concept_id__in=_below(filters["subject"])
        )
        q &= Q(Exists(subjects))
    if "voted" in filters:
        ballots = Q(pk__in=[])
        for value in filters["voted"]:
            slug, _, ballot = value.rpartition(":")
            ballots |= Q(country__slug=slug, choice=BALLOT_LETTERS[ballot])
        q &= Q(Exists(StateVote.objects.filter(ballots, vote__document=OuterRef(ref))))
    if "cites" in filters:
        q &= Q(
            Exists(
                Reference.objects.filter(_cited(filters["cites"]), citing_document=OuterRef(ref))
            )
        )
    return q


def _paragraph_condition(request: SearchRequest, filters: dict) -> Q:
    q = Q()
    query = _query(request)
    if query is not None and not request.whole_documents:
        q &= Q(search_vector=query)
    if "verb" in filters:
        q &= Q(verb__in=filters["verb"])
    if "kind" in filters:
        q &= Q(kind__in=filters["kind"])
    if "addressee" in filters:
        q &= Q(lineage__addressees__overlap=filters["addressee"])
    return q


def _on_paragraphs(filters: dict) -> bool:
    return any(key in filters for key in PARAGRAPH_KEYS)


def _without(request: SearchRequest, key: str) -> dict:
    return {k: v for k, v in request.filters.items() if k != key}


def document_queryset(request: SearchRequest, *, without: str = "") -> QuerySet:
    filters = _without(request, without)
    documents = published_documents().filter(_document_condition(filters, "pk", ""))
    if request.whole_documents:
        with connection.cursor() as cursor:
            cursor.execute(WHOLE_TEXT)
        whole = RawSQL(WHOLE_MATCH, [SEARCH_CONFIG, request.query])
        documents = documents.filter(pk__in=whole)
        if _on_paragraphs(filters):
            paragraphs = Paragraph.objects.filter(
                _paragraph_condition(request, filters), document=OuterRef("pk")
            )
            documents = documents.filter(Exists(paragraphs))
        return documents
    by_paragraph = request.query or _on_paragraphs(filters)
    if not by_paragraph:
        return documents
    paragraphs = Paragraph.objects.filter(
        _paragraph_condition(request, filters), document=OuterRef("pk")
    )
    condition = Q(Exists(paragraphs))
    if request.query and not _on_paragraphs(filters):
        condition |= Q(title_search=_query(request))
    return documents.filter(condition)


def paragraph_queryset(request: SearchRequest, *, without: str = "") -> QuerySet:
    filters = _without(request, without)
    return published_paragraphs().filter(
        _document_condition(filters, "document_id", "document__"),
        _paragraph_condition(request, filters),
    )


def document_ids(request: SearchRequest) -> list[int]:
    """Every matching document, in the request's order."""
    documents = document_queryset(request)
    query = _query(request)
    if request.sort == "relevance" and query is not None:
        scores = (
            Paragraph.objects.filter(
                _paragraph_condition(request, request.filters), document=OuterRef("pk")
            )
            .annotate(s=_paragraph_score(query))
            .values("document")
        )
        best = scores.annotate(best=Max("s")).values("best")
        total = scores.annotate(total=Sum("s")).values("total")
        zero = Value(0.0, output_field=FloatField())
        documents = documents.annotate(
            rank=Value(ranking.TITLE_WEIGHT) * _cover_density("title_search", query)
            + Coalesce(Subquery(best, output_field=FloatField()), zero)
            + Value(ranking.SPREAD_WEIGHT)
            * Ln(1 + Coalesce(Subquery(total, output_field=FloatField()), zero))
        ).order_by("-rank", F("date").desc(nulls_last=True), "pk")
    elif request.sort == "oldest":
        documents = documents.order_by(
            F("date").asc(nulls_last=True), F("year").asc(nulls_last=True), "pk"
        )
    else:
        documents = documents.order_by(
            F("date").desc(nulls_last=True), F("year").desc(nulls_last=True), "-pk"
        )
    return list(documents.values_list("pk", flat=True))


def paragraph_ids(request: SearchRequest) -> list[int]:
    """Every matching paragraph, in the request's order."""
    paragraphs = paragraph_queryset(request)
    query = _query(request)
    if request.sort == "relevance" and query is not None:
        paragraphs = paragraphs.annotate(rank=_paragraph_score(query)).order_by(
            "-rank", F("document__date").desc(nulls_last=True), "document_id", "position"
        )
    elif request.sort == "oldest":
        paragraphs = paragraphs.order_by(
            F("document__date").asc(nulls_last=True), "document_id", "position"
        )
    else:
        paragraphs = paragraphs.order_by(
            F("document__date").desc(nulls_last=True), "-document_id", "position"
        )
    return list(paragraphs.values_list("pk", flat=True))


def _grouped(queryset: QuerySet, value: str, count) -> dict[str, int]:
    rows = queryset.exclude(**{f"{value}__isnull": True}).values(value).annotate(n=count)
    return {str(row[value]): row["n"] for row in rows}


def _top(counts: dict[str, int], labels: dict[str, str] | None = None) -> dict[str, int]:
    """The LIMIT most frequent, ties by label, as the page shows them."""
    order = sorted(counts.items(), key=lambda kv: (-kv[1], (labels or {}).get(kv[0], kv[0])))
    return dict(order[:LIMIT])


def facet_counts(request: SearchRequest) -> dict[str, dict[str, int]]:
    """Counts per facet value; each facet counts under every other chosen filter."""
    on_paragraphs = request.view == "paragraphs"
    prefix = "document__" if on_paragraphs else ""

    def base(key: str) -> QuerySet:
        if on_paragraphs:
            return paragraph_queryset(request, without=key)
        return document_queryset(request, without=key)

    n = Count("pk", distinct=True)
    facets: dict[str, dict[str, int]] = {}
    facets["body"] = _grouped(base("body"), f"{prefix}body__code", n)
    facets["year"] = _grouped(base("year"), f"{prefix}year", n)
    facets["doc_type"] = _grouped(base("doc_type"), f"{prefix}doc_type", n)
    facets["language"] = _grouped(base("language"), f"{prefix}language", n)
    topics = base("topic").filter(**{f"{prefix}topic_links__status__in": VISIBLE})
    topic_counts = _grouped(topics, f"{prefix}topic_links__topic__slug", n)
    names = dict(
        topics.values_list(f"{prefix}topic_links__topic__slug", f"{prefix}topic_links__topic__name")
    )
    facets["topic"] = _top(topic_counts, names)
    sponsors = base("sponsor")
    sponsor_counts = _grouped(sponsors, f"{prefix}sponsors__slug", n)
    names = dict(sponsors.values_list(f"{prefix}sponsors__slug", f"{prefix}sponsors__name"))
    facets["sponsor"] = _top(sponsor_counts, names)
    outcomes = base("outcome").exclude(**{f"{prefix}catalogue_record__vote_outcome": ""})
    facets["outcome"] = _grouped(outcomes, f"{prefix}catalogue_record__vote_outcome", n)
    facets["subject"] = _subject_counts(base("subject"), prefix, request.filters.get("subject", []))
    for key in ("verb", "kind"):
        filters = _without(request, key)
        if on_paragraphs:
            paragraphs = paragraph_queryset(request, without=key)
            count = Count("pk")
        else:
            documents = document_queryset(request, without=key).values("pk")
            paragraphs = Paragraph.objects.filter(
                _paragraph_condition(request, filters), document__in=documents
            )
            count = Count("document_id", distinct=True)
        if key == "verb":
            if "kind" not in filters:
                paragraphs = paragraphs.filter(
                    Q(kind=Paragraph.Kind.OPERATIVE) | Q(verb__in=request.filters.get("verb", []))
                )
            paragraphs = paragraphs.exclude(verb="")
        counts = _grouped(paragraphs, key, count)
        facets[key] = _top(counts) if key == "verb" else counts
    facets["addressee"] = _addressee_counts(request, on_paragraphs)
    return facets


def _subject_counts(rows: QuerySet, prefix: str, chosen: list[str]) -> dict[str, int]:
    """Rows (documents or paragraphs) per concept at or above their documents' subjects: the
    thesaurus' concepts, and any level chosen."""
    parents: dict[int, set[int]] = {}
    for concept, broader in _broader_links():
        parents.setdefault(concept, set()).add(broader)
    subjects: dict[int, set[int]] = {}
    for document, concept in RecordSubject.objects.filter(concept__isnull=False).values_list(
        "record__document_id", "concept_id"
    ):
        subjects.setdefault(document, set()).add(concept)
    shown = {
        c.pk: c
        for c in Concept.objects.all()
        if c.kind == Concept.Kind.CONCEPT or c.identifier in chosen
    }
    counts: dict[str, int] = {}
    for document in rows.values_list(f"{prefix}pk", flat=True):
        for concept in _above(subjects.get(document, set()), parents):
            if concept in shown:
                identifier = shown[concept].identifier
                counts[identifier] = counts.get(identifier, 0) + 1
    labels = {c.identifier: c.label for c in shown.values()}
    return _top(counts, labels)


def _addressee_counts(request: SearchRequest, on_paragraphs: bool) -> dict[str, int]:
    """Paragraphs (or documents) per addressee; a paragraph addressing several counts under each."""
    if on_paragraphs:
        paragraphs = paragraph_queryset(request, without="addressee")
    else:
        filters = _without(request, "addressee")
        documents = document_queryset(request, without="addressee").values("pk")
        paragraphs = Paragraph.objects.filter(
            _paragraph_condition(request, filters), document__in=documents
        )
    seen: dict[str, set[int]] = {}
    for pk, document_id, addressees in paragraphs.filter(lineage__isnull=False).values_list(
        "pk", "document_id", "lineage__addressees"
    ):
        for addressee in addressees:
            seen.setdefault(addressee, set()).add(pk if on_paragraphs else document_id)
    return {addressee: len(ids) for addressee, ids in seen.items()}
