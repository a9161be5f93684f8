"""How a paragraph is shown: sub-paragraphs split out, the verb emphasized, citations linked.

Pure functions on a paragraph's text; the database is never touched here. The stored text stays
as printed: splitting and linking are for display only. Every piece of the text is escaped on
its way out and every tag is built by `format_html`, so the output is safe whatever the text
holds (`<script>`, quotes, `javascript:`); nothing here marks document text safe unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# A sub-paragraph marker: "(a)", "(b)", "(ii)" after a colon or semicolon (optionally "; and").
# Mid-sentence parentheses such as "article 6 (a)" do not start a sub-paragraph.
# The leading lookahead (a space, then "(") only spares the lookbehinds at most offsets: the
# same matches, about 2.5 times as fast on a long document's paragraphs.
SUBPARAGRAPH_RE = re.compile(
    r"(?=\s+\()(?:(?<=[:;])|(?<=; and)|(?<=; or)|(?<=, and))"
    r"\s+(\(([a-z]{1,2}|[ivxl]{1,6})\))\s+(?=\S)"
)
ROMAN_RE = re.compile(r"[ivxl]{1,6}")
# Adverbs printed before an opening verb: "Also urges", "Further requests", "Strongly condemns".
ADVERBS = r"(?:(?:also|further|furthermore|again|strongly|once\s+again|moreover|reiterates)\s+)*"


@dataclass(frozen=True)
class CitationLink:
    """A citation to link in a paragraph: the texts to look for, and where it leads.

    `needles` are tried in order (the citation as printed, then its number or symbol); the
    first found is linked. `outside` marks a cited text not in the archive (its link leads to
    the page saying so); a link without `href` is left as marked text.
    """

    needles: tuple[str, ...]
    href: str | None
    title: str
    outside: bool = False


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph for display: the lead-in (level 0) or a sub-paragraph."""

    level: int
    marker: str
    html: SafeString


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "verb" or "cite"
    link: CitationLink | None = None


def find_subparagraph_starts(text: str) -> list[tuple[int, str, int]]:
    """Where sub-paragraphs begin: (offset of the marker, marker, level 1 or 2)."""
    starts: list[tuple[int, str, int]] = []
    last_letter = ""
    for match in SUBPARAGRAPH_RE.finditer(text):
        label = match.group(2)
        # "(i)" right after "(h)" is a letter, not roman one; likewise (v) after (u), (x) after (w).
        follows_letter = len(label) == 1 and last_letter and ord(label) == ord(last_letter) + 1
        is_roman = bool(ROMAN_RE.fullmatch(label)) and bool(last_letter) and not follows_letter
        if is_roman:
            level = 2
        else:
            level = 1
            last_letter = label if len(label) == 1 else last_letter
        starts.append((match.start(1), match.group(1), level))
    return starts


def find_verb_span(text: str, verb: str) -> tuple[int, int] | None:
    """The opening words that print the verb ("Also urges" for "urges"), or None."""
    words = verb.split()
    if not words:
        return None
    pattern = r"\s*" + ADVERBS + r"\s+".join(re.escape(word) for word in words) + r"\w*"
    match = re.match(pattern, text, flags=re.IGNORECASE)
    if match is None:
        return None
    return (len(text) - len(text.lstrip()), match.end())


def _find_citation(text: str, link: CitationLink, taken: list[tuple[int, int]]) -> _Span | None:
    for needle in link.needles:
        if not needle:
            continue
        # Word boundaries so that "68/4" is not found inside "68/43".
        pattern = r"(?<![\w/.])" + re.escape(needle) + r"(?![\w/])"
        for match in re.finditer(pattern, text):
            if all(match.end() <= s or match.start() >= e for s, e in taken):
                return _Span(match.start(), match.end(), "cite", link)
    return None


def _render_span(text: str, span: _Span) -> SafeString:
    inner = text[span.start : span.end]
    if span.kind == "verb":
        return format_html('<strong class="verb">{}</strong>', inner)
    link = span.link
    assert link is not None
    if link.href and link.outside:
        return format_html(
            '<a class="citation citation-missing" href="{}" title="{}">{}'
            '<span class="visually-hidden"> (not in the archive)</span></a>',
            link.href,
            link.title,
            inner,
        )
    if link.href:
        return format_html(
            '<a class="citation" href="{}" title="{}">{}</a>', link.href, link.title, inner
        )
    return format_html(
        '<span class="citation citation-missing" title="{}">{}'
        '<span class="visually-hidden"> (not in the archive)</span></span>',
        link.title,
        inner,
    )


def _render_range(text: str, start: int, end: int, spans: Sequence[_Span]) -> SafeString:
    parts: list[str] = []
    cursor = start
    for span in spans:
        if span.start < start or span.end > end:
            continue
        parts.append(escape(text[cursor : span.start]))
        parts.append(_render_span(text, span))
        cursor = span.end
    parts.append(escape(text[cursor:end]))
    return mark_safe("".join(parts))  # every part escaped above or built by format_html


def render_paragraph(
    text: str, *, verb: str = "", citations: Sequence[CitationLink] = ()
) -> list[Segment]:
    """The paragraph as segments: lead-in, then sub-paragraphs; verb and citations marked up.

    A citation is linked where it first occurs outside the verb; a citation that would straddle
    two sub-paragraphs is left as text.
    """
    starts = find_subparagraph_starts(text)
    bounds = [0] + [offset for offset, _, _ in starts] + [len(text)]
    spans: list[_Span] = []
    verb_span = find_verb_span(text, verb) if verb else None
    if verb_span and verb_span[1] <= bounds[1]:
        spans.append(_Span(verb_span[0], verb_span[1], "verb"))
    for link in citations:
        span = _find_citation(text, link, [(s.start, s.end) for s in spans])
        if span is None:
            continue
        if any(span.start < b < span.end for b in bounds[1:-1]):
            continue
        spans.append(span)
    spans.sort(key=lambda s: s.start)

    segments = []
    markers = [("", 0)] + [(marker, level) for _, marker, level in starts]
    for (marker, level), start, end in zip(markers, bounds, bounds[1:], strict=False):
        piece_end = end
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if start == piece_end and level == 0:
            continue
        segments.append(Segment(level, marker, _render_range(text, start, piece_end, spans)))
    return segments


def paragraph_citation(document_label: str, *, kind: str, number: str, ordinal: int) -> str:
    """How to cite a paragraph: "E/RES/2014/23, para. 12" or "..., preambular para. 3"."""
    if kind == "preambular":
        return f"{document_label}, preambular para. {ordinal}"
    if number:
        return f"{document_label}, para. {number}"
    return f"{document_label}, para. {ordinal}"


def paragraph_place(*, kind: str, number: str, position: int) -> str:
    """Where a paragraph is, as readers say it: "para. 12", "preamble, para. 4".

    The preamble's paragraphs are counted by position, as their anchors (`pp4`) are.
    """
    if kind == "preambular":
        return f"preamble, para. {position}"
    return f"para. {number or position}"


def document_heading(document: Any) -> str:
    """A document's name and title, "E/RES/2014/23: Title"; just the title if it is its name."""
    label = document.label
    return document.title if label == document.title else f"{label}: {document.title}"


# A UN document symbol: series and parts joined by slashes, as "A/RES/66/128", "E/CN.15/2014/L.5",
# "S/RES/2242 (2015)". Keys of other bodies ("COP-UNTOC 5/3") are not symbols.
UN_SYMBOL_RE = re.compile(r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?: ?\(\d{4}\))?")
OFFICIAL_DOCUMENTS = "https://undocs.org/"
DIGITAL_LIBRARY_SEARCH = "https://digitallibrary.un.org/search?ln=en&p="


def official_record_url(key: str) -> str:
    """Where the UN publishes a cited text: undocs.org for a symbol, else a library search."""
    if UN_SYMBOL_RE.fullmatch(key):
        return OFFICIAL_DOCUMENTS + quote(key.replace(" ", ""), safe="/()")
    return DIGITAL_LIBRARY_SEARCH + quote(f'"{key}"', safe="")
