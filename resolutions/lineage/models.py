"""Lineage tables: a family of paragraphs, each paragraph's place in one, and the wordings whose
keys find candidates."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from resolutions.models import Body, Document, Paragraph
from resolutions.search_version import bumps_search_version

from . import facet_groups, placement, tallies, wordings

# The largest pending list of the fingerprints' index (kB): 32 pages for a lookup to scan.
FINGERPRINTS_PENDING_KB = 256


class Family(models.Model):
    """Paragraphs that share substantially the same wording: one text and its versions."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return f"Family {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("lineage:family", args=[self.pk])


class FamilyTally(models.Model):
    """How many versions of a family published documents of one body and year hold (year null:
    undated): the family page's counts, read without counting the family's versions.

    Kept by database triggers (`lineage/tallies.py`, on `ParagraphLineage`, `WatchedDocument`
    and `WatchedParagraph`) in the statement that writes lineage rows, changes a document's
    status, body or year, or moves a paragraph to another document, so it never disagrees with
    the versions; the bulk rebuild writes it once (`tallies.WRITE_ALL`).
    """

    # Looked up through the unique constraint's index, which leads with the family.
    family = models.ForeignKey(
        Family, on_delete=models.CASCADE, related_name="tallies", db_index=False
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    versions = models.PositiveIntegerField()

    class Meta:
        # The document page reads it: a write moves the search version on.
        triggers = [bumps_search_version()]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "body", "year"],
                nulls_distinct=False,
                name="lineage_familytally_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"family {self.family_id}: {self.versions} in {self.body_id}, {self.year}"


class ParagraphLineage(models.Model):
    """A paragraph's family, the earlier version it was matched to, and its lookup keys.

    Its `wording` (its text, spaces collapsed) holds the MinHash LSH band keys, shared by every
    paragraph of that text; `fingerprints` are winnowed shingle hashes (GIN-indexed) used to find
    a pasted sentence inside longer paragraphs.
    """

    paragraph = models.OneToOneField(
        Paragraph, primary_key=True, on_delete=models.CASCADE, related_name="lineage"
    )
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="members")
    previous = models.ForeignKey(
        Paragraph,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_versions",
        help_text="The most similar earlier paragraph of the family, if any.",
    )
    similarity = models.FloatField(
        null=True, blank=True, help_text="Word similarity to the previous version."
    )
    # Looked up through lineage_wording_order, which leads with the wording. Matching and the
    # rebuild always give one; a row written by other means has none and no lookup finds it.
    wording = models.ForeignKey(
        "KeyedWording",
        on_delete=models.PROTECT,
        related_name="holders",
        db_index=False,
        null=True,
        blank=True,
    )
    fingerprints = ArrayField(models.IntegerField(), default=list)
    word_count = models.PositiveIntegerField(default=0)
    addressees = ArrayField(
        models.CharField(max_length=30),
        default=list,
        blank=True,
        help_text="Whom an operative paragraph addresses; empty for others.",
    )
    # The version's place on its family's timeline, copied from its paragraph and document by
    # triggers (lineage/placement.py), so a page of the timeline is read from one index.
    published = models.BooleanField(default=False)
    document_date = models.DateField(null=True, blank=True)
    document_year = models.PositiveSmallIntegerField(null=True, blank=True)
    document_pk = models.IntegerField(default=0)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        # Counts read this table: a write moves the search version on. A row inserted takes its
        # placement; rows inserted, deleted or moved to another family change the tallies.
        triggers = [
            bumps_search_version(),
            placement.INSERT_TRIGGER,
            *tallies.LINEAGE_TRIGGERS,
            *facet_groups.LINEAGE_TRIGGERS,
            wordings.ORPHANS_TRIGGER,
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(similarity__isnull=True) | Q(similarity__gte=0, similarity__lte=1),
                name="lineage_similarity_in_range",
            ),
        ]
        # The fingerprints' index takes a matched row's 20-30 entries in a small pending list
        # (FINGERPRINTS_PENDING_KB) merged in batches, instead of one tree insert each: the
        # largest part of writing a document's rows. Only the tracer reads it, and scans the
        # list (at most that size) on each lookup.
        indexes = [
            GinIndex(
                fields=["fingerprints"],
                name="lineage_fingerprints_gin",
                fastupdate=True,
                gin_pending_list_limit=FINGERPRINTS_PENDING_KB,
            ),
            GinIndex(fields=["addressees"], name="lineage_addressees_gin"),
            models.Index(
                fields=["family", "document_date", "document_year", "document_pk", "position"],
                condition=Q(published=True),
                name="lineage_family_timeline",
            ),
            # A wording's holders in document order: matching reads its oldest holder, and its
            # latest before a document, as the first entry of a range (lineage/wordings.py).
            models.Index(
                F("wording"),
                wordings.ORDER_DATE,
                F("document_pk"),
                F("paragraph"),
                name="lineage_wording_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.paragraph_id} in family {self.family_id}"


class WatchedDocument(Document):
    """Documents, as the lineage watches them: this proxy declares the triggers on the documents'
    table that keep the lineage's copies of a document's status, date and year on its versions
    (`lineage/placement.py`) and its versions' tallies (`lineage/tallies.py`), so the document
    model does not name the lineage's tables."""

    class Meta:
        proxy = True
        triggers = [placement.DOCUMENT_TRIGGER, tallies.DOCUMENT_TRIGGER]


class WatchedParagraph(Paragraph):
    """Paragraphs, as the lineage watches them: this proxy declares the triggers on the
    paragraphs' table for a paragraph moved to another document or position (an admin edit),
    and those that keep each document's facet groups."""

    class Meta:
        proxy = True
        triggers = [
            placement.PARAGRAPH_TRIGGER,
            tallies.PARAGRAPH_TRIGGER,
            *facet_groups.PARAGRAPH_TRIGGERS,
        ]


class FacetGroup(models.Model):
    """A document's paragraphs of one kind and opening verb, as one row, with whom they address:
    what the facet counts over whole documents read instead of every paragraph. Written by the
    database's triggers only (lineage/facet_groups.py)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=12)
    verb = models.CharField(max_length=60, blank=True)
    addressees = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    # The document's, as its paragraphs carry them (resolutions/models.py, Paragraph).
    published = models.BooleanField(default=False)
    body_id = models.BigIntegerField(null=True, blank=True)
    year = models.SmallIntegerField(null=True, blank=True)
    doc_type = models.CharField(max_length=20)

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        # A document's groups are written together, so they share a page or two of the table:
        # a plain index reads them as fast as one that also held their columns (and is a
        # fifteenth of its size).
        indexes = [models.Index(fields=["document"], name="facet_group_document")]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.kind} {self.verb}"


class KeyedWording(models.Model):
    """One distinct wording of the archive's paragraphs (their text, spaces collapsed), which
    holds the MinHash LSH band keys for all of them (see lineage/wordings.py).

    Agreed language is reused word for word, so most paragraphs share their text with others:
    keys are stored and looked up once per wording, not once per paragraph. A wording no
    paragraph holds any more is deleted with its keys (`wordings.ORPHANS_TRIGGER`).
    """

    id = models.AutoField(primary_key=True)
    # BLAKE2b-8 of the text, spaces collapsed (text.wording_digest).
    digest = models.BigIntegerField(unique=True)

    def __str__(self) -> str:
        return f"Wording {self.pk}"


class BandKey(models.Model):
    """One MinHash LSH band key of a wording (see lineage/text.py).

    Wordings sharing a key are candidates for one family. The primary key's B-tree on
    (key, wording) lets a lookup stop after a fixed number of wordings, however common the key;
    `lineage_bandkey_wording` finds a wording's keys to delete with it.
    """

    pk = models.CompositePrimaryKey("key", "wording")
    key = models.BigIntegerField()
    wording = models.ForeignKey(
        KeyedWording, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        indexes = [models.Index(fields=["wording"], name="lineage_bandkey_wording")]

    def __str__(self) -> str:
        return f"{self.key} of wording {self.wording_id}"


class Mandate(models.Model):
    """An operative paragraph asking for a report or action by a session or year."""

    class Who(models.TextChoices):
        SECRETARY_GENERAL = "secretary_general", "the Secretary-General"
        UNODC = "unodc", "UNODC"
        EXECUTIVE_DIRECTOR = "executive_director", "the Executive Director"

    paragraph = models.OneToOneField(
        Paragraph, primary_key=True, on_delete=models.CASCADE, related_name="mandate"
    )
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="mandates")
    who = models.CharField(max_length=20, choices=Who.choices)
    what = models.TextField()
    session = models.PositiveSmallIntegerField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["year", "session", "document", "paragraph"]
        indexes = [models.Index(fields=["year", "session"], name="lineage_mandate_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_who_display()}: {self.what[:60]}"
