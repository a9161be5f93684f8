"""How many match, and every facet's counts, from one match set: exact, or estimated on a sample.

1. **Probe**: count the matching paragraphs up to `sql.EXACT_LIMIT + 1` (`LIMIT` stops the
   scan).
2. **Exact** under the limit: the matches are read once from `paragraph_search_gin` (a
   MATERIALIZED CTE), grouped per document and counted per facet in one statement.
3. **Enormous** result sets ("member states" matches a third of all paragraphs): the count and
   the facets are estimated on a deterministic sample and shown as "about N". Documents are
   sampled (`TABLESAMPLE BERNOULLI ... REPEATABLE`, `sample_percent()` of them) and scaled up
   by the published documents over the sampled ones; paragraphs, in the paragraph view, are
   sampled one by one (`PARAGRAPH_SAMPLE_PERCENT`, a seeded hash of each id) and scaled by the
   hash's range over the part kept, since a sample of documents holds a varying number of
   paragraphs (long documents hold most of them). An estimate under `EXACT_DOCUMENTS` (with a
   margin for its error) is replaced by the exact count: counts are exact below 10,000 matches.
   When the matching documents are listed (`Match.listed`), their exact count decides instead,
   with no margin: under `EXACT_DOCUMENTS` everything is exact, without a sample first; from
   it on the facets are estimated and the size shown is the exact count, still "about N".

Over whole documents the counts read each document's row and its facet groups, never its
paragraphs (`_document_sets`).

Each facet counts under every chosen filter but its own.
"""

from __future__ import annotations

from psycopg import sql

from . import sql as statements
from .counts_cache import remembered
from .facets import COUNTED, PARAGRAPH, Facet
from .request import SearchRequest
from .sql import TRUE, Match, all_of, fetch
from .types import FacetValue

# Below this many matching documents, counts and facets are exact.
EXACT_DOCUMENTS = 10_000
# An estimate below EXACT_DOCUMENTS times this is recounted exactly (it may be an underestimate).
ESTIMATE_MARGIN = 1.15
# The estimate's standard error, relative to the smallest count estimated (EXACT_DOCUMENTS).
STANDARD_ERROR = 0.025
# The most of the archive ever sampled (reached at about 120,000 documents).
SAMPLE_PERCENT = 16.0
# The sample's seed: the same archive gives the same estimates.
SAMPLE_SEED = 20250101
# The share of paragraphs sampled in the paragraph view: each matching paragraph is kept with
# probability f, so a count of Y has a relative standard error of sqrt((1 - f) / (f Y)), which is
# STANDARD_ERROR at the smallest count estimated (EXACT_DOCUMENTS paragraphs) when
# f = 1 / (1 + EXACT_DOCUMENTS SE²): 13.8 %, whatever the archive's size.
PARAGRAPH_SAMPLE_PERCENT = 100.0 / (1.0 + EXACT_DOCUMENTS * STANDARD_ERROR**2)
# A paragraph is kept when its id's seeded hash, masked to this range, falls under the share.
HASH_RANGE = 1 << 20


def probe(match: Match, *, filtered: bool) -> int:
    """Matching paragraphs of published documents, counted up to EXACT_LIMIT + 1."""
    if match.enormous:
        return statements.EXACT_LIMIT + 1
    # With no filter chosen the filtered probe is the unfiltered one: counted once.
    filtered = filtered and match.filtered
    if filtered not in match.probes:
        where = [match.published("p"), match.text("p")]
        if filtered:
            where += [match.paragraphs("p"), match.documents("p")]
        statement = sql.SQL(
            "SELECT count(*) FROM (SELECT 1 FROM resolutions_paragraph p WHERE {} LIMIT {}) s"
        ).format(all_of(where), sql.Literal(statements.EXACT_LIMIT + 1))
        match.probes[filtered] = fetch(statement, match.params)[0][0]
    return match.probes[filtered]


def is_enormous(match: Match, *, filtered: bool) -> bool:
    return probe(match, filtered=filtered) > statements.EXACT_LIMIT


def sample_percent(*, on_paragraphs: bool = False) -> float:
    """The share to sample: of paragraphs, in the paragraph view, PARAGRAPH_SAMPLE_PERCENT; of
    documents, enough that a count of EXACT_DOCUMENTS (a share q of the N documents) has a
    standard error of STANDARD_ERROR; a ratio estimate's relative error is
    sqrt((1 - q) / (q n)), so n = (1 - q) / (q SE²) sampled documents (2,400 of 25,000; 14,400
    of 100,000), at most SAMPLE_PERCENT. N is the planner's count of documents."""
    if on_paragraphs:
        return PARAGRAPH_SAMPLE_PERCENT
    rows = fetch(
        sql.SQL("SELECT reltuples FROM pg_class WHERE oid = 'resolutions_document'::regclass"), {}
    )
    documents = max(float(rows[0][0]), 0.0) if rows else 0.0
    if documents <= EXACT_DOCUMENTS:
        return SAMPLE_PERCENT
    share = EXACT_DOCUMENTS / documents
    needed = (1 - share) / (share * STANDARD_ERROR**2)
    return min(SAMPLE_PERCENT, 100.0 * needed / documents)


def _sampled(column: sql.Composable, sample: float | None) -> sql.Composable:
    if sample is None:
        return sql.SQL("TRUE")
    return sql.SQL(
        "{} IN (SELECT id FROM resolutions_document TABLESAMPLE BERNOULLI ({}) REPEATABLE ({}))"
    ).format(column, sql.Literal(round(sample, 6)), sql.Literal(SAMPLE_SEED))


def _by_groups(match: Match, *, on_paragraphs: bool) -> bool:
    """Whether the counts may read each document's facet groups (lineage/facet_groups.py)
    instead of its paragraphs: documents are counted and every paragraph of a matching document
    counts (the query, if any, is read over whole documents). A group holds a verb, kind or
    addressee exactly when one of its paragraphs does, so the paragraph facets' conditions and
    counts on groups are those on the paragraphs."""
    return not on_paragraphs and (not match.query or match.whole is not None)


def _kept_paragraphs(sample: float) -> int:
    """How many of HASH_RANGE hash values keep a paragraph: `sample` per cent of them."""
    return max(1, round(HASH_RANGE * sample / 100.0))


def _sampled_paragraphs(column: sql.Composable, sample: float | None) -> sql.Composable:
    """Each paragraph kept or not by its id's seeded hash: a Bernoulli sample of paragraphs,
    read from the rows already matched (no scan of its own)."""
    if sample is None:
        return sql.SQL("TRUE")
    return sql.SQL("(hashint8extended({}, {}) & {}) < {}").format(
        column,
        sql.Literal(SAMPLE_SEED),
        sql.Literal(HASH_RANGE - 1),
        sql.Literal(_kept_paragraphs(sample)),
    )


def match_set(match: Match, *, sample: float | None, on_paragraphs: bool) -> sql.Composable:
    """Rows (id, document_id, kind, verb, body_id, year, doc_type, addressees) of the matching
    paragraphs (NULL addressees: their lineage rows hold them) of documents failing at most one
    chosen document filter, and a row per document (NULL id and kind) for a title match, or for
    every document when browsing: the counts read paragraph by paragraph (the paragraph view,
    `within=paragraph`). On paragraphs, the sample is of paragraphs (the document rows are not
    counted there)."""
    if on_paragraphs:
        sampled = _sampled_paragraphs(sql.SQL("p.id"), sample)
    else:
        sampled = _sampled(sql.SQL("p.document_id"), sample)
    paragraphs = all_of(
        [sampled, match.published("p"), match.text("p"), match.documents_failing_at_most("p", 1)]
    )
    documents = all_of(
        [
            _sampled(sql.SQL("d.id"), sample),
            match.published("d"),
            match.title("d") if match.query else TRUE,
            match.documents_failing_at_most("d", 1),
        ]
    )
    return sql.SQL(
        "SELECT p.id, p.document_id, p.kind, p.verb, p.body_id, p.year, p.doc_type, "
        "NULL::varchar[] AS addressees FROM resolutions_paragraph p WHERE {} "
        "UNION ALL SELECT NULL, d.id, NULL, NULL, d.body_id, d.year, d.doc_type, NULL "
        "FROM resolutions_document d WHERE {}"
    ).format(paragraphs, documents)


def _paragraph_sets(
    match: Match, *, sample: float | None, ok: sql.Composable, on_paragraphs: bool
) -> sql.Composed:
    """`m`, the match set read paragraph by paragraph, and `d`, one row per document of it with
    `ok` (a paragraph passes verb and kind)."""
    return sql.SQL(
        "WITH m AS MATERIALIZED ({match_set}), d AS MATERIALIZED ("
        "SELECT m.document_id, m.body_id, m.year, m.doc_type, bool_or(({ok})) AS ok "
        "FROM m GROUP BY m.document_id, m.body_id, m.year, m.doc_type)"
    ).format(match_set=match_set(match, sample=sample, on_paragraphs=on_paragraphs), ok=ok)


def _matching_documents(match: Match, *, sample: float | None) -> sql.Composed:
    """`d` (after the documents tested, `h`, when they are): the matching documents failing at
    most one chosen document filter, read from the documents themselves, each with `ok`: with
    no verb, kind or addressee chosen, TRUE; else whether one of its facet groups passes them
    (the groups holding them, read once and hashed)."""
    tested = sql.SQL("")
    if match.whole is not None and (sample is not None or match.enormous):
        # The documents tested (those sampled; or, with no list of the matching documents, every
        # one) are tested once, in `h`.
        tested = sql.SQL("h AS MATERIALIZED ({}), ").format(
            match.sampled_documents(_sampled(sql.SQL("d.id"), sample))
        )
        documents = all_of(
            [sql.SQL("d.id IN (SELECT h.id FROM h)"), match.documents_failing_at_most("d", 1)]
        )
    else:
        documents = all_of(
            [
                _sampled(sql.SQL("d.id"), sample),
                match.published("d"),
                match.title("d") if match.query else TRUE,
                match.documents_failing_at_most("d", 1),
            ]
        )
    ok = TRUE
    if not match.title_counts:
        ok = sql.SQL("d.id IN (SELECT m.document_id FROM lineage_facetgroup m WHERE {})").format(
            all_of([match.published("m"), match.paragraphs("m")])
        )
    return sql.SQL(
        "{tested}d AS MATERIALIZED (SELECT d.id AS document_id, d.body_id, d.year, d.doc_type, "
        "{ok} AS ok FROM resolutions_document d WHERE {documents})"
    ).format(tested=tested, ok=ok, documents=documents)


def _document_sets(match: Match, *, sample: float | None) -> sql.Composed:
    """`d` (`_matching_documents`), and `m`, the facet groups the paragraph facets count: those
    of the documents passing every document filter, since a paragraph facet is counted under
    all of them.

    Until December 2026 `d` was grouped out of every group of every document it holds, with the
    groups of documents failing a document filter (243,000 rows to browse the archive), which was
    most of the statement (docs/performance.md, "Counting documents from documents")."""
    return sql.SQL(
        "WITH {documents}, m AS MATERIALIZED (SELECT NULL::bigint AS id, g.document_id, g.kind, "
        "g.verb, g.body_id, g.year, g.doc_type, g.addressees FROM lineage_facetgroup g "
        "WHERE g.document_id IN (SELECT d.document_id FROM d WHERE {passing}))"
    ).format(
        documents=_matching_documents(match, sample=sample),
        passing=match.documents("d", "document_id"),
    )


def listed_size(match: Match, *, on_paragraphs: bool) -> int | None:
    """The matching documents counted exactly, when they are listed (`Match.listed`): the
    list's length, or with filters one count over the listed documents; None otherwise."""
    if on_paragraphs or match.listed is None:
        return None
    if not match.filtered:
        return len(match.listed)
    where = [match.published("d"), match.title("d"), match.documents("d")]
    if not match.title_counts:
        # Uses index: facet_group_document, a probe of each listed document passing the rest.
        where.append(
            sql.SQL(
                "EXISTS (SELECT 1 FROM lineage_facetgroup m WHERE m.document_id = d.id AND {})"
            ).format(all_of([match.published("m"), match.paragraphs("m")]))
        )
    statement = sql.SQL("SELECT count(*) FROM resolutions_document d WHERE {}").format(
        all_of(where)
    )
    return fetch(statement, match.params)[0][0]


def facet_statement(match: Match, *, on_paragraphs: bool, sample: float | None) -> sql.Composed:
    """The result's size and every counted facet in one statement over the match set.

    On documents, `d` holds one row per matching document with `ok` (a paragraph passes verb
    and kind, or, with neither chosen, the document matches at all), so document facets group
    hundreds of rows, not the matches; paragraph facets group the matching paragraphs `m`.
    """
    in_paragraphs = sql.SQL("m.kind IS NOT NULL")
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

    def facet_count(facet: Facet) -> sql.Composed:
        if facet.level == PARAGRAPH:
            paragraph_where = all_of(
                [in_paragraphs, match.paragraphs("m", without=facet.key), match.documents("m")]
            )
            return facet.count_sql("m", paragraph_where, per_document=not on_paragraphs)
        return facet.count_sql(unit, where(facet.key))

    parts = [
        sql.SQL("SELECT 'count', '', '', {} FROM {} WHERE {}").format(
            count, sql.Identifier(unit), where("")
        ),
        *(facet_count(facet) for facet in COUNTED),
    ]
    if sample is not None and not on_paragraphs:
        parts += _sample_sizes(match, sample)
    if _by_groups(match, on_paragraphs=on_paragraphs):
        sets = _document_sets(match, sample=sample)
    else:
        ok = TRUE if match.title_counts else all_of([in_paragraphs, match.paragraphs("m")])
        sets = _paragraph_sets(match, sample=sample, ok=ok, on_paragraphs=on_paragraphs)
    return sql.SQL("{} {}").format(sets, sql.SQL(" UNION ALL ").join(parts))


def _sample_sizes(match: Match, sample: float) -> list[sql.Composable]:
    """Rows ('documents', n) and ('sampled', n): the published documents and those sampled, whose
    ratio scales the sample's counts up."""
    published = match.published("d")
    return [
        sql.SQL("SELECT 'documents', '', '', count(*) FROM resolutions_document d WHERE {}").format(
            published
        ),
        sql.SQL(
            "SELECT 'sampled', '', '', count(*) FROM resolutions_document d WHERE {} AND {}"
        ).format(published, _sampled(sql.SQL("d.id"), sample)),
    ]


def facet_rows(
    match: Match, *, on_paragraphs: bool, sample: float | None
) -> tuple[int, list[tuple[str, str, str, int]]]:
    """(the result's size, [(facet, value, label, count)]); with `sample`, scaled estimates:
    by the published documents over the sampled ones, or on paragraphs by the hash's range over
    the part of it kept."""
    rows = fetch(facet_statement(match, on_paragraphs=on_paragraphs, sample=sample), match.params)
    sizes = {f: n for f, _v, _l, n in rows if f in SIZES}
    if on_paragraphs and sample is not None:
        scale = HASH_RANGE / _kept_paragraphs(sample)
    else:
        scale = sizes.get("documents", 0) / max(sizes.get("sampled", 0), 1)
    total = sizes["count"]
    rows = [
        (f, v, label, n if sample is None else estimate(n * scale))
        for f, v, label, n in rows
        if f not in SIZES
    ]
    return (total if sample is None else estimate(total * scale)), rows


# The rows of facet_statement that are sizes, not facet values.
SIZES = ("count", "documents", "sampled")


def estimate(value: float) -> int:
    """An estimate rounded to three significant figures: 12,345 -> 12,300. Rounding costs at most
    0.5 % (two figures cost up to 4.8 %, near 10,500, of the 5 % an estimate may be off)."""
    value = round(value)
    if value < 1_000:
        return value
    digits = len(str(value)) - 3
    return int(round(value, -digits))


def counted(
    match: Match, *, on_paragraphs: bool, sample: bool | None = None
) -> tuple[int, list, bool]:
    """(result size, facet rows, estimated): exact when the unfiltered match set is small or the
    estimate falls below EXACT_DOCUMENTS, else estimated on a sample; one statement each. Kept
    in the count cache (counts_cache.py). `sample=True` is said only when the filtered probe was
    enormous, so the unfiltered one is too: the answer is the same as with None, one entry."""
    return remembered(
        match,
        on_paragraphs=on_paragraphs,
        count=lambda: _counted(match, on_paragraphs=on_paragraphs, sample=sample),
    )


def _counted(match: Match, *, on_paragraphs: bool, sample: bool | None) -> tuple[int, list, bool]:
    if sample is None:
        sample = is_enormous(match, filtered=False)
    if sample and (size := listed_size(match, on_paragraphs=on_paragraphs)) is not None:
        # The exact size decides, with no margin for a sample's error: under EXACT_DOCUMENTS
        # everything is counted exactly, without a sample first; from it on, the facets are
        # estimated beside the exact size.
        if size < EXACT_DOCUMENTS:
            return _exactly(match, on_paragraphs=on_paragraphs)
        return (
            size,
            facet_rows(
                match,
                on_paragraphs=on_paragraphs,
                sample=sample_percent(on_paragraphs=on_paragraphs),
            )[1],
            True,
        )
    if sample:
        total, rows = facet_rows(
            match, on_paragraphs=on_paragraphs, sample=sample_percent(on_paragraphs=on_paragraphs)
        )
        if total >= EXACT_DOCUMENTS * ESTIMATE_MARGIN:
            return total, rows, True
    return _exactly(match, on_paragraphs=on_paragraphs)


def _exactly(match: Match, *, on_paragraphs: bool) -> tuple[int, list, bool]:
    total, rows = facet_rows(match, on_paragraphs=on_paragraphs, sample=None)
    return total, rows, False


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
