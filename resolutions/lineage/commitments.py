"""Commitment analytics: operative verbs over time, their strength, and sponsors who co-sponsor.

The strength scale is data (`data/verb_strength.json`), documented in docs/lineage.md.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import combinations
from pathlib import Path

from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL

from resolutions import search
from resolutions.addressees import ADDRESSEES
from resolutions.models import Country, Document, Paragraph, Sponsorship
from resolutions.search import FACETS, SearchRequest, read_search
from resolutions.search.request import Params

from .models import ParagraphLineage

SCALE_FILE = Path(__file__).parent / "data" / "verb_strength.json"
TOP_SPONSORS = 15
TOP_PAIRS = 20
MIN_SPONSOR_PARAGRAPHS = 20


@dataclass(frozen=True)
class Level:
    """A step of the strength scale."""

    level: int
    name: str
    verbs: tuple[str, ...]


@cache
def strength_scale() -> tuple[Level, ...]:
    """The scale, strongest first."""
    data = json.loads(SCALE_FILE.read_text(encoding="utf-8"))
    levels = [Level(x["level"], x["name"], tuple(x["verbs"])) for x in data["levels"]]
    return tuple(sorted(levels, key=lambda x: -x.level))


def level_of(verb: str) -> int | None:
    """A verb's level on the scale, or None when the scale does not list it."""
    for level in strength_scale():
        if verb.lower() in level.verbs:
            return level.level
    return None


@dataclass(frozen=True)
class Selection:
    """The documents the analytics cover: those the search finds for the same parameters (its
    query and filters, read by the search package; the page, sort and view do not matter)."""

    request: SearchRequest

    @classmethod
    def of(cls, params: Params) -> Selection:
        return cls(read_search(params, view="documents"))

    @property
    def everything(self) -> bool:
        return not self.request.cleaned

    @cached_property
    def document_ids(self) -> list[int]:
        return search.matching_document_ids(self.request.cleaned)

    def documents(self) -> QuerySet[Document]:
        published = Document.objects.filter(status=Document.Status.PUBLISHED)
        if self.everything:
            return published
        # One array parameter, however many documents match (an IN list has a parameter each).
        return published.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [self.document_ids]))

    def described(self) -> list[str]:
        """The query and each filter in force, in words ("Issuing body: GA")."""
        lines = [f"Words: “{self.request.query}”"] if self.request.query else []
        for facet in FACETS:
            chosen = self.request.filters.get(facet.key)
            if chosen is not None:
                labels = ", ".join(label for _, label in facet.described(chosen))
                lines.append(f"{facet.label}: {labels}")
        return lines


@dataclass
class Commitments:
    """Operative verbs by year and level, mean strength per year, sponsors and pairs."""

    counts: list[tuple[int, str, int | None, int]] = field(default_factory=list)
    by_year_level: dict[int, Counter] = field(default_factory=dict)
    mean_by_year: dict[int, float] = field(default_factory=dict)
    sponsors: list[tuple[Country, float, int]] = field(default_factory=list)
    pairs: list[tuple[str, str, int]] = field(default_factory=list)
    addressees: list[tuple[str, int]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.counts

    @property
    def level_rows(self) -> list[tuple[int, list[int], int]]:
        """Per year: paragraphs at each level of the scale (strongest first), and unscored."""
        levels = [level.level for level in strength_scale()]
        return [
            (year, [counts.get(level, 0) for level in levels], counts.get(0, 0))
            for year, counts in self.by_year_level.items()
        ]


def verb_counts(selection: Selection) -> list[tuple[int, str, int | None, int]]:
    """(year, verb, level, paragraphs) for the selection's dated operative paragraphs."""
    rows = (
        Paragraph.objects.filter(
            document__in=selection.documents(),
            kind=Paragraph.Kind.OPERATIVE,
            document__year__isnull=False,
        )
        .exclude(verb="")
        .values_list("document__year", "verb")
        .annotate(n=Count("pk"))
        .order_by("document__year", "verb")
    )
    return [(year, verb, level_of(verb), n) for year, verb, n in rows]


def sponsor_strength(selection: Selection) -> list[tuple[Country, float, int]]:
    """Sponsors whose drafts' operative verbs are strongest on average (scored verbs only)."""
    drafts = selection.documents().filter(doc_type=Document.DocType.DRAFT_RESOLUTION)
    rows = (
        Paragraph.objects.filter(document__in=drafts, kind=Paragraph.Kind.OPERATIVE)
        .exclude(verb="")
        .values_list("document__sponsorship__country", "verb")
        .annotate(n=Count("pk"))
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for country, verb, n in rows:
        level = level_of(verb)
        if country is None or level is None:
            continue
        totals[country][0] += level * n
        totals[country][1] += n
    ranked = sorted(
        ((pk, s / n, n) for pk, (s, n) in totals.items() if n >= MIN_SPONSOR_PARAGRAPHS),
        key=lambda row: (-row[1], -row[2]),
    )[:TOP_SPONSORS]
    countries = Country.objects.in_bulk([pk for pk, _, _ in ranked])
    return [(countries[pk], round(mean, 2), n) for pk, mean, n in ranked]


def cosponsor_pairs(selection: Selection) -> list[tuple[str, str, int]]:
    """The pairs of countries that most often sponsor the same document."""
    sponsors: dict[int, list[str]] = defaultdict(list)
    rows = Sponsorship.objects.filter(document__in=selection.documents()).values_list(
        "document_id", "country__name"
    )
    for document, name in rows:
        sponsors[document].append(name)
    pairs: Counter = Counter()
    for names in sponsors.values():
        pairs.update(combinations(sorted(set(names)), 2))
    return [(a, b, n) for (a, b), n in pairs.most_common(TOP_PAIRS)]


def addressee_counts(selection: Selection) -> list[tuple[str, int]]:
    """How many operative paragraphs of the selection address each kind of addressee."""
    counts: Counter = Counter()
    rows = ParagraphLineage.objects.filter(
        paragraph__document__in=selection.documents(), paragraph__kind=Paragraph.Kind.OPERATIVE
    ).values_list("addressees", flat=True)
    for addressees in rows:
        counts.update(addressees)
    return [(ADDRESSEES[name], counts[name]) for name in ADDRESSEES if counts[name]]


def commitments(selection: Selection) -> Commitments:
    """Everything the commitments page shows for a selection."""
    counts = verb_counts(selection)
    by_year_level: dict[int, Counter] = defaultdict(Counter)
    for year, _, level, n in counts:
        by_year_level[year][level or 0] += n
    mean_by_year = {}
    for year, levels in sorted(by_year_level.items()):
        scored = {lvl: n for lvl, n in levels.items() if lvl}
        if scored:
            mean_by_year[year] = round(
                sum(lvl * n for lvl, n in scored.items()) / sum(scored.values()), 2
            )
    return Commitments(
        counts=counts,
        by_year_level=dict(sorted(by_year_level.items())),
        mean_by_year=mean_by_year,
        sponsors=sponsor_strength(selection),
        pairs=cosponsor_pairs(selection),
        addressees=addressee_counts(selection),
    )
