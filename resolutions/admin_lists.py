"""Admin lists over tables of millions of rows: no full count, joined relations, indexed search."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property

from .models import SEARCH_CONFIG

COUNT_CAP = 10_000


class EstimatedCountPaginator(Paginator):
    """An unfiltered list counts from the planner's statistics; a filtered one stops at COUNT_CAP.

    Counting a million rows exactly is what made these lists take seconds; the admin needs a
    page and a rough size, not the exact total.
    """

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if isinstance(queryset, QuerySet) and not queryset.query.where:
            estimate = table_estimate(queryset.model._meta.db_table)
            if estimate >= COUNT_CAP:
                return estimate
        if isinstance(queryset, QuerySet):
            return queryset.select_related(None).order_by()[: COUNT_CAP + 1].count()
        return super().count


def table_estimate(table: str) -> int:
    """The planner's row estimate for a table (-1 when it was never analysed)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
    return int(row[0]) if row else -1


class LargeTableAdmin:
    """Mixin for ModelAdmins of large tables: estimated counts and one query per page.

    `list_defer` names columns the list never shows (full texts, tens of kilobytes a row, also
    through joined relations): its page leaves them out.
    """

    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_defer: tuple[str, ...] = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if self.list_defer and match and match.url_name.endswith("_changelist"):
            queryset = queryset.defer(*self.list_defer)
        return queryset


class FullTextSearchAdmin(LargeTableAdmin):
    """Search paragraphs through their indexed vector (or a document symbol), never `ILIKE`."""

    # Uses index: paragraph_search_gin; the symbol through the documents' unique symbol.
    vector_path = "search_vector"
    symbol_path = "document__symbol"

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        query = SearchQuery(term, search_type="websearch", config=SEARCH_CONFIG)
        matched = Q(**{self.vector_path: query}) | Q(**{self.symbol_path: term})
        return queryset.filter(matched), False
