"""The catalogue's tables: UN Digital Library records, their votes, subjects and links, and UNBIS.

A `CatalogueRecord` mirrors one library record and points to the archive's `Document` for it;
the document keeps the metadata researchers search, the record what only the catalogue has
(language versions, related documents, subjects, the vote), and the catalogue's own values
where a librarian's correction differs from them.
"""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..models import Country, Document, Topic
from ..parsing.countries import country_by_name
from ..search_version import bumps_search_version
from .symbols import undocs_url

# A geographic heading: a name with its country in brackets, "DARFUR (SUDAN)".
PLACE_RE = re.compile(r"\S \([A-Z][A-Z .,':-]*\)$")


class VoteOutcome(models.TextChoices):
    """How a resolution was adopted, as the catalogue records it."""

    WITHOUT_VOTE = "without_vote", "Adopted without a vote"
    RECORDED_VOTE = "recorded_vote", "Recorded vote"
    UNKNOWN = "", "Not recorded"


class LinkKind(models.TextChoices):
    """What a related document (MARC 993) is to the record."""

    RESOLUTION = "resolution", "Resolution"
    DRAFT = "draft", "Draft"
    COMMITTEE_REPORT = "committee_report", "Committee report"
    MEETING_RECORD = "meeting_record", "Meeting record"


class StateVoteChoice(models.TextChoices):
    """One State's vote (MARC 967 $d); non-voting where $d is absent."""

    YES = "Y", "Yes"
    NO = "N", "No"
    ABSTAIN = "A", "Abstain"
    NON_VOTING = "", "Non-voting"


class ConceptKind(models.TextChoices):
    """A level of the UNBIS thesaurus."""

    DOMAIN = "domain", "Domain"
    MICROTHESAURUS = "microthesaurus", "Microthesaurus"
    CONCEPT = "concept", "Concept"


class Concept(models.Model):
    """A UNBIS thesaurus concept, microthesaurus or domain; several broader terms may apply.

    `topic` maps it onto the archive's hand-made vocabulary (docs/catalogue.md).
    """

    Kind = ConceptKind

    identifier = models.CharField(max_length=20, unique=True, help_text="1000003, 140402 or 14.")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(max_length=300, help_text="The English label, as catalogued.")
    labels = models.JSONField(default=dict, help_text="Labels by language (ar zh en fr ru es).")
    broader = models.ManyToManyField("self", symmetrical=False, related_name="narrower", blank=True)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="unbis_concepts"
    )

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["label"]
        constraints = [
            models.CheckConstraint(condition=~Q(label=""), name="concept_label_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=ConceptKind.values), name="concept_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["label"], name="concept_label_idx")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("catalogue:subject", args=[self.identifier])

    @property
    def url(self) -> str:
        """The concept on the UN's thesaurus site."""
        return f"http://metadata.un.org/thesaurus/{self.identifier}"


class ConceptBroader(Concept.broader.through):
    """A concept's broader term (the auto-created table), declared to carry its trigger."""

    class Meta:
        proxy = True
        # The subject facet reads the hierarchy: a write moves the search version on.
        triggers = [bumps_search_version()]


class CatalogueRecord(models.Model):
    """One UN Digital Library record of a document, and what the archive made of it."""

    Outcome = VoteOutcome

    record_id = models.PositiveBigIntegerField(unique=True, help_text="MARC 001.")
    symbol = models.CharField(max_length=100)
    symbol_key = models.CharField(max_length=120, unique=True, help_text="symbols.symbol_key.")
    document = models.OneToOneField(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_record",
    )
    record_type = models.CharField(max_length=120, blank=True, help_text="MARC 989.")
    metadata = models.JSONField(
        default=dict, help_text="The catalogue's metadata in the parse contract's shape."
    )
    publication_date = models.CharField(max_length=10, blank=True, help_text="MARC 269.")
    vote_note = models.CharField(max_length=300, blank=True, help_text="MARC 996 $a.")
    vote_outcome = models.CharField(
        max_length=16, choices=Outcome.choices, blank=True, db_index=True
    )
    files = models.JSONField(
        default=list, help_text='Language versions (856): [{"language", "url", "size", "label"}].'
    )
    differences = models.JSONField(
        default=dict,
        blank=True,
        help_text="Corrected fields that differ from the catalogue: the catalogue's value.",
    )
    parse_disagreements = models.JSONField(
        default=dict,
        blank=True,
        help_text="Where the parsed PDF disagrees with the catalogue: the parsed value.",
    )
    text_checksum = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the PDF.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["symbol"]
        constraints = [
            models.CheckConstraint(condition=~Q(symbol_key=""), name="record_symbol_key_not_empty"),
            models.CheckConstraint(
                condition=Q(vote_outcome__in=VoteOutcome.values), name="record_vote_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} (record {self.record_id})"

    @property
    def url(self) -> str:
        """The record in the UN Digital Library."""
        return f"https://digitallibrary.un.org/record/{self.record_id}"


class RecordSubject(models.Model):
    """A subject heading of a record; UNBIS terms are matched to a concept by English label."""

    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="subjects")
    position = models.PositiveSmallIntegerField()
    tag = models.CharField(max_length=3, help_text="650 terms, 610/611/630 names, 651 places.")
    label = models.CharField(max_length=500)
    unbis = models.BooleanField(default=False, help_text="650 with $2 unbist.")
    concept = models.ForeignKey(
        Concept, null=True, blank=True, on_delete=models.SET_NULL, related_name="record_subjects"
    )

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["record", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["record", "tag", "label"], name="record_subject_unique"
            ),
        ]
        indexes = [models.Index(fields=["concept", "record"], name="record_subject_concept_idx")]

    def __str__(self) -> str:
        return self.label

    @property
    def is_place(self) -> bool:
        """A 651, or a UNBIS heading that is no thesaurus concept and names a place: a State, or
        a name with its country in brackets (DARFUR (SUDAN))."""
        if self.tag == "651":
            return True
        if not self.unbis or self.concept_id is not None:
            return False
        return bool(PLACE_RE.search(self.label) or country_by_name(self.label))


class RecordLink(models.Model):
    """A related document (993): in the archive when we have it, else outside (undocs.org)."""

    Kind = LinkKind

    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    kind_inferred = models.BooleanField(
        default=False, help_text="993 gave no kind: inferred from the symbol."
    )
    symbol = models.CharField(max_length=100)
    symbol_key = models.CharField(max_length=120, db_index=True)
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_links_in",
        help_text="The linked document when it is in the archive; null: outside.",
    )

    class Meta:
        ordering = ["record", "kind", "symbol"]
        constraints = [
            models.UniqueConstraint(fields=["record", "symbol_key"], name="record_link_unique"),
            models.CheckConstraint(condition=Q(kind__in=LinkKind.values), name="record_link_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.record.symbol} -> {self.kind} {self.symbol}"

    @property
    def outside(self) -> bool:
        """Whether the linked document is outside the archive."""
        return self.document_id is None

    @property
    def undocs_url(self) -> str:
        """The linked document on undocs.org."""
        return undocs_url(self.symbol)


class Vote(models.Model):
    """A voting record: the totals (996) and, in `state_votes`, each State's vote (967)."""

    record_id = models.PositiveBigIntegerField(unique=True, help_text="MARC 001.")
    resolution_symbol = models.CharField(max_length=100, help_text="MARC 791 $a.")
    resolution_key = models.CharField(max_length=120, db_index=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="votes"
    )
    meeting = models.CharField(max_length=100, blank=True, help_text="MARC 952.")
    draft = models.CharField(max_length=100, blank=True, help_text="MARC 993.")
    date = models.DateField(null=True, blank=True)
    yes = models.PositiveSmallIntegerField()
    no = models.PositiveSmallIntegerField()
    abstain = models.PositiveSmallIntegerField()
    non_voting = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()

    history = HistoricalRecords()

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["-date", "resolution_symbol"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    total=models.F("yes")
                    + models.F("no")
                    + models.F("abstain")
                    + models.F("non_voting")
                ),
                name="vote_totals_add_up",
            ),
        ]

    def __str__(self) -> str:
        return f"Vote on {self.resolution_symbol}: {self.yes}-{self.no}-{self.abstain}"

    @property
    def url(self) -> str:
        """The voting record in the UN Digital Library."""
        return f"https://digitallibrary.un.org/record/{self.record_id}"


class StateVote(models.Model):
    """One State's vote on a resolution."""

    Choice = StateVoteChoice

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="state_votes")
    position = models.PositiveSmallIntegerField()
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="state_votes")
    name = models.CharField(max_length=120, help_text="The State as the record names it.")
    choice = models.CharField(max_length=1, choices=Choice.choices, blank=True)
    membership = models.CharField(
        max_length=1, blank=True, help_text="Security Council: P permanent, R rotating."
    )

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["vote", "position"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "country"], name="state_vote_unique"),
            models.CheckConstraint(
                condition=Q(choice__in=StateVoteChoice.values), name="state_vote_choice_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country}: {self.get_choice_display()}"


class ImportRun(models.Model):
    """One run of `import_undl`: what it asked for and what became of each record."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500, help_text="The query, or the raw store read.")
    counts = models.JSONField(default=dict, help_text="Records by outcome.")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Catalogue import {self.pk} ({self.source})"


class ImportIssue(models.Model):
    """A record an import refused or only partly took, with the reason."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="issues")
    record_id = models.CharField(max_length=20, blank=True, help_text="MARC 001, when readable.")
    stage = models.CharField(max_length=20, help_text="read, map, check, write or text.")
    reason = models.TextField()

    class Meta:
        ordering = ["run", "pk"]

    def __str__(self) -> str:
        return f"{self.record_id or '?'}: {self.reason}"
