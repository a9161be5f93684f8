"""What the pages read from the catalogue: a document's record, a country's votes, a subject.

Reads only; each function makes a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from ..models import Country, Document, Sponsorship
from ..selectors import published_documents
from .mapping import OFFICIAL_LANGUAGES
from .models import CatalogueRecord, Concept, RecordLink, RecordSubject, StateVote, Vote
from .thesaurus import narrower_ids

LANGUAGE_NAMES = {
    "ar": "العربية",
    "zh": "中文",
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
    "de": "Deutsch",
}
# Field names of Document as a librarian reads them.
FIELD_LABELS = {
    "symbol": "Symbol",
    "title": "Title",
    "doc_type": "Type",
    "number": "Number",
    "body": "Body",
    "date": "Date",
    "year": "Year",
    "session": "Session",
    "agenda_item": "Agenda item",
}


@dataclass(frozen=True)
class LanguageVersion:
    """A language version: its code, its name in that language, and its link ("" if missing)."""

    code: str
    name: str
    url: str


@dataclass(frozen=True)
class RelatedLink:
    """A related document: what it is, its symbol, and where to read it."""

    kind: str
    symbol: str
    url: str
    in_archive: bool


@dataclass
class VotePanel:
    """A recorded vote: totals, the tallies its chart draws, and each State's vote."""

    vote: Vote
    states: list[StateVote]
    tallies: list[tuple[str, int]]


@dataclass
class CataloguePanel:
    """What the document page shows from the catalogue."""

    record: CatalogueRecord
    outcome: str
    languages: list[LanguageVersion]
    links: list[RelatedLink]
    subjects: list[RecordSubject]
    places: list[RecordSubject]
    unmatched: list[RecordSubject]
    names: list[RecordSubject]
    differences: list[tuple[str, object]] = field(default_factory=list)
    votes: list[VotePanel] = field(default_factory=list)


def record_of(document: Document) -> CatalogueRecord | None:
    """The document's catalogue record (no query when it was select_related)."""
    try:
        return document.catalogue_record
    except CatalogueRecord.DoesNotExist:
        return None


def language_versions(record: CatalogueRecord) -> list[LanguageVersion]:
    """The six official languages, each linked when the record has it, then any others."""
    files = {f["language"]: f["url"] for f in record.files}
    versions = [LanguageVersion(c, LANGUAGE_NAMES[c], files.get(c, "")) for c in OFFICIAL_LANGUAGES]
    versions += [
        LanguageVersion(code, LANGUAGE_NAMES.get(code, code), url)
        for code, url in files.items()
        if code not in OFFICIAL_LANGUAGES
    ]
    return versions


def related_links(record: CatalogueRecord) -> list[RelatedLink]:
    """The draft, committee report, meeting record...: in the archive if published, else
    undocs.org."""
    links = []
    for link in RecordLink.objects.filter(record=record).select_related("document"):
        target = link.document
        public = target is not None and target.status == Document.Status.PUBLISHED
        links.append(
            RelatedLink(
                kind=link.get_kind_display(),
                symbol=link.symbol,
                url=target.get_absolute_url() if public else link.undocs_url,
                in_archive=public,
            )
        )
    order = {label: i for i, label in enumerate(RecordLink.Kind.labels)}
    return sorted(links, key=lambda link: (order.get(link.kind, 9), link.symbol))


def vote_tallies(vote: Vote) -> list[tuple[str, int]]:
    """Yes, no, abstain and non-voting, each with its number of States, in that order."""
    return [
        ("Yes", vote.yes),
        ("No", vote.no),
        ("Abstain", vote.abstain),
        ("Non-voting", vote.non_voting),
    ]


def vote_panels(document: Document) -> list[VotePanel]:
    """The document's recorded votes, each with its States (two queries)."""
    votes = list(Vote.objects.filter(document=document).order_by("date", "record_id"))
    if not votes:
        return []
    states: dict[int, list[StateVote]] = {vote.pk: [] for vote in votes}
    for state in StateVote.objects.filter(vote__in=votes).select_related("country"):
        states[state.vote_id].append(state)
    return [VotePanel(vote, states[vote.pk], vote_tallies(vote)) for vote in votes]


def document_catalogue(document: Document) -> CataloguePanel | None:
    """The catalogue's part of a document page, or None for a document not catalogued."""
    record = record_of(document)
    if record is None:
        return None
    subjects = list(
        RecordSubject.objects.filter(record=record).select_related("concept").order_by("position")
    )
    differences = [
        (FIELD_LABELS.get(name, name), value) for name, value in sorted(record.differences.items())
    ]
    return CataloguePanel(
        record=record,
        outcome=record.get_vote_outcome_display() if record.vote_outcome else "",
        languages=language_versions(record),
        links=related_links(record),
        subjects=[s for s in subjects if s.unbis and s.concept_id],
        places=[s for s in subjects if s.is_place],
        unmatched=[s for s in subjects if s.unbis and not s.concept_id and not s.is_place],
        names=[s for s in subjects if s.tag in ("610", "611", "630")],
        differences=differences,
        votes=vote_panels(document),
    )


@dataclass(frozen=True)
class CountryVote:
    """A country's vote on a published resolution, and whether it sponsored it or its draft."""

    state: StateVote
    document: Document
    sponsored: bool


def country_votes(country: Country, *, limit: int = 500) -> list[CountryVote]:
    """How a country voted on the archive's published resolutions, newest first (two queries)."""
    states = list(
        StateVote.objects.filter(country=country, vote__document__status=Document.Status.PUBLISHED)
        .select_related("vote", "vote__document", "vote__document__body")
        .order_by("-vote__date", "vote__resolution_symbol")[:limit]
    )
    if not states:
        return []
    documents = {s.vote.document_id for s in states} | {
        s.vote.document.draft_id for s in states if s.vote.document.draft_id
    }
    sponsored = set(
        Sponsorship.objects.filter(country=country, document_id__in=documents).values_list(
            "document_id", flat=True
        )
    )
    return [
        CountryVote(
            state=s,
            document=s.vote.document,
            sponsored=bool({s.vote.document_id, s.vote.document.draft_id} & sponsored),
        )
        for s in states
    ]


def subject_documents(concept: Concept, *, include_narrower: bool = True) -> QuerySet[Document]:
    """Published documents catalogued under a concept, or under any concept below it."""
    ids = narrower_ids([concept.pk]) if include_narrower else {concept.pk}
    return published_documents().filter(catalogue_record__subjects__concept_id__in=ids).distinct()
