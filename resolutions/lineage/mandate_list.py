"""The mandate page's reads: mandates by body and due date, each with its answer if archived.

A mandate is answered by a published report issued in or after the year the mandate was given
that either cites the mandating document (matched by symbol, through the archive's citations) or
carries its title ("Conventional arms control at the regional and subregional levels: report of
the Secretary-General") in the session the mandate names (else by its due year). A mandate with
no such report is open, and overdue once its year has passed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F
from psycopg import sql

from resolutions.models import SEARCH_CONFIG, Document, Reference

from .mandates import ordinal_number
from .models import Mandate

PUBLISHED = Document.Status.PUBLISHED
PAGE_LIMIT = 500
# A report carries a resolution's title when this share of the title's words is in its own.
TITLE_WORDS_FOUND = 0.9
WORD_RE = re.compile(r"[a-z]+|\d+")
GA_SYMBOL_SESSION_RE = re.compile(r"^A/(\d{1,3})/")


@dataclass(frozen=True)
class MandateRow:
    """A mandate with the report that answers it, if any."""

    mandate: Mandate
    answer: Document | None

    @property
    def overdue(self) -> bool:
        return (
            self.answer is None
            and bool(self.mandate.year)
            and (self.mandate.year < datetime.date.today().year)
        )


def mandate_rows(*, body: str = "", who: str = "", open_only: bool = False) -> list[MandateRow]:
    """Published mandates by body, then due year and session, with their answers (four queries)."""
    mandates = (
        Mandate.objects.filter(document__status=PUBLISHED)
        .select_related("document__body", "paragraph")
        .defer("document__full_text")
        .order_by("document__body__code", F("year").asc(nulls_last=True), "session", "document_id")
    )
    if body:
        mandates = mandates.filter(document__body__code=body)
    if who:
        mandates = mandates.filter(who=who)
    mandates = list(mandates[:PAGE_LIMIT])
    answers = citing_reports({m.document_id for m in mandates})
    titled = reports_by_title({m.document for m in mandates})
    rows = []
    for mandate in mandates:
        given = mandate.document.year or 0
        found = [d for d in answers.get(mandate.document_id, []) if (d.year or 0) >= given]
        found += [d for d in titled.get(mandate.document_id, []) if answers_in_time(mandate, d)]
        answer = min(found, key=lambda d: (d.year or 0, d.pk)) if found else None
        if not (open_only and answer):
            rows.append(MandateRow(mandate, answer))
    return rows


def citing_reports(document_ids: set[int]) -> dict[int, list[Document]]:
    """The published reports citing each of the documents (one query)."""
    answers: dict[int, list[Document]] = {}
    citing = (
        Reference.objects.filter(
            cited_document__in=document_ids,
            citing_document__status=PUBLISHED,
            citing_document__doc_type=Document.DocType.REPORT,
        )
        .select_related("citing_document__body")
        .defer("citing_document__full_text")
    )
    for reference in citing:
        answers.setdefault(reference.cited_document_id, []).append(reference.citing_document)
    return answers


def title_words(title: str) -> set[str]:
    """A title's words, lower-cased."""
    return set(WORD_RE.findall(title.lower()))


def carries_title(report_title: str, title: str) -> bool:
    """Whether a report's title holds (nearly) all the words of a mandating document's title."""
    wanted = title_words(title)
    return bool(wanted) and len(wanted & title_words(report_title)) >= TITLE_WORDS_FOUND * len(
        wanted
    )


def reports_by_title(documents: set[Document]) -> dict[int, list[Document]]:
    """The published reports whose titles carry each document's title: one query, each title a
    full-text lookup in the titles' GIN index, then checked word by word."""
    titled = [d for d in documents if d.title.strip()]
    if not titled:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                """
                SELECT t.document_id, r.id
                FROM unnest(%s::integer[], %s::text[]) AS t(document_id, title)
                JOIN {} r ON r.title_search @@ plainto_tsquery(%s::regconfig, t.title)
                WHERE r.doc_type = %s AND r.status = %s AND r.id <> t.document_id
                """
            ).format(sql.Identifier(Document._meta.db_table)),
            [
                [d.pk for d in titled],
                [d.title for d in titled],
                SEARCH_CONFIG,
                Document.DocType.REPORT,
                PUBLISHED,
            ],
        )
        pairs = cursor.fetchall()
    reports = (
        Document.objects.select_related("body")
        .defer("full_text")
        .in_bulk({report for _, report in pairs})
    )
    titles = {d.pk: d.title for d in titled}
    found: dict[int, list[Document]] = {}
    for document_id, report_id in pairs:
        report = reports[report_id]
        if carries_title(report.title, titles[document_id]):
            found.setdefault(document_id, []).append(report)
    return found


def session_of(document: Document) -> int | None:
    """The session a document belongs to: its "Eighty-first session" line, else a GA symbol's
    number (A/81/123)."""
    if document.session:
        words = document.session.split()
        if words and (number := ordinal_number(words[0])):
            return number
    if document.symbol and (match := GA_SYMBOL_SESSION_RE.match(document.symbol)):
        return int(match.group(1))
    return None


def answers_in_time(mandate: Mandate, report: Document) -> bool:
    """Whether a report carrying the mandating document's title answers this mandate: issued in
    the session the mandate names, else in a year from the mandate's to its due year."""
    given = mandate.document.year or 0
    if (report.year or 0) < given:
        return False
    session = session_of(report)
    if mandate.session and session:
        return session == mandate.session
    if mandate.year and report.year:
        return report.year <= mandate.year
    return True
