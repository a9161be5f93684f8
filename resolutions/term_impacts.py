"""Each common word's documents, best first: what lets relevance rank a common word exactly
without scoring every document that holds it.

A word held by `COMMON_DOCUMENTS` documents or more is a `CommonTerm`. For each, `TermImpact`
keeps the `KEEP` documents that score highest for the word alone (the score `ranking` defines,
computed by the same SQL), and `CommonTerm.floor` is the best score of those left out; and,
for the paragraph view, the `KEEP` documents whose best paragraph scores highest for it, with
`CommonTerm.paragraph_floor` the best paragraph score of those left out. A row holds both of its
document's scores. A document ingested or edited later is added when it scores above either
floor, so the floors stay true: no document outside the lists scores above them. Every save
of a paragraph or a document (an ingest, an edit, a revert, a restore) refreshes the document's
rows on `post_save`, in the same transaction; a write of many rows
(`one_refresh_per_document()`) refreshes each document once, at its end. A deleted paragraph can
only lower a score, and a kept score above the truth stays a true bound. `rebuild()` lists the
words anew (`manage.py rebuild_term_impacts`); a word that became common since then is ranked
the slow exact way until the next rebuild.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from psycopg import sql

from . import ranking
from .models import Document, Paragraph

# A word in fewer documents than this is ranked by scoring them all (fast enough).
COMMON_DOCUMENTS = 1_000
# Documents kept for each common word, best first.
KEEP = 2_000
# The documents changed inside `one_refresh_per_document()`, when one is open.
_changed: ContextVar[set[int] | None] = ContextVar("term_impacts_changed", default=None)


def word_query(lexeme: sql.Composable) -> sql.Composed:
    """A lexeme (SQL text) as the tsquery of that word alone, quoted as tsquery input wants."""
    return sql.SQL(
        "(E'''' || replace(replace({}, E'\\\\', E'\\\\\\\\'), E'''', E'''''') || E'''')::tsquery"
    ).format(lexeme)


_WORD_QUERY = word_query(sql.SQL("u.lexeme"))


def _scores(paragraphs: sql.Composable, documents: sql.Composable) -> sql.Composed:
    """SELECT lexeme, document_id, score, paragraph_score: each common word's score in each
    document and its best paragraph's (paragraphs `p` and documents `d` restricted by the
    conditions given)."""
    return sql.SQL(
        "WITH w AS (SELECT u.lexeme, p.document_id, {paragraph} AS s "
        "FROM resolutions_paragraph p CROSS JOIN LATERAL unnest(p.search_vector) u "
        "JOIN resolutions_commonterm c ON c.lexeme = u.lexeme WHERE {paragraphs}), "
        "g AS (SELECT lexeme, document_id, max(s) AS best, sum(s) AS total FROM w GROUP BY 1, 2), "
        "t AS (SELECT u.lexeme, d.id AS document_id, {title} AS s "
        "FROM resolutions_document d CROSS JOIN LATERAL unnest(d.title_search) u "
        "JOIN resolutions_commonterm c ON c.lexeme = u.lexeme WHERE {documents}) "
        "SELECT coalesce(g.lexeme, t.lexeme) AS lexeme, "
        "coalesce(g.document_id, t.document_id) AS document_id, {score} AS score, "
        "coalesce(g.best, 0) AS paragraph_score "
        "FROM g FULL JOIN t ON t.lexeme = g.lexeme AND t.document_id = g.document_id"
    ).format(
        paragraph=ranking.paragraph_score("p", _WORD_QUERY),
        title=ranking.cover_density(sql.SQL("d.title_search"), _WORD_QUERY),
        paragraphs=paragraphs,
        documents=documents,
        score=ranking.document_score(
            sql.SQL("coalesce(t.s, 0)"),
            sql.SQL("coalesce(g.best, 0)"),
            sql.SQL("coalesce(g.total, 0)"),
        ),
    )


def refresh_documents(document_ids: list[int]) -> None:
    """The documents' rows anew, after their paragraphs or titles changed (in the caller's
    transaction): those above either of their word's floors. One statement."""
    scores = _scores(
        sql.SQL("p.document_id = ANY(%(documents)s)"), sql.SQL("d.id = ANY(%(documents)s)")
    )
    statement = sql.SQL(
        "WITH gone AS (DELETE FROM resolutions_termimpact WHERE document_id = ANY(%(documents)s)) "
        "INSERT INTO resolutions_termimpact (lexeme, document_id, score, paragraph_score) "
        "SELECT s.lexeme, s.document_id, s.score, s.paragraph_score FROM ({}) s "
        "JOIN resolutions_commonterm c ON c.lexeme = s.lexeme "
        "WHERE s.score > c.floor OR s.paragraph_score > c.paragraph_floor"
    ).format(scores)
    with connection.cursor() as cursor:
        cursor.execute(statement.as_string(cursor.connection), {"documents": document_ids})


def rebuild(*, common_documents: int = COMMON_DOCUMENTS, keep: int = KEEP) -> tuple[int, int]:
    """List the common words anew and keep each one's best documents, by their score and by
    their best paragraph's; (words, rows)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM resolutions_termimpact")
        cursor.execute("DELETE FROM resolutions_commonterm")
        cursor.execute(
            "INSERT INTO resolutions_commonterm (lexeme, documents, floor, paragraph_floor) "
            "SELECT lexeme, count(DISTINCT document_id), 0, 0 FROM ("
            "SELECT u.lexeme, p.document_id FROM resolutions_paragraph p "
            "CROSS JOIN LATERAL unnest(p.search_vector) u UNION ALL "
            "SELECT u.lexeme, d.id FROM resolutions_document d "
            "CROSS JOIN LATERAL unnest(d.title_search) u) s "
            "GROUP BY lexeme HAVING count(DISTINCT document_id) >= %s",
            [common_documents],
        )
        words = cursor.rowcount
        scores = _scores(sql.SQL("TRUE"), sql.SQL("TRUE"))
        cursor.execute(
            sql.SQL(
                "CREATE TEMPORARY TABLE ranked ON COMMIT DROP AS SELECT s.*, "
                "row_number() OVER (PARTITION BY s.lexeme ORDER BY s.score DESC) AS n, "
                "row_number() OVER (PARTITION BY s.lexeme ORDER BY s.paragraph_score DESC) AS m "
                "FROM ({}) s"
            )
            .format(scores)
            .as_string(cursor.connection)
        )
        cursor.execute(
            "INSERT INTO resolutions_termimpact (lexeme, document_id, score, paragraph_score) "
            "SELECT lexeme, document_id, score, paragraph_score FROM ranked "
            "WHERE n <= %s OR m <= %s",
            [keep, keep],
        )
        kept = cursor.rowcount
        cursor.execute(
            "UPDATE resolutions_commonterm c SET floor = coalesce(f.floor, 0), "
            "paragraph_floor = coalesce(f.paragraph_floor, 0) FROM ("
            "SELECT lexeme, max(score) FILTER (WHERE n > %s) AS floor, "
            "max(paragraph_score) FILTER (WHERE m > %s) AS paragraph_floor "
            "FROM ranked WHERE n > %s OR m > %s GROUP BY 1) f "
            "WHERE f.lexeme = c.lexeme",
            [keep, keep, keep, keep],
        )
        cursor.execute("ANALYZE resolutions_termimpact")
    return words, kept


@contextmanager
def one_refresh_per_document() -> Iterator[None]:
    """Within the block, a changed document is only noted; all are refreshed together, once, as
    the block ends without error (call it inside the writing transaction). Nested blocks join
    the outer."""
    if _changed.get() is not None:
        yield
        return
    changed: set[int] = set()
    token = _changed.set(changed)
    try:
        yield
    finally:
        _changed.reset(token)
    if changed:
        refresh_documents(sorted(changed))


def document_changed(document_id: int) -> None:
    """The document's scores may have changed: refresh its rows now, or once at the end of the
    open `one_refresh_per_document()` block."""
    changed = _changed.get()
    if changed is None:
        refresh_documents([document_id])
    else:
        changed.add(document_id)


# The columns a score reads, by model: a save of others leaves the rows as they are.
_SCORED = {"Document": {"title"}, "Paragraph": {"text", "verb", "kind"}}


def refresh_saved(
    sender: type, instance: Document | Paragraph, update_fields: frozenset | None = None, **kwargs
) -> None:
    """post_save receiver for Document and Paragraph: the document's rows anew."""
    if update_fields is not None and not _SCORED[sender.__name__] & set(update_fields):
        return
    document_changed(instance.pk if isinstance(instance, Document) else instance.document_id)
