"""Template filters of the reading pages: paragraphs and documents named as readers say them."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ..document_display import paragraph_place
from ..document_html import reference_html
from ..models import Document, Paragraph, Reference

register = template.Library()


@register.filter
def place(paragraph: Paragraph) -> str:
    """ "para. 12" or "preamble, para. 4": the anchor (`pp4`) stays in links only."""
    return paragraph_place(
        kind=paragraph.kind, number=paragraph.number, position=paragraph.position
    )


@register.filter
def names_itself(document: Document) -> bool:
    """Whether the document's label is just its title (no symbol, no number): say it once."""
    return document.label == document.title


@register.filter
def reference_item(reference: Reference) -> SafeString:
    """A reference as the document page lists it (document_html.py)."""
    return reference_html(reference)
