"""Write the whole archive to one portable JSON-lines file: `manage.py export_archive FILE`.

One record a line, each with a "type": format, body, country, topic, document, paragraph,
sponsorship, document_topic, reference (in that order). Rows point to each other by natural keys
(body code, country name, topic slug, user name); a document is named by its `ref`: its citation
key, else "sha256:" and its checksum, else "#" and its place among documents with neither.
Ingest runs, timestamps and the original files' bytes are not included (see docs/ingest.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

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

FORMAT_VERSION = 1
CHUNK = 2000


def document_refs() -> dict[int, str]:
    """Each document's ref in the file, by primary key."""
    refs: dict[int, str] = {}
    unnamed = 0
    rows = Document.objects.order_by("pk").values_list("pk", "citation_key", "checksum")
    for pk, key, checksum in rows.iterator(chunk_size=CHUNK):
        if key:
            refs[pk] = key
        elif checksum:
            refs[pk] = f"sha256:{checksum}"
        else:
            unnamed += 1
            refs[pk] = f"#{unnamed}"
    return refs


def export_records() -> Iterator[dict[str, Any]]:
    """Every record of the archive, streamed in a stable order."""
    yield {"type": "format", "version": FORMAT_VERSION}
    for body in Body.objects.order_by("code"):
        yield {
            "type": "body",
            "code": body.code,
            "name": body.name,
            "description": body.description,
        }
    for country in Country.objects.order_by("name"):
        yield {
            "type": "country",
            "name": country.name,
            "iso3": country.iso3,
            "slug": country.slug,
            "aliases": country.aliases,
        }
    for topic in Topic.objects.select_related("parent").order_by("slug"):
        yield {
            "type": "topic",
            "slug": topic.slug,
            "name": topic.name,
            "description": topic.description,
            "parent": topic.parent.slug if topic.parent else None,
        }
    refs = document_refs()
    documents = Document.objects.select_related("body", "uploaded_by").order_by("pk")
    for document in documents.iterator(chunk_size=CHUNK):
        yield {
            "type": "document",
            "ref": refs[document.pk],
            "symbol": document.symbol,
            "citation_key": document.citation_key,
            "doc_type": document.doc_type,
            "number": document.number,
            "title": document.title,
            "body": document.body.code,
            "date": document.date.isoformat() if document.date else None,
            "year": document.year,
            "session": document.session,
            "agenda_item": document.agenda_item,
            "language": document.language,
            "status": document.status,
            "full_text": document.full_text,
            "original_file": document.original_file.name,
            "original_filename": document.original_filename,
            "checksum": document.checksum,
            "curated_fields": document.curated_fields,
            "draft": refs[document.draft_id] if document.draft_id else None,
            "uploaded_by": document.uploaded_by.get_username() if document.uploaded_by else None,
        }
    paragraphs = Paragraph.objects.order_by("document_id", "position")
    for paragraph in paragraphs.iterator(chunk_size=CHUNK):
        yield {
            "type": "paragraph",
            "document": refs[paragraph.document_id],
            "position": paragraph.position,
            "kind": paragraph.kind,
            "number": paragraph.number,
            "verb": paragraph.verb,
            "text": paragraph.text,
            "footnotes": paragraph.footnotes,
        }
    sponsorships = Sponsorship.objects.select_related("country").order_by("document_id", "position")
    for sponsorship in sponsorships.iterator(chunk_size=CHUNK):
        yield {
            "type": "sponsorship",
            "document": refs[sponsorship.document_id],
            "country": sponsorship.country.name,
            "position": sponsorship.position,
        }
    links = DocumentTopic.objects.select_related("topic", "decided_by")
    for link in links.order_by("document_id", "topic__slug").iterator(chunk_size=CHUNK):
        yield {
            "type": "document_topic",
            "document": refs[link.document_id],
            "topic": link.topic.slug,
            "status": link.status,
            "decided_by": link.decided_by.get_username() if link.decided_by else None,
            "decided_at": link.decided_at.isoformat() if link.decided_at else None,
        }
    references = Reference.objects.select_related("citing_paragraph").order_by(
        "citing_document_id", "pk"
    )
    for reference in references.iterator(chunk_size=CHUNK):
        paragraph = reference.citing_paragraph
        yield {
            "type": "reference",
            "document": refs[reference.citing_document_id],
            "paragraph": paragraph.position if paragraph else None,
            "ref_type": reference.ref_type,
            "cited_key": reference.cited_key,
            "cited_body": reference.cited_body,
            "cited_number": reference.cited_number,
            "cited_text": reference.cited_text,
            "cited_document": refs[reference.cited_document_id]
            if reference.cited_document_id
            else None,
            "outside_archive": reference.outside_archive,
        }


class Command(BaseCommand):
    help = (
        "Write every document, paragraph, sponsor, topic, citation and curation decision to FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The JSON-lines file to write.")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for record in export_records():
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        self.stdout.write(f"Wrote {count} records to {path}.")
