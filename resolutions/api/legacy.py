"""The first API's addresses, linked to from outside: permanent redirects into `/api/v1/`,
the query string kept; and `/api/`, the API's page for people."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .. import search
from ..views.search import EXPORT_MAX_ROWS, FACET_NAMES
from .pagination import MAX_PER_PAGE
from .representations import NAMESPACE


def moved(name: str):
    """A view that sends a request, with its query string, to the API operation `name`."""

    @require_safe
    def redirect(request: HttpRequest, **kwargs: object) -> HttpResponse:
        target = reverse(f"{NAMESPACE}:{name}", kwargs=kwargs)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)

    redirect.__name__ = redirect.__qualname__ = f"moved_to_{name}"
    return redirect


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """`/api/`: the endpoints and their parameters, for people."""
    return render(
        request,
        "resolutions/api_docs.html",
        {
            "facet_names": FACET_NAMES,
            "max_per_page": MAX_PER_PAGE,
            "per_page": search.PER_PAGE,
            "export_max_rows": EXPORT_MAX_ROWS,
        },
    )
