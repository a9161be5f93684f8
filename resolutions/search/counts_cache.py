"""The facet and count cache: `counts.counted`'s answer kept per normalised request and version.

The key holds what the answer depends on: the view, the query, `within`, every chosen filter in
a canonical order (values sorted: repeated values mean "any of these"), `drafts`, the database
read and the search version (`resolutions/search_version.py`), hashed so that any cache backend
takes it. The page and the sort are not in it: every page and sort of a request share one entry.
Entries live `SEARCH_COUNTS_CACHE_SECONDS` (0: nothing is cached), which also bounds the race
docs/search.md describes. The version is read first, one statement, before anything is counted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import router

from .. import search_version
from ..models import Paragraph
from .sql import Match

# (result size, facet rows, estimated): what counts.counted answers.
Counted = tuple[int, list, bool]
PREFIX = "search-counts:"


def seconds() -> int:
    """How long an entry lives; 0 or less turns the cache off."""
    return int(settings.SEARCH_COUNTS_CACHE_SECONDS)


def _canonical(value: Any) -> Any:
    if isinstance(value, list):
        return sorted({str(item) for item in value})
    if isinstance(value, tuple):
        return list(value)
    return value


def key(match: Match, *, on_paragraphs: bool, version: int) -> str:
    """The entry's key for this request's counts at this version."""
    request = match.request
    normalised = {
        "view": "paragraphs" if on_paragraphs else "documents",
        "q": request.query,
        "within": request.within,
        "filters": {k: _canonical(request.filters[k]) for k in sorted(request.filters)},
        "drafts": match.drafts,
        "database": router.db_for_read(Paragraph),
        "version": version,
    }
    text = json.dumps(normalised, sort_keys=True, ensure_ascii=True, default=str)
    return PREFIX + hashlib.sha256(text.encode()).hexdigest()


def remembered(match: Match, *, on_paragraphs: bool, count: Callable[[], Counted]) -> Counted:
    """The counts from the cache, or counted now and kept; with the cache off, counted now."""
    lifetime = seconds()
    if lifetime <= 0:
        return count()
    entry = key(match, on_paragraphs=on_paragraphs, version=search_version.current())
    kept = cache.get(entry)
    if kept is not None:
        return kept
    counted = count()
    cache.set(entry, counted, lifetime)
    return counted
