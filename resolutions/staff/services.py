"""Staff writes: upload, publish and withdraw, curation, merges, restores; each one recorded.

django-simple-history records every `save()` and `delete()` with the user set on the instance
(`_history_user`), so services work the same inside a request and in a shell. Bulk writes
bypass its signals; those here record their history explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .. import ingest, parsing, term_impacts
from ..models import (
    Country,
    Document,
    DocumentTopic,
    IngestOutcome,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)
from ..signals import document_written

# The parts of a document that are written with it and deleted with it.
DOCUMENT_PARTS: tuple[tuple[type[models.Model], str], ...] = (
    (Paragraph, "document_id"),
    (Sponsorship, "document_id"),
    (DocumentTopic, "document_id"),
    (Reference, "citing_document_id"),
)
# Children deleted by the cascade are recorded just before their document.
CASCADE_WINDOW = timedelta(minutes=1)
# A topic on a document: the strongest decision survives a merge.
STATUS_STRENGTH = {
    DocumentTopic.Status.CONFIRMED: 2,
    DocumentTopic.Status.SUGGESTED: 1,
    DocumentTopic.Status.REJECTED: 0,
}


class StaffActionError(ValueError):
    """A curation request that cannot be carried out; the message is for the user."""


def save_as(obj: models.Model, *, user, reason: str = "", update_fields=None) -> None:
    """Save an object with the user (and a reason) in its history record."""
    obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save(update_fields=update_fields)


def delete_as(obj: models.Model, *, user, reason: str = "") -> None:
    """Delete an object with the user (and a reason) in its history record."""
    obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.delete()


# --- upload ---


def ingest_upload(
    parsed: parsing.ParsedDocument, *, source: ingest.IngestSource, user, may_replace: bool
) -> ingest.IngestResult:
    """Ingest a parsed upload as a draft of `user`, in one transaction.

    A file whose document is already in the archive replaces its contents only when
    `may_replace` (librarians); curated fields stay. Otherwise StaffActionError, nothing kept.
    """
    try:
        with recorded_as(user), transaction.atomic():
            result = ingest.ingest_document(parsed, source=source, user=user)
            document = result.document
            if result.outcome == IngestOutcome.NEW:
                mark_new_upload_draft(document)
            elif not may_replace:
                raise StaffActionError(
                    f"already in the archive as {document.label}; ask a librarian to replace it"
                )
            if result.outcome != IngestOutcome.UNCHANGED:
                record_contents_history(document, user=user, reason=f"uploaded {source.filename}")
    except StaffActionError:
        ingest.delete_unused_original(ingest.original_name(source))
        raise
    return result


@contextmanager
def recorded_as(user) -> Iterator[None]:
    """History records written inside name `user`, as in a request of theirs (for the worker)."""
    context = HistoricalRecords.context
    previous = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            del context.request
        else:
            context.request = previous


def mark_new_upload_draft(document: Document) -> None:
    """A new upload waits for review: a draft, in its row and in its first history record."""
    Document.objects.filter(pk=document.pk).update(status=Document.Status.DRAFT)
    # Same transaction as the insert: the history never shows a state that was never committed.
    document.history.filter(history_type="+").update(status=Document.Status.DRAFT)
    document.status = Document.Status.DRAFT


def record_contents_history(document: Document, *, user, reason: str) -> None:
    """History records for the rows the ingest bulk-created (bulk writes skip the signals)."""
    for model, column in DOCUMENT_PARTS:
        rows = list(model.objects.filter(**{column: document.pk}))
        if rows:
            model.history.bulk_history_create(
                rows, default_user=user, default_change_reason=reason[:100]
            )


# --- review and publishing ---


def update_metadata(document: Document, *, data: dict, user, citation_key: str = "") -> list[str]:
    """Set corrected metadata; the changed fields join `curated_fields`. Returns their names.

    The citation key follows a corrected symbol or number, and citations waiting for that key
    are linked to the document.
    """
    changed = [name for name, value in data.items() if getattr(document, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(document, name, data[name])
    if document.date:
        document.year = document.date.year
    if citation_key and citation_key != document.citation_key:
        document.citation_key = citation_key
        waiting = unresolved_references().filter(cited_key=citation_key)
        for reference in waiting.exclude(citing_document=document):
            reference.cited_document = document
            save_as(reference, user=user, reason="cited document identified")
    document.curated_fields = sorted(set(document.curated_fields) | set(changed))
    save_as(document, user=user, reason="metadata corrected")
    return changed


def publish_document(document: Document, *, user) -> None:
    """Make a document visible to researchers."""
    document.status = Document.Status.PUBLISHED
    save_as(document, user=user, reason="published")


def withdraw_document(document: Document, *, user) -> None:
    """Take a document back from researchers; it stays in the archive as a draft."""
    document.status = Document.Status.DRAFT
    save_as(document, user=user, reason="withdrawn")


@transaction.atomic
def delete_document(document: Document, *, user) -> None:
    """Delete a document with its parts; `restore_document` brings them back."""
    reason = f"deleted with document {document.pk}"
    for model, column in DOCUMENT_PARTS:
        for row in model.objects.filter(**{column: document.pk}).order_by("-pk"):
            delete_as(row, user=user, reason=reason)
    delete_as(document, user=user, reason="deleted")


@transaction.atomic
def restore_document(document_id: int, *, user) -> Document:
    """Bring back a deleted document with the parts deleted with it, and relink its citations."""
    if Document.objects.filter(pk=document_id).exists():
        raise StaffActionError("this document was not deleted")
    deletion = Document.history.filter(id=document_id, history_type="-").order_by("-pk").first()
    if deletion is None:
        raise StaffActionError("no record of this document")
    document = deletion.instance
    with term_impacts.one_refresh_per_document():
        save_as(document, user=user, reason="restored")
        # auto_now_add stamped the restore; the archive's date of arrival is the original one.
        Document.objects.filter(pk=document.pk).update(created_at=deletion.created_at)
        restore_parts(
            document_id,
            since=deletion.history_date - CASCADE_WINDOW,
            until=deletion.history_date,
            user=user,
        )
    if document.citation_key:
        relink = Reference.objects.filter(
            cited_key=document.citation_key, cited_document__isnull=True, outside_archive=False
        ).exclude(citing_document=document)
        for reference in relink:
            reference.cited_document = document
            save_as(reference, user=user, reason="document restored")
    return document


def restore_parts(document_id: int, *, since, until, user) -> None:
    """Bring back the rows of a document's parts deleted with it (between since and until)."""
    for model, column in DOCUMENT_PARTS:
        restored_ids = set()
        deleted = model.history.filter(
            **{column: document_id},
            history_type="-",
            history_date__gte=since,
            history_date__lte=until,
        ).order_by("-history_date", "-pk")
        for record_ in deleted:
            if record_.id in restored_ids or model.objects.filter(pk=record_.id).exists():
                continue
            restored_ids.add(record_.id)
            row = record_.instance
            if not refers_to_live_rows(row):
                continue
            save_as(row, user=user, reason="restored with its document")


def refers_to_live_rows(row: models.Model) -> bool:
    """Whether a restored part can come back: its topic and country still exist.

    A citation keeps its text when its paragraph or cited document is gone.
    """
    if isinstance(row, Sponsorship):
        return Country.objects.filter(pk=row.country_id).exists()
    if isinstance(row, DocumentTopic):
        return Topic.objects.filter(pk=row.topic_id).exists()
    if isinstance(row, Reference):
        if (
            row.citing_paragraph_id
            and not Paragraph.objects.filter(pk=row.citing_paragraph_id).exists()
        ):
            row.citing_paragraph = None
        if row.cited_document_id and not Document.objects.filter(pk=row.cited_document_id).exists():
            row.cited_document = None
    return True


def revert_to(record, *, user) -> models.Model:
    """Make an object as it was in one of its history records (itself recorded as a change)."""
    if record.history_type == "-":
        raise StaffActionError("this record is a deletion; restore the document instead")
    instance = record.instance
    model = type(instance)
    if not model.objects.filter(pk=instance.pk).exists():
        raise StaffActionError("this object no longer exists")
    save_as(instance, user=user, reason=f"reverted to {record.history_date:%Y-%m-%d %H:%M:%S}")
    return instance


@transaction.atomic
def save_paragraphs(document: Document, formset, *, user) -> None:
    """Save a valid paragraph formset: deletions first, new paragraphs at the end."""
    changed = formset.save(commit=False)
    for paragraph in formset.deleted_objects:
        delete_as(paragraph, user=user, reason="paragraph deleted")
    last = document.paragraphs.aggregate(last=models.Max("position"))["last"] or 0
    with term_impacts.one_refresh_per_document():
        for paragraph in changed:
            if paragraph.pk is None:
                last += 1
                paragraph.position = last
            save_as(paragraph, user=user, reason="paragraph edited")
    transaction.on_commit(lambda: document_written.send(sender=Document, document_id=document.pk))


# --- topics on documents ---


def decide_topic(link: DocumentTopic, *, status: str, user) -> None:
    """Confirm or reject one suggested (or earlier decided) topic of a document."""
    link.status = status
    link.decided_by = user
    link.decided_at = timezone.now()
    save_as(link, user=user)


@transaction.atomic
def decide_topic_for_documents(
    documents: QuerySet[Document], *, topic: Topic, status: str, user
) -> int:
    """Confirm or reject one topic on every document of a selection; returns documents changed.

    Confirming adds the topic where it was missing; rejecting changes existing links only.
    """
    now = timezone.now()
    reason = f"{status} for a selection"
    links = list(
        DocumentTopic.objects.filter(document__in=documents, topic=topic).exclude(status=status)
    )
    for link in links:
        link.status, link.decided_by, link.decided_at = status, user, now
    if links:
        bulk_update_with_history(
            links,
            DocumentTopic,
            ["status", "decided_by", "decided_at"],
            default_user=user,
            default_change_reason=reason,
        )
    added: list[DocumentTopic] = []
    if status == DocumentTopic.Status.CONFIRMED:
        missing = documents.exclude(topic_links__topic=topic).values_list("pk", flat=True)
        added = [
            DocumentTopic(
                document_id=pk, topic=topic, status=status, decided_by=user, decided_at=now
            )
            for pk in missing
        ]
        if added:
            bulk_create_with_history(
                added, DocumentTopic, default_user=user, default_change_reason=reason
            )
    return len(links) + len(added)


# --- vocabularies ---


def merge_reason(source: Topic | Country, target: Topic | Country) -> str:
    """The history reason of a merge's writes; refuses merging a row into itself."""
    if source.pk == target.pk:
        raise StaffActionError(f"a {source._meta.verbose_name} cannot be merged into itself")
    return f"merged {source.name} into {target.name}"


@transaction.atomic
def merge_topics(source: Topic, target: Topic, *, user) -> int:
    """Move every document and subtopic of `source` to `target`, then delete `source`.

    Where a document has both, the stronger decision stays (confirmed, suggested, rejected).
    Returns the number of documents moved.
    """
    reason = merge_reason(source, target)
    moved = 0
    for link in source.document_links.select_for_update():
        existing = DocumentTopic.objects.filter(document_id=link.document_id, topic=target).first()
        if existing is None:
            link.topic = target
            save_as(link, user=user, reason=reason)
        else:
            if STATUS_STRENGTH[link.status] > STATUS_STRENGTH[existing.status]:
                existing.status = link.status
                existing.decided_by, existing.decided_at = link.decided_by, link.decided_at
                save_as(existing, user=user, reason=reason)
            delete_as(link, user=user, reason=reason)
        moved += 1
    if target.parent_id == source.pk:
        target.parent_id = source.parent_id
        save_as(target, user=user, reason=reason)
    for child in source.children.exclude(pk=target.pk):
        child.parent = target
        save_as(child, user=user, reason=reason)
    delete_as(source, user=user, reason=reason)
    return moved


@transaction.atomic
def merge_countries(source: Country, target: Country, *, user) -> int:
    """Move every sponsorship of `source` to `target`, keep its names as aliases, delete it.

    Returns the number of documents moved.
    """
    reason = merge_reason(source, target)
    moved = 0
    for sponsorship in source.sponsorships.select_for_update():
        if Sponsorship.objects.filter(document_id=sponsorship.document_id, country=target).exists():
            delete_as(sponsorship, user=user, reason=reason)
        else:
            sponsorship.country = target
            save_as(sponsorship, user=user, reason=reason)
        moved += 1
    names = [*target.aliases, source.name, *source.aliases]
    iso3 = target.iso3 or source.iso3
    delete_as(source, user=user, reason=reason)
    target.aliases = unique_names(names, without=target.name)
    target.iso3 = iso3
    save_as(target, user=user, reason=reason)
    return moved


def unique_names(names: Iterable[str], *, without: str = "") -> list[str]:
    """Names in order, blanks and repeats (ignoring case) and `without` left out."""
    seen = {without.casefold()}
    kept = []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


# --- citations ---


def link_reference(reference: Reference, *, document: Document, user) -> None:
    """Point a citation at the archived document it cites."""
    if document.pk == reference.citing_document_id:
        raise StaffActionError("a document cannot cite itself")
    reference.cited_document = document
    reference.outside_archive = False
    save_as(reference, user=user, reason="target linked")


def mark_outside_archive(reference: Reference, *, user) -> None:
    """Record that the cited text is not (and will not be) in this archive."""
    reference.cited_document = None
    reference.outside_archive = True
    save_as(reference, user=user, reason="marked outside the archive")


def unresolved_references() -> QuerySet[Reference]:
    """Citations whose target is neither archived nor marked as outside the archive."""
    # Uses index: reference_unresolved_idx
    return Reference.objects.filter(cited_document__isnull=True, outside_archive=False)
