"""What the document page needs from the lineage: paragraph lines and comparison links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.urls import reverse

from resolutions.models import Document, Paragraph

from .selectors import LineageLine, lineage_lines

REVISION_RE = re.compile(r"/Rev\.\d+$")


@dataclass(frozen=True)
class Comparison:
    """A link to the comparison of two versions of a text."""

    label: str
    url: str


@dataclass(frozen=True)
class DocumentLineage:
    """The lineage context of one document page."""

    lines: dict[int, LineageLine] = field(default_factory=dict)
    comparisons: list[Comparison] = field(default_factory=list)


def compare_url(old: Document, new: Document) -> str:
    """The address of the comparison of an earlier and a later version."""
    return reverse("lineage:compare", args=[old.pk, new.pk])


def revisions_of(document: Document) -> list[Document]:
    """The other published revisions of a draft (A/80/L.12, A/80/L.12/Rev.1, ...), in order."""
    if not document.symbol or document.doc_type != Document.DocType.DRAFT_RESOLUTION:
        return []
    base = REVISION_RE.sub("", document.symbol)
    others = Document.objects.filter(
        status=Document.Status.PUBLISHED, symbol__regex=rf"^{re.escape(base)}(/Rev\.\d+)?$"
    ).exclude(pk=document.pk)
    return sorted(others.only("pk", "symbol"), key=lambda d: (len(d.symbol), d.symbol))


def comparisons_of(
    document: Document, *, draft: Document | None, adopted: Document | None
) -> list[Comparison]:
    """Links to compare the document with its draft, its adopted version and its revisions."""
    links = []
    if draft is not None:
        links.append(
            Comparison(f"Compare with the draft {draft.label}", compare_url(draft, document))
        )
    if adopted is not None:
        links.append(
            Comparison(
                f"Compare with the adopted text {adopted.label}", compare_url(document, adopted)
            )
        )
    for other in revisions_of(document):
        older = (len(other.symbol), other.symbol) < (len(document.symbol), document.symbol)
        old, new = (other, document) if older else (document, other)
        links.append(Comparison(f"Compare with {other.symbol}", compare_url(old, new)))
    return links


def document_lineage(
    document: Document,
    paragraphs: list[Paragraph],
    *,
    draft: Document | None = None,
    adopted: Document | None = None,
) -> DocumentLineage:
    """The lines beside the paragraphs (one query) and the comparison links."""
    return DocumentLineage(
        lines=lineage_lines(document, [p.pk for p in paragraphs]),
        comparisons=comparisons_of(document, draft=draft, adopted=adopted),
    )
