"""The one place that writes the SQL of a search's conditions, with `psycopg.sql`.

`Match` turns a `SearchRequest` into conditions on the three kinds of rows a statement reads:
paragraphs (`p`, with the columns migration 0005 copies from their document), documents (`d`)
and rows of the match set (`m`). Values are always bound parameters (`%(q)s`, `%(body)s`);
identifiers are quoted by `sql.Identifier`; nothing a person typed is formatted into a string.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connections, router
from psycopg import sql

from .. import ranking
from ..models import SEARCH_CONFIG, Paragraph
from .boolean import (
    LEXEME_PATTERN,
    Leaf,
    WholeText,
    holds_in_one_paragraph,
    leaves,
    needs_a_wanted_word,
    parse_tsquery,
)
from .facets import DOCUMENT_FACETS, FACETS, PARAGRAPH_FACETS, Facet
from .request import SearchRequest

TRUE = sql.SQL("TRUE")
# Above this many matching paragraphs counts and facets are estimated (see counts.py).
EXACT_LIMIT = 5_000
# Over whole documents, up to this many paragraphs holding a wanted word, the matching documents
# are listed from the GIN indexes, where past it each document would be tested by probes.
LIST_LIMIT = 100_000
# ... unless the common words' document counts already say the candidates are more than this.
LIST_DOCUMENTS = 20_000
NEWEST = sql.SQL("d.date DESC NULLS LAST, d.year DESC NULLS LAST, d.id DESC")
OLDEST = sql.SQL("d.date ASC NULLS LAST, d.year ASC NULLS LAST, d.id ASC")
TSQUERY = sql.SQL("websearch_to_tsquery({}::regconfig, {})").format(
    sql.Literal(SEARCH_CONFIG), sql.Placeholder("q")
)


def all_of(conditions: Iterable[sql.Composable]) -> sql.Composable:
    """The conditions joined by AND (TRUE when there are none)."""
    parts = [c for c in conditions if c is not TRUE]
    return sql.SQL(" AND ").join(parts) if parts else TRUE


def any_of(conditions: Iterable[sql.Composable]) -> sql.Composable:
    parts = list(conditions)
    return sql.SQL("({})").format(sql.SQL(" OR ").join(parts)) if parts else TRUE


class Match:
    """The request's conditions as SQL, and the parameters they bind.

    Over whole documents (`boolean.py`), PostgreSQL's reading of the words comes first, then the
    documents whose whole text satisfies the query are listed (`_read_whole_text`): a query of
    single words from the documents' words (`document_words.py`), up to `LIST_DOCUMENTS`
    documents; one with a phrase from the paragraphs' and titles' GIN indexes, up to
    `LIST_LIMIT` paragraphs holding a wanted word. Every condition on the text then reads that
    list. Past it (`enormous`), no list is made: the walked and sampled documents are tested
    one by one (`holds`). A chosen verb or kind then needs one paragraph of
    the document, not the one with the words.
    """

    def __init__(self, request: SearchRequest, *, drafts: bool = False) -> None:
        self.request = request
        self.drafts = drafts
        self.params: dict[str, Any] = request.statement_params()
        self.whole: WholeText | None = None
        self.enormous = False
        self._documents: list[int] | None = None
        # Matching paragraphs counted by counts.probe, by whether the filters applied.
        self.probes: dict[bool, int] = {}
        if request.whole_documents:
            self._read_whole_text()

    def _read_whole_text(self) -> None:
        # PostgreSQL's reading of the words, and how many documents hold each common one.
        statement = sql.SQL(
            "SELECT q::text, (SELECT coalesce(json_object_agg(c.lexeme, c.documents), '{{}}') "
            "FROM resolutions_commonterm c WHERE c.lexeme = ANY(ARRAY("
            "SELECT replace(m[1], {quoted}, {quote}) FROM regexp_matches(q::text, {lexeme}, 'g') m"
            "))) FROM {tsquery} q"
        ).format(
            quoted=sql.Literal("''"),
            quote=sql.Literal("'"),
            lexeme=sql.Literal(LEXEME_PATTERN),
            tsquery=TSQUERY,
        )
        text, held = fetch(statement, self.params)[0]
        tree = parse_tsquery(text)
        self.whole = WholeText(tree, text)
        self.params.update(self.whole.params)
        wanted = self.whole.wanted()
        if wanted is None or not needs_a_wanted_word(tree):
            self.enormous = True
            return
        if self.whole.by_words:
            self._set_documents(fetch(self._in_words(), self.params)[0][0])
            return
        excluded = [leaf for leaf, negated in leaves(tree) if negated]
        # A word, a phrase or alternatives of them hold in a document exactly when they hold in
        # one of its paragraphs or its title: those candidates need no other test. Any other
        # tree is decided from each word's documents as sets, unless an excluded word is so
        # common that testing each candidate (reading its paragraphs) costs less.
        direct = holds_in_one_paragraph(tree)
        by_sets = not direct and _documents_holding_any(excluded, held) <= LIST_DOCUMENTS
        documents = None
        wanted_leaves = [leaf for leaf, negated in leaves(tree) if not negated]
        if _documents_holding_any(wanted_leaves, held) > LIST_DOCUMENTS:
            holding = LIST_LIMIT + 1
        else:
            holding, documents = self._listed(wanted, tested=not direct, by_sets=by_sets)
        if (holding <= LIST_LIMIT and by_sets) or (holding > LIST_LIMIT and excluded):
            # Past the list's limit too, testing each document for an excluded word would read
            # all its paragraphs: the sets are cheaper.
            statement = self.whole.documents_by_sets(self.published("p"), self.published("d"))
            documents = fetch(statement, self.params)[0][0]
        self._set_documents(documents)

    def _set_documents(self, documents: list[int] | None) -> None:
        """The documents satisfying the query, or None when no list is made (`enormous`)."""
        self.enormous = documents is None
        self._documents = documents
        self.params["documents"] = documents

    def _in_words(self) -> sql.Composed:
        """SELECT the documents whose words satisfy the query, up to LIST_DOCUMENTS (NULL past
        it): one scan of the words' GIN index, the whole text of no document read."""
        assert self.whole is not None
        return sql.SQL(
            "SELECT CASE WHEN count(*) <= {limit} THEN coalesce(array_agg(s.id), '{{}}') END "
            "FROM (SELECT d.id FROM resolutions_documentwords w "
            "JOIN resolutions_document d ON d.id = w.document_id WHERE {published} AND {words} "
            "LIMIT {limit} + 1) s"
        ).format(
            limit=sql.Literal(LIST_DOCUMENTS),
            published=self.published("d"),
            words=self.whole.in_words("w"),
        )

    def _listed(
        self, wanted: sql.Composable, *, tested: bool, by_sets: bool
    ) -> tuple[int, list[int] | None]:
        """(paragraphs holding a wanted word, up to LIST_LIMIT + 1; the documents satisfying the
        query when under it and not `by_sets`): one scan of the GIN index (`w`), the candidates
        listed from it and from the titles holding a wanted word, tested when `tested`.

        Uses index: paragraph_search_gin, document_title_search_gin"""
        candidates = sql.SQL(
            "d.id IN (SELECT w.document_id FROM w UNION "
            "SELECT t.id FROM resolutions_document t WHERE t.title_search @@ {})"
        ).format(wanted)
        listed = (
            sql.SQL("NULL::bigint[]")
            if by_sets
            else sql.SQL("ARRAY({})").format(self._holding(candidates, tested=tested))
        )
        statement = sql.SQL(
            "WITH w AS MATERIALIZED (SELECT p.document_id FROM resolutions_paragraph p "
            "WHERE {published} AND p.search_vector @@ {wanted} LIMIT {limit}) "
            "SELECT n, CASE WHEN n < {limit} THEN {listed} END "
            "FROM (SELECT count(*) AS n FROM w) c"
        ).format(
            published=self.published("p"),
            wanted=wanted,
            limit=sql.Literal(LIST_LIMIT + 1),
            listed=listed,
        )
        holding, documents = fetch(statement, self.params)[0]
        return holding, documents

    def _holding(self, among: sql.Composable | None = None, *, tested: bool = True) -> sql.Composed:
        """SELECT the ids of the documents (those `among` selects, else all) whose whole text
        satisfies the query; `tested=False` when `among` holds only such documents."""
        where = [self.published("d")]
        if among is not None:
            where.append(among)
        if tested:
            where.append(self.holds("d"))
        return sql.SQL("SELECT d.id FROM resolutions_document d WHERE {}").format(all_of(where))

    @property
    def listed(self) -> list[int] | None:
        """The published documents whose whole text satisfies the query, when they are listed
        (over whole documents, not `enormous`)."""
        return self._documents

    def holding(self, column: sql.Composable) -> sql.Composed:
        """`column` is a document whose whole text satisfies the query: one of the list, or
        tested (an export of an enormous result set). `= ANY(list)` lets the planner see the
        list's length; `IN (SELECT unnest(list))` was guessed at 200 documents, which chose a
        probe of every listed document's paragraphs over the GIN index (455 against 305 ms for
        `cybercrime or corruption -terrorism`'s ranking at 25,000 documents)."""
        if self._documents is not None:
            return sql.SQL("{} = ANY({}::bigint[])").format(column, sql.Placeholder("documents"))
        return sql.SQL("{} IN ({})").format(column, self._holding())

    def sampled_documents(self, sampled: sql.Composable) -> sql.Composed:
        """The sampled documents whose whole text satisfies the query (tested one by one)."""
        return self._holding(sampled)

    def holds(self, row: str = "d") -> sql.Composable:
        """The query on the document row `row` itself: over whole documents, tested there."""
        assert self.whole is not None
        if self._documents is not None:
            return self.title(row)
        return self.whole.holds(row)

    @property
    def query(self) -> bool:
        return bool(self.request.query)

    @property
    def title_counts(self) -> bool:
        return self.request.title_counts

    def active(self, key: str) -> bool:
        return self.request.active(key)

    @property
    def filtered(self) -> bool:
        """Whether any filter is chosen."""
        return any(self.active(facet.key) for facet in FACETS)

    def published(self, row: str) -> sql.Composable:
        """Rows of documents researchers may see (`p` or `m` carry a copy of the status)."""
        if self.drafts:
            return TRUE
        if row == "d":
            return sql.SQL("d.status = 'published'")
        return sql.SQL("{}.published").format(sql.Identifier(row))

    def text(self, row: str = "p") -> sql.Composable:
        """The query on a paragraph row: its own vector, or its document's whole text.

        Uses index: paragraph_search_gin (or paragraph_unique_position over the documents)."""
        if not self.query:
            return TRUE
        if self.whole:
            return self.holding(sql.Identifier(row, "document_id"))
        return sql.SQL("{} @@ {}").format(sql.Identifier(row, "search_vector"), TSQUERY)

    def title(self, row: str = "d") -> sql.Composable:
        """The query on a document row: its title, or its whole text.

        Uses index: document_title_search_gin"""
        if self.whole:
            return self.holding(sql.Identifier(row, "id"))
        return sql.SQL("{} @@ {}").format(sql.Identifier(row, "title_search"), TSQUERY)

    def mentions(self) -> sql.Composable:
        """Paragraphs `p` worth showing under a document: those holding a word of the query
        (over whole documents, any word not excluded)."""
        if self.whole is None:
            return self.text("p")
        wanted = self.whole.wanted()
        if wanted is None:
            return sql.SQL("FALSE")
        return sql.SQL("p.search_vector @@ {}").format(wanted)

    def rank(self, row: str = "p", column: str = "search_vector") -> sql.Composable:
        """A paragraph row's score, or a title's cover density (ranking.py)."""
        if not self.query:
            return sql.SQL("0.0::float8")
        if column == "search_vector":
            return ranking.paragraph_score(row, TSQUERY)
        return ranking.cover_density(sql.Identifier(row, column), TSQUERY)

    def _facets(
        self, facets: Iterable[Facet], row: str, document_id: sql.Composable, without: str
    ) -> sql.Composable:
        return all_of(
            facet.condition(row, document_id, self.request.filters[facet.key])
            for facet in facets
            if facet.key != without and self.active(facet.key)
        )

    def documents(
        self, row: str, document_id: str | None = None, *, without: str = ""
    ) -> sql.Composable:
        """Every chosen document facet but `without`, on a row with the copied columns."""
        column = sql.Identifier(row, document_id or ("id" if row == "d" else "document_id"))
        return self._facets(DOCUMENT_FACETS, row, column, without)

    def documents_failing_at_most(self, row: str, failures: int) -> sql.Composable:
        """Rows (`p`, or documents `d`) whose document fails at most `failures` of the chosen
        document facets: a facet counted without its own filter needs no row failing two."""
        chosen = [facet for facet in DOCUMENT_FACETS if self.active(facet.key)]
        if not chosen or len(chosen) <= failures:
            return TRUE
        if failures == 0:
            if row == "d":
                return self.documents("d")
            # Driven from the documents passing the filters, not a scan of every paragraph.
            return sql.SQL(
                "{} AND {} IN (SELECT d.id FROM resolutions_document d WHERE {})"
            ).format(
                self.documents(row),
                sql.Identifier(row, "document_id"),
                self.documents("d"),
            )
        column = sql.Identifier(row, "id" if row == "d" else "document_id")
        failed = sql.SQL(" + ").join(
            sql.SQL("(CASE WHEN {} THEN 0 ELSE 1 END)").format(
                facet.condition(row, column, self.request.filters[facet.key])
            )
            for facet in chosen
        )
        return sql.SQL("({}) <= {}").format(failed, sql.Literal(failures))

    def paragraphs(self, row: str = "p", *, without: str = "") -> sql.Composable:
        """Every chosen paragraph facet (verb, kind) but `without`, on a paragraph row."""
        return self._facets(PARAGRAPH_FACETS, row, sql.Identifier(row, "document_id"), without)


def _documents_holding_any(leaves: list[Leaf], held: dict[str, int]) -> int:
    """At most how many documents hold one of these words or phrases, by the common words'
    document counts `held` (`CommonTerm`): a word's documents, a phrase's rarest word's (0 when
    not common)."""
    return sum(
        min((held.get(word, 0) for word, _suffix in leaf.lexemes()), default=0) for leaf in leaves
    )


def fetch(statement: sql.Composable, params: dict[str, Any]) -> list[tuple]:
    """The rows of a composed statement, its parameters bound by the driver.

    Read where the router sends paragraph reads: a replica for a public page (archive/replicas.py).
    """
    connection = connections[router.db_for_read(Paragraph)]
    connection.ensure_connection()
    text = statement.as_string(connection.connection)
    with connection.cursor() as cursor:
        cursor.execute(text, params)
        return cursor.fetchall()
