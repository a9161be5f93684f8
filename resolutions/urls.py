"""Public addresses of the archive; they are linked to from outside, so keep them stable."""

from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/id/<int:pk>/", views.document_by_id, name="document_by_id"),
    path("documents/<path:symbol>/", views.document_detail, name="document"),
    path("bodies/<str:code>/", views.body_detail, name="body"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("countries/<slug:slug>/", views.country_detail, name="country"),
]
