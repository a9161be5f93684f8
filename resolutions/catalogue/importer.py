"""The importer: raw MARCXML records become catalogue rows and the archive's documents.

Each record is read, mapped (pure: marc.py, mapping.py), checked, written and checked again in
one transaction: a record that fails anywhere changes nothing and lands in the report with its
id and reason, and the batch goes on. The upsert is keyed on the record id (MARC 001) and the
symbol's join key; writing a record that has not changed writes nothing, so a re-import is
idempotent and leaves no history. A librarian's correction of a document (the fields in
`Document.curated_fields`) wins over the catalogue; the catalogue's value is kept in
`CatalogueRecord.differences` and the page says it differs.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Manager
from django.utils import timezone
from django.utils.text import slugify

from ..citations import document_key, normalize_symbol
from ..ingest import body_by_code
from ..models import Country, Document, DocumentTopic, Sponsorship
from ..parsing.countries import country_by_name
from ..sponsor_countries import sponsor_countries
from .mapping import CatalogueEntry, VotingEntry, map_record
from .marc import RawRecord, RecordError, read_record, split_page
from .models import (
    CatalogueRecord,
    Concept,
    ImportIssue,
    ImportRun,
    RecordLink,
    Vote,
    VoteOutcome,
)
from .symbols import symbol_key

# The Document columns the catalogue fills, in the order the page lists them.
CATALOGUE_FIELDS: tuple[str, ...] = (
    "symbol",
    "title",
    "doc_type",
    "number",
    "body",
    "date",
    "year",
    "session",
    "agenda_item",
)


class ImportProblem(Exception):
    """A record the import refuses; `stage` says where (read, map, check, write)."""

    def __init__(self, reason: str, *, stage: str) -> None:
        super().__init__(reason)
        self.stage = stage


class DryRunRollback(Exception):
    """Raised inside a dry run's transaction to undo what it wrote."""


@dataclass(frozen=True)
class Issue:
    """A record the import refused, or a note on one it took."""

    record_id: str
    stage: str
    reason: str


@dataclass
class ImportReport:
    """What an import did: records by outcome (new, updated, unchanged, failed) and the issues."""

    counts: Counter[str] = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)

    def failed(self, record_id: str, *, stage: str, reason: str) -> None:
        """Count a refused record and say why."""
        self.counts["failed"] += 1
        self.issues.append(Issue(record_id or "", stage, reason))

    def summary(self) -> str:
        """One line: the counts by outcome (records, then texts when any were fetched)."""
        order = ("new", "updated", "unchanged", "failed")
        parts = [f"{self.counts[name]} {name}" for name in order]
        parts += [f"{n} {name}" for name, n in sorted(self.counts.items()) if name not in order]
        return ", ".join(parts)


def run_for(source: str, *, started: datetime.datetime | None = None) -> ImportRun:
    """Record an import run (a dry run records none)."""
    return ImportRun.objects.create(source=source[:500], started_at=started or timezone.now())


def finish(run: ImportRun, report: ImportReport) -> None:
    """Record a run's counts and issues."""
    ImportIssue.objects.bulk_create(
        ImportIssue(run=run, record_id=i.record_id[:20], stage=i.stage, reason=i.reason)
        for i in report.issues
    )
    run.counts = dict(report.counts)
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])


def import_page(
    page: bytes,
    *,
    report: ImportReport,
    dry_run: bool = False,
    keep: Callable[[RawRecord], object] = lambda raw: None,
    wanted: Callable[[RawRecord], bool] = lambda raw: True,
) -> int:
    """Import the records of a MARCXML page that `wanted` accepts, every whole record handed to
    `keep` first; a cut-off tail is reported, the rest imported. Returns the whole records read."""
    split = split_page(page)
    for raw in split.records:
        keep(raw)
    for problem in split.problems:
        report.failed("", stage="read", reason=problem)
    import_records([raw for raw in split.records if wanted(raw)], report=report, dry_run=dry_run)
    return len(split.records)


def import_records(
    records: Iterable[RawRecord], *, report: ImportReport, dry_run: bool = False
) -> None:
    """Import records one by one; each one's outcome or issue goes into the report."""
    for raw in records:
        outcome = import_record(raw, report=report, dry_run=dry_run)
        if outcome:
            report.counts[outcome] += 1


def import_record(raw: RawRecord, *, report: ImportReport, dry_run: bool = False) -> str:
    """Import one record in one transaction; returns its outcome, or "" when it failed."""
    try:
        entry = entry_of(raw)
        outcome = ""
        try:
            with transaction.atomic():
                outcome = write_entry(entry)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        return outcome
    except ImportProblem as problem:
        report.failed(raw.record_id, stage=problem.stage, reason=str(problem))
    except Exception as exc:  # A bug or bad data in one record must not stop the batch.
        lines = str(exc).strip().splitlines()
        reason = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
        report.failed(raw.record_id, stage="write", reason=reason)
    return ""


def entry_of(raw: RawRecord) -> CatalogueEntry | VotingEntry:
    """Read, repair and map a raw record; ImportProblem when it cannot be."""
    try:
        record, notes = read_record(raw)
    except RecordError as exc:
        raise ImportProblem(str(exc), stage="read") from None
    try:
        entry = map_record(record, notes=tuple(notes))
    except RecordError as exc:
        raise ImportProblem(str(exc), stage="map") from None
    if isinstance(entry, VotingEntry):
        check_tallies(entry)
    return entry


def write_entry(entry: CatalogueEntry | VotingEntry) -> str:
    """Write a mapped record and check the invariants; returns new, updated or unchanged."""
    if isinstance(entry, VotingEntry):
        vote, outcome = upsert_vote(entry)
        verify_vote(vote, entry)
        return outcome
    record, outcome = upsert_document(entry)
    verify_record(record, entry)
    return outcome


# --- invariants ----------------------------------------------------------------------------


def check_tallies(entry: VotingEntry) -> None:
    """996 totals must equal the votes counted in 967."""
    stated = (entry.yes, entry.no, entry.abstain, entry.non_voting, entry.total)
    counted = entry.counted()
    if stated != counted:
        raise ImportProblem(
            "vote totals do not add up: 996 says yes {}, no {}, abstain {}, non-voting {}, "
            "total {}; 967 counts {}, {}, {}, {}, {}".format(*stated, *counted),
            stage="check",
        )


def verify_vote(vote: Vote, entry: VotingEntry) -> None:
    """The stored State votes count to the stored totals."""
    stored = Counter(vote.state_votes.values_list("choice", flat=True))
    counted = (stored["Y"], stored["N"], stored["A"], stored[""], sum(stored.values()))
    if counted != (vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total):
        raise ImportProblem(f"stored votes {counted} differ from the totals", stage="check")


def verify_record(record: CatalogueRecord, entry: CatalogueEntry) -> None:
    """Languages come from 856, the date from 992 (unless curated), every link resolves or is
    outside."""
    if [f["language"] for f in record.files] != [f.language for f in entry.files]:
        raise ImportProblem("stored languages differ from the record's 856", stage="check")
    document = record.document
    if document is None:
        raise ImportProblem("no document for the record", stage="check")
    expected = datetime.date.fromisoformat(entry.date) if entry.date else None
    if "date" not in document.curated_fields and document.date != expected:
        raise ImportProblem("the document's date is not the record's 992/269", stage="check")
    for link in record.links.select_related("document"):
        if link.document is not None and symbol_key(link.document.symbol) != link.symbol_key:
            raise ImportProblem(f"link {link.symbol} resolved to another document", stage="check")


# --- documents -----------------------------------------------------------------------------


def upsert_document(entry: CatalogueEntry) -> tuple[CatalogueRecord, str]:
    """Create or update the record and its document; returns the record and the outcome."""
    key = entry.key
    clash = CatalogueRecord.objects.filter(symbol_key=key).exclude(record_id=entry.record_id)
    if other := clash.values_list("record_id", flat=True).first():
        raise ImportProblem(
            f"duplicate symbol {entry.symbol}: already imported from record {other}", stage="check"
        )
    record = (
        CatalogueRecord.objects.select_for_update(of=("self",))
        .select_related("document")
        .filter(record_id=entry.record_id)
        .first()
    )
    created = record is None
    document = record.document if record and record.document else find_document(entry)
    changed = False
    if document is None:
        document = create_document(entry)
    else:
        changed |= apply_metadata(document, entry)
    if record is None:
        record = CatalogueRecord(record_id=entry.record_id)
    changed |= apply_record(record, entry, document=document)
    changed |= write_sponsors(document, entry)
    changed |= write_subjects(record, entry)
    changed |= write_links(record, entry)
    link_waiting(record, document)
    link_draft(document, entry, record)
    suggest_topics(document, record)
    if created:
        return record, "new"
    return record, "updated" if changed else "unchanged"


def find_document(entry: CatalogueEntry) -> Document | None:
    """The archive's document for this symbol, e.g. ingested from a file before, not yet linked."""
    return (
        Document.objects.select_for_update(of=("self",))
        .filter(citation_key=normalize_symbol(entry.symbol), catalogue_record__isnull=True)
        .first()
    )


def catalogue_values(entry: CatalogueEntry) -> dict[str, Any]:
    """The Document columns as the catalogue gives them."""
    date = datetime.date.fromisoformat(entry.date) if entry.date else None
    year = date.year if date else entry.year
    return {
        "symbol": entry.symbol,
        "title": entry.title[:10000],
        "doc_type": entry.doc_type,
        "number": (entry.number or "")[:40],
        "body": body_by_code(entry.body),
        "date": date,
        "year": year if year and 1945 <= year <= 2100 else None,
        "session": (entry.session or "")[:60],
        "agenda_item": (entry.agenda_item or "")[:60],
    }


def create_document(entry: CatalogueEntry) -> Document:
    """A new published document from the catalogue's metadata (its text comes with the PDF)."""
    values = catalogue_values(entry)
    document = Document(
        citation_key=document_key(entry.symbol, entry.body, entry.doc_type, entry.number),
        status=Document.Status.PUBLISHED,
        **values,
    )
    document._change_reason = f"UN Digital Library record {entry.record_id}"
    document.save()
    return document


def comparable(value: Any) -> Any:
    """A value as compared and stored in `differences`: model instances by their key."""
    if hasattr(value, "pk"):
        return getattr(value, "code", value.pk)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def apply_metadata(document: Document, entry: CatalogueEntry) -> bool:
    """Copy the catalogue's values onto the document, except a librarian's corrections."""
    changed = False
    for name, value in catalogue_values(entry).items():
        if name in document.curated_fields:
            continue
        if comparable(getattr(document, name)) != comparable(value):
            setattr(document, name, value)
            changed = True
    if changed:
        if "symbol" not in document.curated_fields:
            document.citation_key = document_key(
                document.symbol, document.body.code, document.doc_type, document.number
            )
        document._change_reason = f"UN Digital Library record {entry.record_id}"
        document.save()
    return changed


def differences_of(document: Document, entry: CatalogueEntry) -> dict[str, Any]:
    """The corrected fields whose value differs from the catalogue's: the catalogue's value."""
    values = catalogue_values(entry)
    return {
        name: comparable(values[name])
        for name in CATALOGUE_FIELDS
        if name in document.curated_fields
        and comparable(getattr(document, name)) != comparable(values[name])
    }


def apply_record(record: CatalogueRecord, entry: CatalogueEntry, *, document: Document) -> bool:
    """Set the record's own columns; saves (and leaves history) only when one changed."""
    recorded = Vote.objects.filter(resolution_key=entry.key).exists()
    values = {
        "symbol": entry.symbol,
        "symbol_key": entry.key,
        "document_id": document.pk,
        "record_type": entry.record_type[:120],
        "metadata": {**entry.contract(), "sponsors": list(entry.sponsors)},
        "publication_date": entry.publication_date or "",
        "vote_note": entry.vote_note[:300],
        "vote_outcome": VoteOutcome.RECORDED_VOTE if recorded else entry.outcome,
        "files": [
            {"language": f.language, "url": f.url, "size": f.size, "label": f.label}
            for f in entry.files
        ],
        "differences": differences_of(document, entry),
    }
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if not changed and record.pk:
        return False
    for name in changed:
        setattr(record, name, values[name])
    record._change_reason = f"UN Digital Library record {entry.record_id}"
    record.save()
    return True


def write_sponsors(document: Document, entry: CatalogueEntry) -> bool:
    """The catalogue's sponsors of a draft, unless a librarian curated them or it lists none."""
    if not entry.sponsors or "sponsors" in document.curated_fields:
        return False
    current = list(
        Sponsorship.objects.filter(document=document)
        .order_by("position")
        .values_list("country__name", flat=True)
    )
    countries = sponsor_countries(entry.sponsors)
    if current == [c.name for c in countries]:
        return False
    Sponsorship.objects.filter(document=document).delete()
    Sponsorship.objects.bulk_create(
        Sponsorship(document=document, country=country, position=position)
        for position, country in enumerate(countries, start=1)
    )
    return True


def replace_rows(
    rows: Manager[Any],
    wanted: list[tuple[Any, ...]],
    *,
    fields: tuple[str, ...],
    order_by: str = "",
) -> bool:
    """Replace a reverse foreign key's rows by `wanted` (tuples of `fields`) if they differ.

    The stored rows compare in `order_by`'s order, or sorted when it is empty (then `wanted`
    must be sorted too).
    """
    stored = rows.values_list(*fields)
    current = list(stored.order_by(order_by)) if order_by else sorted(stored)
    if current == wanted:
        return False
    rows.all().delete()
    parent = {rows.field.name: rows.instance}
    rows.model.objects.bulk_create(
        rows.model(**parent, **dict(zip(fields, row, strict=True))) for row in wanted
    )
    return True


def concepts_by_label(labels: Iterable[str]) -> dict[str, int]:
    """Thesaurus concepts by English label (upper case), for the labels given."""
    wanted = {label.upper() for label in labels}
    rows = Concept.objects.filter(kind=Concept.Kind.CONCEPT, label__in=wanted)
    return {label: pk for label, pk in rows.values_list("label", "pk")}


def write_subjects(record: CatalogueRecord, entry: CatalogueEntry) -> bool:
    """The record's subject headings, UNBIS terms linked to their concept; only if changed."""
    concepts = concepts_by_label(s.label for s in entry.subjects if s.unbis)
    wanted = [
        (i, s.tag, s.label[:500], s.unbis, concepts.get(s.label.upper()) if s.unbis else None)
        for i, s in enumerate(entry.subjects, start=1)
    ]
    fields = ("position", "tag", "label", "unbis", "concept_id")
    return replace_rows(record.subjects, wanted, fields=fields, order_by="position")


def archived_by_key(keys: Iterable[str], symbols: Iterable[str]) -> dict[str, int]:
    """Documents in the archive by symbol join key: catalogued ones, then by citation key."""
    keys = set(keys)
    found = dict(
        CatalogueRecord.objects.filter(symbol_key__in=keys, document__isnull=False).values_list(
            "symbol_key", "document_id"
        )
    )
    spellings = {normalize_symbol(s) for s in symbols}
    for citation_key, pk in Document.objects.filter(citation_key__in=spellings).values_list(
        "citation_key", "pk"
    ):
        found.setdefault(symbol_key(citation_key), pk)
    return found


def write_links(record: CatalogueRecord, entry: CatalogueEntry) -> bool:
    """The related documents (993), each resolved to the archive's document or outside."""
    keys = {symbol_key(link.symbol): link for link in entry.links}
    archived = archived_by_key(keys, (link.symbol for link in entry.links))
    wanted = sorted(
        (key, link.kind, link.inferred, link.symbol[:100], archived.get(key))
        for key, link in keys.items()
        if key != entry.key
    )
    fields = ("symbol_key", "kind", "kind_inferred", "symbol", "document_id")
    return replace_rows(record.links, wanted, fields=fields)


def link_waiting(record: CatalogueRecord, document: Document) -> None:
    """Links and votes imported before this record now point to its document."""
    RecordLink.objects.filter(symbol_key=record.symbol_key, document__isnull=True).update(
        document=document
    )
    Vote.objects.filter(resolution_key=record.symbol_key, document__isnull=True).update(
        document=document
    )


def link_draft(document: Document, entry: CatalogueEntry, record: CatalogueRecord) -> None:
    """A resolution and its draft, as 993 links them (a librarian's choice stays)."""
    if entry.doc_type not in ("resolution", "draft_resolution"):
        return
    kind = "draft" if entry.doc_type == "resolution" else "resolution"
    other_id = (
        record.links.filter(kind=kind, document__isnull=False)
        .values_list("document_id", flat=True)
        .first()
    )
    if other_id is None:
        return
    resolution_id, draft_id = (
        (document.pk, other_id) if kind == "draft" else (other_id, document.pk)
    )
    resolution = Document.objects.select_for_update(of=("self",)).get(pk=resolution_id)
    if resolution.draft_id == draft_id or "draft" in resolution.curated_fields:
        return
    if Document.objects.filter(draft_id=draft_id).exclude(pk=resolution_id).exists():
        return
    resolution.draft_id = draft_id
    resolution._change_reason = f"draft linked by UN Digital Library record {entry.record_id}"
    resolution.save(update_fields=["draft"])


def suggest_topics(document: Document, record: CatalogueRecord) -> None:
    """The hand-made topics that the record's UNBIS subjects map onto, as suggestions."""
    topic_ids = set(
        Concept.objects.filter(record_subjects__record=record, topic__isnull=False).values_list(
            "topic_id", flat=True
        )
    )
    DocumentTopic.objects.bulk_create(
        [DocumentTopic(document=document, topic_id=pk) for pk in sorted(topic_ids)],
        ignore_conflicts=True,
    )


# --- votes ---------------------------------------------------------------------------------


def upsert_vote(entry: VotingEntry) -> tuple[Vote, str]:
    """Create or update a voting record and its State votes; returns it and the outcome."""
    key = entry.key
    archived = archived_by_key([key], [entry.resolution_symbol])
    values = {
        "resolution_symbol": entry.resolution_symbol[:100],
        "resolution_key": key,
        "document_id": archived.get(key),
        "meeting": entry.meeting[:100],
        "draft": entry.draft[:100],
        "date": datetime.date.fromisoformat(entry.date) if entry.date else None,
        "yes": entry.yes,
        "no": entry.no,
        "abstain": entry.abstain,
        "non_voting": entry.non_voting,
        "total": entry.total,
    }
    vote = Vote.objects.select_for_update(of=("self",)).filter(record_id=entry.record_id).first()
    created = vote is None
    changed = False
    if vote is None:
        vote = Vote.objects.create(record_id=entry.record_id, **values)
    elif any(getattr(vote, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(vote, name, value)
        vote.save()
        changed = True
    changed |= write_state_votes(vote, entry)
    CatalogueRecord.objects.filter(symbol_key=key).exclude(
        vote_outcome=VoteOutcome.RECORDED_VOTE
    ).update(vote_outcome=VoteOutcome.RECORDED_VOTE)
    if created:
        return vote, "new"
    return vote, "updated" if changed else "unchanged"


def write_state_votes(vote: Vote, entry: VotingEntry) -> bool:
    """Each State's vote, as 967 gives it; only if changed."""
    countries = countries_by_iso3(entry)
    wanted = [
        (v.position, countries[v.iso3].pk, v.name[:120], v.vote, v.membership[:1])
        for v in entry.votes
    ]
    fields = ("position", "country_id", "name", "choice", "membership")
    return replace_rows(vote.state_votes, wanted, fields=fields, order_by="position")


def countries_by_iso3(entry: VotingEntry) -> dict[str, Country]:
    """The voting States by ISO alpha-3 code; a State not yet known is added."""
    codes = {v.iso3 for v in entry.votes}
    invalid = sorted(code for code in codes if len(code) != 3 or not code.isalpha())
    if invalid:
        raise ImportProblem(f"967 $c is not an ISO alpha-3 code: {invalid[0]!r}", stage="map")
    found = {c.iso3: c for c in Country.objects.filter(iso3__in=codes)}
    for state in entry.votes:
        if state.iso3 not in found:
            found[state.iso3] = add_country(state.name, state.iso3)
    return found


def add_country(printed: str, iso3: str) -> Country:
    """The State a 967 names (upper case) with a code the archive does not hold yet.

    The code says which State it is; the name only finds the archive's country when that has no
    code yet or the same one. A name another code already holds is another State's: "RUSSIA"
    coded SUN (a roll call of 1980) is not the Russian Federation, "YUGOSLAVIA" coded SCG is not
    the Yugoslavia of YUG; such a State is added under its name and code ("Yugoslavia (SCG)").
    """
    known = country_by_name(printed)
    if known is not None and known.iso3 not in (None, iso3):
        known = None
    name = known.name if known else printed.title()
    country = Country.objects.filter(name=name).first()
    if country is not None and country.iso3 in (None, iso3):
        if country.iso3 is None:
            country.iso3 = iso3
            country.save(update_fields=["iso3"])
        return country
    if country is not None:
        name = f"{name} ({iso3})"
    slug = slugify(name)[:110] or iso3.lower()
    if Country.objects.filter(slug=slug).exists():
        slug = f"{slug}-{iso3.lower()}"
    aliases = list(known.aliases) if known else []
    return Country.objects.create(name=name, iso3=iso3, slug=slug, aliases=aliases)
