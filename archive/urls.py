"""The archive's URL map: the public pages and API from `resolutions`, and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from resolutions.api.main import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("staff/", include("resolutions.staff.urls")),
    # The JSON API, its own URL namespace (api-v1) for django-ninja.
    path("api/v1/", api.urls),
    path("", include("resolutions.catalogue.urls")),
    path("language/", include("resolutions.lineage.urls")),
    path("", include("resolutions.urls")),
]
# Uploaded originals are never served from MEDIA_URL, not even in development: only the download
# view (resolutions.views.original) hands them out, for published documents, as attachments.
