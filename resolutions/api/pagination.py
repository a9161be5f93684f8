"""Pages with a total: `page` from 1, `per_page` up to `MAX_PER_PAGE`, links to the neighbours.

A page past the last is an error (404 `page_out_of_range`), never a silent other page, so a
client that follows `next` until it is null reads every row once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from .. import search
from .errors import ApiError

MAX_PER_PAGE = 100


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    per_page: int = Field(search.PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Rows per page.")


def page_link(request: HttpRequest, number: int | None) -> str | None:
    """This request's absolute address with another page number (None for no such page)."""
    if number is None:
        return None
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def check_page(asked: int, num_pages: int) -> None:
    """Refuse a page past the last one (an empty list has one empty page)."""
    if asked > max(num_pages, 1):
        raise ApiError(
            404,
            f"Page {asked} is past the last page ({max(num_pages, 1)}).",
            code="page_out_of_range",
        )


def envelope(
    request: HttpRequest,
    *,
    count: int,
    number: int,
    per_page: int,
    num_pages: int,
    count_is_estimate: bool = False,
) -> dict[str, Any]:
    """The fields every page carries (`Page`)."""
    return {
        "count": count,
        "count_is_estimate": count_is_estimate,
        "page": number,
        "per_page": per_page,
        "num_pages": max(num_pages, 1),
        "next": page_link(request, number + 1 if number < num_pages else None),
        "previous": page_link(request, number - 1 if number > 1 else None),
    }


def paginate(
    request: HttpRequest, rows: QuerySet | Sequence, params: PageParams
) -> tuple[dict[str, Any], list]:
    """(the envelope, this page's rows) of an ordered queryset."""
    paginator = Paginator(rows, params.per_page)
    check_page(params.page, paginator.num_pages)
    page = paginator.page(params.page)  # page 1 of nothing is an empty page
    fields = envelope(
        request,
        count=paginator.count,
        number=page.number,
        per_page=params.per_page,
        num_pages=paginator.num_pages,
    )
    return fields, list(page.object_list)
