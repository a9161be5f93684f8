"""Lineage tables: a family of paragraphs, and each paragraph's place in one (with its keys)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.urls import reverse

from resolutions.models import Body, Document, Paragraph
from resolutions.search_version import bumps_search_version

from . import facet_groups, placement, tallies


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

    Its MinHash LSH band keys are rows of BandKey; `fingerprints` are winnowed shingle hashes
    (GIN-indexed) used to find a pasted sentence inside longer paragraphs.
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
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(similarity__isnull=True) | Q(similarity__gte=0, similarity__lte=1),
                name="lineage_similarity_in_range",
            ),
        ]
        # No pending list: every lookup would scan it, and matching looks up after each insert.
        indexes = [
            GinIndex(fields=["fingerprints"], name="lineage_fingerprints_gin", fastupdate=False),
            GinIndex(fields=["addressees"], name="lineage_addressees_gin"),
            models.Index(
                fields=["family", "document_date", "document_year", "document_pk", "position"],
                condition=Q(published=True),
                name="lineage_family_timeline",
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


class BandKey(models.Model):
    """One MinHash LSH band key of a paragraph (see lineage/text.py).

    Paragraphs sharing a key are candidates for one family. The primary key's B-tree on
    (key, paragraph) lets a lookup stop after a fixed number of rows, however common the key.
    """

    pk = models.CompositePrimaryKey("key", "paragraph")
    key = models.BigIntegerField()
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.key} of paragraph {self.paragraph_id}"


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
