"""Researcher queries, timed through the search page's code path, the JSON API and plain SQL.

Each query is timed four ways, in the same run:

- `selectors`: `resolutions.search.search(params)` as the view calls it (rows, count, facets);
- `page`: `GET /search/?...` through Django's test `Client` (the selectors plus the template);
- `api`: `GET /api/search/?...` through the `Client`;
- `sql`: the straightforward SQL for the same question: match every paragraph, rank them all,
  group the matches once for each facet (each without its own filter, as the page counts
  them), then headlines for the first page's best paragraphs. Its conditions and groupings are
  the facet registry's (`resolutions.search.facets`): only the plan differs from the page's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from psycopg import sql

from resolutions import search as selectors
from resolutions.models import Document
from resolutions.search.facets import COUNTED, PARAGRAPH
from resolutions.search.request import PER_PAGE, read_search
from resolutions.search.snippets import BEST_PARAGRAPHS, headlines
from resolutions.search.sql import Match, all_of, fetch

from .corpus import FILENAME_PREFIX

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
    Query("boolean", {"q": "cybercrime or corruption -terrorism", "within": "paragraph"}),
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
    # Estimated paragraph counts of a word in most documents and of every paragraph.
    Query("paragraph view", {"view": "paragraphs", "q": "crime"}),
    Query("paragraph view", {"view": "paragraphs"}),
    # Common words without a rare one: the planner once expected most paragraphs to match (#17).
    Query("negation", {"q": "crime -ransomware"}),
    Query("negation", {"q": "international cooperation -pangolin"}),
    Query("negation", {"q": "trafficking -hawala"}),
    # Pages far from the first: by relevance, where the lists must reach that deep, and browsing.
    Query("deep page", {"q": "crime", "page": "50"}),
    Query("deep page", {"q": "member states", "page": "20"}),
    Query("deep page", {"page": "200"}),
)
# The realistic corpus (real texts) has none of the synthetic rare clauses: its rare words are
# real ones, each in one to a few of the 2,162 real texts and so in about one document in 1,000.
REALISTIC_RARE = {"ransomware": "pangolin", "pangolin": "rhinoceros", "hawala": "desalination"}
# Its bodies are the General Assembly's and the Security Council's; it has no topic links yet.
REALISTIC_BODIES = {"ECOSOC": "GA", "CCPCJ": "SC"}


def realistic(query: Query) -> Query:
    """The query with the realistic corpus' rare words and bodies."""
    params = {k: v for k, v in query.params.items() if k != "topic"}
    if "q" in params:
        params["q"] = " ".join(_realistic_word(word) for word in str(params["q"]).split(" "))
    if "body" in params:
        bodies = params["body"] if isinstance(params["body"], list) else [params["body"]]
        params["body"] = [REALISTIC_BODIES.get(b, b) for b in bodies]
    return Query(query.kind, params)


def _realistic_word(word: str) -> str:
    """A word of a query, or an excluded one ("-ransomware"), as the realistic corpus has it."""
    sign = "-" if word.startswith("-") else ""
    return sign + REALISTIC_RARE.get(word.removeprefix("-"), word.removeprefix("-"))


REALISTIC_QUERIES: tuple[Query, ...] = tuple(realistic(q) for q in QUERIES)
KINDS: tuple[str, ...] = tuple(dict.fromkeys(query.kind for query in QUERIES))


def queries_for(corpus_kind: str) -> tuple[Query, ...]:
    """The query set of a corpus kind (realistic or synthetic)."""
    return REALISTIC_QUERIES if corpus_kind == "realistic" else QUERIES


# What the load test exports: the rare-word and filtered searches, as CSV and JSON.
EXPORTED_KINDS = ("rare word", "query + filters")


def export_paths(query_set: tuple[Query, ...]) -> list[str]:
    """Export URLs of the load test: each exported search as a CSV of documents and as JSON
    paragraphs."""
    paths = []
    for query in query_set:
        if query.kind in EXPORTED_KINDS:
            paths.append(f"/search/export.csv?{query.query_string}")
            paragraphs = urlencode({**query.params, "view": "paragraphs"}, doseq=True)
            paths.append(f"/search/export.json?{paragraphs}")
    return paths


PATHS = ("selectors", "page", "api", "sql")


def held(query: Query) -> Query:
    """The query with its page brought within the corpus' last: a small corpus (a test's) holds
    fewer pages than a deep page asks for, and the API answers 404 past the last page."""
    if "page" not in query.params:
        return query
    params = {key: value for key, value in query.params.items() if key != "page"}
    last = max(1, math.ceil(selectors.search(params, with_facets=False).total / PER_PAGE))
    return Query(query.kind, {**params, "page": str(min(int(query.params["page"]), last))})


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


# --- the straightforward SQL, from the facet registry ---


def _rows(match: Match, *, paragraphs: bool, without: str = "") -> sql.Composable:
    """The matches: paragraphs joined to their documents, or documents; every
    condition comes from the registry, less `without` (a facet counts without its own filter)."""
    documents = all_of([match.published("d"), match.documents("d", without=without)])
    if not paragraphs:
        return sql.SQL(
            "SELECT d.id AS document_id, d.body_id, d.year, d.doc_type, d.date "
            "FROM resolutions_document d WHERE {}"
        ).format(documents)
    return sql.SQL(
        "SELECT p.id, p.document_id, p.verb, p.kind, {rank} AS rank, d.body_id, d.year, "
        "d.doc_type, d.date, NULL::varchar[] AS addressees FROM resolutions_paragraph p "
        "JOIN resolutions_document d ON d.id = p.document_id "
        "WHERE {documents} AND {text} AND {paragraph}"
    ).format(
        rank=match.rank("p"),
        documents=documents,
        text=match.text("p"),
        paragraph=match.paragraphs("p", without=without),
    )


def straightforward_sql(params: dict) -> dict[str, list]:
    """The search page's question computed the straightforward way: every match ranked, each
    facet grouped in its own pass over the matches, headlines for the first page."""
    request = read_search(params)
    match = Match(request)
    on_paragraphs = request.view == "paragraphs"
    by_paragraph = on_paragraphs or request.by_paragraph
    limit = sql.Literal(PER_PAGE)
    out: dict[str, list] = {}
    if on_paragraphs:
        order = (
            "m.rank DESC, m.date DESC NULLS LAST, m.id"
            if request.query
            else ("m.date DESC NULLS LAST, m.document_id DESC, m.id")
        )
        page = sql.SQL(
            "SELECT m.id, m.document_id, count(*) OVER () FROM ({}) m ORDER BY {} LIMIT {}"
        )
        out["page"] = fetch(
            page.format(_rows(match, paragraphs=True), sql.SQL(order), limit), match.params
        )
    elif by_paragraph:
        page = sql.SQL(
            "SELECT m.document_id, max(m.rank) AS best, max(m.date), count(*) OVER () FROM ({}) m "
            "GROUP BY m.document_id ORDER BY best DESC, max(m.date) DESC NULLS LAST, "
            "m.document_id LIMIT {}"
        )
        out["page"] = fetch(page.format(_rows(match, paragraphs=True), limit), match.params)
    else:
        direction = "ASC" if request.sort == "oldest" else "DESC"
        page = sql.SQL(
            "SELECT m.document_id, count(*) OVER () FROM ({}) m "
            "ORDER BY m.date {} NULLS LAST, m.document_id LIMIT {}"
        )
        out["page"] = fetch(
            page.format(_rows(match, paragraphs=False), sql.SQL(direction), limit), match.params
        )
    for facet in COUNTED:
        paragraphs = by_paragraph or facet.level == PARAGRAPH
        rows = _rows(match, paragraphs=paragraphs, without=facet.key)
        statement = facet.count_sql("m", sql.SQL("TRUE"), per_document=not on_paragraphs)
        out[facet.key] = fetch(sql.SQL("WITH m AS ({}) {}").format(rows, statement), match.params)
    ids = [row[0] for row in out["page"]]
    if ids:
        out["snippets"] = _snippets(match, ids, on_paragraphs=on_paragraphs)
    return out


def _snippets(match: Match, ids: list[int], *, on_paragraphs: bool) -> list:
    """Headlines of the shown paragraphs, or of each shown document's best paragraphs."""
    if on_paragraphs:
        return list(headlines(match, ids).items())
    ranked = sql.SQL(
        "SELECT b.id FROM (SELECT p.id, row_number() OVER (PARTITION BY p.document_id "
        "ORDER BY {rank} DESC, p.position) AS n FROM resolutions_paragraph p "
        "WHERE p.document_id = ANY({ids}) AND {where}) b WHERE b.n <= {best}"
    ).format(
        rank=match.rank("p"),
        ids=sql.SQL("{}::bigint[]").format(sql.Placeholder("ids")),
        where=all_of([match.mentions(), match.paragraphs("p")]),
        best=sql.Literal(BEST_PARAGRAPHS),
    )
    best = [row[0] for row in fetch(ranked, {**match.params, "ids": ids})]
    return list(headlines(match, best).items())
