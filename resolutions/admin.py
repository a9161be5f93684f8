"""Django admin for every model: the first curation tool."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from .admin_lists import FullTextSearchAdmin, LargeTableAdmin
from .models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    IngestFileResult,
    IngestRun,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
    Upload,
)
from .staff.services import publish_document, withdraw_document


def user_name(user) -> str:
    """A user shown as a name, not an edit or a link: the user list is the administrators' alone
    (a librarian following the link got 403)."""
    return user.get_username() if user else "-"


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "iso3"]
    search_fields = ["name", "iso3", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    extra = 0
    fields = ["position", "kind", "number", "verb", "text", "footnotes"]


class SponsorshipInline(admin.TabularInline):
    model = Sponsorship
    extra = 0
    autocomplete_fields = ["country"]


class DecidedByAdmin:
    """A topic decision's librarian shown by user_name, not offered as a choice of every user."""

    exclude = ["decided_by"]
    readonly_fields = ["decider", "decided_at"]

    @admin.display(description="Decided by")
    def decider(self, link: DocumentTopic) -> str:
        return user_name(link.decided_by)


class DocumentTopicInline(DecidedByAdmin, admin.TabularInline):
    model = DocumentTopic
    extra = 0
    autocomplete_fields = ["topic"]


@admin.register(Document)
class DocumentAdmin(FullTextSearchAdmin, SimpleHistoryAdmin):
    list_display = ["label", "title", "body", "doc_type", "date", "status"]
    list_select_related = ["body"]
    list_defer = ["full_text"]
    list_filter = ["body", "doc_type", "status", "year"]
    # The search box matches words of the title (full text) or an exact symbol.
    search_fields = ["title"]
    search_help_text = "Words of the title (full-text search), or a document's exact symbol."
    vector_path = "title_search"  # Uses index: document_title_search_gin
    symbol_path = "symbol"
    date_hierarchy = "date"
    raw_id_fields = ["draft"]
    # Who uploaded a document is its record, shown by user_name.
    exclude = ["uploaded_by"]
    readonly_fields = ["checksum", "citation_key", "uploader", "created_at", "updated_at"]
    inlines = [SponsorshipInline, DocumentTopicInline, ParagraphInline]
    actions = ["publish", "withdraw"]

    @admin.display(description="Uploaded by")
    def uploader(self, document: Document) -> str:
        return user_name(document.uploaded_by)

    @admin.action(description="Publish the selected documents", permissions=["change"])
    def publish(self, request, queryset):
        for document in queryset.exclude(status=Document.Status.PUBLISHED):
            publish_document(document, user=request.user)
        self.message_user(request, "Published.", messages.SUCCESS)

    @admin.action(description="Withdraw the selected documents", permissions=["change"])
    def withdraw(self, request, queryset):
        for document in queryset.exclude(status=Document.Status.DRAFT):
            withdraw_document(document, user=request.user)
        self.message_user(request, "Withdrawn: researchers no longer see them.", messages.SUCCESS)


@admin.register(Paragraph)
class ParagraphAdmin(FullTextSearchAdmin, SimpleHistoryAdmin):
    list_display = ["document", "position", "kind", "number", "verb"]
    list_select_related = ["document__body"]
    list_defer = ["document__full_text"]
    list_filter = ["kind"]
    # The search box matches words of the text or verb (full text) or a document's exact symbol.
    search_fields = ["text"]
    search_help_text = "Words of the paragraph (full-text search), or a document's exact symbol."
    raw_id_fields = ["document"]


@admin.register(Reference)
class ReferenceAdmin(LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["citing_document", "cited_key", "cited_document", "outside_archive"]
    list_select_related = ["citing_document__body", "cited_document__body"]
    list_defer = ["citing_document__full_text", "cited_document__full_text"]
    list_filter = ["ref_type", "outside_archive", ("cited_document", admin.EmptyFieldListFilter)]
    # Exact keys and symbols: both indexed (reference_cited_key_idx, the unique symbol).
    search_fields = ["=cited_key", "=citing_document__symbol"]
    raw_id_fields = ["citing_document", "citing_paragraph", "cited_document"]


@admin.register(DocumentTopic)
class DocumentTopicAdmin(DecidedByAdmin, LargeTableAdmin, SimpleHistoryAdmin):
    list_display = ["document", "topic", "status", "decided_by"]
    list_select_related = ["document__body", "topic", "decided_by"]
    list_defer = ["document__full_text"]
    list_filter = ["status", "topic"]
    raw_id_fields = ["document"]


class IngestFileResultInline(admin.TabularInline):
    model = IngestFileResult
    extra = 0
    readonly_fields = ["source", "checksum", "outcome", "message", "document", "recorded_at"]
    can_delete = False


class UploadInline(admin.TabularInline):
    """An upload batch's files as the worker left them (state, reason, cost of parsing)."""

    model = Upload
    extra = 0
    fields = ["filename", "size", "state", "message", "document", "parse_seconds", "peak_memory_kb"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ["pk", "started_by", "started_at", "finished_at"]
    exclude = ["user"]  # shown by user_name
    readonly_fields = ["started_by", "signed_in_user", "started_at", "finished_at"]
    inlines = [UploadInline, IngestFileResultInline]

    @admin.display(description="User")
    def signed_in_user(self, run: IngestRun) -> str:
        return user_name(run.user)
