"""Paragraph display: sub-paragraphs, verb emphasis and inline citations, always escaped."""

from __future__ import annotations

import pytest

from resolutions.document_display import (
    CitationLink,
    find_subparagraph_starts,
    find_verb_span,
    paragraph_citation,
    render_paragraph,
)

URGES = (
    "Urges all Member States: (a) To criminalize trafficking in persons; (b) To promote "
    "cooperation, inter alia: (i) Investigating cases; (ii) Protecting victims; and (c) To report."
)


def test_subparagraphs_split_at_markers_after_colon_or_semicolon():
    markers = [(marker, level) for _, marker, level in find_subparagraph_starts(URGES)]
    assert markers == [("(a)", 1), ("(b)", 1), ("(i)", 2), ("(ii)", 2), ("(c)", 1)]


def test_letter_i_after_h_is_not_roman():
    text = "Decides: (g) G; (h) H; (i) I; (j) J."
    assert [lvl for _, _, lvl in find_subparagraph_starts(text)] == [1, 1, 1, 1]


def test_parentheses_mid_sentence_are_not_subparagraphs():
    assert find_subparagraph_starts("In accordance with article 6 (a) of the Protocol,") == []


@pytest.mark.parametrize(
    ("text", "verb", "emphasized"),
    [
        ("Urges all Member States", "urges", "Urges"),
        ("Also urges States parties", "urges", "Also urges"),
        ("Bearing in mind the need", "bearing in mind", "Bearing in mind"),
        ("Expressing its deepest concern", "expressing", "Expressing"),
        ("Requests the Secretary-General", "request", "Requests"),
    ],
)
def test_verb_span_covers_the_opening_words(text, verb, emphasized):
    start, end = find_verb_span(text, verb)
    assert text[start:end] == emphasized


def test_verb_not_at_the_start_is_not_emphasized():
    assert find_verb_span("The Commission urges", "urges") is None


def test_render_emphasizes_verb_and_indents_subparagraphs():
    segments = render_paragraph(URGES, verb="urges")
    assert segments[0].level == 0
    assert segments[0].html == '<strong class="verb">Urges</strong> all Member States:'
    assert [s.marker for s in segments[1:]] == ["(a)", "(b)", "(i)", "(ii)", "(c)"]
    assert segments[1].html == "(a) To criminalize trafficking in persons;"
    assert segments[3].level == 2


def test_render_links_citations_and_marks_missing_ones():
    text = "Recalling General Assembly resolutions 68/4 of 3 October 2013 and 68/43, and E/2014/30,"
    segments = render_paragraph(
        text,
        verb="recalling",
        citations=[
            CitationLink(
                ("General Assembly resolution 68/4", "68/4"), "/documents/A/RES/68/4/", "A"
            ),
            CitationLink(("E/2014/30",), None, "E/2014/30"),
        ],
    )
    html = segments[0].html
    assert '<a class="citation" href="/documents/A/RES/68/4/" title="A">68/4</a> of 3' in html
    assert "68/43" in html and ">68/43<" not in html  # a longer number is not matched
    assert 'citation-missing" title="E/2014/30">E/2014/30<span class="visually-hidden">' in html
    assert "(not in the archive)" in html


def test_render_escapes_everything():
    text = 'Urges <script>alert(1)</script> <img src=x onerror=alert(1)> "q" & 1/2'
    html = render_paragraph(
        text,
        verb="urges",
        citations=[CitationLink(("1/2",), 'javascript:alert(1)"', "<b>")],
    )[0].html
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:alert(1)&quot;"' in html  # quoted, cannot break out
    assert 'title="&lt;b&gt;"' in html


def test_citation_text_containing_markup_is_found_and_escaped():
    text = "Recalling <i>resolution</i> 1/2,"
    html = render_paragraph(text, citations=[CitationLink(("<i>resolution</i> 1/2",), "/d/", "t")])[
        0
    ].html
    link = '<a class="citation" href="/d/" title="t">&lt;i&gt;resolution&lt;/i&gt; 1/2</a>'
    assert html == f"Recalling {link},"


def test_citation_straddling_subparagraphs_is_left_as_text():
    text = "Decides: (a) X 1; (b) 2 Y."
    html = "".join(
        s.html for s in render_paragraph(text, citations=[CitationLink(("1; (b) 2",), "/d/", "t")])
    )
    assert "<a" not in html


@pytest.mark.parametrize(
    ("kind", "number", "ordinal", "expected"),
    [
        ("operative", "12", 14, "E/RES/2014/23, para. 12"),
        ("preambular", "", 3, "E/RES/2014/23, preambular para. 3"),
        ("other", "", 5, "E/RES/2014/23, para. 5"),
    ],
)
def test_paragraph_citation(kind, number, ordinal, expected):
    assert (
        paragraph_citation("E/RES/2014/23", kind=kind, number=number, ordinal=ordinal) == expected
    )
