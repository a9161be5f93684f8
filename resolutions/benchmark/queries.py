"""Researcher queries, timed through the search page's code path, the JSON API and plain SQL.

Each query is timed four ways, in the same run:

- `selectors`: `resolutions.search.search(params)` as the view calls it (rows, count, facets);
- `page`: `GET /search/?...` through Django's test `Client` (the selectors plus the template);
- `api`: `GET /api/search/?...` through the `Client`;
- `sql`: the straightforward hand-written SQL for the same question: match every paragraph,
  rank them all, group the matches for each facet (each facet without its own filter, as the
  page counts them), then headlines for the first page's best paragraphs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .. import search as selectors
from ..models import Document
from .corpus import FILENAME_PREFIX

PER_PAGE = selectors.PER_PAGE
BEST_PARAGRAPHS = selectors.BEST_PARAGRAPHS
FACET_LIMIT = selectors.FACET_LIMIT
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Query:
    """A researcher's question: its kind (the report's row) and the `/search/` parameters."""

    kind: str
    params: dict[str, str | list[str]]

    @property
    def query_string(self) -> str:
        return urlencode(self.params, doseq=True)

    @property
    def label(self) -> str:
        return self.query_string or "(everything)"


# The fixed set, per kind. Rare words are in about one document in 250; "member states" is in
# about a third of the paragraphs, "crime" in most documents.
QUERIES: tuple[Query, ...] = (
    Query("rare word", {"q": "ransomware"}),
    Query("rare word", {"q": "pangolin"}),
    Query("rare word", {"q": "hawala"}),
    Query("common word", {"q": "member states"}),
    Query("common word", {"q": "crime"}),
    Query("common word", {"q": "international cooperation"}),
    Query("phrase", {"q": '"technical assistance"'}),
    Query("phrase", {"q": '"trafficking in persons"'}),
    Query("phrase", {"q": '"member states"'}),
    Query("boolean", {"q": "cybercrime or corruption -terrorism"}),
    Query("boolean", {"q": '"money-laundering" or kidnapping'}),
    Query(
        "query + filters",
        {
            "q": "member states",
            "body": "GA",
            "year_min": "2000",
            "year_max": "2015",
            "verb": "urges",
        },
    ),
    Query(
        "query + filters",
        {
            "q": "trafficking",
            "body": ["ECOSOC", "CCPCJ"],
            "doc_type": "resolution",
            "year_min": "2010",
        },
    ),
    Query("query + filters", {"q": "corruption", "topic": "corruption", "sponsor": "mexico"}),
    Query("browse", {}),
    Query("browse", {"sort": "oldest"}),
    Query("browse + filters", {"body": "ECOSOC", "year_min": "2005", "year_max": "2015"}),
    Query("browse + filters", {"doc_type": "resolution", "verb": "urges"}),
    Query("browse + filters", {"sponsor": "mexico"}),
    Query("paragraph view", {"view": "paragraphs", "q": "member states"}),
    Query("paragraph view", {"view": "paragraphs", "q": "ransomware"}),
    Query("paragraph view", {"view": "paragraphs", "verb": "urges", "body": "GA"}),
)
KINDS: tuple[str, ...] = tuple(dict.fromkeys(query.kind for query in QUERIES))
PATHS = ("selectors", "page", "api", "sql")


@dataclass
class Timings:
    """Seconds per (kind, path), and per query label for the detail table."""

    by_kind: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    by_query: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, query: Query, path: str, seconds: float) -> None:
        self.by_kind.setdefault((query.kind, path), []).append(seconds)
        self.by_query.setdefault((query.label, path), []).append(seconds)


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def client() -> Client:
    """A test client that speaks to the app as a browser on this machine would."""
    return Client(HTTP_HOST=HOST)


def get_ok(web: Client, url: str) -> None:
    """GET a URL; anything but 200 is a failed benchmark, not a figure."""
    response = web.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)


def run_selectors(query: Query) -> None:
    """The search as the page's view calls it; every row and facet is evaluated."""
    results = selectors.search(query.params)
    list(results.rows)
    results.count  # noqa: B018 - evaluated on purpose


def run_query(query: Query, path: str, web: Client) -> float:
    """Seconds for one query through one path."""
    if path == "selectors":
        return timed(lambda: run_selectors(query))
    if path == "page":
        return timed(lambda: get_ok(web, f"/search/?{query.query_string}"))
    if path == "api":
        return timed(lambda: get_ok(web, f"/api/search/?{query.query_string}"))
    if path == "sql":
        return timed(lambda: straightforward_sql(query.params))
    raise ValueError(path)


def run_queries(
    queries: Iterable[Query],
    *,
    repeat: int,
    paths: Iterable[str] = PATHS,
    progress: Callable[[str], None] = lambda line: None,
) -> Timings:
    """Each query once to warm the caches, then `repeat` times through every path."""
    timings = Timings()
    web = client()
    paths = tuple(paths)
    for query in queries:
        run_query(query, "page", web)
        for _ in range(repeat):
            for path in paths:
                timings.add(query, path, run_query(query, path, web))
        progress(
            f"  {query.kind:<17} {query.label[:60]:<60} "
            + "  ".join(
                f"{path} {min(timings.by_query[(query.label, path)]) * 1000:.0f}" for path in paths
            )
            + " ms"
        )
    return timings


def benchmark_documents(count: int = 5) -> list[Document]:
    """A few benchmark documents spread over the corpus (first, last and between)."""
    pks = list(
        Document.objects.filter(original_filename__startswith=FILENAME_PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not pks:
        return []
    step = max(len(pks) // count, 1)
    chosen = pks[::step][:count]
    return list(Document.objects.filter(pk__in=chosen).only("pk", "symbol").order_by("pk"))


def run_document_pages(documents: list[Document], *, repeat: int) -> dict[str, list[float]]:
    """Seconds per document page (`/documents/...`) and per API document, `repeat` times each."""
    web = client()
    seconds: dict[str, list[float]] = {"page": [], "api": []}
    for document in documents:
        page, api = document.get_absolute_url(), f"/api/documents/{document.pk}/"
        get_ok(web, page)
        for _ in range(repeat):
            seconds["page"].append(timed(lambda url=page: get_ok(web, url)))
            seconds["api"].append(timed(lambda url=api: get_ok(web, url)))
    return seconds


@dataclass(frozen=True)
class Statement:
    """One SQL statement of a page, with the seconds it took."""

    sql: str
    seconds: float


def page_statements(query: Query) -> list[Statement]:
    """The SQL statements `/search/` runs for a query, slowest first (one extra, captured run)."""
    with CaptureQueriesContext(connection) as captured:
        get_ok(client(), f"/search/?{query.query_string}")
    statements = [Statement(q["sql"], float(q["time"])) for q in captured.captured_queries]
    return sorted(statements, key=lambda s: s.seconds, reverse=True)


def explain(sql: str) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of a captured statement (its parameters are already inlined)."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


# --- the straightforward hand-written SQL ---

TSQUERY = "websearch_to_tsquery('english', %(q)s)"
VISIBLE = "('confirmed', 'suggested')"


def _list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _document_conditions(params: dict, *, without: tuple[str, ...] = ()) -> list[str]:
    """WHERE clauses on `d` (the document) for the document-level filters, less `without`."""
    clauses = ["d.status = 'published'"]
    if params.get("body") and "body" not in without:
        clauses.append("d.body_id IN (SELECT id FROM resolutions_body WHERE code = ANY(%(body)s))")
    if params.get("year_min") and "year_min" not in without:
        clauses.append("d.year >= %(year_min)s")
    if params.get("year_max") and "year_max" not in without:
        clauses.append("d.year <= %(year_max)s")
    if params.get("doc_type") and "doc_type" not in without:
        clauses.append("d.doc_type = ANY(%(doc_type)s)")
    if params.get("topic") and "topic" not in without:
        clauses.append(
            "EXISTS (SELECT 1 FROM resolutions_documenttopic dt JOIN resolutions_topic t "
            "ON t.id = dt.topic_id WHERE dt.document_id = d.id AND t.slug = ANY(%(topic)s) "
            f"AND dt.status IN {VISIBLE})"
        )
    if params.get("sponsor") and "sponsor" not in without:
        clauses.append(
            "EXISTS (SELECT 1 FROM resolutions_sponsorship s JOIN resolutions_country c "
            "ON c.id = s.country_id WHERE s.document_id = d.id AND c.slug = ANY(%(sponsor)s))"
        )
    return clauses


def _paragraph_conditions(params: dict, *, without: tuple[str, ...] = ()) -> list[str]:
    """WHERE clauses on `p` (the paragraph) for the query, verbs and kinds, less `without`."""
    clauses = []
    if params.get("q"):
        clauses.append(f"p.search_vector @@ {TSQUERY}")
    if params.get("verb") and "verb" not in without:
        clauses.append("p.verb = ANY(%(verb)s)")
    if params.get("kind") and "kind" not in without:
        clauses.append("p.kind = ANY(%(kind)s)")
    return clauses


def _sql_params(params: dict) -> dict:
    return {
        "q": params.get("q") or "",
        "body": _list(params.get("body")),
        "year_min": int(params["year_min"]) if params.get("year_min") else None,
        "year_max": int(params["year_max"]) if params.get("year_max") else None,
        "doc_type": _list(params.get("doc_type")),
        "topic": _list(params.get("topic")),
        "sponsor": _list(params.get("sponsor")),
        "verb": _list(params.get("verb")),
        "kind": _list(params.get("kind")),
        "limit": PER_PAGE,
        "facet_limit": FACET_LIMIT,
    }


def _matches(params: dict, *, without: tuple[str, ...] = ()) -> str:
    """The matching paragraphs with their document's columns, as a subquery `m`."""
    where = _document_conditions(params, without=without) + _paragraph_conditions(
        params, without=without
    )
    rank = f"ts_rank(p.search_vector, {TSQUERY})" if params.get("q") else "0"
    return (
        f"(SELECT p.id, p.document_id, p.verb, p.kind, {rank} AS rank, d.body_id, d.year, "
        f"d.doc_type, d.date FROM resolutions_paragraph p JOIN resolutions_document d "
        f"ON d.id = p.document_id WHERE {' AND '.join(where)}) m"
    )


def _documents(params: dict, *, without: tuple[str, ...] = ()) -> str:
    """The matching documents as a subquery `m` (browsing: no paragraph condition)."""
    where = _document_conditions(params, without=without)
    return (
        "(SELECT d.id AS document_id, d.body_id, d.year, d.doc_type, d.date "
        f"FROM resolutions_document d WHERE {' AND '.join(where)}) m"
    )


def straightforward_sql(params: dict) -> dict[str, list]:
    """The search page's question in plain SQL, computed the straightforward way."""
    args = _sql_params(params)
    on_paragraphs = params.get("view") == "paragraphs"
    by_paragraph = on_paragraphs or any(params.get(k) for k in ("q", "verb", "kind"))
    unit = "m.id" if on_paragraphs else "DISTINCT m.document_id"

    def source(without: tuple[str, ...] = ()) -> str:
        return (
            _matches(params, without=without)
            if by_paragraph
            else _documents(params, without=without)
        )

    out: dict[str, list] = {}
    with connection.cursor() as cursor:

        def fetch(sql: str) -> list:
            cursor.execute(sql, args)
            return cursor.fetchall()

        # The ranked first page and the total, in one pass over every match.
        if on_paragraphs:
            order = (
                "m.rank DESC, m.date DESC NULLS LAST, m.id"
                if params.get("q")
                else ("m.date DESC NULLS LAST, m.document_id DESC, m.id")
            )
            out["page"] = fetch(
                f"SELECT m.id, m.document_id, count(*) OVER () FROM {source()} "
                f"ORDER BY {order} LIMIT %(limit)s"
            )
        elif by_paragraph:
            out["page"] = fetch(
                f"SELECT m.document_id, max(m.rank) AS best, max(m.date), count(*) OVER () "
                f"FROM {source()} GROUP BY m.document_id "
                f"ORDER BY best DESC, max(m.date) DESC NULLS LAST, m.document_id LIMIT %(limit)s"
            )
        else:
            order = (
                "m.date ASC NULLS LAST"
                if params.get("sort") == "oldest"
                else ("m.date DESC NULLS LAST")
            )
            out["page"] = fetch(
                f"SELECT m.document_id, count(*) OVER () FROM {source()} "
                f"ORDER BY {order}, m.document_id LIMIT %(limit)s"
            )
        # Facets: group the matches by each facet, that facet's own filter left out.
        out["body"] = fetch(
            f"SELECT b.code, b.name, count({unit}) FROM {source(('body',))} "
            "JOIN resolutions_body b ON b.id = m.body_id GROUP BY b.code, b.name ORDER BY 3 DESC"
        )
        out["year"] = fetch(
            f"SELECT m.year, count({unit}) FROM {source(('year_min', 'year_max'))} "
            "WHERE m.year IS NOT NULL GROUP BY m.year ORDER BY m.year"
        )
        out["doc_type"] = fetch(
            f"SELECT m.doc_type, count({unit}) FROM {source(('doc_type',))} "
            "GROUP BY m.doc_type ORDER BY 2 DESC"
        )
        out["topic"] = fetch(
            f"SELECT t.slug, t.name, count({unit}) FROM {source(('topic',))} "
            "JOIN resolutions_documenttopic dt ON dt.document_id = m.document_id "
            f"AND dt.status IN {VISIBLE} JOIN resolutions_topic t ON t.id = dt.topic_id "
            "GROUP BY t.slug, t.name ORDER BY 3 DESC LIMIT %(facet_limit)s"
        )
        out["sponsor"] = fetch(
            f"SELECT c.slug, c.name, count({unit}) FROM {source(('sponsor',))} "
            "JOIN resolutions_sponsorship s ON s.document_id = m.document_id "
            "JOIN resolutions_country c ON c.id = s.country_id "
            "GROUP BY c.slug, c.name ORDER BY 3 DESC LIMIT %(facet_limit)s"
        )
        for key in ("verb", "kind"):
            paragraphs = _matches(params, without=(key,))
            extra = ""
            if key == "verb":
                extra = "WHERE m.verb <> ''" + ("" if args["kind"] else " AND m.kind = 'operative'")
            count = "m.id" if on_paragraphs else "DISTINCT m.document_id"
            out[key] = fetch(
                f"SELECT m.{key}, count({count}) FROM {paragraphs} {extra} "
                f"GROUP BY m.{key} ORDER BY 2 DESC LIMIT %(facet_limit)s"
            )
        # Headlines for the rows shown: each paragraph, or each document's best paragraphs.
        ids = [row[0] for row in out["page"]]
        if not ids:
            return out
        args["ids"] = ids
        headline = (
            f"ts_headline('english', p.text, {TSQUERY}, 'MaxWords=40, MinWords=15, MaxFragments=3')"
            if params.get("q")
            else "p.text"
        )
        if on_paragraphs:
            out["snippets"] = fetch(
                f"SELECT p.id, {headline} FROM resolutions_paragraph p WHERE p.id = ANY(%(ids)s)"
            )
        else:
            where = " AND ".join(["p.document_id = ANY(%(ids)s)", *_paragraph_conditions(params)])
            rank = f"ts_rank(p.search_vector, {TSQUERY}) DESC," if params.get("q") else ""
            out["snippets"] = fetch(
                f"SELECT b.id, {headline} FROM (SELECT p.id, row_number() OVER "
                f"(PARTITION BY p.document_id ORDER BY {rank} p.position) AS n "
                f"FROM resolutions_paragraph p WHERE {where}) b "
                f"JOIN resolutions_paragraph p ON p.id = b.id WHERE b.n <= {BEST_PARAGRAPHS}"
            )
    return out
