"""The catalogue in the admin: records, votes, import runs and their issues, UNBIS concepts."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CatalogueRecord, Concept, ImportIssue, ImportRun, Vote


@admin.register(CatalogueRecord)
class CatalogueRecordAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "record_id", "record_type", "vote_outcome", "updated_at"]
    list_filter = ["vote_outcome", "record_type"]
    search_fields = ["symbol", "record_id"]
    raw_id_fields = ["document"]


@admin.register(Vote)
class VoteAdmin(SimpleHistoryAdmin):
    list_display = ["resolution_symbol", "date", "yes", "no", "abstain", "non_voting", "total"]
    search_fields = ["resolution_symbol", "record_id"]
    raw_id_fields = ["document"]


class ImportIssueInline(admin.TabularInline):
    model = ImportIssue
    extra = 0
    readonly_fields = ["record_id", "stage", "reason"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "finished_at", "source", "counts"]
    readonly_fields = ["started_at", "finished_at", "source", "counts"]
    inlines = [ImportIssueInline]


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["label", "identifier", "kind", "topic"]
    list_filter = ["kind"]
    search_fields = ["label", "identifier"]
    raw_id_fields = ["broader"]
