"""The document page's repeated pieces as HTML, built in Python: paragraphs, references.

A long document has hundreds of paragraphs and references: rendered through a template include
(and an inclusion tag) each, they were most of the page's time. The markup is the template's;
every value is escaped here as the template escaped it (`conditional_escape`: the segments'
HTML is already safe, built by `document_display`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .document_display import Segment
from .lineage.selectors import LineageLine
from .models import Document, Reference


def _e(value: Any) -> str:
    """As `conditional_escape` (safe HTML as it is, anything else escaped), without its lazy
    wrappers: a long page escapes thousands of values."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


# Reversed once with this stand-in id, then the id put in its place: a reverse() a paragraph was
# a tenth of a long page's time. The family's address is `families/<int:pk>/`.
_STAND_IN = 987654321


def family_url_maker() -> Callable[[int], str]:
    """A function giving a lineage family's address from its id, as reverse() would."""
    before, after = reverse("lineage:family", args=[_STAND_IN]).split(str(_STAND_IN))
    return lambda family_id: f"{before}{int(family_id)}{after}"


def lineage_line_html(line: LineageLine | None, family_url: Callable[[int], str]) -> str:
    """ "First adopted in <symbol> (<year>) · N versions", linked to the family; else nothing."""
    if line is None:
        return ""
    first = "adopted" if line.first_adopted else "appeared"
    if line.first_is_here:
        where = f"First {first} here"
    else:
        year = f" ({_e(line.first.year)})" if line.first.year else ""
        where = f"First {first} in {_e(line.first.label)}{year}"
    url = family_url(line.family_id)
    return (
        f'<span class="lineage-line"><a href="{_e(url)}">{where} · {_e(line.versions)} versions'
        "</a></span>"
    )


def footnote_refs_html(footnotes: Iterable[dict[str, str]]) -> str:
    """The footnote markers after a paragraph's last segment, each linked to its note."""
    return "".join(
        f'<sup class="footnote-ref"><a id="{_e(note["ref_id"])}" href="#{_e(note["id"])}">'
        f'<span class="visually-hidden">Footnote </span>{_e(note["marker"])}</a></sup>'
        for note in footnotes
    )


def paragraph_html(
    *,
    kind: str,
    number: str,
    anchor: str,
    citation: str,
    segments: list[Segment],
    footnotes: list[dict[str, str]],
    line: LineageLine | None,
    family_url: Callable[[int], str],
) -> SafeString:
    """A paragraph: its number, its segments (footnote markers after the last), its tools."""
    last = len(segments) - 1
    body = "".join(
        f'<p class="segment segment-{_e(segment.level)}">{_e(segment.html)}'
        f"{footnote_refs_html(footnotes) if index == last else ''}</p>"
        for index, segment in enumerate(segments)
    )
    cite = _e(citation)
    return mark_safe(  # every value above is escaped
        f'<div class="para para-{_e(kind)}" id="{_e(anchor)}">\n'
        f'  <div class="para-number">{f"{_e(number)}." if number else ""}</div>\n'
        '  <div class="para-body">\n'
        f"    {body}\n"
        '    <p class="para-tools">\n'
        f'      <a class="para-link" href="#{_e(anchor)}" title="Link to this paragraph"'
        f' aria-label="Link to {cite}">#</a>\n'
        f'      <span class="cite"><span class="cite-label">Cite as</span>'
        f' <span class="cite-text">{cite}</span></span>\n'
        f"      {lineage_line_html(line, family_url)}\n"
        f'      <button type="button" class="cite-button" data-citation="{cite}" hidden>Copy'
        f'<span class="visually-hidden"> citation {cite}</span></button>\n'
        "    </p>\n"
        "  </div>\n"
        "</div>"
    )


def reference_html(reference: Reference) -> SafeString:
    """A reference in the page's list: the cited document linked, else its key marked as not
    in the archive; then how it was printed, when that differs from the key."""
    target = reference.cited_document
    if target is not None and target.status == Document.Status.PUBLISHED:
        item = f'<a href="{_e(target.get_absolute_url())}">{_e(target.label)}</a>'
        if target.label != target.title:
            item += f" — {_e(target.title)}"
    else:
        url = reverse("resolutions:document", args=[reference.cited_key])
        item = (
            f'<a class="reference-key" href="{_e(url)}">{_e(reference.cited_key)}</a>'
            ' <span class="badge badge-missing">not in the archive</span>'
        )
    if reference.cited_text and reference.cited_text != reference.cited_key:
        item += f' <span class="muted">(cited as “{_e(reference.cited_text)}”)</span>'
    return mark_safe(item)  # every value above is escaped


PART_HEADINGS = {"preambular": "Preamble", "operative": "Operative paragraphs"}


def text_html(paragraphs: Iterable[tuple[str, SafeString]]) -> SafeString:
    """The paragraphs' HTML (kind, HTML) in order, a heading wherever the kind changes."""
    parts: list[str] = []
    kind = None
    for paragraph_kind, paragraph in paragraphs:
        if paragraph_kind != kind:
            kind = paragraph_kind
            parts.append(f'<h3 class="part-heading">{PART_HEADINGS.get(kind, "Paragraphs")}</h3>')
        parts.append(paragraph)
    return mark_safe("\n".join(parts))  # headings are fixed text, paragraphs built above


def footnotes_html(paragraphs: Iterable[tuple[str, list[dict[str, str]]]]) -> SafeString:
    """The footnotes' list items (citation of the paragraph, its footnotes), each linking back
    to its marker."""
    return mark_safe(  # every value is escaped
        "\n".join(
            f'<li id="{_e(note["id"])}"><span class="footnote-marker">{_e(note["marker"])}</span>'
            f' {_e(note["text"])} <a class="footnote-back" href="#{_e(note["ref_id"])}">'
            f"Back to {_e(citation)}</a></li>"
            for citation, notes in paragraphs
            for note in notes
        )
    )
