"""Search selectors: published documents and paragraphs for a set of parameters, with facets.

Pure query-building, no HTTP: the parameters come in as a QueryDict (or a dict of lists) with the
public names of `/search/` (see `filters.py`), plus `sort`, `view` and `page`. The FilterSets
validate the parameters; `matching.py` finds the page's ids, the count and every facet from one
match set (exact under `EXACT_LIMIT` matching paragraphs, else estimated on a sample and flagged:
`count_is_estimate`, `facets_are_estimates`). The page's rows are then fetched by primary key with
`only()` (the vectors and full text stay in the database), snippets for the shown rows alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, F, FloatField, OuterRef, Q, QuerySet, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import QueryDict

from . import matching
from .filters import (
    VISIBLE_TOPIC_STATUSES,
    DocumentFilter,
    ParagraphFilter,
    parse_citation,
    search_query,
)
from .models import SEARCH_CONFIG, DocType, Document, Paragraph, ParagraphKind
from .selectors import published_documents, published_paragraphs

SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
VIEWS = {"documents": "Documents", "paragraphs": "Paragraphs"}
PER_PAGE = 20
# Best-matching paragraphs shown under each document.
BEST_PARAGRAPHS = 3
# Facets listing many values (topics, sponsors, verbs) show the most frequent.
FACET_LIMIT = 30
# Highlight markers: characters that never occur in documents, swapped for <mark> after escaping.
START_SEL = "\x02"
STOP_SEL = "\x03"

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


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: what the URL carries, what people read, how many, whether on."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    """One page of a search: rows, counts, facets and the parameters that were not understood."""

    query: str
    view: str
    sort: str
    page: Page
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    cleaned: dict[str, Any] = field(default_factory=dict)
    total: int | None = None
    # "about N": the count (and then the facets) come from a sample of a huge result set.
    count_is_estimate: bool = False
    facets_are_estimates: bool = False

    @property
    def count(self) -> int:
        return self.page.paginator.count if self.total is None else self.total

    @property
    def rows(self) -> list:
        return list(self.page.object_list)


def as_querydict(params: Mapping[str, Any] | QueryDict | None) -> QueryDict:
    """Parameters as a QueryDict; a plain dict may hold lists for repeated parameters."""
    if isinstance(params, QueryDict):
        return params
    data = QueryDict(mutable=True)
    for key, value in (params or {}).items():
        if isinstance(value, list | tuple):
            data.setlist(key, [str(item) for item in value])
        elif value is not None:
            data[key] = str(value)
    return data


def read_options(params: QueryDict) -> tuple[str, str, str]:
    """The query, view and sort; unknown values fall back to the defaults."""
    query = " ".join(params.get("q", "").split())[:500]
    view = params.get("view", "documents")
    if view not in VIEWS:
        view = "documents"
    sort = params.get("sort", "")
    if sort not in SORTS:
        sort = "relevance" if query else "newest"
    if sort == "relevance" and not query:
        sort = "newest"
    return query, view, sort


def document_filter(params: QueryDict) -> DocumentFilter:
    """The document FilterSet over published documents."""
    return DocumentFilter(params, queryset=published_documents())


def paragraph_filter(params: QueryDict) -> ParagraphFilter:
    """The paragraph FilterSet over paragraphs of published documents."""
    return ParagraphFilter(params, queryset=published_paragraphs())


def _query_of(filterset: DocumentFilter) -> SearchQuery | None:
    q = filterset.cleaned().get("q")
    return search_query(q) if q else None


def ordered_documents(filterset: DocumentFilter, *, sort: str) -> QuerySet[Document]:
    """The filtered documents in the asked order: relevance, newest or oldest, then by pk."""
    queryset = filterset.qs.select_related("body").only(*DOCUMENT_FIELDS)
    query = _query_of(filterset)
    if sort == "relevance" and query is not None:
        condition = filterset.paragraph_condition(filterset.cleaned())
        best = (
            Paragraph.objects.filter(condition, document=OuterRef("pk"))
            .annotate(r=SearchRank(F("search_vector"), query))
            .order_by("-r")
            .values("r")[:1]
        )
        queryset = queryset.annotate(
            rank=SearchRank(F("title_search"), query)
            + Coalesce(Subquery(best, output_field=FloatField()), Value(0.0))
        )
        return queryset.order_by("-rank", F("date").desc(nulls_last=True), "pk")
    if sort == "oldest":
        return queryset.order_by(
            F("date").asc(nulls_last=True), F("year").asc(nulls_last=True), "pk"
        )
    return queryset.order_by(
        F("date").desc(nulls_last=True), F("year").desc(nulls_last=True), "-pk"
    )


def ordered_paragraphs(filterset: ParagraphFilter, *, sort: str) -> QuerySet[Paragraph]:
    """The filtered paragraphs in the asked order, each with its document and body."""
    fields = [*PARAGRAPH_FIELDS, "text", *(f"document__{name}" for name in DOCUMENT_FIELDS[1:])]
    queryset = filterset.qs.select_related("document__body").only(*fields)
    query = _query_of(filterset)
    if sort == "relevance" and query is not None:
        queryset = queryset.annotate(rank=SearchRank(F("search_vector"), query))
        return queryset.order_by(
            "-rank", F("document__date").desc(nulls_last=True), "document_id", "position"
        )
    if sort == "oldest":
        return queryset.order_by(
            F("document__date").asc(nulls_last=True), "document_id", "position"
        )
    return queryset.order_by(F("document__date").desc(nulls_last=True), "-document_id", "position")


def headlines(pks: list[int], query: SearchQuery) -> dict[int, str]:
    """Highlighted snippets of the given paragraphs (only the shown rows: one query)."""
    if not pks:
        return {}
    rows = (
        Paragraph.objects.filter(pk__in=pks)
        .annotate(
            headline=SearchHeadline(
                "text",
                query,
                config=SEARCH_CONFIG,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                max_words=40,
                min_words=15,
                max_fragments=3,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "headline")
    )
    return dict(rows)


def attach_best_paragraphs(documents: list[Document], filterset: DocumentFilter) -> None:
    """Give each document `best_paragraphs` (up to three, with snippets) and `match_count`."""
    for document in documents:
        document.best_paragraphs = []
        document.match_count = 0
    data = filterset.cleaned()
    condition = filterset.paragraph_condition(data)
    if not documents or not condition:
        return
    query = _query_of(filterset)
    order = [F("position").asc()]
    if query is not None:
        order.insert(0, SearchRank(F("search_vector"), query).desc())
    ranked = (
        Paragraph.objects.filter(condition, document_id__in=[d.pk for d in documents])
        .annotate(
            row=Window(RowNumber(), partition_by=[F("document_id")], order_by=order),
            matches=Window(Count("pk"), partition_by=[F("document_id")]),
        )
        .filter(row__lte=BEST_PARAGRAPHS)
        .values_list("pk", "document_id", "row", "matches")
    )
    order_of: dict[int, int] = {}
    by_document = {document.pk: document for document in documents}
    for pk, document_id, row, matches in ranked:
        order_of[pk] = row
        by_document[document_id].match_count = matches
    if not order_of:
        return
    paragraphs = Paragraph.objects.filter(pk__in=list(order_of)).only(*PARAGRAPH_FIELDS)
    if query is not None:
        paragraphs = paragraphs.annotate(
            snippet=SearchHeadline(
                "text",
                query,
                config=SEARCH_CONFIG,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                max_words=40,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    else:
        paragraphs = paragraphs.only(*PARAGRAPH_FIELDS, "text")
    for paragraph in paragraphs:
        document = by_document[paragraph.document_id]
        paragraph.document = document  # no query per row: the document is at hand
        if query is None:
            paragraph.snippet = paragraph.text
        document.best_paragraphs.append(paragraph)
    for document in documents:
        document.best_paragraphs.sort(key=lambda p: order_of[p.pk])


def _selected(values: list[FacetValue], chosen: list[str], *, labels: dict | None = None):
    """Mark the chosen values, adding those with no rows so they can still be removed."""
    chosen_set = set(chosen)
    marked = [FacetValue(v.value, v.label, v.count, v.value in chosen_set) for v in values]
    present = {v.value for v in values}
    for value in chosen:
        if value not in present:
            label = (labels or {}).get(value, value)
            marked.append(FacetValue(value, label, 0, True))
    return marked


def facet_counts(filterset: DocumentFilter) -> dict[str, list[FacetValue]]:
    """Counts per facet value; each facet counts under every other active filter (one query each).

    On documents it counts documents; on paragraphs (a `ParagraphFilter`) it counts paragraphs.
    """
    on_paragraphs = isinstance(filterset, ParagraphFilter)
    p = filterset.document_prefix
    data = filterset.cleaned()
    n = Count("pk", distinct=True)
    facets: dict[str, list[FacetValue]] = {}

    rows = (
        filterset.queryset_without("body")
        .values(f"{p}body__code", f"{p}body__name")
        .annotate(n=n)
        .order_by("-n", f"{p}body__code")
    )
    facets["body"] = _selected(
        [FacetValue(r[f"{p}body__code"], r[f"{p}body__name"], r["n"]) for r in rows],
        data.get("body", []),
    )

    rows = (
        filterset.queryset_without("year_min", "year_max")
        .filter(**{f"{p}year__isnull": False})
        .values(f"{p}year")
        .annotate(n=n)
        .order_by(f"{p}year")
    )
    year_min, year_max = data.get("year_min"), data.get("year_max")
    facets["year"] = [
        FacetValue(
            str(r[f"{p}year"]),
            str(r[f"{p}year"]),
            r["n"],
            (year_min is not None or year_max is not None)
            and (year_min is None or r[f"{p}year"] >= year_min)
            and (year_max is None or r[f"{p}year"] <= year_max),
        )
        for r in rows
    ]

    rows = (
        filterset.queryset_without("topic")
        .filter(**{f"{p}topic_links__status__in": VISIBLE_TOPIC_STATUSES})
        .values(f"{p}topic_links__topic__slug", f"{p}topic_links__topic__name")
        .annotate(n=n)
        .order_by("-n", f"{p}topic_links__topic__name")[:FACET_LIMIT]
    )
    facets["topic"] = _selected(
        [
            FacetValue(r[f"{p}topic_links__topic__slug"], r[f"{p}topic_links__topic__name"], r["n"])
            for r in rows
        ],
        data.get("topic", []),
    )

    rows = (
        filterset.queryset_without("sponsor")
        .filter(**{f"{p}sponsors__isnull": False})
        .values(f"{p}sponsors__slug", f"{p}sponsors__name")
        .annotate(n=n)
        .order_by("-n", f"{p}sponsors__name")[:FACET_LIMIT]
    )
    facets["sponsor"] = _selected(
        [FacetValue(r[f"{p}sponsors__slug"], r[f"{p}sponsors__name"], r["n"]) for r in rows],
        data.get("sponsor", []),
    )

    rows = (
        filterset.queryset_without("doc_type")
        .values(f"{p}doc_type")
        .annotate(n=n)
        .order_by("-n", f"{p}doc_type")
    )
    doc_type_labels = dict(DocType.choices)
    facets["doc_type"] = _selected(
        [
            FacetValue(
                r[f"{p}doc_type"], doc_type_labels.get(r[f"{p}doc_type"], r[f"{p}doc_type"]), r["n"]
            )
            for r in rows
        ],
        data.get("doc_type", []),
        labels=doc_type_labels,
    )

    facets["verb"] = _selected(
        [FacetValue(v, v, c) for v, c in _paragraph_facet(filterset, "verb", on_paragraphs)],
        data.get("verb", []),
    )
    kind_labels = dict(ParagraphKind.choices)
    facets["kind"] = _selected(
        [
            FacetValue(v, kind_labels.get(v, v), c)
            for v, c in _paragraph_facet(filterset, "kind", on_paragraphs)
        ],
        data.get("kind", []),
        labels=kind_labels,
    )
    return facets


def _paragraph_facet(
    filterset: DocumentFilter, key: str, on_paragraphs: bool
) -> list[tuple[str, int]]:
    """Counts of a paragraph field (verb, kind) under every other filter.

    Verbs are counted among operative paragraphs unless a kind is chosen: preambular verbs
    ("recalling") would otherwise crowd out the operative ones ("urges").
    """
    data = filterset.cleaned(exclude=[key])
    if on_paragraphs:
        paragraphs = filterset.queryset_without(key)
        count = Count("pk")
    else:
        documents = filterset.queryset_without(key).values("pk")
        paragraphs = Paragraph.objects.filter(
            filterset.paragraph_condition(data), document__in=documents
        )
        count = Count("document_id", distinct=True)
    if key == "verb":
        if not data.get("kind"):
            paragraphs = paragraphs.filter(kind=ParagraphKind.OPERATIVE)
        paragraphs = paragraphs.exclude(verb="")
    rows = paragraphs.values(key).annotate(n=count).order_by("-n", key)[:FACET_LIMIT]
    return [(r[key], r["n"]) for r in rows]


class CountedPaginator(Paginator):
    """A paginator told its count: the page's rows are fetched by the selector, not sliced."""

    def __init__(self, count: int, per_page: int) -> None:
        super().__init__([], per_page)
        self.fixed_count = count

    @property
    def count(self) -> int:  # type: ignore[override]
        return self.fixed_count


def _page_number(raw: object) -> int:
    try:
        return max(int(str(raw)), 1)
    except (TypeError, ValueError):
        return 1


def _window(fetch, *, count: int | None, number: int, per_page: int) -> tuple[int, int, list[int]]:
    """(count, page number, ids): fetch(offset, limit) -> (count, ids); past the end, the last."""
    total, ids = fetch((number - 1) * per_page, per_page)
    total = total if count is None else count
    if not ids and number > 1:
        paginator = CountedPaginator(total, per_page)
        number = paginator.num_pages
        _total, ids = fetch((number - 1) * per_page, per_page)
    return total, number, ids


def _page(rows: list, *, count: int, number: int, per_page: int) -> Page:
    paginator = CountedPaginator(count, per_page)
    try:
        number = paginator.validate_number(number)
    except (EmptyPage, PageNotAnInteger):
        number = paginator.num_pages
    return Page(rows, number, paginator)


def _in_order(objects, ids: list[int]) -> list:
    by_pk = {o.pk: o for o in objects}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _facet_counts(
    conditions: matching.Conditions, *, on_paragraphs: bool, sample: bool | None = None
) -> tuple[int, list, bool]:
    """(result size, facet rows, estimated): exact when the unfiltered match set is small, else
    estimated on a sample, all from one statement."""
    if sample is None:
        sample = matching.probe(conditions, filtered=False) > matching.EXACT_LIMIT
    percent = matching.sample_percent() if sample else None
    total, rows = matching.facet_rows(conditions, on_paragraphs=on_paragraphs, sample=percent)
    return total, rows, sample


def _facets(rows: list, data: dict) -> dict[str, list[FacetValue]]:
    """The facet rows as FacetValues in each facet's order, chosen values marked."""
    grouped: dict[str, list[tuple[str, str, int]]] = {}
    for facet, value, label, n in rows:
        if n:
            grouped.setdefault(facet, []).append((value, label, n))
    doc_type_labels = dict(DocType.choices)
    kind_labels = dict(ParagraphKind.choices)
    order = {
        "body": lambda r: (-r[2], r[0]),
        "year": lambda r: int(r[0]),
        "doc_type": lambda r: (-r[2], r[0]),
        "topic": lambda r: (-r[2], r[1]),
        "sponsor": lambda r: (-r[2], r[1]),
        "verb": lambda r: (-r[2], r[0]),
        "kind": lambda r: (-r[2], r[0]),
    }
    facets: dict[str, list[FacetValue]] = {}
    values = {key: sorted(grouped.get(key, []), key=order[key]) for key in order}
    facets["body"] = _selected(
        [FacetValue(v, label, n) for v, label, n in values["body"]], data.get("body", [])
    )
    year_min, year_max = data.get("year_min"), data.get("year_max")
    facets["year"] = [
        FacetValue(
            v,
            v,
            n,
            (year_min is not None or year_max is not None)
            and (year_min is None or int(v) >= year_min)
            and (year_max is None or int(v) <= year_max),
        )
        for v, _label, n in values["year"]
    ]
    for key in ("topic", "sponsor", "verb"):
        facets[key] = _selected(
            [FacetValue(v, label, n) for v, label, n in values[key]], data.get(key, [])
        )
    facets["doc_type"] = _selected(
        [FacetValue(v, doc_type_labels.get(v, v), n) for v, _label, n in values["doc_type"]],
        data.get("doc_type", []),
        labels=doc_type_labels,
    )
    facets["kind"] = _selected(
        [FacetValue(v, kind_labels.get(v, v), n) for v, _label, n in values["kind"]],
        data.get("kind", []),
        labels=kind_labels,
    )
    # Same order of keys as before: body, year, topic, sponsor, doc_type, verb, kind.
    keys = ("body", "year", "topic", "sponsor", "doc_type", "verb", "kind")
    return {key: facets[key] for key in keys}


@dataclass
class _Request:
    """What a search reads from its parameters: the options, the filters, the page asked for."""

    query: str
    sort: str
    filterset: DocumentFilter
    cleaned: dict[str, Any]
    conditions: matching.Conditions
    number: int


def _read_request(params: Mapping[str, Any] | QueryDict | None, *, view: str) -> _Request:
    """The options, the view's FilterSet with its cleaned values and conditions, the page."""
    data = as_querydict(params)
    query, _view, sort = read_options(data)
    filterset = paragraph_filter(data) if view == "paragraphs" else document_filter(data)
    cleaned = filterset.cleaned()
    return _Request(
        query=query,
        sort=sort,
        filterset=filterset,
        cleaned=cleaned,
        conditions=matching.Conditions(cleaned),
        number=_page_number(data.get("page")),
    )


def _results(
    request: _Request,
    rows: list,
    *,
    view: str,
    pages: int,
    number: int,
    per_page: int,
    total: int,
    estimated: bool,
    counted: tuple[int, list, bool] | None,
    with_facets: bool,
) -> SearchResults:
    """One page of rows as SearchResults, with the facets (counted now unless already)."""
    facets, facets_estimated = {}, False
    if with_facets:
        counted = counted or _facet_counts(request.conditions, on_paragraphs=view == "paragraphs")
        facets, facets_estimated = _facets(counted[1], request.cleaned), counted[2]
    return SearchResults(
        query=request.query,
        view=view,
        sort=request.sort,
        page=_page(rows, count=pages, number=number, per_page=per_page),
        facets=facets,
        errors=_errors(request.filterset),
        cleaned=request.cleaned,
        total=total,
        count_is_estimate=estimated,
        facets_are_estimates=facets_estimated,
    )


def search_documents(
    params: Mapping[str, Any] | QueryDict | None,
    *,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
) -> SearchResults:
    """A page of matching documents, each with its best paragraphs, and the facets."""
    request = _read_request(params, view="documents")
    conditions, sort, number = request.conditions, request.sort, request.number
    estimated = False
    counted = None
    by_paragraph = conditions.query or conditions.active("verb") or conditions.active("kind")
    if not by_paragraph:
        # Browsing by document filters: counting documents is cheap and exact.
        count = matching.count_walk_documents(conditions)
        count, number, ids = _window(
            lambda o, n: (count, matching.walk_documents(conditions, sort=sort, offset=o, limit=n)),
            count=count,
            number=number,
            per_page=per_page,
        )
        pages = count
    elif matching.probe(conditions, filtered=True) <= matching.EXACT_LIMIT:
        count, number, ids = _window(
            lambda o, n: matching.exact_documents(conditions, sort=sort, offset=o, limit=n),
            count=None,
            number=number,
            per_page=per_page,
        )
        pages = count
    else:
        estimated = True
        counted = _facet_counts(conditions, on_paragraphs=False, sample=True)
        count = counted[0]
        # Past the threshold only the candidates are ranked (and paged): see matching.py.
        cap = matching.CANDIDATES if sort == "relevance" else matching.ESTIMATED_PAGES_ROWS
        pages = max(min(count, cap), 1)
        number = min(number, -(-pages // per_page))
        ids = matching.walk_documents(
            conditions, sort=sort, offset=(number - 1) * per_page, limit=per_page
        )
    documents = _in_order(
        published_documents().filter(pk__in=ids).select_related("body").only(*DOCUMENT_FIELDS),
        ids,
    )
    attach_best_paragraphs(documents, request.filterset)
    return _results(
        request,
        documents,
        view="documents",
        pages=pages,
        number=number,
        per_page=per_page,
        total=count,
        estimated=estimated,
        counted=counted,
        with_facets=with_facets,
    )


def search_paragraphs(
    params: Mapping[str, Any] | QueryDict | None,
    *,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
) -> SearchResults:
    """A page of matching paragraphs, one by one, with snippets, and the facets."""
    request = _read_request(params, view="paragraphs")
    conditions, sort, number = request.conditions, request.sort, request.number
    estimated = False
    counted = None
    if matching.probe(conditions, filtered=True) <= matching.EXACT_LIMIT:
        count, number, ids = _window(
            lambda o, n: matching.exact_paragraphs(conditions, sort=sort, offset=o, limit=n),
            count=None,
            number=number,
            per_page=per_page,
        )
        pages = count
    else:
        estimated = True
        counted = _facet_counts(conditions, on_paragraphs=True, sample=True)
        count = max(counted[0], matching.EXACT_LIMIT + 1)
        ranked = sort == "relevance" and request.query
        pages = min(count, matching.CANDIDATES if ranked else matching.ESTIMATED_PAGES_ROWS)
        number = min(number, -(-pages // per_page))
        ids = matching.walk_paragraphs(
            conditions, sort=sort, offset=(number - 1) * per_page, limit=per_page
        )
    fields = [*PARAGRAPH_FIELDS, "text", *(f"document__{name}" for name in DOCUMENT_FIELDS[1:])]
    rows = _in_order(
        Paragraph.objects.filter(pk__in=ids).select_related("document__body").only(*fields), ids
    )
    search = _query_of(request.filterset)
    snippets = headlines([p.pk for p in rows], search) if search else {}
    for paragraph in rows:
        paragraph.snippet = snippets.get(paragraph.pk, paragraph.text)
    return _results(
        request,
        rows,
        view="paragraphs",
        pages=pages,
        number=number,
        per_page=per_page,
        total=count,
        estimated=estimated,
        counted=counted,
        with_facets=with_facets,
    )


def search(params: Mapping[str, Any] | QueryDict | None, **options: Any) -> SearchResults:
    """Documents or paragraphs, as `view` asks."""
    data = as_querydict(params)
    _query, view, _sort = read_options(data)
    if view == "paragraphs":
        return search_paragraphs(data, **options)
    return search_documents(data, **options)


def _errors(filterset: DocumentFilter) -> dict[str, list[str]]:
    return {name: list(messages) for name, messages in filterset.errors.items()}


def find_documents_by_citation(text: str, *, limit: int = 20) -> list[Document]:
    """Published documents a typed symbol or citation names ("A/RES/66/128", "ECOSOC 2014/23")."""
    parsed = parse_citation(text)
    if parsed is None:
        return []
    condition = Q()
    for key in {*parsed["symbols"], *parsed["keys"]}:
        condition |= Q(symbol__iexact=key) | Q(citation_key__iexact=key)
    if parsed["number"]:
        by_number = Q(number__iexact=parsed["number"])
        if parsed["body"]:
            by_number &= Q(body__code=parsed["body"])
        else:
            by_number &= Q(doc_type__in=[DocType.RESOLUTION, DocType.DECISION])
        condition |= by_number
    return list(
        published_documents()
        .filter(condition)
        .select_related("body")
        .only(*DOCUMENT_FIELDS)
        .order_by(F("date").desc(nulls_last=True), "pk")[:limit]
    )


def export_documents(params: Mapping[str, Any] | QueryDict | None, *, limit: int) -> Iterator:
    """The matching documents in order, at most `limit`, with sponsors and topics, streamed."""
    data = as_querydict(params)
    _query, _view, sort = read_options(data)
    queryset = ordered_documents(document_filter(data), sort=sort).prefetch_related(
        "sponsors", "topic_links__topic"
    )
    return queryset[:limit].iterator(chunk_size=500)


def export_paragraphs(params: Mapping[str, Any] | QueryDict | None, *, limit: int) -> Iterator:
    """The matching paragraphs in order, at most `limit`, streamed."""
    data = as_querydict(params)
    _query, _view, sort = read_options(data)
    return ordered_paragraphs(paragraph_filter(data), sort=sort)[:limit].iterator(chunk_size=1000)
