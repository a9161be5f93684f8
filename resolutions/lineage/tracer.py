"""Where does this sentence come from? Paragraphs whose wording contains or resembles a text.

A pasted text is checked (length, words, language), its winnowed fingerprints are looked up in
the GIN index (at most CANDIDATES_PER_KEY paragraphs per fingerprint), the candidates sharing
most fingerprints are verified by how much of the pasted wording they hold in order, and the
published ones at or above TRACE_THRESHOLD are grouped by family, oldest first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import F
from rapidfuzz import fuzz

from resolutions.letters import mostly_latin
from resolutions.models import Document, Paragraph

from .diffs import DiffRun, word_diff
from .models import ParagraphLineage
from .similarity import coverage, similarity
from .text import fingerprints_of, tokens_of

MAX_CHARS = 5000
MIN_WORDS = 4
TRACE_THRESHOLD = 0.6
CANDIDATES_PER_KEY = 50
VERIFIED = 300
MAX_FAMILIES = 20
VERSIONS_SHOWN = 10
# Words nearly every English sentence of a resolution has; other languages have few of them.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "for",
        "on",
        "with",
        "by",
        "that",
        "its",
        "as",
        "at",
        "all",
        "be",
        "is",
        "are",
        "from",
        "their",
        "or",
        "this",
    ]
)
ENGLISH_SHARE = 0.08


class TraceError(ValueError):
    """A pasted text that cannot be traced, with the reason to show."""


@dataclass(frozen=True)
class Hit:
    """A paragraph with similar wording, how much of the pasted text it holds, and the diff."""

    paragraph: Paragraph
    score: float
    diff: list[DiffRun]
    partial: bool

    @property
    def unchanged(self) -> bool:
        """Whether the paragraph holds the pasted wording word for word."""
        return all(run.op == "equal" for run in self.diff)


@dataclass
class FamilyHits:
    """The hits of one family, oldest first."""

    family_id: int
    hits: list[Hit] = field(default_factory=list)
    more: int = 0


def check_text(text: str) -> list[str]:
    """The pasted text's tokens, or TraceError saying why it cannot be traced."""
    if len(text) > MAX_CHARS:
        raise TraceError(
            f"The text is {len(text):,} characters long: paste at most {MAX_CHARS:,} "
            "(a sentence or a few paragraphs)."
        )
    tokens = tokens_of(text)
    if not text.strip():
        raise TraceError("Paste a sentence or a paragraph to find where its wording comes from.")
    if not mostly_latin(text):
        raise TraceError(
            "The text is not in English (or another language written in Latin letters): "
            "the archive holds English texts, so no wording can be matched."
        )
    if len(tokens) < MIN_WORDS:
        raise TraceError(
            f"Paste at least {MIN_WORDS} words: shorter phrases occur in too many paragraphs."
        )
    english = sum(token in ENGLISH_WORDS for token in tokens)
    if len(tokens) >= 8 and english / len(tokens) < ENGLISH_SHARE:
        raise TraceError(
            "The text does not look like English: the archive holds English texts, so no wording "
            "can be matched. Paste the English version of the sentence."
        )
    return tokens


def candidate_ids(fingerprints: list[int]) -> list[int]:
    """Paragraphs sharing most fingerprints with the text, best first."""
    if not fingerprints:
        return []
    # Uses index: lineage_fingerprints_gin; LIMIT bounds what a common phrase brings.
    sql = """
        SELECT c.paragraph_id, count(*) AS shared
        FROM unnest(%s::integer[]) AS q(key)
        CROSS JOIN LATERAL (
            SELECT l.paragraph_id FROM lineage_paragraphlineage l
            WHERE l.fingerprints @> ARRAY[q.key] LIMIT %s
        ) c
        GROUP BY c.paragraph_id ORDER BY shared DESC, c.paragraph_id LIMIT %s
    """
    with connections[router.db_for_read(ParagraphLineage)].cursor() as cursor:
        cursor.execute(sql, [fingerprints, CANDIDATES_PER_KEY, VERIFIED])
        return [row[0] for row in cursor.fetchall()]


def matching_span(text: str, paragraph: str) -> str:
    """The part of a longer paragraph that matches the pasted text (whole words)."""
    alignment = fuzz.partial_ratio_alignment(text, paragraph)
    if alignment is None:
        return paragraph
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    while end < len(paragraph) and not paragraph[end].isspace():
        end += 1
    return paragraph[start:end]


def score_of(tokens: list[str], candidate: list[str]) -> tuple[float, bool]:
    """How much of the pasted wording a paragraph holds; and whether it is part of a longer one."""
    if len(tokens) < len(candidate):
        return coverage(tokens, candidate), True
    return similarity(tokens, candidate), False


def _order(paragraph: Paragraph) -> tuple:
    document = paragraph.document
    return (document.date or datetime.date(document.year or 9999, 1, 1), document.pk)


def trace(text: str) -> list[FamilyHits]:
    """The published paragraphs whose wording holds the text, grouped by family, oldest first."""
    tokens = check_text(text)
    ids = candidate_ids(fingerprints_of(tokens))
    paragraphs = (
        Paragraph.objects.filter(pk__in=ids, document__status=Document.Status.PUBLISHED)
        .select_related("document__body", "lineage")
        .defer("document__full_text")
        .annotate(family_id=F("lineage__family_id"))
    )
    families: dict[int, FamilyHits] = {}
    for paragraph in paragraphs:
        score, partial = score_of(tokens, tokens_of(paragraph.text))
        if score < TRACE_THRESHOLD:
            continue
        shown = matching_span(text, paragraph.text) if partial else paragraph.text
        hit = Hit(paragraph, round(score, 3), word_diff(text, shown), partial)
        families.setdefault(paragraph.family_id, FamilyHits(paragraph.family_id)).hits.append(hit)
    groups = sorted(families.values(), key=lambda g: min(_order(h.paragraph) for h in g.hits))
    for group in groups:
        group.hits.sort(key=lambda h: _order(h.paragraph))
        group.more = max(0, len(group.hits) - VERSIONS_SHOWN)
        group.hits = group.hits[:VERSIONS_SHOWN]
    return groups[:MAX_FAMILIES]
