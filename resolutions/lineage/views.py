"""Lineage pages: a family's timeline, the sentence tracer, draft-against-adopted comparison."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from resolutions import charts

from .comparison import compare_documents
from .selectors import family_members, timeline

FAMILY_PAGE_SIZE = 100


def family_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A family's versions across bodies and years, each diffed against the one before."""
    members = family_members(pk)
    page = Paginator(members, FAMILY_PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    if not items:
        raise Http404("No published paragraph has this wording.")
    # The last version of the page before, so the first one here has something to compare with.
    start = page.start_index() - 1
    earlier = list(members[start - 1 : start]) if start else []
    years = members.order_by().values_list("document__year").annotate(n=Count("pk"))
    bodies = members.order_by().values_list("document__body__code").annotate(n=Count("pk"))
    context = {
        "family_id": pk,
        "page": page,
        "versions": timeline(earlier + items)[len(earlier) :],
        "total": page.paginator.count,
        "bodies": sorted(bodies, key=lambda row: (-row[1], row[0])),
        "year_chart": charts.year_histogram_svg(
            {year: n for year, n in years if year}, label="Versions per year", unit="version"
        ),
    }
    return render(request, "lineage/family.html", context)


def compare(request: HttpRequest, old: int, new: int) -> HttpResponse:
    """Draft against adopted text (or two revisions): paragraphs added, removed, moved, changed."""
    return render(request, "lineage/compare.html", {"comparison": compare_documents(old, new)})
