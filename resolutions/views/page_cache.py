"""Document pages kept whole for readers who are not signed in, per address and search version.

A document page reads only tables whose writes move the search version on
(`resolutions/search_version.py`), so an entry keyed on the version is never stale: an edit, an
ingest or a withdrawal changes the version, and the next reader renders the page anew. Signed-in
users (whose pages carry a sign-out form, a CSRF token and staff links) are never served from it
and never fill it. Entries live `DOCUMENT_PAGE_CACHE_SECONDS` (0: nothing is kept) in the default
cache, with the database read (a replica's version is its own) in the key. The version moves on
before a write commits, so a page rendered in between may be kept under the new version with the
old content; the entry's lifetime bounds that, as for the count cache (docs/search.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import router
from django.http import HttpRequest, HttpResponse

from .. import search_version
from ..models import Paragraph

PREFIX = "document-page:"


def key(request: HttpRequest, *, version: int) -> str:
    """The entry of this address (scheme, host, path and query) at this version."""
    normalised = {
        "address": request.build_absolute_uri(),
        "database": router.db_for_read(Paragraph),
        "version": version,
    }
    text = json.dumps(normalised, sort_keys=True, ensure_ascii=True)
    return PREFIX + hashlib.sha256(text.encode()).hexdigest()


def cached_for_readers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a page from the cache for a reader not signed in; keep its 200 answers."""

    @wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        lifetime = int(settings.DOCUMENT_PAGE_CACHE_SECONDS)
        if lifetime <= 0 or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        entry = key(request, version=search_version.current())
        kept = cache.get(entry)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(entry, (response.content, response["Content-Type"]), lifetime)
        return response

    return serve
