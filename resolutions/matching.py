"""The match set behind `/search/`: one probe, then exact answers or a sample's estimates.

Every statement reads the columns that migration 0005 copies onto paragraphs (`published`,
`body_id`, `year`, `doc_type`), so matching and counting never join documents.

1. **Probe**: count the matching paragraphs up to `EXACT_LIMIT + 1` (`LIMIT` stops the scan).
2. **Exact** when the probe stays under the limit: the matches are read once from
   `paragraph_search_gin` (a MATERIALIZED CTE), ranked, grouped per document, counted.
3. **Enormous** result sets ("member states" matches a third of all paragraphs): the count and
   the facets are estimated on a deterministic sample of documents (`TABLESAMPLE BERNOULLI ...
   REPEATABLE`, about `SAMPLE_DOCUMENTS` of them) scaled up and shown as "about N"; rows come
   from the newest matching documents (an index walk that stops after one page), and relevance
   ranks the `CANDIDATES` newest matching documents (or paragraphs), not the whole archive.

Facets come from one statement: the match set grouped once per facet, each facet under every
active filter but its own (see `facet_sql`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from .filters import VISIBLE_TOPIC_STATUSES, cites_condition
from .models import SEARCH_CONFIG, Reference

# Above this many matching paragraphs counts and facets are estimated.
EXACT_LIMIT = 5_000
# Documents in the sample that estimated counts and facets are computed on.
SAMPLE_DOCUMENTS = 500
# The sample's seed: the same archive gives the same estimates.
SAMPLE_SEED = 20250101
# Past EXACT_LIMIT, relevance orders this many of the newest matching rows.
CANDIDATES = 200
# Past EXACT_LIMIT, newest and oldest first page through this many rows (50 pages).
ESTIMATED_PAGES_ROWS = 1_000
FACET_LIMIT = 30

DOC_FILTERS = ("body", "year", "doc_type", "topic", "sponsor", "cites")
PARAGRAPH_FILTERS = ("verb", "kind")
NEWEST = "d.date DESC NULLS LAST, d.year DESC NULLS LAST, d.id DESC"
OLDEST = "d.date ASC NULLS LAST, d.year ASC NULLS LAST, d.id ASC"


def tsquery_sql() -> str:
    return f"websearch_to_tsquery('{SEARCH_CONFIG}', %(q)s)"


@dataclass
class Conditions:
    """SQL conditions for the active filters, by name, and their parameters."""

    data: dict
    params: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        data = self.data
        self.params = {
            "q": data.get("q") or "",
            "body": list(data.get("body") or []),
            "year_min": data.get("year_min"),
            "year_max": data.get("year_max"),
            "doc_type": list(data.get("doc_type") or []),
            "topic": list(data.get("topic") or []),
            "sponsor": list(data.get("sponsor") or []),
            "verb": list(data.get("verb") or []),
            "kind": list(data.get("kind") or []),
            "visible": list(VISIBLE_TOPIC_STATUSES),
        }

    @property
    def query(self) -> bool:
        return bool(self.data.get("q"))

    def active(self, name: str) -> bool:
        if name == "year":
            return self.data.get("year_min") is not None or self.data.get("year_max") is not None
        return bool(self.data.get(name))

    def doc(self, name: str, row: str, document_id: str) -> str:
        """The condition of a document filter on a row holding body_id, year, doc_type."""
        if not self.active(name):
            return "TRUE"
        if name == "body":
            return f"{row}.body_id IN (SELECT id FROM resolutions_body WHERE code = ANY(%(body)s))"
        if name == "year":
            parts = []
            if self.data.get("year_min") is not None:
                parts.append(f"{row}.year >= %(year_min)s")
            if self.data.get("year_max") is not None:
                parts.append(f"{row}.year <= %(year_max)s")
            return " AND ".join(parts)
        if name == "doc_type":
            return f"{row}.doc_type = ANY(%(doc_type)s)"
        if name == "topic":
            return (
                f"{document_id} IN (SELECT dt.document_id FROM resolutions_documenttopic dt "
                "JOIN resolutions_topic t ON t.id = dt.topic_id "
                "WHERE t.slug = ANY(%(topic)s) AND dt.status = ANY(%(visible)s))"
            )
        if name == "sponsor":
            return (
                f"{document_id} IN (SELECT s.document_id FROM resolutions_sponsorship s "
                "JOIN resolutions_country c ON c.id = s.country_id WHERE c.slug = ANY(%(sponsor)s))"
            )
        if name == "cites":
            sql, _params = self._cites()
            return f"{document_id} IN ({sql})"
        raise ValueError(name)

    def _cites(self) -> tuple[str, list]:
        references = _cited_references(self.data["cites"]).values("citing_document_id")
        sql, params = references.query.sql_with_params()
        names = []
        for i, value in enumerate(params):
            self.params[f"cites_{i}"] = value
            names.append(f"%(cites_{i})s")
        return sql.replace("%", "%%").replace("%%s", "%s") % tuple(names), []

    def paragraph(self, name: str, row: str = "p") -> str:
        if not self.active(name):
            return "TRUE"
        return f"{row}.{name} = ANY(%({name})s)"

    def all_docs(self, row: str, document_id: str, *, without: str = "") -> str:
        return " AND ".join(self.doc(n, row, document_id) for n in DOC_FILTERS if n != without)

    def all_paragraph(self, row: str = "p", *, without: str = "") -> str:
        return " AND ".join(self.paragraph(n, row) for n in PARAGRAPH_FILTERS if n != without)

    def match(self, row: str = "p") -> str:
        # Uses index: paragraph_search_gin
        return f"{row}.search_vector @@ {tsquery_sql()}" if self.query else "TRUE"

    @property
    def title_counts(self) -> bool:
        """A document matches by its title (browsing: by itself) unless a verb or kind is set."""
        return not self.active("verb") and not self.active("kind")


def _cited_references(value: str):
    """The references the `cites` filter selects (the filter's own condition)."""
    return Reference.objects.filter(cites_condition(value))


def _fetch(sql: str, params: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def probe(c: Conditions, *, filtered: bool) -> int:
    """Matching paragraphs of published documents, counted up to EXACT_LIMIT + 1."""
    where = [c.match()]
    if filtered:
        where += [c.all_paragraph(), c.all_docs("p", "p.document_id")]
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM resolutions_paragraph p WHERE p.published AND "
        + " AND ".join(where)
        + f" LIMIT {EXACT_LIMIT + 1}) s"
    )
    return _fetch(sql, c.params)[0][0]


def sample_percent() -> float:
    """The BERNOULLI percentage that samples about SAMPLE_DOCUMENTS documents."""
    rows = _fetch("SELECT reltuples FROM pg_class WHERE oid = 'resolutions_document'::regclass", {})
    total = max(rows[0][0] if rows else 0, 1)
    return min(100.0, 100.0 * SAMPLE_DOCUMENTS / total)


def match_set_sql(c: Conditions, *, sample: float | None) -> str:
    """Rows (document_id, kind, verb, body_id, year, doc_type) of the matches, document rows too.

    A document row (NULL kind) is a title match, or when browsing every document. With `sample`,
    only documents of the sample.
    """
    if sample is None:
        scope = ""
        doc_scope = ""
    else:
        scope = (
            "p.document_id IN (SELECT id FROM resolutions_document "
            f"TABLESAMPLE BERNOULLI ({sample:.6f}) REPEATABLE ({SAMPLE_SEED})) AND "
        )
        doc_scope = (
            "d.id IN (SELECT id FROM resolutions_document "
            f"TABLESAMPLE BERNOULLI ({sample:.6f}) REPEATABLE ({SAMPLE_SEED})) AND "
        )
    # Uses index: document_title_search_gin
    title = f"AND d.title_search @@ {tsquery_sql()}" if c.query else ""
    return (
        "SELECT p.document_id, p.kind, p.verb, p.body_id, p.year, p.doc_type "
        f"FROM resolutions_paragraph p WHERE {scope}p.published AND {c.match()} "
        "UNION ALL SELECT d.id, NULL, NULL, d.body_id, d.year, d.doc_type "
        f"FROM resolutions_document d WHERE {doc_scope}d.status = 'published' {title}"
    )


def facet_sql(c: Conditions, *, on_paragraphs: bool, sample: float | None) -> str:
    """All facet counts and the result's size in one statement over the match set.

    Each facet counts under every active filter but its own. On documents, `d` holds one row per
    matching document with `ok` (a paragraph passes verb and kind, or, with neither set, the
    document matches at all), so the document facets group hundreds of rows, not the matches.
    """
    limit = f"LIMIT {FACET_LIMIT}"
    para_ok = "TRUE" if c.title_counts else f"(m.kind IS NOT NULL AND {c.all_paragraph('m')})"
    if on_paragraphs:
        unit, count, row = "m", "count(*)", "m.kind IS NOT NULL AND " + c.all_paragraph("m")

        def where(without: str) -> str:
            return f"{row} AND {c.all_docs('m', 'm.document_id', without=without)}"

    else:
        unit, count = "d", "count(*)"

        def where(without: str) -> str:
            return f"d.ok AND {c.all_docs('d', 'd.document_id', without=without)}"

    def para_where(without: str) -> str:
        return (
            f"m.kind IS NOT NULL AND {c.all_paragraph('m', without=without)} "
            f"AND {c.all_docs('m', 'm.document_id')}"
        )

    para_count = "count(*)" if on_paragraphs else "count(DISTINCT m.document_id)"
    verb_where = para_where("verb") + " AND m.verb <> ''"
    if not c.active("kind"):
        verb_where += " AND m.kind = 'operative'"
    return f"""
WITH m AS MATERIALIZED ({match_set_sql(c, sample=sample)}),
d AS MATERIALIZED (
    SELECT m.document_id, m.body_id, m.year, m.doc_type, bool_or({para_ok}) AS ok
    FROM m GROUP BY m.document_id, m.body_id, m.year, m.doc_type
)
SELECT 'count', '', '', {count} FROM {unit} WHERE {where("")}
UNION ALL SELECT 'body', b.code, b.name, x.n FROM (
    SELECT {unit}.body_id, {count} AS n FROM {unit} WHERE {where("body")} GROUP BY 1
) x JOIN resolutions_body b ON b.id = x.body_id
UNION ALL SELECT 'year', x.year::text, x.year::text, x.n FROM (
    SELECT {unit}.year, {count} AS n FROM {unit}
    WHERE {where("year")} AND {unit}.year IS NOT NULL GROUP BY 1
) x
UNION ALL SELECT 'doc_type', x.doc_type, x.doc_type, x.n FROM (
    SELECT {unit}.doc_type, {count} AS n FROM {unit} WHERE {where("doc_type")} GROUP BY 1
) x
UNION ALL (
    SELECT 'topic', t.slug, t.name, {count} AS n FROM {unit}
    JOIN resolutions_documenttopic dt
      ON dt.document_id = {unit}.document_id AND dt.status = ANY(%(visible)s)
    JOIN resolutions_topic t ON t.id = dt.topic_id
    WHERE {where("topic")} GROUP BY t.slug, t.name ORDER BY n DESC, t.name {limit}
)
UNION ALL (
    SELECT 'sponsor', co.slug, co.name, {count} AS n FROM {unit}
    JOIN resolutions_sponsorship s ON s.document_id = {unit}.document_id
    JOIN resolutions_country co ON co.id = s.country_id
    WHERE {where("sponsor")} GROUP BY co.slug, co.name ORDER BY n DESC, co.name {limit}
)
UNION ALL (
    SELECT 'verb', m.verb, m.verb, {para_count} AS n FROM m WHERE {verb_where}
    GROUP BY m.verb ORDER BY n DESC, m.verb {limit}
)
UNION ALL SELECT 'kind', m.kind, m.kind, {para_count} FROM m WHERE {para_where("kind")}
GROUP BY m.kind
"""


def facet_rows(
    c: Conditions, *, on_paragraphs: bool, sample: float | None
) -> tuple[int, list[tuple[str, str, str, int]]]:
    """(the result's size, [(facet, value, label, count)]); with `sample`, scaled estimates."""
    rows = _fetch(facet_sql(c, on_paragraphs=on_paragraphs, sample=sample), c.params)
    scale = 1.0 if sample is None else 100.0 / sample
    total = next((n for f, _v, _l, n in rows if f == "count"), 0)
    rows = [
        (f, v, label, n if sample is None else estimate(n * scale))
        for f, v, label, n in rows
        if f != "count"
    ]
    return (total if sample is None else estimate(total * scale)), rows


def estimate(value: float) -> int:
    """An estimate rounded to two significant figures: 12,345 -> 12,000."""
    value = round(value)
    if value < 100:
        return value
    digits = len(str(value)) - 2
    return int(round(value, -digits))


# --- rows ---


def exact_documents(c: Conditions, *, sort: str, offset: int, limit: int) -> tuple[int, list]:
    """(count, [document ids]) of the page, from the whole match set."""
    order = {"newest": NEWEST, "oldest": OLDEST}.get(sort)
    ranked = order is None
    title = ""
    if c.query and c.title_counts:
        title = (
            " UNION ALL SELECT d.id, 0.0 FROM resolutions_document d WHERE d.status = 'published' "
            f"AND d.title_search @@ {tsquery_sql()} AND {c.all_docs('d', 'd.id')}"
        )
    rank = f"ts_rank(p.search_vector, {tsquery_sql()})" if c.query else "0.0"
    sql = f"""
WITH m AS MATERIALIZED (
    SELECT p.document_id, {rank} AS r FROM resolutions_paragraph p
    WHERE p.published AND {c.match()} AND {c.all_paragraph()}
      AND {c.all_docs("p", "p.document_id")}
    {title}
), g AS (SELECT document_id, max(r) AS r FROM m GROUP BY document_id)
SELECT d.id, count(*) OVER () FROM g JOIN resolutions_document d ON d.id = g.document_id
ORDER BY {
        ("ts_rank(d.title_search, " + tsquery_sql() + ") + g.r DESC, d.date DESC NULLS LAST, d.id")
        if ranked and c.query
        else (order or NEWEST)
    }
LIMIT {limit} OFFSET {offset}"""
    rows = _fetch(sql, c.params)
    if not rows and offset:
        return exact_count_documents(c), []
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


def exact_count_documents(c: Conditions) -> int:
    """The matching documents, counted exactly."""
    if not c.query:
        return count_walk_documents(c)
    title = ""
    if c.title_counts:
        title = (
            " UNION SELECT d.id FROM resolutions_document d WHERE d.status = 'published' "
            f"AND d.title_search @@ {tsquery_sql()} AND {c.all_docs('d', 'd.id')}"
        )
    sql = (
        "SELECT count(*) FROM (SELECT p.document_id FROM resolutions_paragraph p "
        f"WHERE p.published AND {c.match()} AND {c.all_paragraph()} "
        f"AND {c.all_docs('p', 'p.document_id')}{title}) s"
    )
    return _fetch(sql, c.params)[0][0]


def _walk_documents_sql(c: Conditions, *, order: str) -> str:
    exists = []
    if c.query or c.active("verb") or c.active("kind"):
        exists.append(
            # OFFSET 0 keeps the EXISTS a per-document probe of paragraph_unique_position that
            # stops at the first match, walked in date order, not a semi-join over every match.
            "EXISTS (SELECT 1 FROM resolutions_paragraph p WHERE p.document_id = d.id "
            f"AND {c.match()} AND {c.all_paragraph()} OFFSET 0)"
        )
    if c.query and c.title_counts:
        exists.append(f"d.title_search @@ {tsquery_sql()}")
    matched = f"({' OR '.join(exists)})" if exists else "TRUE"
    return (
        "SELECT d.id FROM resolutions_document d WHERE d.status = 'published' "
        f"AND {c.all_docs('d', 'd.id')} AND {matched} ORDER BY {order}"
    )


def count_walk_documents(c: Conditions) -> int:
    """The matching documents counted on documents (browsing: cheap, exact)."""
    sql = f"SELECT count(*) FROM ({_walk_documents_sql(c, order='1')}) s"
    return _fetch(sql, c.params)[0][0]


def walk_documents(c: Conditions, *, sort: str, offset: int, limit: int) -> list[int]:
    """Document ids of one page, walking documents by date until the page is full."""
    if sort == "relevance" and c.query:
        sql = f"""
WITH cand AS MATERIALIZED ({_walk_documents_sql(c, order=NEWEST)} LIMIT {CANDIDATES})
SELECT d.id FROM cand JOIN resolutions_document d ON d.id = cand.id
ORDER BY ts_rank(d.title_search, {tsquery_sql()}) + COALESCE((
    SELECT max(ts_rank(p.search_vector, {tsquery_sql()})) FROM resolutions_paragraph p
    WHERE p.document_id = d.id AND {c.match()} AND {c.all_paragraph()}), 0) DESC,
    {NEWEST}
LIMIT {limit} OFFSET {offset}"""
    else:
        order = OLDEST if sort == "oldest" else NEWEST
        sql = f"{_walk_documents_sql(c, order=order)} LIMIT {limit} OFFSET {offset}"
    return [r[0] for r in _fetch(sql, c.params)]


def exact_paragraphs(c: Conditions, *, sort: str, offset: int, limit: int) -> tuple[int, list]:
    """(count, [paragraph ids]) of the page, from the whole match set."""
    if sort == "relevance" and c.query:
        order = "m.r DESC, d.date DESC NULLS LAST, m.document_id, m.position"
    elif sort == "oldest":
        order = "d.date ASC NULLS LAST, m.document_id, m.position"
    else:
        order = "d.date DESC NULLS LAST, m.document_id DESC, m.position"
    rank = f"ts_rank(p.search_vector, {tsquery_sql()})" if c.query else "0.0"
    sql = f"""
WITH m AS MATERIALIZED (
    SELECT p.id, p.document_id, p.position, {rank} AS r FROM resolutions_paragraph p
    WHERE p.published AND {c.match()} AND {c.all_paragraph()}
      AND {c.all_docs("p", "p.document_id")}
)
SELECT m.id, count(*) OVER () FROM m JOIN resolutions_document d ON d.id = m.document_id
ORDER BY {order} LIMIT {limit} OFFSET {offset}"""
    rows = _fetch(sql, c.params)
    if not rows and offset:
        return exact_paragraphs(c, sort=sort, offset=0, limit=1)[0], []
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


def walk_paragraphs(c: Conditions, *, sort: str, offset: int, limit: int) -> list[int]:
    """Paragraph ids of one page, walking documents by date, their matching paragraphs in turn."""
    order = OLDEST if sort == "oldest" else NEWEST
    walk = f"""
SELECT p.id, p.document_id, p.position, d.date, d.year,
       {f"ts_rank(p.search_vector, {tsquery_sql()})" if c.query else "0.0"} AS r
FROM resolutions_document d CROSS JOIN LATERAL (
    SELECT p.id, p.document_id, p.position, p.search_vector FROM resolutions_paragraph p
    WHERE p.document_id = d.id AND {c.match()} AND {c.all_paragraph()} ORDER BY p.position
) p
WHERE d.status = 'published' AND {c.all_docs("d", "d.id")}
ORDER BY {order}, p.position"""
    if sort == "relevance" and c.query:
        sql = (
            f"SELECT id FROM ({walk} LIMIT {CANDIDATES}) c "
            f"ORDER BY r DESC, date DESC NULLS LAST, document_id, position "
            f"LIMIT {limit} OFFSET {offset}"
        )
    else:
        sql = f"SELECT id FROM ({walk} LIMIT {limit} OFFSET {offset}) c"
    return [r[0] for r in _fetch(sql, c.params)]
