"""The lineage line beside a paragraph of the document page."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("lineage/_paragraph_line.html")
def lineage_line(lineage: object, paragraph_id: int) -> dict:
    """Renders "first adopted in <symbol> (<year>) · N versions" when the wording recurs."""
    lines = getattr(lineage, "lines", None) or {}
    return {"line": lines.get(paragraph_id)}
