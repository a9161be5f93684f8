"""The archive's tables: documents and their paragraphs, bodies, countries, topics, citations."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from pgtrigger import After, AnyChange, Before, Insert, Trigger, UpdateOf
from simple_history.models import HistoricalRecords

from . import document_words
from .search_version import bumps_search_version

# One text-search configuration for vectors and queries alike.
SEARCH_CONFIG = "english"


class DocType(models.TextChoices):
    """What kind of document it is."""

    RESOLUTION = "resolution", "Resolution"
    DECISION = "decision", "Decision"
    DRAFT_RESOLUTION = "draft_resolution", "Draft resolution"
    AMENDMENT = "amendment", "Amendment to a draft"
    REPORT = "report", "Report"
    OTHER = "other", "Other"


class DocumentStatus(models.TextChoices):
    """Whether researchers can see a document."""

    DRAFT = "draft", "Draft (not public)"
    PUBLISHED = "published", "Published"


class ParagraphKind(models.TextChoices):
    """Preambular and operative paragraphs of resolutions; numbered paragraphs of others."""

    PREAMBULAR = "preambular", "Preambular"
    OPERATIVE = "operative", "Operative"
    OTHER = "other", "Other"


class TopicStatus(models.TextChoices):
    """A topic on a document: suggested by the rules until a librarian decides."""

    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class RefType(models.TextChoices):
    """A citation of a resolution (body and number) or of a document symbol."""

    RESOLUTION = "resolution", "Resolution"
    DOCUMENT = "document", "Document"


class IngestOutcome(models.TextChoices):
    """What an ingest did with a file."""

    NEW = "new", "New"
    UPDATED = "updated", "Updated"
    UNCHANGED = "unchanged", "Unchanged"
    FAILED = "failed", "Failed"


class Body(models.Model):
    """An issuing body (General Assembly, ECOSOC, a Commission, a Conference of the Parties)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["code"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(condition=~Q(code=""), name="body_code_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resolutions:body", args=[self.code])


class Country(models.Model):
    """A UN member or observer state, as sponsor of drafts; aliases map other spellings to it."""

    name = models.CharField(max_length=120, unique=True)
    iso3 = models.CharField(
        "ISO 3166 alpha-3 code", max_length=3, unique=True, null=True, blank=True
    )
    slug = models.SlugField(max_length=120, unique=True)
    aliases = ArrayField(models.CharField(max_length=120), default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="country_name_not_empty"),
            models.CheckConstraint(
                condition=Q(iso3__isnull=True) | Q(iso3__regex=r"^[A-Z]{3}$"),
                name="country_iso3_three_capitals",
            ),
        ]
        indexes = [GinIndex(fields=["aliases"], name="country_aliases_gin")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resolutions:country", args=[self.slug])


class Topic(models.Model):
    """A term of the controlled topic vocabulary; topics may nest under a parent."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    history = HistoricalRecords()

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="topic_name_not_empty"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="topic_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resolutions:topic", args=[self.slug])


class Document(models.Model):
    """A resolution, decision, draft, report or other document, with its metadata."""

    DocType = DocType
    Status = DocumentStatus

    symbol = models.CharField(max_length=100, unique=True, null=True, blank=True)
    citation_key = models.CharField(
        max_length=120,
        blank=True,
        db_index=True,
        help_text="How citations name this document: its symbol, else body and number.",
    )
    doc_type = models.CharField(max_length=20, choices=DocType.choices, default=DocType.RESOLUTION)
    number = models.CharField(max_length=40, blank=True)
    title = models.TextField()
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents")
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    session = models.CharField(max_length=60, blank=True)
    agenda_item = models.CharField(max_length=60, blank=True)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    full_text = models.TextField(blank=True)
    original_file = models.FileField(upload_to="originals/%Y/%m/", blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    checksum = models.CharField("SHA-256 of the original file", max_length=64, blank=True)
    curated_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        blank=True,
        help_text="Metadata fields a librarian corrected; a new ingest of the file keeps them.",
    )
    draft = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_version",
        help_text="The draft resolution this document was adopted from.",
    )
    sponsors = models.ManyToManyField(
        Country, through="Sponsorship", related_name="sponsored_documents", blank=True
    )
    topics = models.ManyToManyField(
        Topic, through="DocumentTopic", related_name="documents", blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_documents",
    )
    title_search = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Generated columns are PostgreSQL's to fill; history keeps the texts they come from.
    history = HistoricalRecords(excluded_fields=["title_search"])

    class Meta:
        ordering = ["-date", "symbol", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(symbol=""), name="document_symbol_null_not_empty"),
            models.CheckConstraint(condition=~Q(title=""), name="document_title_not_empty"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1945, year__lte=2100),
                name="document_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(date__isnull=True) | Q(year=models.F("date__year")),
                name="document_year_matches_date",
            ),
            models.CheckConstraint(
                condition=Q(doc_type__in=DocType.values),
                name="document_doc_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=DocumentStatus.values), name="document_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(checksum="") | Q(checksum__regex=r"^[0-9a-f]{64}$"),
                name="document_checksum_sha256",
            ),
            models.CheckConstraint(
                condition=~Q(draft=models.F("pk")), name="document_not_own_draft"
            ),
            # Ingest identity: the database, not a check-then-insert, keeps one row per key.
            models.UniqueConstraint(
                fields=["citation_key"],
                condition=~Q(citation_key=""),
                name="document_unique_citation_key",
            ),
            models.UniqueConstraint(
                fields=["checksum"],
                condition=Q(citation_key="") & ~Q(checksum=""),
                name="document_unique_keyless_checksum",
            ),
        ]
        indexes = [
            GinIndex(fields=["title_search"], name="document_title_search_gin"),
            models.Index(fields=["year"], name="document_year_idx"),
            models.Index(fields=["doc_type"], name="document_doc_type_idx"),
            models.Index(fields=["status"], name="document_status_idx"),
            models.Index(fields=["body", "number"], name="document_body_number_idx"),
        ]
        # The paragraphs' copies of what search filters by follow their document (see Paragraph).
        triggers = [
            bumps_search_version(),
            *document_words.DOCUMENT_TRIGGERS,
            Trigger(
                name="document_to_paragraphs",
                when=After,
                operation=UpdateOf("status", "body_id", "year", "doc_type"),
                condition=AnyChange("status", "body", "year", "doc_type"),
                func="""
                UPDATE resolutions_paragraph
                   SET published = (NEW.status = 'published'), body_id = NEW.body_id,
                       year = NEW.year, doc_type = NEW.doc_type
                 WHERE document_id = NEW.id;
                RETURN NULL;
                """,
            ),
            # Its references' copies follow it likewise (Reference.citing_published and the rest).
            Trigger(
                name="document_to_references",
                when=After,
                operation=UpdateOf("status", "body_id", "year", "date"),
                condition=AnyChange("status", "body", "year", "date"),
                func="""
                UPDATE resolutions_reference
                   SET citing_published = (NEW.status = 'published'), citing_body_id = NEW.body_id,
                       citing_year = NEW.year, citing_date = NEW.date
                 WHERE citing_document_id = NEW.id;
                RETURN NULL;
                """,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol or self.citation_key or 'Document'}: {self.title}"

    def get_absolute_url(self) -> str:
        if self.symbol:
            return reverse("resolutions:document", args=[self.symbol])
        return reverse("resolutions:document_by_id", args=[self.pk])

    @property
    def label(self) -> str:
        """How the document is named in lists and citations: its symbol, else body and number."""
        if self.symbol:
            return self.symbol
        if self.number:
            return f"{self.body.code} {self.get_doc_type_display().lower()} {self.number}"
        return self.title


class Paragraph(models.Model):
    """A numbered or preambular paragraph of a document, with its normalized opening verb."""

    Kind = ParagraphKind

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(help_text="Order in the document, from 1.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    number = models.CharField(max_length=20, blank=True, help_text="The number as printed.")
    verb = models.CharField(max_length=60, blank=True)
    text = models.TextField()
    footnotes = models.JSONField(
        default=list, blank=True, help_text='A list of {"marker": "1", "text": "..."}.'
    )
    # Verb (weight A) before text (B): "urges" ranks paragraphs that open with it first.
    search_vector = models.GeneratedField(
        expression=SearchVector("verb", weight="A", config=SEARCH_CONFIG)
        + SearchVector("text", weight="B", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    # Generated columns are PostgreSQL's to fill; history keeps the texts they come from.
    history = HistoricalRecords(excluded_fields=["search_vector"])

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="paragraph_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1), name="paragraph_position_positive"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ParagraphKind.values), name="paragraph_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(text__regex=r"\S"),
                name="paragraph_text_not_blank",
            ),
            models.CheckConstraint(
                condition=~Q(kind="preambular") | Q(number=""),
                name="paragraph_preambular_unnumbered",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="paragraph_search_gin"),
            models.Index(fields=["kind", "verb"], name="paragraph_kind_verb_idx"),
        ]
        # published, body_id, year and doc_type are columns the database keeps, not fields
        # (migration 0005): search matches and counts paragraphs without joining documents.
        # Bulk writes, the admin and history reverts go through these triggers like any save.
        triggers = [
            bumps_search_version(),
            Trigger(
                name="paragraph_copy_document",
                when=Before,
                operation=Insert | UpdateOf("document_id"),
                func="""
                SELECT d.status = 'published', d.body_id, d.year, d.doc_type
                  INTO NEW.published, NEW.body_id, NEW.year, NEW.doc_type
                  FROM resolutions_document d WHERE d.id = NEW.document_id;
                RETURN NEW;
                """,
            ),
            *document_words.PARAGRAPH_TRIGGERS,
        ]

    def __str__(self) -> str:
        return f"{self.document.label} {self.anchor}"

    def get_absolute_url(self) -> str:
        return f"{self.document.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """A stable fragment id: `op12` for operative 12, `pp3` for the third preambular."""
        if self.kind == self.Kind.OPERATIVE and self.number:
            return f"op{self.number}"
        if self.kind == self.Kind.OTHER and self.number:
            return f"para{self.number}"
        return f"pp{self.position}"


class DocumentWords(models.Model):
    """Every lexeme of a document's title and paragraphs, without positions: what a query of
    single words reads over a whole document (document_words.py). Written by the database's
    triggers only, never by the application."""

    document = models.OneToOneField(
        Document, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    words = SearchVectorField()

    class Meta:
        indexes = [GinIndex(fields=["words"], name="document_words_gin")]
        triggers = [bumps_search_version()]

    def __str__(self) -> str:
        return f"Words of document {self.document_id}"


class Sponsorship(models.Model):
    """A country that sponsored a draft, in the order printed."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="sponsorships")
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "country"], name="sponsorship_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.country} sponsors {self.document.label}"


class DocumentTopic(models.Model):
    """A topic attached to a document: suggested by the rules until a librarian decides."""

    Status = TopicStatus

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="document_links")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [bumps_search_version()]
        ordering = ["document", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["document", "topic"], name="document_topic_unique"),
            models.CheckConstraint(
                condition=Q(status__in=TopicStatus.values),
                name="document_topic_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["topic", "status"], name="document_topic_status_idx")]

    def __str__(self) -> str:
        return f"{self.topic} ({self.status}) on {self.document.label}"


# What a reference copies of its citing document (see Reference).
CITING_COPIES = ("citing_published", "citing_body", "citing_year", "citing_date")


class Reference(models.Model):
    """A citation from a document (and paragraph) to a resolution or document symbol.

    `cited_document` is null until the cited text is in the archive; the cited key and text
    are kept either way, so a document that arrives later can be linked to its citations.
    """

    RefType = RefType

    # Indexed as the first column of `reference_unique_per_document`: no index of its own.
    citing_document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="references", db_index=False
    )
    citing_paragraph = models.ForeignKey(
        Paragraph, null=True, blank=True, on_delete=models.CASCADE, related_name="references"
    )
    ref_type = models.CharField(max_length=10, choices=RefType.choices)
    cited_key = models.CharField(
        max_length=120, help_text="Normalized, e.g. A/RES/66/128 or COP-UNTOC 5/3."
    )
    cited_body = models.CharField(max_length=20, blank=True)
    cited_number = models.CharField(max_length=40, blank=True)
    cited_text = models.TextField(blank=True, help_text="The citation as printed.")
    cited_document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )
    outside_archive = models.BooleanField(
        default=False, help_text="A librarian marked the cited text as outside this archive."
    )
    # The citing document's status, body, year and date, kept by the database (the triggers
    # below and `document_to_references`): a cited document's counts and newest citations read
    # these rows and the index `reference_cited_by_newest` alone (migration 0024).
    citing_published = models.BooleanField(default=False, editable=False)
    citing_body = models.ForeignKey(
        Body,
        null=True,
        editable=False,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    citing_year = models.PositiveSmallIntegerField(null=True, editable=False)
    citing_date = models.DateField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=list(CITING_COPIES))

    class Meta:
        # Counts read this table: a write moves the search version on.
        triggers = [
            bumps_search_version(),
            # An insert, and any update that sets the citing document or the copies (a save of
            # a stale instance included), leaves the copies equal to the citing document's.
            # Other updates (the linking of citations, `cited_document_id` alone) keep them as
            # they were, current: `document_to_references` rewrites them when the document changes.
            Trigger(
                name="reference_copy_citing_document",
                when=Before,
                operation=Insert
                | UpdateOf(
                    "citing_document_id",
                    "citing_published",
                    "citing_body_id",
                    "citing_year",
                    "citing_date",
                ),
                func="""
                SELECT d.status = 'published', d.body_id, d.year, d.date
                  INTO NEW.citing_published, NEW.citing_body_id, NEW.citing_year, NEW.citing_date
                  FROM resolutions_document d WHERE d.id = NEW.citing_document_id;
                RETURN NEW;
                """,
            ),
        ]
        ordering = ["citing_document", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["citing_document", "cited_key"], name="reference_unique_per_document"
            ),
            models.CheckConstraint(condition=~Q(cited_key=""), name="reference_key_not_empty"),
            models.CheckConstraint(
                condition=Q(ref_type__in=RefType.values),
                name="reference_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(cited_document__isnull=True)
                | ~Q(cited_document=models.F("citing_document")),
                name="reference_not_to_itself",
            ),
        ]
        indexes = [
            models.Index(fields=["cited_key"], name="reference_cited_key_idx"),
            models.Index(
                fields=["cited_key"],
                name="reference_unresolved_idx",
                condition=Q(cited_document__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citing_document.label} cites {self.cited_key}"


class IngestRun(models.Model):
    """One run of the ingest command or an upload batch: who started it, when, and the outcome."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.CharField(max_length=150, help_text="A user name or a command.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    interrupted = models.BooleanField(
        default=False, help_text="Its process died before the run finished (closed by a later run)."
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Ingest run {self.pk} by {self.started_by} at {self.started_at:%Y-%m-%d %H:%M}"


class IngestFileResult(models.Model):
    """What one ingest run did with one file."""

    Outcome = IngestOutcome

    run = models.ForeignKey(IngestRun, on_delete=models.CASCADE, related_name="results")
    source = models.CharField(max_length=500)
    checksum = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    message = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="ingest_results"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["run", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=IngestOutcome.values),
                name="ingest_result_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.outcome}"


class SearchWord(models.Model):
    """A word of the archive's texts and how often it occurs: "Did you mean" looks here for the
    nearest spelling of a word the archive does not hold (pg_trgm similarity)."""

    word = models.CharField(max_length=40, primary_key=True)
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [GinIndex(fields=["word"], name="search_word_trgm", opclasses=["gin_trgm_ops"])]

    def __str__(self) -> str:
        return self.word


class CommonTerm(models.Model):
    """A word held by so many documents that ranking them all for it is slow: the documents it
    scores highest in, and those whose best paragraph scores highest, are kept in `TermImpact`
    (see `resolutions/term_impacts.py`). No document left out scores above `floor` for the word,
    nor holds a paragraph scoring above `paragraph_floor` (None until the lists are rebuilt with
    paragraph scores: the paragraph view then ranks every match)."""

    lexeme = models.TextField(primary_key=True)
    documents = models.PositiveIntegerField(help_text="Documents holding it when listed.")
    floor = models.FloatField(default=0.0)
    paragraph_floor = models.FloatField(null=True, blank=True)

    class Meta:
        # The match reads the documents counts to choose its path: a write moves the search
        # version on, as for every table the counts read.
        triggers = [bumps_search_version()]

    def __str__(self) -> str:
        return self.lexeme


class TermImpact(models.Model):
    """A document's relevance score for one common word alone (`ranking.document_score` of the
    word as the whole query) and its best paragraph's (`ranking.paragraph_score`): its rows, best
    first, bound what a query of these words can score, over documents and over paragraphs."""

    lexeme = models.TextField()
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    paragraph_score = models.FloatField(default=0.0)

    class Meta:
        indexes = [
            models.Index(
                fields=["lexeme", "-score"], include=["document"], name="term_impact_best_first"
            ),
            models.Index(
                fields=["lexeme", "-paragraph_score"],
                include=["document"],
                name="term_impact_best_paragraph",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lexeme} {self.document_id} {self.score:.4f}"


class Upload(models.Model):
    """One file a staff member uploaded: queued, parsed by a worker, and what became of it.

    The file waits under a generated name (`incoming/<uuid>`), never the name it came with, until
    a worker has parsed it; its batch is the upload's ingest run.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting"
        RUNNING = "running", "Being read"
        DONE = "done", "Done"
        FAILED = "failed", "Not added"

    run = models.ForeignKey(IngestRun, on_delete=models.CASCADE, related_name="uploads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    filename = models.CharField(max_length=255, help_text="The name it was uploaded with.")
    stored_name = models.CharField(max_length=100, blank=True, help_text="Until it is parsed.")
    size = models.BigIntegerField()
    may_replace = models.BooleanField(
        default=False, help_text="Its uploader may replace a document already in the archive."
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    outcome = models.CharField(max_length=10, choices=IngestOutcome.choices, blank=True)
    message = models.TextField(blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    parse_seconds = models.FloatField(null=True, blank=True)
    peak_memory_kb = models.PositiveIntegerField(
        null=True, blank=True, help_text="The parsing process's peak resident memory."
    )

    class Meta:
        ordering = ["run", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["queued", "running", "done", "failed"]),
                name="upload_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename}: {self.state}"

    @property
    def pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
