"""Public addresses of the archive; they are linked to from outside, so keep them stable.

Every public page only reads: each answers GET and HEAD, and a POST with 405 (`require_safe`).
"""

from collections.abc import Callable

from django.urls import URLPattern, path
from django.views.decorators.http import require_safe

from .api import legacy
from .document_feeds import CitedByFeed
from .feeds import BodyFeed, CountryFeed, SearchFeed, TopicFeed
from .views import documents, entities, original, search_citations
from .views import search as search_views

app_name = "resolutions"


def document_routes(suffix: str, view: Callable, *, name: str) -> list[URLPattern]:
    """An export's id route, then its symbol route (`<path:symbol>` would take the id too)."""
    return [
        path(f"documents/id/<int:pk>/{suffix}", view, name=f"document_by_id_{name}"),
        path(f"documents/<path:symbol>/{suffix}", view, name=f"document_{name}"),
    ]


urlpatterns = [
    # --- search, browse, API, feeds of searches, exports (views/search.py, api/) ---
    path("", search_views.search_page, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("search/export.csv", search_views.export_csv, name="search_export_csv"),
    path("search/export.json", search_views.export_json, name="search_export_json"),
    path("search/export.ris", search_citations.export_ris, name="search_export_ris"),
    path("search/export.bib", search_citations.export_bibtex, name="search_export_bibtex"),
    path("search/feed/", require_safe(SearchFeed()), name="search_feed"),
    path("api/", legacy.api_docs, name="api_docs"),
    # The first API's addresses, kept as aliases of their /api/v1/ operations.
    path("api/search/", legacy.alias("search"), name="api_search"),
    path("api/documents/", legacy.alias("document_list"), name="api_documents"),
    path("api/documents/<int:pk>/", legacy.alias("document"), name="api_document"),
    path("api/paragraphs/", legacy.alias("paragraph_list"), name="api_paragraphs"),
    # --- documents (views/documents.py) and entity pages (views/entities.py) ---
    # The id routes and the suffixed routes come before the catch-all `<path:symbol>/`.
    path("documents/<int:pk>/original/", original.original_file, name="original"),
    path("documents/id/<int:pk>/", documents.document_by_id, name="document_by_id"),
    *document_routes("cite.ris", documents.document_ris, name="ris"),
    *document_routes("cite.bib", documents.document_bibtex, name="bibtex"),
    *document_routes("json/", documents.document_json, name="json"),
    *document_routes("cited-by/", documents.document_cited_by, name="cited_by"),
    *document_routes("cited-by.atom", require_safe(CitedByFeed()), name="cited_by_feed"),
    path("documents/<path:symbol>/", documents.document_detail, name="document"),
    path("bodies/", entities.body_list, name="body_list"),
    path("bodies/<str:code>/", entities.body_detail, name="body"),
    path("bodies/<str:code>/feed/", require_safe(BodyFeed()), name="body_feed"),
    path("topics/", entities.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", entities.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/", require_safe(TopicFeed()), name="topic_feed"),
    path("countries/", entities.country_list, name="country_list"),
    path("countries/<slug:slug>/", entities.country_detail, name="country"),
    path("countries/<slug:slug>/feed/", require_safe(CountryFeed()), name="country_feed"),
]
