"""Addresses of the lineage pages, under /language/."""

from django.urls import path

from . import views

app_name = "lineage"

urlpatterns = [
    path("families/<int:pk>/", views.family_detail, name="family"),
    path("trace/", views.trace_page, name="trace"),
    path("api/trace/", views.trace_json, name="trace_json"),
    path("commitments/", views.commitments_page, name="commitments"),
    path("commitments.csv", views.commitments_csv, name="commitments_csv"),
    path("mandates/", views.mandates_page, name="mandates"),
    path("compare/<int:old>/<int:new>/", views.compare, name="compare"),
]
