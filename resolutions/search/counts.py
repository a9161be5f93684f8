"""How many match, and every facet's counts, from one match set: exact, or estimated on a sample.

1. **Probe**: count the matching paragraphs up to `sql.EXACT_LIMIT + 1` (`LIMIT` stops the
   scan).
2. **Exact** under the limit: the matches are read once from `paragraph_search_gin` (a
   MATERIALIZED CTE), grouped per document and counted per facet in one statement.
3. **Enormous** result sets ("member states" matches a third of all paragraphs): the count and
   the facets are estimated on a deterministic sample of documents (`TABLESAMPLE BERNOULLI ...
   REPEATABLE`, about `SAMPLE_DOCUMENTS` of them), scaled up and shown as "about N".

Each facet counts under every chosen filter but its own.
"""

from __future__ import annotations

from psycopg import sql

from . import sql as statements
from .facets import COUNTED, PARAGRAPH, Facet
from .request import SearchRequest
from .sql import Match, all_of, fetch
from .types import FacetValue

# Documents in the sample that estimated counts and facets are computed on.
SAMPLE_DOCUMENTS = 500
# The sample's seed: the same archive gives the same estimates.
SAMPLE_SEED = 20250101


def probe(match: Match, *, filtered: bool) -> int:
    """Matching paragraphs of published documents, counted up to EXACT_LIMIT + 1."""
    if match.enormous:
        return statements.EXACT_LIMIT + 1
    where = [match.published("p"), match.text("p")]
    if filtered:
        where += [match.paragraphs("p"), match.documents("p")]
    statement = sql.SQL(
        "SELECT count(*) FROM (SELECT 1 FROM resolutions_paragraph p WHERE {} LIMIT {}) s"
    ).format(all_of(where), sql.Literal(statements.EXACT_LIMIT + 1))
    return fetch(statement, match.params)[0][0]


def is_enormous(match: Match, *, filtered: bool) -> bool:
    return probe(match, filtered=filtered) > statements.EXACT_LIMIT


def sample_percent() -> float:
    """The BERNOULLI percentage that samples about SAMPLE_DOCUMENTS documents."""
    rows = fetch(
        sql.SQL("SELECT reltuples FROM pg_class WHERE oid = 'resolutions_document'::regclass"), {}
    )
    total = max(rows[0][0] if rows else 0, 1)
    return min(100.0, 100.0 * SAMPLE_DOCUMENTS / total)


def _sampled(column: sql.Composable, sample: float | None) -> sql.Composable:
    if sample is None:
        return sql.SQL("TRUE")
    return sql.SQL(
        "{} IN (SELECT id FROM resolutions_document TABLESAMPLE BERNOULLI ({}) REPEATABLE ({}))"
    ).format(column, sql.Literal(round(sample, 6)), sql.Literal(SAMPLE_SEED))


def match_set(match: Match, *, sample: float | None) -> sql.Composable:
    """Rows (id, document_id, kind, verb, body_id, year, doc_type) of the matching paragraphs, and
    a row per document (NULL id and kind) for a title match, or for every document when browsing."""
    if match.whole is not None and sample is not None:
        # Each sampled document is tested, the whole archive never is.
        holding = match.sampled_documents(_sampled(sql.SQL("d.id"), sample))
        paragraphs = sql.SQL("p.published AND p.document_id IN ({})").format(holding)
        documents = sql.SQL("d.id IN ({})").format(holding)
    else:
        paragraphs = all_of(
            [_sampled(sql.SQL("p.document_id"), sample), match.published("p"), match.text("p")]
        )
        documents = all_of(
            [
                _sampled(sql.SQL("d.id"), sample),
                match.published("d"),
                match.title("d") if match.query else sql.SQL("TRUE"),
            ]
        )
    return sql.SQL(
        "SELECT p.id, p.document_id, p.kind, p.verb, p.body_id, p.year, p.doc_type "
        "FROM resolutions_paragraph p WHERE {} "
        "UNION ALL SELECT NULL, d.id, NULL, NULL, d.body_id, d.year, d.doc_type "
        "FROM resolutions_document d WHERE {}"
    ).format(paragraphs, documents)


def facet_statement(match: Match, *, on_paragraphs: bool, sample: float | None) -> sql.Composed:
    """The result's size and every counted facet in one statement over the match set.

    On documents, `d` holds one row per matching document with `ok` (a paragraph passes verb
    and kind, or, with neither chosen, the document matches at all), so document facets group
    hundreds of rows, not the matches; paragraph facets group the matching paragraphs `m`.
    """
    in_paragraphs = sql.SQL("m.kind IS NOT NULL")
    if match.title_counts:
        ok = sql.SQL("TRUE")
    else:
        ok = sql.SQL("({})").format(all_of([in_paragraphs, match.paragraphs("m")]))
    if on_paragraphs:
        unit, count = "m", sql.SQL("count(*)")

        def where(without: str) -> sql.Composable:
            return all_of(
                [
                    in_paragraphs,
                    match.paragraphs("m", without=without),
                    match.documents("m", without=without),
                ]
            )

    else:
        unit, count = "d", sql.SQL("count(*)")

        def where(without: str) -> sql.Composable:
            return all_of([sql.SQL("d.ok"), match.documents("d", "document_id", without=without)])

    paragraph_count = sql.SQL("count(*)" if on_paragraphs else "count(DISTINCT m.document_id)")

    def facet_count(facet: Facet) -> sql.Composed:
        if facet.level == PARAGRAPH:
            paragraph_where = all_of(
                [in_paragraphs, match.paragraphs("m", without=facet.key), match.documents("m")]
            )
            return facet.count_sql("m", paragraph_count, paragraph_where)
        return facet.count_sql(unit, count, where(facet.key))

    parts = [
        sql.SQL("SELECT 'count', '', '', {} FROM {} WHERE {}").format(
            count, sql.Identifier(unit), where("")
        ),
        *(facet_count(facet) for facet in COUNTED),
    ]
    return sql.SQL(
        "WITH m AS MATERIALIZED ({match_set}), d AS MATERIALIZED ("
        "SELECT m.document_id, m.body_id, m.year, m.doc_type, bool_or({ok}) AS ok "
        "FROM m GROUP BY m.document_id, m.body_id, m.year, m.doc_type) {counts}"
    ).format(
        match_set=match_set(match, sample=sample),
        ok=ok,
        counts=sql.SQL(" UNION ALL ").join(parts),
    )


def facet_rows(
    match: Match, *, on_paragraphs: bool, sample: float | None
) -> tuple[int, list[tuple[str, str, str, int]]]:
    """(the result's size, [(facet, value, label, count)]); with `sample`, scaled estimates."""
    rows = fetch(facet_statement(match, on_paragraphs=on_paragraphs, sample=sample), match.params)
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


def counted(
    match: Match, *, on_paragraphs: bool, sample: bool | None = None
) -> tuple[int, list, bool]:
    """(result size, facet rows, estimated): exact when the unfiltered match set is small, else
    estimated on a sample, all from one statement."""
    if sample is None:
        sample = is_enormous(match, filtered=False)
    percent = sample_percent() if sample else None
    total, rows = facet_rows(match, on_paragraphs=on_paragraphs, sample=percent)
    return total, rows, sample


def facet_values(rows: list, request: SearchRequest) -> dict[str, list[FacetValue]]:
    """The facet rows as FacetValues in each facet's order, chosen values marked and kept."""
    grouped: dict[str, list[FacetValue]] = {facet.key: [] for facet in COUNTED}
    for key, value, label, n in rows:
        if n and key in grouped:
            grouped[key].append(FacetValue(value, label, n))
    facets: dict[str, list[FacetValue]] = {}
    for facet in COUNTED:
        chosen = request.filters.get(facet.key)
        values = [
            FacetValue(
                v.value,
                facet.label_of(v.value, v.label),
                v.count,
                facet.is_selected(v.value, chosen),
            )
            for v in grouped[facet.key]
        ]
        present = {v.value for v in values}
        values += [
            FacetValue(value, facet.label_of(value, value), 0, True)
            for value in facet.chosen_values(chosen)
            if value not in present
        ]
        facets[facet.key] = sorted(values, key=facet.order)
    return facets
