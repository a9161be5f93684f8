"""Drafts and the resolutions adopted from them, linked by their titles when either arrives.

A resolution without a draft (none curated) takes the most similar title among the drafts of its
body and session (its year without one) that no document was adopted from; a draft no document
was adopted from becomes the draft of the most similar resolution without one (docs/ingest.md).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from .models import Document

# A draft and its adopted resolution have the same or nearly the same title.
TITLE_SIMILARITY = 0.9
DRAFT = Document.DocType.DRAFT_RESOLUTION
RESOLUTION = Document.DocType.RESOLUTION
# Each kind of document a draft link joins, and the kind it looks for.
LINK_PARTNER = {RESOLUTION: DRAFT, DRAFT: RESOLUTION}


@dataclass(frozen=True)
class Candidate:
    """A document a link may choose, as read: its kind, where it belongs, its title, its draft
    (a resolution's, when read) and whether a document was adopted from it (a draft's)."""

    pk: int
    doc_type: str
    body_id: int
    session: str
    year: int | None
    title: str
    draft_id: int | None
    adopted: bool

    def belongs_with(self, document: Document) -> bool:
        """Whether it is of the kind the document looks for, in its body and session (year)."""
        same_time = (
            self.session == document.session if document.session else self.year == document.year
        )
        return (
            self.doc_type == LINK_PARTNER[document.doc_type]
            and self.body_id == document.body_id
            and same_time
            and self.pk != document.pk
        )


@dataclass
class Links:
    """The links as they stand while the documents are linked in turn: the drafts a document
    was adopted from, and each resolution's draft (or None)."""

    adopted: set[int]
    draft_of: dict[int, int | None]

    def is_free(self, candidate: Candidate) -> bool:
        """Whether the candidate has no partner yet: a draft nothing was adopted from, or a
        resolution without a draft."""
        if candidate.doc_type == DRAFT:
            return candidate.pk not in self.adopted
        return self.draft_of[candidate.pk] is None

    def is_linked(self, document: Document) -> bool:
        """Whether the document has its partner already (a resolution's may be curated)."""
        if document.doc_type == RESOLUTION:
            return bool(document.draft_id) or "draft" in document.curated_fields
        return document.pk in self.adopted

    def add(self, *, draft: int, resolution: int) -> None:
        self.draft_of[resolution] = draft
        self.adopted.add(draft)


def link_drafts(documents: Sequence[Document]) -> None:
    """Link each draft resolution and the resolution adopted from it, whichever arrives first:
    the documents in order, each as if ingested alone (the ones after it not there yet), with
    one query for them all (two when only drafts are linked)."""
    linking = [d for d in documents if d.doc_type in LINK_PARTNER and (d.session or d.year)]
    if not linking:
        return
    candidates = read_candidates(linking)
    links = Links(
        adopted={c.pk for c in candidates if c.adopted} | adopted_unread(linking, candidates),
        draft_of={c.pk: c.draft_id for c in candidates},
    )
    linkable = {d.pk for d in linking}
    later = {d.pk for d in documents}  # documents that have not arrived yet
    for document in documents:
        later.discard(document.pk)
        if document.pk not in linkable or links.is_linked(document):
            continue
        choices = (
            (c.pk, c.title)
            for c in candidates
            if c.belongs_with(document) and c.pk not in later and links.is_free(c)
        )
        match = most_similar(document.title, choices)
        if match is None:
            continue
        if document.doc_type == RESOLUTION:
            document.draft_id = match
            document.save(update_fields=["draft"])
            links.add(draft=match, resolution=document.pk)
        else:
            Document.objects.filter(pk=match).update(draft=document)
            links.add(draft=document.pk, resolution=match)


def read_candidates(linking: Sequence[Document]) -> list[Candidate]:
    """Every document of the kinds these documents look for, in their bodies and sessions (or
    years), in the documents' order (Meta.ordering, which breaks ties between titles)."""
    rows = (
        Document.objects.filter(
            Q(session__in={d.session for d in linking if d.session})
            | Q(year__in={d.year for d in linking if not d.session}),
            body_id__in={d.body_id for d in linking},
            doc_type__in={LINK_PARTNER[d.doc_type] for d in linking},
        )
        .annotate(adopted=Exists(Document.objects.filter(draft=OuterRef("pk"))))
        .values("pk", "doc_type", "body_id", "session", "year", "title", "draft_id", "adopted")
    )
    return [Candidate(**row) for row in rows]


def adopted_unread(linking: Sequence[Document], candidates: Sequence[Candidate]) -> set[int]:
    """The drafts being linked that a document was adopted from, among those not read as
    candidates (when no resolution is linked, no draft is read)."""
    read = {c.pk for c in candidates}
    unread = [d.pk for d in linking if d.doc_type == DRAFT and d.pk not in read]
    if not unread:
        return set()
    return set(Document.objects.filter(draft_id__in=unread).values_list("draft_id", flat=True))


def most_similar(title: str, candidates: Iterable[tuple[int, str]]) -> int | None:
    """The candidate (pk, title) whose title is most like this one, if similar enough (difflib;
    its cheap upper bounds rule most candidates out before the exact ratio); its pk."""
    title = " ".join(title.lower().split())
    best, best_ratio = None, TITLE_SIMILARITY
    for pk, other in candidates:
        matcher = difflib.SequenceMatcher(None, title, " ".join(other.lower().split()))
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = pk, ratio
    return best
