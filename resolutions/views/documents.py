"""Public reading pages: a document, its cited-by pages and its exports (entities.py: bodies,
topics, countries).

Views read GET, call the readers (selectors.py, document_reads.py), render. Only published
documents are public: every page here answers 404 for a document that is not. Each page makes a
fixed number of queries, whatever the number of paragraphs, sponsors, topics or citations (the
tests pin them).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from ..catalogue.selectors import document_catalogue
from ..citation_formats import (
    PUBLISHER,
    bibtex_for_document,
    bluebook_for_document,
    contract_dict,
    download_filename,
    oscola_for_document,
    ris_for_document,
)
from ..document_display import (
    OFFICIAL_DOCUMENTS,
    CitationLink,
    official_record_url,
    paragraph_citation,
    render_paragraph,
)
from ..document_html import family_url_maker, footnotes_html, paragraph_html, text_html
from ..document_reads import (
    CITED_BY_LIMIT,
    CITED_BY_PER_PAGE,
    CitationPages,
    adopted_version_of,
    cited_by_choices,
    cited_by_of,
    is_public,
    narrowed_citations,
    related_documents,
    visible_topic_links,
)
from ..lineage.document_context import document_lineage
from ..lineage.selectors import LineageLine
from ..models import (
    Document,
    Paragraph,
    Reference,
)
from ..selectors import (
    get_published_document,
    outside_citations,
    published_documents,
    references_of,
    sponsors_of,
)
from .page_cache import cached_for_readers


def original_url(document: Document) -> str:
    """Where to download the original file: the archive's download view, else the file's URL."""
    if not document.original_file:
        return ""
    try:
        return reverse("resolutions:original", args=[document.pk])
    except NoReverseMatch:
        return document.original_file.url


# --- the document page ---------------------------------------------------------------------


@dataclass
class ParagraphView:
    """A paragraph ready for the template."""

    paragraph: Paragraph
    anchor: str
    citation: str
    footnotes: list[dict[str, str]]
    html: SafeString
    references: list[Reference] = field(default_factory=list)


def citation_link(reference: Reference) -> CitationLink:
    """How a reference is linked inline: its printed text, then its number or symbol."""
    needles = [reference.cited_text]
    if reference.ref_type == Reference.RefType.RESOLUTION and reference.cited_number:
        needles.append(reference.cited_number)
    needles.append(reference.cited_key)
    target = reference.cited_document
    if is_public(target):
        return CitationLink(
            tuple(needles), target.get_absolute_url(), f"{target.label}: {target.title}"
        )
    return CitationLink(
        tuple(needles),
        cited_text_url(reference.cited_key),
        f"{reference.cited_key}: not in the archive",
        outside=True,
    )


def cited_text_url(key: str) -> str:
    """The address of a cited text by its key: its page once it is in the archive, till then
    a page saying so, with what cites it (see cited_text_page)."""
    return reverse("resolutions:document", args=[key])


def paragraph_views(
    document: Document,
    paragraphs: list[Paragraph],
    references: list[Reference],
    lines: dict[int, LineageLine],
) -> list[ParagraphView]:
    """Paragraphs with their display segments, citation text, footnotes, references and HTML
    (with their lineage lines)."""
    by_paragraph: dict[int | None, list[Reference]] = defaultdict(list)
    for reference in references:
        by_paragraph[reference.citing_paragraph_id].append(reference)
    label = document.label
    family_url = family_url_maker()
    views = []
    ordinals: dict[str, int] = defaultdict(int)
    for paragraph in paragraphs:
        ordinals[paragraph.kind] += 1
        refs = by_paragraph.get(paragraph.pk, [])
        anchor = paragraph.anchor
        footnotes = [
            {
                "marker": str(note.get("marker", "")),
                "text": str(note.get("text", "")),
                "id": f"fn-{anchor}-{index}",
                "ref_id": f"fnref-{anchor}-{index}",
            }
            for index, note in enumerate(paragraph.footnotes or [], start=1)
            if isinstance(note, dict)
        ]
        citation = paragraph_citation(
            label, kind=paragraph.kind, number=paragraph.number, ordinal=ordinals[paragraph.kind]
        )
        segments = render_paragraph(
            paragraph.text, verb=paragraph.verb, citations=[citation_link(r) for r in refs]
        )
        html = paragraph_html(
            kind=paragraph.kind,
            number=paragraph.number,
            anchor=anchor,
            citation=citation,
            segments=segments,
            footnotes=footnotes,
            line=lines.get(paragraph.pk),
            family_url=family_url,
        )
        views.append(
            ParagraphView(
                paragraph=paragraph,
                anchor=anchor,
                citation=citation,
                footnotes=footnotes,
                html=html,
                references=refs,
            )
        )
    return views


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def cited_by_narrowing(request: HttpRequest) -> dict[str, Any]:
    """The body code and year that narrow a cited-by list (`cited_by_body`, `cited_by_year`)."""
    return {
        "body": request.GET.get("cited_by_body", "").strip(),
        "year": _int_or_none(request.GET.get("cited_by_year")),
    }


def narrowed_url(url: str, *, body: str, year: int | None) -> str:
    """A cited-by address narrowed by body code and year when given."""
    query = urlencode(
        {name: value for name, value in [("cited_by_body", body), ("cited_by_year", year)] if value}
    )
    return url + (f"?{query}" if query else "")


def render_document(request: HttpRequest, document: Document) -> HttpResponse:
    """A document with its paragraphs, citations both ways, topics, sponsors and versions."""
    paragraphs = list(document.paragraphs.defer("search_vector"))
    sponsors = sponsors_of(document)
    topic_links = visible_topic_links(document)
    references = list(references_of(document))
    narrowing = cited_by_narrowing(request)
    cited_by = cited_by_of(document, **narrowing)
    links = document_links(document)
    neighbour_ids = {r.cited_document_id for r in references if r.cited_document_id} | {
        r.citing_document_id for r in cited_by.items
    }
    related = related_documents(
        document, topic_ids=[link.topic_id for link in topic_links], neighbour_ids=neighbour_ids
    )
    draft = document.draft if is_public(document.draft) else None
    adopted = adopted_version_of(document)
    lineage = document_lineage(document, paragraphs, draft=draft, adopted=adopted)
    views = paragraph_views(document, paragraphs, references, lineage.lines)
    outside = [r for r in references if not is_public(r.cited_document)]
    context: dict[str, Any] = {
        "document": document,
        "paragraphs": views,
        "text_html": text_html((view.paragraph.kind, view.html) for view in views),
        "has_footnotes": any(view.footnotes for view in views),
        "footnotes_html": footnotes_html((view.citation, view.footnotes) for view in views),
        "sponsors": sponsors,
        "topic_links": topic_links,
        "references": references,
        "reference_groups": reference_groups(views, references),
        "cites_outside": bool(outside),
        "cited_by": cited_by,
        "cited_by_pages": narrowed_url(links["cited_by"], **narrowing),
        "related": related,
        "draft": draft,
        "adopted": adopted,
        "original_url": original_url(document),
        "links": links,
        "styles": [
            ("OSCOLA", oscola_for_document(document)),
            ("Bluebook", bluebook_for_document(document)),
        ],
        "meta": citation_meta(request, document, topics=[link.topic.name for link in topic_links]),
        "catalogue": document_catalogue(document),
        "lineage": lineage,
    }
    return render(request, "resolutions/document.html", context)


def citation_meta(
    request: HttpRequest, document: Document, *, topics: list[str]
) -> list[tuple[str, str]]:
    """The `citation_*` meta tags (Highwire Press) that Zotero and Google Scholar read."""
    meta = [
        ("citation_title", document.title),
        ("citation_author", document.body.name),
        ("citation_publisher", PUBLISHER),
        ("citation_technical_report_institution", document.body.name),
        ("citation_technical_report_number", document.symbol or document.label),
        ("citation_language", document.language),
    ]
    if document.date or document.year:
        issued = document.date.strftime("%Y/%m/%d") if document.date else str(document.year)
        meta += [("citation_publication_date", issued), ("citation_date", issued)]
    meta += [("citation_keywords", topic) for topic in topics]
    meta.append(("citation_abstract_html_url", request.build_absolute_uri()))
    if document.original_file and document.original_filename.lower().endswith(".pdf"):
        meta.append(("citation_pdf_url", request.build_absolute_uri(original_url(document))))
    return meta


def reference_groups(
    views: list[ParagraphView], references: list[Reference]
) -> list[tuple[ParagraphView | None, list[Reference]]]:
    """References grouped by citing paragraph, in paragraph order; unplaced ones last."""
    groups: list[tuple[ParagraphView | None, list[Reference]]] = [
        (view, view.references) for view in views if view.references
    ]
    placed = {r.pk for _, refs in groups for r in refs}
    rest = [r for r in references if r.pk not in placed]
    if rest:
        groups.append((None, rest))
    return groups


def document_links(document: Document) -> dict[str, str]:
    """The addresses of the document's exports and feed."""
    if document.symbol:
        args: list[Any] = [document.symbol]
        prefix = "document"
    else:
        args = [document.pk]
        prefix = "document_by_id"
    return {
        name: reverse(f"resolutions:{prefix}_{name}", args=args)
        for name in ("ris", "bibtex", "json", "cited_by", "cited_by_feed")
    }


@require_safe
@cached_for_readers
def document_detail(request: HttpRequest, symbol: str) -> HttpResponse:
    """A document by its symbol, e.g. /documents/E/RES/2014/23/; else the cited text's page."""
    try:
        document = get_published_document(symbol=symbol)
    except Http404:
        return cited_text_page(request, symbol)
    return render_document(request, document)


def cited_text_page(request: HttpRequest, key: str) -> HttpResponse:
    """A cited text by its citation key: the document once it is in the archive (under another
    address if it has no symbol); till then what cites it and where the UN publishes it."""
    filed = published_documents().filter(citation_key=key).first()
    if filed is not None:
        return redirect(filed)
    citations = list(outside_citations(key)[: CITED_BY_LIMIT + 1])
    if not citations:
        raise Http404("No document in the archive has this symbol, and none cites it.")
    official_url = official_record_url(key)
    context = {
        "key": key,
        "citations": citations[:CITED_BY_LIMIT],
        "truncated": len(citations) > CITED_BY_LIMIT,
        "cited_as": sorted(
            {r.cited_text for r in citations if r.cited_text and r.cited_text != key}
        ),
        "official_url": official_url,
        "on_undocs": official_url.startswith(OFFICIAL_DOCUMENTS),
    }
    return render(request, "resolutions/not_in_archive.html", context)


@require_safe
@cached_for_readers
def document_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    """A document by its id: the stable address of documents without a symbol."""
    return render_document(request, get_published_document(pk=pk))


@require_safe
def document_cited_by(
    request: HttpRequest, symbol: str | None = None, pk: int | None = None
) -> HttpResponse:
    """Every published document citing this one, newest first, a page at a time, narrowed by
    body and year as on the document's page."""
    document = get_published_document(symbol=symbol, pk=pk)
    narrowing = cited_by_narrowing(request)
    paginator = Paginator(
        CitationPages(narrowed_citations(document, **narrowing)), CITED_BY_PER_PAGE
    )
    context = {
        "document": document,
        "page": paginator.get_page(request.GET.get("page")),
        "choices": cited_by_choices(document),
        **narrowing,
    }
    return render(request, "resolutions/document_cited_by.html", context)


# --- exports -------------------------------------------------------------------------------


def _lookup(symbol: str | None, pk: int | None) -> Document:
    return get_published_document(symbol=symbol, pk=pk)


# The citation files: what writes each, and its media type.
CITATION_FILES: dict[str, tuple[Callable[..., str], str]] = {
    "ris": (ris_for_document, "application/x-research-info-systems"),
    "bib": (bibtex_for_document, "application/x-bibtex"),
}


def _citation_download(request: HttpRequest, document: Document, *, extension: str) -> HttpResponse:
    """The document's citation as a file to download: `extension` is one of CITATION_FILES."""
    write, content_type = CITATION_FILES[extension]
    url = request.build_absolute_uri(document.get_absolute_url())
    response = HttpResponse(
        write(document, url=url, topics=_topic_names(document)),
        content_type=f"{content_type}; charset=utf-8",
    )
    filename = download_filename(document, extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def document_ris(
    request: HttpRequest, symbol: str | None = None, pk: int | None = None
) -> HttpResponse:
    """The document's citation in RIS, for reference managers."""
    return _citation_download(request, _lookup(symbol, pk), extension="ris")


@require_safe
def document_bibtex(
    request: HttpRequest, symbol: str | None = None, pk: int | None = None
) -> HttpResponse:
    """The document's citation in BibTeX."""
    return _citation_download(request, _lookup(symbol, pk), extension="bib")


@require_safe
def document_json(request: HttpRequest, symbol: str | None = None, pk: int | None = None):
    """The document in the parse contract's JSON shape (as samples/*.gold.json)."""
    document = _lookup(symbol, pk)
    data = contract_dict(
        document,
        paragraphs=list(document.paragraphs.all()),
        references=list(document.references.order_by("pk")),
        sponsors=[country.name for country in sponsors_of(document)],
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{download_filename(document, "json")}"'
    return response


def _topic_names(document: Document) -> list[str]:
    return [link.topic.name for link in visible_topic_links(document)]
