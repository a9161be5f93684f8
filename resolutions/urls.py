"""Public addresses of the archive; they are linked to from outside, so keep them stable."""

from django.urls import path

from . import api
from .feeds import SearchFeed
from .views import documents, original
from .views import search as search_views

app_name = "resolutions"

urlpatterns = [
    # --- search, browse, API, feeds of searches, exports (views/search.py, api.py) ---
    path("", search_views.search_page, name="home"),
    path("search/", search_views.search_page, name="search"),
    path("search/export.csv", search_views.export_csv, name="search_export_csv"),
    path("search/export.json", search_views.export_json, name="search_export_json"),
    path("search/feed/", SearchFeed(), name="search_feed"),
    path("api/", api.api_docs, name="api_docs"),
    path("api/search/", api.api_search, name="api_search"),
    path("api/documents/", api.api_documents, name="api_documents"),
    path("api/documents/<int:pk>/", api.api_document, name="api_document"),
    path("api/paragraphs/", api.api_paragraphs, name="api_paragraphs"),
    # --- documents and entity pages (views/documents.py) ---
    path("documents/<int:pk>/original/", original.original_file, name="original"),
    path("documents/id/<int:pk>/", documents.document_by_id, name="document_by_id"),
    path("documents/<path:symbol>/", documents.document_detail, name="document"),
    path("bodies/<str:code>/", documents.body_detail, name="body"),
    path("topics/<slug:slug>/", documents.topic_detail, name="topic"),
    path("countries/<slug:slug>/", documents.country_detail, name="country"),
]
