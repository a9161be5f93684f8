"""Snippets of the shown rows: each document's best paragraphs, highlighted matches.

Only the page's rows get headlines (`ts_headline` is costly): one statement ranks each shown
document's matching paragraphs and highlights the best `BEST_PARAGRAPHS`.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from psycopg import sql

from ..models import SEARCH_CONFIG, Document, Paragraph
from .sql import TSQUERY, Match, all_of, fetch
from .types import PARAGRAPH_FIELDS, START_SEL, STOP_SEL

# Best-matching paragraphs shown under each document.
BEST_PARAGRAPHS = 3
HEADLINE_OPTIONS = (
    f"StartSel={START_SEL}, StopSel={STOP_SEL}, MaxWords=40, MinWords=15, "
    'MaxFragments={fragments}, FragmentDelimiter=" … "'
)


def _headline(match: Match, *, fragments: int) -> sql.Composable:
    if not match.query:
        return sql.SQL("p.text")
    return sql.SQL("ts_headline({}::regconfig, p.text, {}, {})").format(
        sql.Literal(SEARCH_CONFIG),
        TSQUERY,
        sql.Literal(HEADLINE_OPTIONS.format(fragments=fragments)),
    )


def headlines(match: Match, pks: list[int]) -> dict[int, str]:
    """Highlighted snippets of the given paragraphs (their text when there is no query)."""
    if not pks:
        return {}
    statement = sql.SQL("SELECT p.id, {} FROM resolutions_paragraph p WHERE p.id = ANY({})").format(
        _headline(match, fragments=3), sql.Placeholder("ids")
    )
    return dict(fetch(statement, {**match.params, "ids": pks}))


def attach_best_paragraphs(documents: list[Document], match: Match) -> None:
    """Give each document `best_paragraphs` (up to three, with snippets) and `match_count`."""
    for document in documents:
        document.best_paragraphs = []
        document.match_count = 0
    if not documents or not match.request.by_paragraph:
        return
    statement = sql.SQL(
        "SELECT b.id, b.document_id, b.n, b.matches, {headline} FROM (SELECT p.id, "
        "p.document_id, row_number() OVER (PARTITION BY p.document_id ORDER BY {rank} DESC, "
        "p.position) AS n, count(*) OVER (PARTITION BY p.document_id) AS matches "
        "FROM resolutions_paragraph p WHERE p.document_id = ANY({ids}) AND {where}) b "
        "JOIN resolutions_paragraph p ON p.id = b.id WHERE b.n <= {best}"
    ).format(
        headline=_headline(match, fragments=2),
        rank=match.rank("p"),
        ids=sql.Placeholder("ids"),
        where=all_of([match.mentions(), match.paragraphs("p")]),
        best=sql.Literal(BEST_PARAGRAPHS),
    )
    by_document = {document.pk: document for document in documents}
    ranked = fetch(statement, {**match.params, "ids": list(by_document)})
    order_of = {pk: n for pk, _document_id, n, _matches, _snippet in ranked}
    snippets = {pk: snippet for pk, _document_id, _n, _matches, snippet in ranked}
    for _pk, document_id, _n, matches, _snippet in ranked:
        by_document[document_id].match_count = matches
    if not order_of:
        return
    for paragraph in Paragraph.objects.filter(pk__in=list(order_of)).only(*PARAGRAPH_FIELDS):
        document = by_document[paragraph.document_id]
        paragraph.document = document  # no query per row: the document is at hand
        paragraph.snippet = snippets[paragraph.pk]
        document.best_paragraphs.append(paragraph)
    for document in documents:
        document.best_paragraphs.sort(key=lambda p: order_of[p.pk])


def plain(snippet: object) -> str:
    """A snippet without its highlight markers."""
    return str(snippet or "").replace(START_SEL, "").replace(STOP_SEL, "")


def highlighted(snippet: object) -> SafeString:
    """A snippet as HTML: escaped, then its markers turned into <mark>."""
    text = escape(str(snippet or ""))
    text = text.replace(START_SEL, "<mark>").replace(STOP_SEL, "</mark>")
    return mark_safe(text)  # escaped above; only our own tags added
