"""The document page's pieces built in Python: the template's markup, every value escaped."""

from __future__ import annotations

from django.urls import reverse

from resolutions.document_display import render_paragraph
from resolutions.document_html import (
    family_url_maker,
    lineage_line_html,
    paragraph_html,
    reference_html,
)
from resolutions.lineage.selectors import LineageLine
from resolutions.models import Body, Document, Reference

HOSTILE = '<script>alert("x")</script>&'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"


def first(doc_type: str = Document.DocType.RESOLUTION) -> Document:
    return Document(
        pk=7, symbol="A/RES/78/37", number="78/37", doc_type=doc_type, year=2023,
        body=Body(code="GA"),
    )  # fmt: skip


def test_family_addresses_are_those_reverse_gives():
    family_url = family_url_maker()
    for family_id in (1, 9, 10, 987654321, 12345678901):
        assert family_url(family_id) == reverse("lineage:family", args=[family_id])


def test_lineage_line_says_where_the_wording_first_appeared():
    line = LineageLine(family_id=5, versions=3, first=first(), first_is_here=False)
    html = lineage_line_html(line, family_url_maker())
    assert html == (
        f'<span class="lineage-line"><a href="{reverse("lineage:family", args=[5])}">'
        "First adopted in A/RES/78/37 (2023) · 3 versions</a></span>"
    )
    draft = LineageLine(5, 2, first(Document.DocType.DRAFT_RESOLUTION), first_is_here=True)
    assert "First appeared here · 2 versions" in lineage_line_html(draft, family_url_maker())
    assert lineage_line_html(None, family_url_maker()) == ""


def test_paragraph_escapes_its_citation_anchor_and_footnotes():
    note = {"marker": HOSTILE, "text": "t", "id": "fn-op1-1", "ref_id": "fnref-op1-1"}
    html = paragraph_html(
        kind="operative",
        number="1",
        anchor="op1",
        citation=HOSTILE,
        segments=render_paragraph(f"Urges {HOSTILE}: (a) one; (b) two", verb="urges"),
        footnotes=[note],
        line=None,
        family_url=family_url_maker(),
    )
    assert "<script>" not in html
    assert html.count(ESCAPED) == 6  # the text, the footnote marker, four times the citation
    assert html.count('<p class="segment segment-') == 3
    # the footnote marker follows the last segment only
    assert html.index('class="footnote-ref"') > html.rindex('<p class="segment segment-1">')
    assert '<div class="para-number">1.</div>' in html


def test_reference_to_a_text_not_in_the_archive_links_its_key_escaped():
    reference = Reference(cited_key="A/RES/1/1", cited_text=HOSTILE, cited_document=None)
    html = reference_html(reference)
    assert html.startswith(
        f'<a class="reference-key" href="{reverse("resolutions:document", args=["A/RES/1/1"])}">'
    )
    assert "not in the archive" in html
    assert f"(cited as “{ESCAPED}”)" in html


def test_reference_to_a_published_document_links_it_with_its_title():
    target = first()
    target.status = Document.Status.PUBLISHED
    target.title = HOSTILE
    html = reference_html(Reference(cited_key="A/RES/78/37", cited_text="", cited_document=target))
    assert html == f'<a href="{target.get_absolute_url()}">A/RES/78/37</a> — {ESCAPED}'
