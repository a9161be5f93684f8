"""The first API's addresses, linked to from outside: aliases of their `/api/v1/` operations
(the same answer, and a `Link` to the new address); and `/api/`, the API's page for people."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .. import search
from ..search import EXPORT_MAX_ROWS
from .pagination import MAX_PER_PAGE
from .representations import NAMESPACE


def alias(name: str) -> Callable[..., HttpResponse]:
    """A view that answers as the API operation `name` does, naming it in a `Link` header."""

    @csrf_exempt  # as the operation itself: the API is read-only and keyless
    def answer(request: HttpRequest, **kwargs: object) -> HttpResponse:
        target = reverse(f"{NAMESPACE}:{name}", kwargs=kwargs)
        match = resolve(target)
        response = match.func(request, *match.args, **match.kwargs)
        response["Link"] = f'<{request.build_absolute_uri(target)}>; rel="successor-version"'
        return response

    answer.__name__ = answer.__qualname__ = f"alias_of_{name}"
    return answer


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    """`/api/`: the endpoints and their parameters, for people."""
    return render(
        request,
        "resolutions/api_docs.html",
        {
            "max_per_page": MAX_PER_PAGE,
            "per_page": search.PER_PAGE,
            "export_max_rows": EXPORT_MAX_ROWS,
            # Each facet's parameters as the registry declares them.
            "facet_parameters": [p for facet in search.FACETS for p in facet.parameters()],
        },
    )
