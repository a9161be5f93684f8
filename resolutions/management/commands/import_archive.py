"""Read a file written by `export_archive` into an archive with no documents yet.

Bodies, countries and topics are matched by their natural keys (the migrations seed some);
documents and everything attached to them are created in bulk, all in one transaction.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Model

from resolutions.management.commands.export_archive import FORMAT_VERSION
from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)

BATCH = 1000


class ArchiveFileError(CommandError):
    """The file is not an archive export this version can read."""


class Importer:
    """Turns records into rows, remembering the new primary keys that later records point to."""

    def __init__(self) -> None:
        self.bodies = {body.code: body.pk for body in Body.objects.all()}
        self.users = {user.get_username(): user.pk for user in get_user_model().objects.only("pk")}
        self.countries: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.topic_parents: dict[str, str] = {}
        self.documents: dict[str, int] = {}
        self.drafts: dict[str, str] = {}
        self.paragraphs: dict[tuple[int, int], int] = {}
        self.pending: list[Model] = []
        self.counts: dict[str, int] = {}

    def add(self, record: dict[str, Any]) -> None:
        """Handle one record of the file."""
        kind = record.get("type")
        handler = getattr(self, f"add_{kind}", None)
        if handler is None:
            raise ArchiveFileError(f"unknown record type {kind!r}")
        handler({name: value for name, value in record.items() if name != "type"})
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def add_format(self, record: dict[str, Any]) -> None:
        """Check the file's format version."""
        if record.get("version") != FORMAT_VERSION:
            raise ArchiveFileError(f"unsupported format version {record.get('version')!r}")

    def add_body(self, record: dict[str, Any]) -> None:
        """Create or update a body by code."""
        code = record.pop("code")
        body, _ = Body.objects.update_or_create(code=code, defaults=record)
        self.bodies[code] = body.pk

    def add_country(self, record: dict[str, Any]) -> None:
        """Create or update a country by name."""
        name = record.pop("name")
        country, _ = Country.objects.update_or_create(name=name, defaults=record)
        self.countries[name] = country.pk

    def add_topic(self, record: dict[str, Any]) -> None:
        """Create or update a topic by slug; its parent is set once all topics are in."""
        slug = record.pop("slug")
        if parent := record.pop("parent"):
            self.topic_parents[slug] = parent
        topic, _ = Topic.objects.update_or_create(slug=slug, defaults=record)
        self.topics[slug] = topic.pk

    def add_document(self, record: dict[str, Any]) -> None:
        """Queue a document; its draft is linked at the end."""
        ref = record.pop("ref")
        if draft := record.pop("draft"):
            self.drafts[ref] = draft
        record["body_id"] = self.bodies[record.pop("body")]
        record["uploaded_by_id"] = self.users.get(record.pop("uploaded_by"))
        if record["date"]:
            record["date"] = datetime.date.fromisoformat(record["date"])
        document = Document(**record)
        document._ref = ref  # type: ignore[attr-defined]
        self.queue(document)

    def add_paragraph(self, record: dict[str, Any]) -> None:
        """Queue a paragraph of a document already read."""
        record["document_id"] = self.document_pk(record.pop("document"))
        self.queue(Paragraph(**record))

    def add_sponsorship(self, record: dict[str, Any]) -> None:
        """Queue a sponsorship."""
        self.queue(
            Sponsorship(
                document_id=self.document_pk(record["document"]),
                country_id=self.countries[record["country"]],
                position=record["position"],
            )
        )

    def add_document_topic(self, record: dict[str, Any]) -> None:
        """Queue a topic link with its curation decision."""
        decided_at = record["decided_at"]
        self.queue(
            DocumentTopic(
                document_id=self.document_pk(record["document"]),
                topic_id=self.topics[record["topic"]],
                status=record["status"],
                decided_by_id=self.users.get(record["decided_by"]),
                decided_at=datetime.datetime.fromisoformat(decided_at) if decided_at else None,
            )
        )

    def add_reference(self, record: dict[str, Any]) -> None:
        """Queue a reference, pointing to its paragraph and cited document."""
        document_pk = self.document_pk(record.pop("document"))
        position = record.pop("paragraph")
        cited = record.pop("cited_document")
        record["citing_document_id"] = document_pk
        if position is not None and (document_pk, position) not in self.paragraphs:
            self.flush()
        record["citing_paragraph_id"] = (
            self.paragraphs[(document_pk, position)] if position is not None else None
        )
        record["cited_document_id"] = self.document_pk(cited) if cited else None
        self.queue(Reference(**record))

    def document_pk(self, ref: str) -> int:
        """The new primary key of a document read earlier in the file."""
        if ref not in self.documents:
            self.flush()
        try:
            return self.documents[ref]
        except KeyError:
            raise ArchiveFileError(f"record points to unknown document {ref!r}") from None

    def queue(self, row: Model) -> None:
        """Add a row to the batch, writing the batch when it is full or of another model."""
        if self.pending and type(self.pending[0]) is not type(row):
            self.flush()
        self.pending.append(row)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows with one bulk insert and remember the keys others need."""
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        type(rows[0]).objects.bulk_create(rows)
        for row in rows:
            if isinstance(row, Document):
                self.documents[row._ref] = row.pk  # type: ignore[attr-defined]
            elif isinstance(row, Paragraph):
                self.paragraphs[(row.document_id, row.position)] = row.pk

    def finish(self) -> None:
        """Write what is left and link topics to parents and resolutions to drafts."""
        self.flush()
        for slug, parent in self.topic_parents.items():
            Topic.objects.filter(slug=slug).update(parent_id=self.topics[parent])
        for ref, draft in self.drafts.items():
            Document.objects.filter(pk=self.documents[ref]).update(draft_id=self.documents[draft])


def read_records(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Parse the file's lines as JSON objects, naming the line of a bad one."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArchiveFileError(f"line {number} is not JSON: {exc.msg}") from None
        if not isinstance(record, dict):
            raise ArchiveFileError(f"line {number} is not a JSON object")
        yield record


def import_archive(lines: Iterable[str]) -> dict[str, int]:
    """Import an export into an archive without documents; returns record counts by type."""
    with transaction.atomic():
        if Document.objects.exists():
            raise CommandError(
                f"The archive is not empty ({Document.objects.count()} documents): "
                "import_archive only fills an empty one, e.g. a fresh database after migrate."
            )
        importer = Importer()
        for record in read_records(lines):
            try:
                importer.add(record)
            except KeyError as exc:
                raise ArchiveFileError(f"a {record.get('type')} refers to unknown {exc}") from None
        importer.finish()
    return importer.counts


class Command(BaseCommand):
    help = "Read a file written by export_archive into an empty archive (one transaction)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The JSON-lines file to read.")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with path.open(encoding="utf-8") as lines:
            counts = import_archive(lines)
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if kind != "format")
        self.stdout.write(f"Imported {summary}.")
