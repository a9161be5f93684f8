"""Drafts and the resolutions adopted from them, linked by their titles when either arrives.

A resolution without a draft (none curated) takes the most similar title among the drafts of its
body and session (its year without one) that no document was adopted from; a draft no document
was adopted from becomes the draft of the most similar resolution without one (docs/ingest.md).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cached_property

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

    @cached_property
    def compared(self) -> Title:
        """Its title as titles are compared."""
        return Title.of(self.title)


def group_of(doc_type: str, body_id: int, session: str, year: int | None) -> tuple[object, ...]:
    """Where a document of this kind looks for its partner: the partner's kind, the body and
    the session (the year without one)."""
    return group_key(LINK_PARTNER[doc_type], body_id, session, year)


def group_key(doc_type: str, body_id: int, session: str, year: int | None) -> tuple[object, ...]:
    """A group of documents of one kind and body: of one session, else of one year."""
    return (doc_type, body_id, "session", session) if session else (doc_type, body_id, "year", year)


def by_group(candidates: Iterable[Candidate]) -> dict[tuple[object, ...], list[Candidate]]:
    """The candidates under each group they belong to (`group_of`: their session's, and their
    year's for documents that have no session), each group in the candidates' order."""
    groups: dict[tuple[object, ...], list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.session:
            groups[group_key(c.doc_type, c.body_id, c.session, c.year)].append(c)
        groups[group_key(c.doc_type, c.body_id, "", c.year)].append(c)
    return groups


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
    groups = by_group(candidates)
    linkable = {d.pk for d in linking}
    later = {d.pk for d in documents}  # documents that have not arrived yet
    for document in documents:
        later.discard(document.pk)
        if document.pk not in linkable or links.is_linked(document):
            continue
        group = group_of(document.doc_type, document.body_id, document.session, document.year)
        choices = (
            c
            for c in groups.get(group, ())
            if c.pk != document.pk and c.pk not in later and links.is_free(c)
        )
        match = most_similar(Title.of(document.title), choices)
        if match is None:
            continue
        if document.doc_type == RESOLUTION:
            document.draft_id = match
            document.save(update_fields=["draft"])
            links.add(draft=match, resolution=document.pk)
        else:
            Document.objects.filter(pk=match).update(draft=document)
            links.add(draft=document.pk, resolution=match)


CANDIDATE_FIELDS = [field.name for field in fields(Candidate)]


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
        .values_list(*CANDIDATE_FIELDS)
    )
    return [Candidate(*row) for row in rows]


def adopted_unread(linking: Sequence[Document], candidates: Sequence[Candidate]) -> set[int]:
    """The drafts being linked that a document was adopted from, among those not read as
    candidates (when no resolution is linked, no draft is read)."""
    read = {c.pk for c in candidates}
    unread = [d.pk for d in linking if d.doc_type == DRAFT and d.pk not in read]
    if not unread:
        return set()
    return set(Document.objects.filter(draft_id__in=unread).values_list("draft_id", flat=True))


@dataclass(frozen=True)
class Title:
    """A title as compared: lower-cased, its spaces collapsed; its characters counted when
    first needed."""

    text: str

    @classmethod
    def of(cls, title: str) -> Title:
        return cls(" ".join(title.lower().split()))

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.text)

    def length_bound(self, other: Title) -> float:
        """difflib's `real_quick_ratio` of the two: an upper bound of their `ratio` from the
        lengths alone."""
        total = len(self.text) + len(other.text)
        return 2.0 * min(len(self.text), len(other.text)) / total if total else 1.0

    def bound(self, other: Title) -> float:
        """difflib's `quick_ratio` of the two, an upper bound of their `ratio` (the same
        arithmetic, from counts made once per title instead of once per comparison)."""
        total = len(self.text) + len(other.text)
        if not total:
            return 1.0
        shorter, longer = sorted((self.counts, other.counts), key=len)
        matches = sum(min(n, longer[char]) for char, n in shorter.items())
        return 2.0 * matches / total


def most_similar(title: Title, candidates: Iterable[Candidate]) -> int | None:
    """The candidate whose title is most like this one, if similar enough (difflib's ratio; its
    cheap upper bounds, the lengths' and the counts', rule most candidates out first); its pk.
    Of equally similar titles, the last wins."""
    best, best_ratio = None, TITLE_SIMILARITY
    for candidate in candidates:
        other = candidate.compared
        if title.length_bound(other) < best_ratio or title.bound(other) < best_ratio:
            continue
        ratio = difflib.SequenceMatcher(None, title.text, other.text).ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate.pk, ratio
    return best
