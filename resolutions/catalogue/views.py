"""Public pages of the catalogue: UNBIS subjects, with the documents under them and below them."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..models import Document
from ..views.entities import render_entity
from .models import Concept
from .selectors import subject_documents

PUBLISHED = Q(record_subjects__record__document__status=Document.Status.PUBLISHED)


@require_safe
def subject_list(request: HttpRequest) -> HttpResponse:
    """The UNBIS subjects of the archive's published documents, with their numbers."""
    concepts = list(
        Concept.objects.filter(kind=Concept.Kind.CONCEPT)
        .annotate(n=Count("record_subjects__record__document", filter=PUBLISHED, distinct=True))
        .filter(n__gt=0)
        .select_related("topic")
        .order_by("label")
    )
    return render(request, "catalogue/subject_list.html", {"concepts": concepts})


@require_safe
def subject_detail(request: HttpRequest, identifier: str) -> HttpResponse:
    """A UNBIS concept: its labels, broader and narrower terms, and its documents (the narrower
    concepts' included unless ?narrower=0)."""
    concept = get_object_or_404(Concept.objects.select_related("topic"), identifier=identifier)
    include_narrower = request.GET.get("narrower") != "0"
    return render_entity(
        request,
        template="catalogue/subject_detail.html",
        entity=concept,
        documents=subject_documents(concept, include_narrower=include_narrower),
        verb="catalogued under",
        extra={
            "broader": list(concept.broader.order_by("label")),
            "narrower": list(concept.narrower.order_by("label")),
            "include_narrower": include_narrower,
        },
    )
