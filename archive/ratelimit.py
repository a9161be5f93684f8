"""Rate limits per client address on searches, API calls and exports, counted in Django's cache.

Each group has its own limit (`RATELIMIT_SEARCH`, `RATELIMIT_API`, `RATELIMIT_EXPORT`, e.g.
"60/m"; empty for none). django-ratelimit keeps the counts (a fixed window per address, IPv6
addresses by /64). Past the limit the answer is 429 with `Retry-After`: JSON for API calls, a
page for people elsewhere. Signed-in staff are never limited; `RATELIMIT_ENABLE=0` turns it off.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from resolutions.api.errors import error_response, is_api_request

EXPORT_PREFIX = "/search/export."
# The paths of each group outside /search/export. and /api/: the language pages that run a
# search's filters (the commitments) or match pasted text against every paragraph (the tracer).
PATHS = {
    "export": ("/language/commitments.csv",),
    "api": ("/language/api/trace/",),
    "search": ("/", "/search/", "/search/feed/", "/language/trace/", "/language/commitments/"),
}


def group_of(request: HttpRequest) -> str | None:
    """Which limit a request counts against: "export", "api", "search", or none."""
    path = request.path
    if path.startswith(EXPORT_PREFIX):
        return "export"
    if is_api_request(request):
        return "api"
    return next((group for group, paths in PATHS.items() if path in paths), None)


def client_address(request: HttpRequest) -> str:
    """The client's address: from `RATELIMIT_CLIENT_HEADER` when that holds one address (a proxy
    sets it), else the connection's own; a header that is not an address is not trusted."""
    header = getattr(settings, "RATELIMIT_CLIENT_HEADER", "")
    value = request.headers.get(header, "").strip() if header else ""
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return request.META["REMOTE_ADDR"]


def rate_of(group: str) -> str | None:
    """The group's limit from the settings ("60/m"); None when it has none."""
    return getattr(settings, f"RATELIMIT_{group.upper()}", "") or None


def too_many_requests(request: HttpRequest, *, group: str, seconds: int) -> HttpResponse:
    """429: JSON for the API, a page for people; both say when to come back."""
    if group == "api":
        response = error_response(429)
    else:
        response = render(request, "429.html", {"seconds": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response


class RateLimitMiddleware:
    """Count each anonymous search, API call and export against its address's limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        group = group_of(request)
        if group is not None and not request.user.is_authenticated:
            usage = get_usage(
                request, group=f"archive.{group}", key="ip", rate=rate_of(group), increment=True
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, group=group, seconds=max(usage["time_left"], 1))
        return self.get_response(request)
