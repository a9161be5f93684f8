"""Entity pages: bodies, topics and countries, each listed with its published documents counted,
and each one's documents newest first with a chart of them per year."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .. import charts
from ..catalogue.selectors import country_votes
from ..models import Body, Country, Document, Topic
from ..selectors import (
    bodies_with_counts,
    body_documents,
    country_documents,
    newest_first,
    sponsors_with_counts,
    topic_documents,
    topics_with_counts,
)

PAGE_SIZE = 25


def _year_counts(documents: QuerySet[Document]) -> dict[int, int]:
    rows = documents.exclude(year=None).values("year").annotate(n=Count("pk")).order_by("year")
    return {row["year"]: row["n"] for row in rows}


def render_entity(
    request: HttpRequest,
    *,
    template: str,
    entity: Any,
    documents: QuerySet[Document],
    verb: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """An entity's page: its documents, paginated newest first, and a per-year chart."""
    documents = documents.distinct()
    paginator = Paginator(newest_first(documents.select_related("body")), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    chart = charts.year_histogram_svg(
        _year_counts(documents), label=f"Documents {verb} {entity}, per year"
    )
    context = {"entity": entity, "page": page, "chart": chart, "verb": verb, **(extra or {})}
    return render(request, template, context)


@require_safe
def body_detail(request: HttpRequest, code: str) -> HttpResponse:
    """What a body adopted."""
    body = get_object_or_404(Body, code=code)
    return render_entity(
        request,
        template="resolutions/body_detail.html",
        entity=body,
        documents=body_documents(body),
        verb="of",
        extra={"feed_url": reverse("resolutions:body_feed", args=[body.code])},
    )


@require_safe
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The documents a topic covers (confirmed or suggested, never rejected)."""
    topic = get_object_or_404(Topic.objects.select_related("parent"), slug=slug)
    return render_entity(
        request,
        template="resolutions/topic_detail.html",
        entity=topic,
        documents=topic_documents(topic),
        verb="on",
        extra={
            "children": list(topic.children.order_by("name")),
            "feed_url": reverse("resolutions:topic_feed", args=[topic.slug]),
        },
    )


@require_safe
def country_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The drafts and resolutions a country sponsored."""
    country = get_object_or_404(Country, slug=slug)
    return render_entity(
        request,
        template="resolutions/country_detail.html",
        entity=country,
        documents=country_documents(country),
        verb="sponsored by",
        extra={
            "feed_url": reverse("resolutions:country_feed", args=[country.slug]),
            "country_votes": country_votes(country),
        },
    )


@require_safe
def body_list(request: HttpRequest) -> HttpResponse:
    """Every body with the number of its published documents, and a chart of them."""
    bodies = list(bodies_with_counts())
    chart = charts.bar_chart_svg(
        [(b.code, b.n) for b in bodies if b.n],
        label="Published documents per body",
        link=lambda code: reverse("resolutions:body", args=[code]),
    )
    return render(request, "resolutions/body_list.html", {"bodies": bodies, "chart": chart})


@require_safe
def topic_list(request: HttpRequest) -> HttpResponse:
    """Every topic with the number of published documents it covers."""
    topics = list(topics_with_counts())
    return render(request, "resolutions/topic_list.html", {"topics": topics})


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    """Every country that sponsored a published document, with the number it sponsored."""
    countries = list(sponsors_with_counts())
    return render(request, "resolutions/country_list.html", {"countries": countries})
