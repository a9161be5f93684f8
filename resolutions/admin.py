"""Django admin for every model: the first curation tool."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet
from django.utils.text import capfirst
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


class NamedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete box named by its field's label: select2 named it by the choice it shows,
    nothing while empty (axe: aria-input-field-name); static/js/admin-autocomplete.js names it."""

    @property
    def media(self) -> forms.Media:
        # Named with Django's script, so the two lists merge with ours after it.
        after = forms.Media(js=["admin/js/autocomplete.js", "js/admin-autocomplete.js"])
        return super().media + after


class NamedAutocompleteAdmin:
    """Mixin for admins and inlines: their `autocomplete_fields` use NamedAutocompleteSelect."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                NamedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class LabelledInlineFormSet(BaseInlineFormSet):
    """Each row's controls, its Delete box too, named by their field's label (aria-label): a
    tabular inline prints the labels only as its column headings (axe: label, select-name)."""

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        for field in form.fields.values():
            widget = getattr(field.widget, "widget", field.widget)  # RelatedFieldWidgetWrapper's
            if field.label and not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(field.label))


class LabelledTabularInline(NamedAutocompleteAdmin, admin.TabularInline):
    """A tabular inline whose controls have names and whose table scrolls in a focusable region."""

    formset = LabelledInlineFormSet
    template = "admin/edit_inline/tabular_region.html"


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
class TopicAdmin(NamedAutocompleteAdmin, SimpleHistoryAdmin):
    list_display = ["name", "parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    extra = 0
    fields = ["position", "kind", "number", "verb", "text", "footnotes"]


class SponsorshipInline(LabelledTabularInline):
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


class DocumentTopicInline(DecidedByAdmin, LabelledTabularInline):
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


class IngestFileResultInline(LabelledTabularInline):
    model = IngestFileResult
    extra = 0
    readonly_fields = ["source", "checksum", "outcome", "message", "document", "recorded_at"]
    can_delete = False


class UploadInline(LabelledTabularInline):
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
