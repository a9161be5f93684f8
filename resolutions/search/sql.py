"""The one place that writes the SQL of a search's conditions, with `psycopg.sql`.

`Match` turns a `SearchRequest` into conditions on the three kinds of rows a statement reads:
paragraphs (`p`, with the columns migration 0005 copies from their document), documents (`d`)
and rows of the match set (`m`). Values are always bound parameters (`%(q)s`, `%(body)s`);
identifiers are quoted by `sql.Identifier`; nothing a person typed is formatted into a string.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection
from psycopg import sql

from ..models import SEARCH_CONFIG
from .boolean import DocumentSet, leaves, parse_tsquery
from .facets import DOCUMENT_FACETS, PARAGRAPH_FACETS, Facet
from .request import SearchRequest

TRUE = sql.SQL("TRUE")
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

    A query over whole documents is answered first (two statements: PostgreSQL's reading of the
    words, then the documents, see `boolean.py`); every condition on the text then reads that set
    of documents, and a chosen verb or kind needs one paragraph of the document, not the one
    that holds the words.
    """

    def __init__(self, request: SearchRequest, *, drafts: bool = False) -> None:
        self.request = request
        self.drafts = drafts
        self.params: dict[str, Any] = request.statement_params()
        self.whole = False
        self._mentions: sql.Composable = TRUE
        if request.whole_documents:
            self._find_whole_documents()

    def _find_whole_documents(self) -> None:
        statement = sql.SQL("SELECT {}::text").format(TSQUERY)
        tree = parse_tsquery(fetch(statement, self.params)[0][0])
        documents = DocumentSet(tree, published=self.published)
        found = fetch(sql.SQL("SELECT ARRAY({})").format(documents.statement()), documents.params)[
            0
        ][0]
        self.whole = True
        self.params.update(documents.params)
        self.params["documents"] = found
        shown = {leaf.text for leaf, negated in leaves(tree) if not negated}
        wanted = [
            sql.SQL("{}::tsquery").format(sql.Placeholder(name))
            for name, text in documents.params.items()
            if text in shown
        ]
        self._mentions = (
            sql.SQL("p.search_vector @@ ({})").format(sql.SQL(" || ").join(wanted))
            if wanted
            else sql.SQL("FALSE")
        )

    @property
    def query(self) -> bool:
        return bool(self.request.query)

    @property
    def title_counts(self) -> bool:
        return self.request.title_counts

    def active(self, key: str) -> bool:
        return self.request.active(key)

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
            return sql.SQL("{} IN (SELECT unnest({}::bigint[]))").format(
                sql.Identifier(row, "document_id"), sql.Placeholder("documents")
            )
        return sql.SQL("{} @@ {}").format(sql.Identifier(row, "search_vector"), TSQUERY)

    def title(self, row: str = "d") -> sql.Composable:
        """The query on a document row: its title, or its whole text.

        Uses index: document_title_search_gin"""
        if self.whole:
            return sql.SQL("{} IN (SELECT unnest({}::bigint[]))").format(
                sql.Identifier(row, "id"), sql.Placeholder("documents")
            )
        return sql.SQL("{} @@ {}").format(sql.Identifier(row, "title_search"), TSQUERY)

    def mentions(self) -> sql.Composable:
        """Paragraphs `p` worth showing under a document: those holding a word of the query
        (over whole documents, any word not excluded)."""
        return self._mentions if self.whole else self.text("p")

    def rank(self, row: str = "p", column: str = "search_vector") -> sql.Composable:
        if not self.query:
            return sql.SQL("0.0::real")
        return sql.SQL("ts_rank({}, {})").format(sql.Identifier(row, column), TSQUERY)

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

    def paragraphs(self, row: str = "p", *, without: str = "") -> sql.Composable:
        """Every chosen paragraph facet (verb, kind) but `without`, on a paragraph row."""
        return self._facets(PARAGRAPH_FACETS, row, sql.Identifier(row, "document_id"), without)


def fetch(statement: sql.Composable, params: dict[str, Any]) -> list[tuple]:
    """The rows of a composed statement, its parameters bound by the driver."""
    connection.ensure_connection()
    text = statement.as_string(connection.connection)
    with connection.cursor() as cursor:
        cursor.execute(text, params)
        return cursor.fetchall()
