"""Public addresses of the archive; they are linked to from outside, so keep them stable."""

from django.urls import path

from .views import documents, original

app_name = "resolutions"

urlpatterns = [
    # --- search, browse, API, feeds of searches, exports (views/search.py, api.py) ---
    path("", documents.home, name="home"),
    # --- documents and entity pages (views/documents.py) ---
    path("documents/<int:pk>/original/", original.original_file, name="original"),
    path("documents/id/<int:pk>/", documents.document_by_id, name="document_by_id"),
    path("documents/<path:symbol>/", documents.document_detail, name="document"),
    path("bodies/<str:code>/", documents.body_detail, name="body"),
    path("topics/<slug:slug>/", documents.topic_detail, name="topic"),
    path("countries/<slug:slug>/", documents.country_detail, name="country"),
]
