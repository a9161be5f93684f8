"""Addresses of the catalogue's pages: UNBIS subjects."""

from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("subjects/", views.subject_list, name="subject_list"),
    path("subjects/<str:identifier>/", views.subject_detail, name="subject"),
]
