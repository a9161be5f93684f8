"""Public pages: read GET, call one selector, render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ..models import Body, Country, Document, Topic


def published_documents():
    """Documents that researchers may see."""
    return Document.objects.filter(status=Document.Status.PUBLISHED)


def home(request: HttpRequest) -> HttpResponse:
    """The newest documents in the archive."""
    documents = published_documents().select_related("body")[:50]
    return render(request, "resolutions/home.html", {"documents": documents})


def render_document(request: HttpRequest, document: Document) -> HttpResponse:
    """A document with its paragraphs."""
    return render(
        request,
        "resolutions/document.html",
        {"document": document, "paragraphs": document.paragraphs.all()},
    )


def document_detail(request: HttpRequest, symbol: str) -> HttpResponse:
    """A document by its symbol, e.g. /documents/E/RES/2014/23/."""
    document = get_object_or_404(published_documents().select_related("body"), symbol=symbol)
    return render_document(request, document)


def document_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    """A document by its id: the stable address of documents without a symbol."""
    document = get_object_or_404(published_documents().select_related("body"), pk=pk)
    return render_document(request, document)


def body_detail(request: HttpRequest, code: str) -> HttpResponse:
    """What a body adopted."""
    body = get_object_or_404(Body, code=code)
    documents = published_documents().filter(body=body).select_related("body")
    return render(request, "resolutions/home.html", {"documents": documents, "heading": body})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The documents a topic covers."""
    topic = get_object_or_404(Topic, slug=slug)
    documents = published_documents().filter(topics=topic).select_related("body")
    return render(request, "resolutions/home.html", {"documents": documents, "heading": topic})


def country_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The drafts a country sponsored."""
    country = get_object_or_404(Country, slug=slug)
    documents = published_documents().filter(sponsors=country).select_related("body")
    return render(request, "resolutions/home.html", {"documents": documents, "heading": country})
