"""What the reader is told about a search that ran: a page past the end, words that did nothing,
and the archive's own spelling of words it does not hold ("Did you mean")."""

from __future__ import annotations

from dataclasses import dataclass, field

from .request import SearchRequest
from .sql import Match
from .types import Suggestion


@dataclass
class Review:
    notices: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None


def review(request: SearchRequest, match: Match, *, count: int, shown_page: int) -> Review:
    """Notices about how the request was answered, and a suggestion when little matched."""
    told = Review()
    if request.page > shown_page:
        told.notices.append(
            f"There is no page {request.page}: "
            + (f"this is the last page, {shown_page}." if count else "nothing matches.")
        )
    return told
