"""Ingest: a parsed document becomes rows, in one transaction per document (see docs/ingest.md).

`ingest_document` writes one parsed document; `ingest_file` reads, parses and ingests one file and
records the outcome in an ingest run (`read_file`, which touches no database, then `write_file`);
`read_files` parses a batch in worker processes while the caller writes. A document is found
again by its citation key (its symbol, else body and number) or, when it has none, by the
checksum of its file; the database's unique constraints on those decide between two ingests
running at once. Rows are written many at once by `bulk_rows`; drafts are linked to their
resolutions by `draft_links`, sponsors found or added by `sponsor_countries`.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import logging
import multiprocessing
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import (
    DatabaseError,
    DataError,
    IntegrityError,
    connection,
    connections,
    transaction,
)
from django.utils import timezone
from psycopg.types.json import Jsonb

from . import parsing
from .bulk_rows import BULK_ROWS, copy_rows, draw_ids, record_created
from .citations import document_key, reference_key
from .draft_links import link_drafts
from .ingest_recovery import hold_run, release_run
from .models import (
    Body,
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
from .parsing.types import ParsedDocument, ParseError
from .signals import document_written
from .sponsor_countries import countries_by_name, sponsor_names
from .term_impacts import document_changed, one_refresh_per_document
from .topic_rules import suggest_topics
from .vocabulary import record_words

logger = logging.getLogger(__name__)

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
    check_document(parsed)
    key = key_of(parsed)
    fields = document_fields(parsed, key=key, source=source, body=body_by_code(parsed.body))
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
            write_contents([(document, parsed)])
            link_drafts([document])
            announce_written(document)
            if old_file and old_file != file_name:
                transaction.on_commit(lambda: delete_unused_original(old_file))
    except BaseException:
        if stored_now:
            default_storage.delete(file_name)
        raise
    outcome = IngestOutcome.NEW if created else IngestOutcome.UPDATED
    return IngestResult(outcome, document)


def ingest_batch(
    items: Sequence[tuple[ParsedDocument, IngestSource]], *, user: AbstractBaseUser | None = None
) -> list[IngestResult]:
    """Ingest many documents, the new ones together in one transaction; a result per item.

    A new document (its key, or its checksum when it has none, neither in the archive nor
    earlier in the batch) is written with the others in bulk: the same rows `ingest_document`
    writes. The others (re-ingests, which replace a document's contents) go through
    `ingest_document` one by one, each atomic. When the batch's transaction fails, every item
    of it is ingested one by one instead, so that a bad item fails alone. Lineage is matched
    after the commit, as for one document.
    """
    results: list[IngestResult | None] = [None] * len(items)
    fresh: dict[int, tuple[str, dict[str, object]]] = {}
    bodies = {body.code: body for body in Body.objects.all()}
    for index, (parsed, source) in enumerate(items):
        try:
            check_document(parsed)
        except ParseError as exc:
            results[index] = IngestResult(IngestOutcome.FAILED, message=str(exc))
            continue
        key = key_of(parsed)
        body = bodies.get(parsed.body) or bodies["OTHER"]
        fresh[index] = (key, document_fields(parsed, key=key, source=source, body=body))
    new = new_items(fresh)
    if new:
        batch = [(items[i][0], items[i][1], fresh[i][1]) for i in new]
        try:
            documents = write_new(batch, user=user)
        except Exception:  # written again one by one below: a bad item fails alone
            logger.warning(
                "A batch ingest failed; its documents are ingested one by one.", exc_info=True
            )
        else:
            for index, document in zip(new, documents, strict=True):
                results[index] = IngestResult(IngestOutcome.NEW, document)
    for index, (parsed, source) in enumerate(items):
        if results[index] is None:
            results[index] = ingest_or_fail(parsed, source=source, user=user)
    return results  # type: ignore[return-value]


def new_items(fresh: dict[int, tuple[str, dict[str, object]]]) -> list[int]:
    """The items (by index) whose document is new: its key (or, keyless, its checksum) is
    neither in the archive nor taken by an earlier item."""
    keys = {key for key, _ in fresh.values() if key}
    sums = {fields["checksum"] for key, fields in fresh.values() if not key}
    taken = set(
        Document.objects.filter(citation_key__in=keys).values_list("citation_key", flat=True)
    )
    taken |= {
        ("", checksum)
        for checksum in Document.objects.filter(citation_key="", checksum__in=sums).values_list(
            "checksum", flat=True
        )
    }
    new = []
    for index, (key, fields) in fresh.items():
        identity = key or ("", fields["checksum"])
        if identity not in taken:
            taken.add(identity)
            new.append(index)
    return new


def write_new(
    items: Sequence[tuple[ParsedDocument, IngestSource, dict[str, object]]],
    *,
    user: AbstractBaseUser | None,
) -> list[Document]:
    """Write new documents (each parse, source and `document_fields`) and everything in them in
    one transaction; their originals are stored first and removed again if it fails."""
    stored: list[str] = []
    try:
        documents = []
        for _, source, fields in items:
            name, stored_now = store_original(source)
            if stored_now:
                stored.append(name)
            documents.append(Document(**fields, original_file=name, uploaded_by=user))
        with transaction.atomic(), one_refresh_per_document():
            documents = Document.objects.bulk_create(documents, batch_size=BULK_ROWS)
            record_created(Document, documents, user=user)
            written = [(d, parsed) for d, (parsed, _, _) in zip(documents, items, strict=True)]
            write_contents(written)
            link_drafts(documents)
            for document in documents:
                announce_written(document)
    except BaseException:
        for name in stored:
            default_storage.delete(name)
        raise
    return documents


def ingest_or_fail(
    parsed: ParsedDocument, *, source: IngestSource, user: AbstractBaseUser | None = None
) -> IngestResult:
    """`ingest_document`, with any failure as a FAILED result saying why."""
    try:
        return ingest_document(parsed, source=source, user=user)
    except ParseError as exc:
        return IngestResult(IngestOutcome.FAILED, message=str(exc) or "cannot parse file")
    except OriginalNotStored as exc:
        return IngestResult(IngestOutcome.FAILED, message=str(exc))
    except Exception as exc:  # One bad file must not stop the batch.
        return IngestResult(IngestOutcome.FAILED, message=error_message(exc))


def check_document(parsed: ParsedDocument) -> None:
    """Raise ParseError for a parse that holds no document."""
    if not parsed.title and not parsed.paragraphs:
        raise ParseError("no title and no paragraphs found: not a document")


def key_of(parsed: ParsedDocument) -> str:
    """The document's citation key: its symbol, else its body and number ("" for neither)."""
    return document_key(parsed.symbol, parsed.body, parsed.doc_type, parsed.number)


def announce_written(document: Document) -> None:
    """Once the transaction commits, say that the document was written (lineage matches it)."""
    transaction.on_commit(lambda: document_written.send(sender=Document, document_id=document.pk))


def document_fields(
    parsed: ParsedDocument, *, key: str, source: IngestSource, body: Body
) -> dict[str, object]:
    """The document's columns as the parser gives them (its body found by the caller); a missing
    title becomes the key or name."""
    date = datetime.date.fromisoformat(parsed.date) if parsed.date else None
    year = date.year if date else parsed.year
    return {
        "symbol": parsed.symbol or None,
        "citation_key": key,
        "doc_type": parsed.doc_type,
        "number": parsed.number or "",
        "title": (parsed.title or "").strip() or key or source.filename,
        "body": body,
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


# A document written now and the parse it was written from.
Written = tuple[Document, ParsedDocument]


def write_contents(written: Sequence[Written]) -> None:
    """Bulk-create the documents' paragraphs, sponsorships, references and topic suggestions,
    link earlier citations of them, and add their words and term scores."""
    paragraphs = write_paragraphs(written)
    write_sponsorships(written)
    write_references(written, paragraphs=paragraphs)
    ids = [document.pk for document, _ in written]
    link_citations_of(ids)
    write_topic_suggestions(written)
    record_words(ids)
    for document_id in ids:
        document_changed(document_id)  # their paragraphs were written in bulk, unsaved


# Earlier citations of the documents (by their keys) point to them from now on.
LINK_CITATIONS = """
UPDATE resolutions_reference r SET cited_document_id = d.id FROM resolutions_document d
 WHERE d.id = ANY(%s) AND d.citation_key <> '' AND r.cited_key = d.citation_key
   AND r.cited_document_id IS NULL AND r.citing_document_id <> d.id
"""


def link_citations_of(document_ids: list[int]) -> None:
    """Link every earlier citation of these documents to them (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(LINK_CITATIONS, [document_ids])


# The columns a paragraph is written with; the database fills the others (its search vector,
# and the document's facets by trigger).
PARAGRAPH_COLUMNS = ("id", "document_id", "position", "kind", "number", "verb", "text", "footnotes")
PARAGRAPH_KINDS = frozenset(Paragraph.Kind.values)


def write_paragraphs(written: Sequence[Written]) -> list[dict[int, int]]:
    """Insert the paragraphs by COPY (rows, not model instances: a bulk load writes tens of
    thousands); returns each document's paragraph ids by their index in its parse."""
    rows: list[list[object]] = []
    by_document: list[dict[int, int]] = []
    for document, parsed in written:
        placed: dict[int, int] = {}
        for index, paragraph in enumerate(parsed.paragraphs):
            if not paragraph.text.strip():
                continue
            kind = paragraph.kind if paragraph.kind in PARAGRAPH_KINDS else Paragraph.Kind.OTHER
            placed[index] = len(rows)
            rows.append(
                [
                    None,  # its id, drawn below
                    document.pk,
                    len(placed),
                    kind,
                    "" if kind == Paragraph.Kind.PREAMBULAR else (paragraph.number or ""),
                    paragraph.verb or "",
                    paragraph.text,
                    Jsonb([{"marker": f.marker, "text": f.text} for f in paragraph.footnotes]),
                ]
            )
        by_document.append(placed)
    ids = copy_paragraphs(rows)
    return [{index: ids[row] for index, row in placed.items()} for placed in by_document]


def copy_paragraphs(rows: list[list[object]]) -> list[int]:
    """Insert paragraph rows (`PARAGRAPH_COLUMNS`, the id left empty) by COPY, their ids drawn
    from the table's sequence first (the references point to them); returns the ids."""
    ids = draw_ids(Paragraph, len(rows))
    for row, pk in zip(rows, ids, strict=True):
        row[0] = pk
    copy_rows(Paragraph, PARAGRAPH_COLUMNS, rows)
    return ids


def write_sponsorships(written: Sequence[Written]) -> None:
    """Bulk-create the sponsorships in printed order, adding countries not yet known."""
    named = [sponsor_names(parsed.sponsors) for _, parsed in written]
    countries = countries_by_name(name for names in named for name in names)
    rows = [
        Sponsorship(document=document, country=countries[name], position=position)
        for (document, _), names in zip(written, named, strict=True)
        for position, name in enumerate(names, start=1)
    ]
    Sponsorship.objects.bulk_create(rows, batch_size=BULK_ROWS)


# The columns a reference is written with (its id is drawn by the table).
# A new reference is never marked outside the archive: only a librarian does that.
REFERENCE_COLUMNS = (
    "citing_document_id",
    "citing_paragraph_id",
    "ref_type",
    "cited_key",
    "cited_body",
    "cited_number",
    "cited_text",
    "cited_document_id",
    "outside_archive",
)
CITING_DOCUMENT, CITED_KEY, CITED_DOCUMENT = (
    REFERENCE_COLUMNS.index(column)
    for column in ("citing_document_id", "cited_key", "cited_document_id")
)


def write_references(written: Sequence[Written], *, paragraphs: Sequence[dict[int, int]]) -> None:
    """Insert one reference per cited key of each document (by COPY), linked to the cited
    document when archived."""
    rows: list[list[object]] = []
    for (document, parsed), placed in zip(written, paragraphs, strict=True):
        cited: dict[str, list[object]] = {}
        for ref in parsed.references:
            key = reference_key(ref)
            if not key or key == document.citation_key or key in cited:
                continue
            index = ref.paragraph_index
            cited[key] = [
                document.pk,
                placed.get(index) if index is not None else None,
                Reference.RefType.DOCUMENT
                if ref.type == "document"
                else Reference.RefType.RESOLUTION,
                key,
                (ref.body or "")[:20],
                (ref.number or "")[:40],
                ref.cited_text,
                None,  # the cited document, found below
                False,
            ]
        rows.extend(cited.values())
    if not rows:
        return
    keys = {row[CITED_KEY] for row in rows}
    archived = dict(
        Document.objects.filter(citation_key__in=keys).values_list("citation_key", "pk")
    )
    for row in rows:
        pk = archived.get(row[CITED_KEY])
        if pk is not None and pk != row[CITING_DOCUMENT]:
            row[CITED_DOCUMENT] = pk
    copy_rows(Reference, REFERENCE_COLUMNS, rows)


def write_topic_suggestions(written: Sequence[Written]) -> None:
    """Suggest topics by the rules; a topic a librarian already decided on is left alone."""
    suggested = [
        suggest_topics(document.title, (p.text for p in parsed.paragraphs))
        for document, parsed in written
    ]
    wanted = {slug for slugs in suggested for slug in slugs}
    if not wanted:
        return
    topics = dict(Topic.objects.filter(slug__in=wanted).values_list("slug", "pk"))
    rows = [
        DocumentTopic(
            document=document, topic_id=topics[slug], status=DocumentTopic.Status.SUGGESTED
        )
        for (document, _), slugs in zip(written, suggested, strict=True)
        for slug in dict.fromkeys(slugs)
        if slug in topics
    ]
    # Confirmed and rejected links survive a re-ingest; the unique constraint skips them here.
    DocumentTopic.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BULK_ROWS)


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
        result = ingest_or_fail(read.parsed, source=read.source, user=user)
    record_file(run, read, result)
    return result


def write_files(
    reads: Iterable[ReadFile], *, batch: int, run: IngestRun | None = None
) -> Iterator[tuple[ReadFile, IngestResult]]:
    """Ingest files read by `read_file`, `batch` at a time through `ingest_batch`, recording
    each outcome in `run`; yields each file with its result, in order."""
    reads = iter(reads)
    while chunk := list(itertools.islice(reads, max(batch, 1))):
        readable = [r.parsed is not None and r.source is not None for r in chunk]
        items = [(r.parsed, r.source) for r, ok in zip(chunk, readable, strict=True) if ok]
        written = iter(ingest_batch(items))  # type: ignore[arg-type]
        for read, ok in zip(chunk, readable, strict=True):
            result = (
                next(written) if ok else IngestResult(IngestOutcome.FAILED, message=read.message)
            )
            record_file(run, read, result)
            yield read, result


def record_file(run: IngestRun | None, read: ReadFile, result: IngestResult) -> None:
    """Record what the run did with a file read by `read_file`."""
    checksum = read.source.checksum if read.source else ""
    record_result(run, source_name=read.source_name, checksum=checksum, result=result)


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
