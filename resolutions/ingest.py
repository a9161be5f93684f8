"""Ingest: a parsed document becomes rows, in one transaction per document (see docs/ingest.md).

`ingest_document` writes one parsed document; `ingest_file` reads, parses and ingests one file and
records the outcome in an ingest run (`read_file`, which touches no database, then `write_file`);
`read_files` parses a batch in worker processes while the caller writes. A document is found
again by its citation key (its symbol, else body and number) or, when it has none, by the
checksum of its file; the database's unique constraints on those decide between two ingests
running at once.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import logging
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, DataError, IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.text import slugify

from . import parsing
from .citations import document_key, reference_key
from .ingest_recovery import hold_run, release_run
from .models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    IngestFileResult,
    IngestOutcome,
    IngestRun,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)
from .parsing.countries import country_by_name
from .parsing.types import ParsedDocument, ParseError
from .signals import document_written
from .term_impacts import document_changed, one_refresh_per_document
from .topic_rules import suggest_topics
from .vocabulary import record_words

logger = logging.getLogger(__name__)

# A draft and its adopted resolution have the same or nearly the same title.
TITLE_SIMILARITY = 0.9
# Files in folders that are not documents: hidden files and JSON (e.g. the samples' gold files).
SKIPPED_SUFFIXES = (".json",)


@dataclass(frozen=True)
class IngestSource:
    """An original file: its name, its bytes and their SHA-256."""

    filename: str
    data: bytes
    checksum: str

    @classmethod
    def from_bytes(cls, data: bytes, *, filename: str) -> IngestSource:
        """A source for these bytes, with their checksum computed."""
        return cls(filename=filename, data=data, checksum=hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class IngestResult:
    """What an ingest did with one file: its outcome, the document, and why it failed."""

    outcome: IngestOutcome
    document: Document | None = None
    message: str = ""


def ingest_document(
    parsed: ParsedDocument, *, source: IngestSource, user: AbstractBaseUser | None = None
) -> IngestResult:
    """Write a parsed document and everything in it, in one transaction; curated data is kept."""
    if not parsed.title and not parsed.paragraphs:
        raise ParseError("no title and no paragraphs found: not a document")
    key = document_key(parsed.symbol, parsed.body, parsed.doc_type, parsed.number)
    fields = document_fields(parsed, key=key, source=source)
    file_name, stored_now = store_original(source)
    fields["original_file"] = file_name
    try:
        with transaction.atomic(), one_refresh_per_document():
            document, created = lock_document(key, source=source, fields=fields, user=user)
            old_file = document.original_file.name
            if not created and document.checksum == source.checksum:
                if old_file != file_name:
                    Document.objects.filter(pk=document.pk).update(original_file=file_name)
                return IngestResult(IngestOutcome.UNCHANGED, document)
            if not created:
                update_document(document, fields=fields)
                clear_contents(document)
                document.save()
            write_contents(document, parsed)
            record_words(document.pk)
            document_changed(document.pk)  # its paragraphs were written in bulk, unsaved
            link_draft(document)
            transaction.on_commit(
                lambda: document_written.send(sender=Document, document_id=document.pk)
            )
            if old_file and old_file != file_name:
                transaction.on_commit(lambda: delete_unused_original(old_file))
    except BaseException:
        if stored_now:
            default_storage.delete(file_name)
        raise
    outcome = IngestOutcome.NEW if created else IngestOutcome.UPDATED
    return IngestResult(outcome, document)


def document_fields(parsed: ParsedDocument, *, key: str, source: IngestSource) -> dict[str, object]:
    """The document's columns as the parser gives them; a missing title becomes the key or name."""
    date = datetime.date.fromisoformat(parsed.date) if parsed.date else None
    year = date.year if date else parsed.year
    return {
        "symbol": parsed.symbol or None,
        "citation_key": key,
        "doc_type": parsed.doc_type,
        "number": parsed.number or "",
        "title": (parsed.title or "").strip() or key or source.filename,
        "body": body_by_code(parsed.body),
        "date": date,
        "year": year if year and 1945 <= year <= 2100 else None,
        "session": parsed.session or "",
        "agenda_item": parsed.agenda_item or "",
        "language": parsed.language or "en",
        "full_text": parsed.text,
        "checksum": source.checksum,
        "original_filename": PurePath(source.filename).name[:255],
    }


def body_by_code(code: str) -> Body:
    """The body with this code, else the catch-all OTHER."""
    bodies = {body.code: body for body in Body.objects.filter(code__in=[code, "OTHER"])}
    return bodies.get(code) or bodies["OTHER"]


def original_name(source: IngestSource) -> str:
    """The storage name of an original file: its checksum and its suffix."""
    return f"originals/{source.checksum}{PurePath(source.filename).suffix.lower()[:10]}"


class OriginalNotStored(Exception):
    """The original file could not be written (disk full, permissions): nothing was ingested."""


def store_original(source: IngestSource) -> tuple[str, bool]:
    """Save the file once under its checksum; returns its storage name and whether it was new."""
    name = original_name(source)
    try:
        if default_storage.exists(name):
            return name, False
        return default_storage.save(name, ContentFile(source.data)), True
    except OSError as error:
        if default_storage.exists(name):  # a partly written file must not pass for the original
            default_storage.delete(name)
        reason = error.strerror or str(error)
        raise OriginalNotStored(f"could not store the original file: {reason}") from error


def delete_unused_original(name: str) -> None:
    """Delete a replaced original file unless another document still points to it."""
    if not Document.objects.filter(original_file=name).exists():
        default_storage.delete(name)


def lock_document(
    key: str, *, source: IngestSource, fields: dict[str, object], user: AbstractBaseUser | None
) -> tuple[Document, bool]:
    """Get (locked) or create the document by key, or by checksum when it has no key."""
    lookup = {"citation_key": key} if key else {"citation_key": "", "checksum": source.checksum}
    defaults = {name: value for name, value in fields.items() if name not in lookup}
    defaults["uploaded_by"] = user
    # get_or_create retries the get after an IntegrityError on the unique constraints, so of two
    # concurrent ingests one inserts and the other finds the committed row.
    return Document.objects.select_for_update().get_or_create(**lookup, defaults=defaults)


def update_document(document: Document, *, fields: dict[str, object]) -> None:
    """Copy the parsed metadata onto the document, except the fields a librarian curated."""
    for name, value in fields.items():
        if name not in document.curated_fields and name != "citation_key":
            setattr(document, name, value)
    if document.date and document.year != document.date.year:
        document.year = document.date.year


def clear_contents(document: Document) -> None:
    """Delete what the previous version of the file produced; decided topics stay."""
    Reference.objects.filter(citing_document=document).delete()
    Paragraph.objects.filter(document=document).delete()
    Sponsorship.objects.filter(document=document).delete()
    DocumentTopic.objects.filter(document=document, status=DocumentTopic.Status.SUGGESTED).delete()


def write_contents(document: Document, parsed: ParsedDocument) -> None:
    """Bulk-create paragraphs, sponsorships, references and topic suggestions; link citations."""
    paragraphs = write_paragraphs(document, parsed)
    write_sponsorships(document, parsed.sponsors)
    write_references(document, parsed, paragraphs=paragraphs)
    if document.citation_key:
        # One UPDATE links every earlier citation of this document.
        Reference.objects.filter(
            cited_key=document.citation_key, cited_document__isnull=True
        ).exclude(citing_document=document).update(cited_document=document)
    write_topic_suggestions(document, parsed)


def write_paragraphs(document: Document, parsed: ParsedDocument) -> dict[int, Paragraph]:
    """Bulk-create the paragraphs; returns them by their index in the parsed document."""
    rows: dict[int, Paragraph] = {}
    for index, paragraph in enumerate(parsed.paragraphs):
        if not paragraph.text.strip():
            continue
        kind = paragraph.kind if paragraph.kind in Paragraph.Kind.values else Paragraph.Kind.OTHER
        rows[index] = Paragraph(
            document=document,
            position=len(rows) + 1,
            kind=kind,
            number="" if kind == Paragraph.Kind.PREAMBULAR else (paragraph.number or ""),
            verb=paragraph.verb or "",
            text=paragraph.text,
            footnotes=[{"marker": f.marker, "text": f.text} for f in paragraph.footnotes],
        )
    Paragraph.objects.bulk_create(rows.values())
    return rows


def write_sponsorships(document: Document, names: Iterable[str]) -> None:
    """Bulk-create the sponsorships in printed order, adding countries not yet known."""
    countries = countries_by_name(names)
    rows = [
        Sponsorship(document=document, country=country, position=position)
        for position, country in enumerate(dict.fromkeys(countries), start=1)
    ]
    Sponsorship.objects.bulk_create(rows)


def countries_by_name(names: Iterable[str]) -> list[Country]:
    """The countries named, by canonical name, created on first mention (ISO code when known)."""
    wanted: dict[str, Country] = {}
    for name in names:
        known = country_by_name(name)
        canonical = known.name if known else " ".join(name.split())
        if canonical and canonical not in wanted:
            wanted[canonical] = Country(
                name=canonical,
                iso3=known.iso3 if known else None,
                aliases=list(known.aliases) if known else [],
                slug=slugify(canonical)[:120] or "country",
            )
    if not wanted:
        return []
    existing = {c.name: c for c in Country.objects.filter(name__in=wanted)}
    missing = [country for name, country in wanted.items() if name not in existing]
    if missing:
        Country.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {c.name: c for c in Country.objects.filter(name__in=wanted)}
    unknown = set(wanted) - set(existing)
    if unknown:
        raise IntegrityError(
            f"cannot add sponsor {sorted(unknown)[0]!r}: its slug or code is taken"
        )
    return [existing[name] for name in wanted]


def write_references(
    document: Document, parsed: ParsedDocument, *, paragraphs: dict[int, Paragraph]
) -> None:
    """Bulk-create one reference per cited key, linked to the cited document when archived."""
    rows: dict[str, Reference] = {}
    for ref in parsed.references:
        key = reference_key(ref)
        if not key or key == document.citation_key or key in rows:
            continue
        index = ref.paragraph_index
        rows[key] = Reference(
            citing_document=document,
            citing_paragraph=paragraphs.get(index) if index is not None else None,
            ref_type=Reference.RefType.DOCUMENT
            if ref.type == "document"
            else Reference.RefType.RESOLUTION,
            cited_key=key,
            cited_body=(ref.body or "")[:20],
            cited_number=(ref.number or "")[:40],
            cited_text=ref.cited_text,
        )
    if not rows:
        return
    archived = Document.objects.filter(citation_key__in=rows).exclude(pk=document.pk)
    for key, pk in archived.values_list("citation_key", "pk"):
        rows[key].cited_document_id = pk
    Reference.objects.bulk_create(rows.values())


def write_topic_suggestions(document: Document, parsed: ParsedDocument) -> None:
    """Suggest topics by the rules; a topic a librarian already decided on is left alone."""
    slugs = suggest_topics(document.title, (p.text for p in parsed.paragraphs))
    if not slugs:
        return
    rows = [
        DocumentTopic(document=document, topic_id=pk, status=DocumentTopic.Status.SUGGESTED)
        for pk in Topic.objects.filter(slug__in=slugs).values_list("pk", flat=True)
    ]
    # Confirmed and rejected links survive a re-ingest; the unique constraint skips them here.
    DocumentTopic.objects.bulk_create(rows, ignore_conflicts=True)


def link_draft(document: Document) -> None:
    """Link a draft resolution and the resolution adopted from it, whichever arrives first."""
    if document.doc_type == Document.DocType.RESOLUTION:
        if document.draft_id or "draft" in document.curated_fields:
            return
        candidates = Document.objects.filter(
            doc_type=Document.DocType.DRAFT_RESOLUTION, adopted_version__isnull=True
        )
    elif document.doc_type == Document.DocType.DRAFT_RESOLUTION:
        if Document.objects.filter(draft=document).exists():
            return
        candidates = Document.objects.filter(doc_type=Document.DocType.RESOLUTION, draft=None)
    else:
        return
    if document.session:
        candidates = candidates.filter(session=document.session)
    elif document.year:
        candidates = candidates.filter(year=document.year)
    else:
        return
    match = most_similar(document, candidates.filter(body=document.body).exclude(pk=document.pk))
    if match is None:
        return
    if document.doc_type == Document.DocType.RESOLUTION:
        document.draft = match
        document.save(update_fields=["draft"])
    else:
        Document.objects.filter(pk=match.pk).update(draft=document)


def most_similar(document: Document, candidates: Iterable[Document]) -> Document | None:
    """The candidate whose title is most like the document's, if similar enough (difflib)."""
    title = " ".join(document.title.lower().split())
    best, best_ratio = None, TITLE_SIMILARITY
    for candidate in candidates:
        other = " ".join(candidate.title.lower().split())
        ratio = difflib.SequenceMatcher(None, title, other).ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return best


@dataclass(frozen=True)
class ReadFile:
    """A file read and parsed, ready to be written (it crosses from a parsing worker to the
    writer): the source and its parse, or the message saying why it cannot be ingested."""

    source_name: str
    source: IngestSource | None
    parsed: ParsedDocument | None
    message: str = ""


def read_file(path: Path | str | bytes, *, filename: str = "") -> ReadFile:
    """Read and parse one file (a path, or bytes with a filename); touches no database."""
    if isinstance(path, bytes):
        data, source_name = path, filename or "upload"
    else:
        source_name = filename or str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            return ReadFile(source_name, None, None, f"cannot read file: {exc.strerror}")
    source = IngestSource.from_bytes(data, filename=PurePath(source_name).name)
    try:
        parsed = parsing.parse_file(data, filename=source.filename)
    except ParseError as exc:
        return ReadFile(source_name, source, None, str(exc) or "cannot parse file")
    except Exception as exc:  # One bad file (bad data, a parser bug) must not stop the batch.
        return ReadFile(source_name, source, None, error_message(exc))
    return ReadFile(source_name, source, parsed)


def write_file(
    read: ReadFile, *, run: IngestRun | None = None, user: AbstractBaseUser | None = None
) -> IngestResult:
    """Ingest a file read by `read_file` and record the outcome in `run`."""
    if read.parsed is None or read.source is None:
        result = IngestResult(IngestOutcome.FAILED, message=read.message)
    else:
        try:
            result = ingest_document(read.parsed, source=read.source, user=user)
        except ParseError as exc:
            result = IngestResult(IngestOutcome.FAILED, message=str(exc) or "cannot parse file")
        except OriginalNotStored as exc:
            result = IngestResult(IngestOutcome.FAILED, message=str(exc))
        except Exception as exc:  # One bad file must not stop the batch.
            result = IngestResult(IngestOutcome.FAILED, message=error_message(exc))
    checksum = read.source.checksum if read.source else ""
    record_result(run, source_name=read.source_name, checksum=checksum, result=result)
    return result


def error_message(exc: Exception) -> str:
    """An unexpected failure in words for the batch report; its details go to the log."""
    logger.error("Ingest of a file failed unexpectedly", exc_info=exc)
    if isinstance(exc, DataError):
        if limit := re.search(r"character varying\((\d+)\)", str(exc)):
            return f"one of its fields is longer than the archive allows ({limit[1]} characters)"
        return "one of its values does not fit the archive's fields"
    if isinstance(exc, IntegrityError):
        return "it clashes with a document written at the same time; run the ingest again"
    if isinstance(exc, DatabaseError):
        return "the database could not save it; nothing of it was written, try again later"
    return "it could not be read: the parser failed on it (the server log has the details)"


def ingest_file(
    path: Path | str | bytes,
    *,
    filename: str = "",
    run: IngestRun | None = None,
    user: AbstractBaseUser | None = None,
) -> IngestResult:
    """Read, parse and ingest one file (a path, or bytes with a filename); records it in `run`."""
    return write_file(read_file(path, filename=filename), run=run, user=user)


def read_files(paths: Iterable[Path], *, jobs: int) -> Iterator[ReadFile]:
    """Files read and parsed in order, by `jobs` worker processes when more than one (the
    caller's process stays the only one that writes to the database)."""
    if jobs <= 1:
        yield from map(read_file, paths)
        return
    connections.close_all()  # forked workers must not share the writer's connection
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(read_file, paths, chunksize=4)


def record_result(
    run: IngestRun | None, *, source_name: str, checksum: str, result: IngestResult
) -> None:
    """Record what an ingest run did with one file."""
    if run is None:
        return
    IngestFileResult.objects.create(
        run=run,
        source=source_name[-500:],
        checksum=checksum,
        outcome=result.outcome,
        message=result.message,
        document=result.document,
    )


def start_run(started_by: str, *, user: AbstractBaseUser | None = None) -> IngestRun:
    """Open an ingest run for a command or a user's upload, held open by this connection."""
    run = IngestRun.objects.create(started_by=started_by[:150], user=user)
    hold_run(run)
    return run


def finish_run(run: IngestRun) -> None:
    """Mark an ingest run as finished."""
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    release_run(run)


def document_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The files to ingest: files as given, and folders' files recursively (hidden files and JSON
    skipped), in sorted order."""
    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and child.suffix.lower() not in SKIPPED_SUFFIXES:
                yield child
