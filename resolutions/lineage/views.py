"""Lineage pages: a family's timeline, the sentence tracer, draft-against-adopted comparison."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from resolutions import charts
from resolutions.models import Body
from resolutions.search import read_search, unknown_value_notices
from resolutions.search.results import CountedPaginator

from . import charts as lineage_charts
from .commitments import Selection, commitments, strength_scale
from .comparison import compare_documents
from .mandate_list import mandate_rows
from .models import Mandate
from .selectors import family_counts, family_versions, timeline
from .tracer import FamilyHits, TraceError, trace

FAMILY_PAGE_SIZE = 100


@require_safe
def family_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A family's versions across bodies and years, each diffed against the one before: its
    counts from its tallies, and one page of its versions."""
    counts = family_counts(pk)
    if not counts.total:
        raise Http404("No published paragraph has this wording.")
    page = CountedPaginator(counts.total, FAMILY_PAGE_SIZE).get_page(request.GET.get("page"))
    # The page's versions and the last one of the page before, so the first one here has
    # something to compare with.
    start = page.start_index() - 1
    first = max(start - 1, 0)
    shown = family_versions(pk, first, page.end_index())
    context = {
        "family_id": pk,
        "page": page,
        "versions": timeline(shown)[start - first :],
        "total": counts.total,
        "bodies": counts.bodies,
        "year_chart": charts.year_histogram_svg(
            counts.years, label="Versions per year", unit="version"
        ),
    }
    return render(request, "lineage/family.html", context)


@require_safe
def compare(request: HttpRequest, old: int, new: int) -> HttpResponse:
    """Draft against adopted text (or two revisions): paragraphs added, removed, moved, changed."""
    return render(request, "lineage/compare.html", {"comparison": compare_documents(old, new)})


def pasted_text(request: HttpRequest) -> str:
    """The text to trace: `q` from a POSTed form or the query string."""
    return (request.POST.get("q") if request.method == "POST" else request.GET.get("q")) or ""


def trace_page(request: HttpRequest) -> HttpResponse:
    """ "Where does this sentence come from?": a form, then the families that hold the wording.

    Text it cannot trace shows the form again with the reason, answered 200 like any form with an
    error: a 400 page is logged by the browser as a failed load (the JSON API keeps its 400)."""
    text = pasted_text(request)
    context: dict = {"text": text, "groups": None, "error": ""}
    if "q" in request.GET or "q" in request.POST:
        try:
            context["groups"] = trace(text)
        except TraceError as exc:
            context["error"] = str(exc)
            context["text"] = text[:5000]
    return render(request, "lineage/trace.html", context)


def hit_json(group: FamilyHits) -> dict:
    """One family of the tracer's answer, as JSON."""
    return {
        "family": group.family_id,
        "url": reverse("lineage:family", args=[group.family_id]),
        "more": group.more,
        "paragraphs": [
            {
                "document": hit.paragraph.document.label,
                "url": hit.paragraph.get_absolute_url(),
                "body": hit.paragraph.document.body.code,
                "date": hit.paragraph.document.date.isoformat()
                if hit.paragraph.document.date
                else None,
                "year": hit.paragraph.document.year,
                "number": hit.paragraph.number,
                "text": hit.paragraph.text,
                "similarity": hit.score,
                "addressees": hit.paragraph.lineage.addressees,
                "part_of_paragraph": hit.partial,
                "diff": [{"op": run.op, "text": run.text} for run in hit.diff],
            }
            for hit in group.hits
        ],
    }


@csrf_exempt
def trace_json(request: HttpRequest) -> JsonResponse:
    """The tracer as JSON: GET or POST `q`; 400 with {"error": ...} for text it cannot trace."""
    try:
        groups = trace(pasted_text(request))
    except TraceError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse({"families": [hit_json(g) for g in groups]})


def selection_query(selection: Selection) -> str:
    """The selection's parameters as a query string (for the CSV and the way back to search)."""
    return urlencode(selection.request.cleaned, doseq=True)


@require_safe
def commitments_page(request: HttpRequest) -> HttpResponse:
    """Operative verbs over time, their strength, the strongest sponsors, co-sponsor pairs: for
    the documents a search finds (its parameters), or all published documents."""
    selection = Selection.of(request.GET)
    result = commitments(selection)
    context = {
        "selection": selection,
        "errors": selection.request.errors,
        "unknown": unknown_value_notices(selection.request),
        "result": result,
        "scale": strength_scale(),
        "query": selection_query(selection),
        "strength_chart": lineage_charts.strength_svg(
            result.mean_by_year, label="Mean strength of operative verbs per year"
        ),
        "pairs_chart": lineage_charts.pairs_svg(result.pairs, label="Top co-sponsor pairs"),
    }
    return render(request, "lineage/commitments.html", context)


@require_safe
def commitments_csv(request: HttpRequest) -> HttpResponse:
    """The selection's operative verbs per year as CSV: year, verb, level, paragraphs. Parameters
    the search cannot use get a 400 naming them (the page shows them and leaves them out)."""
    selection = Selection.of(request.GET)
    if selection.request.errors:
        problems = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in selection.request.errors.items()
        )
        return HttpResponseBadRequest(
            f"Not a usable selection: {problems}\n", content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="operative-verbs.csv"'
    writer = csv.writer(response)
    writer.writerow(["year", "verb", "level", "paragraphs"])
    for year, verb, level, n in commitments(selection).counts:
        writer.writerow([year, verb, level if level is not None else "", n])
    return response


@require_safe
def mandates_page(request: HttpRequest) -> HttpResponse:
    """Mandates by body and due date, with the report that answers each; open ones flagged."""
    who = request.GET.get("who", "")
    body = request.GET.get("body", "").strip()[:20]
    rows = mandate_rows(
        body=body,
        who=who if who in Mandate.Who.values else "",
        open_only=request.GET.get("status") == "open",
    )
    return render(
        request,
        "lineage/mandates.html",
        {
            "rows": rows,
            # A body typed into the address that the archive does not hold, named as search does.
            "unknown": unknown_value_notices(read_search({"body": [body]})) if body else [],
            "bodies": Body.objects.order_by("name").values_list("code", "name"),
            "who_choices": Mandate.Who.choices,
            "params": request.GET,
        },
    )
