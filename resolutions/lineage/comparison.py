"""The comparison of two published versions of a text: aligned paragraphs and sponsors."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from resolutions.models import Country, Document, Paragraph
from resolutions.selectors import published_documents, sponsors_of

from .alignment import Aligned, Status, align, summary


@dataclass(frozen=True)
class Row:
    """One aligned row with its paragraphs."""

    aligned: Aligned
    old: Paragraph | None
    new: Paragraph | None


@dataclass(frozen=True)
class Comparison:
    """Everything the comparison page shows."""

    old: Document
    new: Document
    rows: list[Row]
    counts: dict[Status, int]
    sponsors_added: list[Country]
    sponsors_removed: list[Country]
    new_lists_sponsors: bool
    message: str


def compare_documents(old_pk: int, new_pk: int) -> Comparison:
    """Align two published documents' paragraphs; 404 when either is not published."""
    documents = published_documents().select_related("body").defer("full_text")
    old = get_object_or_404(documents, pk=old_pk)
    new = get_object_or_404(documents, pk=new_pk)
    old_paragraphs = list(old.paragraphs.all())
    new_paragraphs = list(new.paragraphs.all())
    aligned = align([p.text for p in old_paragraphs], [p.text for p in new_paragraphs])
    rows = [
        Row(
            row,
            old_paragraphs[row.old] if row.old is not None else None,
            new_paragraphs[row.new] if row.new is not None else None,
        )
        for row in aligned
    ]
    counts = summary(aligned)
    old_sponsors, new_sponsors = sponsors_of(old), sponsors_of(new)
    return Comparison(
        old=old,
        new=new,
        rows=rows,
        counts=counts,
        sponsors_added=[c for c in new_sponsors if c not in old_sponsors],
        sponsors_removed=[c for c in old_sponsors if c not in new_sponsors],
        new_lists_sponsors=bool(new_sponsors),
        message=comparison_message(old, new, counts, old_paragraphs, new_paragraphs),
    )


def comparison_message(old, new, counts, old_paragraphs, new_paragraphs) -> str:
    """A plain sentence when the comparison has little to show, else empty."""
    if old.pk == new.pk:
        return "These are the same document."
    if not old_paragraphs or not new_paragraphs:
        empty = old if not old_paragraphs else new
        return f"{empty.label} has not been divided into paragraphs, so there is nothing to align."
    if not counts["unchanged"] + counts["changed"] + counts["moved"]:
        return (
            f"{old.label} and {new.label} have no paragraph in common: every paragraph of the "
            "first was removed and every paragraph of the second added."
        )
    return ""
