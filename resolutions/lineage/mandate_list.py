"""The mandate page's reads: mandates by body and due date, each with its answer if archived.

A mandate is answered by a published report that cites the mandating document and was issued in
or after the year the mandate was given (matched by symbol, through the archive's citations, and
by session or year); a mandate with no such report is open, and overdue once its year has passed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F

from resolutions.models import Document, Reference

from .models import Mandate

PUBLISHED = Document.Status.PUBLISHED
PAGE_LIMIT = 500


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
    """Published mandates by body, then due year and session, with their answers (two queries)."""
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
    answers: dict[int, list[Document]] = {}
    citing = (
        Reference.objects.filter(
            cited_document__in={m.document_id for m in mandates},
            citing_document__status=PUBLISHED,
            citing_document__doc_type=Document.DocType.REPORT,
        )
        .select_related("citing_document__body")
        .defer("citing_document__full_text")
    )
    for reference in citing:
        answers.setdefault(reference.cited_document_id, []).append(reference.citing_document)
    rows = []
    for mandate in mandates:
        given = mandate.document.year or 0
        found = [d for d in answers.get(mandate.document_id, []) if (d.year or 0) >= given]
        answer = min(found, key=lambda d: (d.year or 0, d.pk)) if found else None
        if not (open_only and answer):
            rows.append(MandateRow(mandate, answer))
    return rows
