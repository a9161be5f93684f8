"""Timings of the lineage: build from scratch, matching one document, tracer, pages."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count

from bench.queries import client, get_ok
from resolutions.lineage.matching import match_document
from resolutions.lineage.models import ParagraphLineage
from resolutions.lineage.tracer import TraceError, trace
from resolutions.models import Document, Paragraph


@dataclass(frozen=True)
class Sample:
    """Timings (seconds) of one kind of operation."""

    label: str
    seconds: list[float]


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# Documents by their paragraphs: matching time grows with them.
SIZE_CLASSES = ((0, 19), (20, 49), (50, 99), (100, 199), (200, None))


def size_label(low: int, high: int | None) -> str:
    return f"  of {low}-{high} paragraphs" if high is not None else f"  of {low} or more"


def time_matching(rng: random.Random, *, count: int) -> list[Sample]:
    """Matching a document again (the work a newly ingested one costs), `count` documents: all
    of them, then by size class."""
    ids = list(Document.objects.values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    sizes = dict(
        Document.objects.filter(pk__in=chosen)
        .annotate(n=Count("paragraphs"))
        .values_list("pk", "n")
    )
    seconds = {pk: timed(lambda pk=pk: match_document(pk)) for pk in chosen}
    by_size = [
        Sample(
            size_label(low, high),
            [
                s
                for pk, s in seconds.items()
                if low <= sizes[pk] and (high is None or sizes[pk] <= high)
            ],
        )
        for low, high in SIZE_CLASSES
    ]
    everything = Sample("match one document", list(seconds.values()))
    return [everything, *(sample for sample in by_size if sample.seconds)]


def tracer_queries(rng: random.Random, *, count: int) -> list[str]:
    """Pasted texts as researchers paste them: half a sentence of a paragraph, half a whole
    paragraph with a word changed."""
    texts = list(
        Paragraph.objects.filter(lineage__word_count__gte=12)
        .order_by("?")
        .values_list("text", flat=True)[: count * 2]
    )
    queries = []
    for text in texts[:count]:
        words = text.split()
        if len(queries) % 2:
            start = rng.randrange(0, max(1, len(words) - 12))
            queries.append(" ".join(words[start : start + rng.randint(8, 16)]))
        else:
            words[rng.randrange(len(words))] = "notably"
            queries.append(" ".join(words))
    return queries


def time_tracer(rng: random.Random, *, count: int) -> Sample:
    """The sentence tracer on `count` pasted texts."""
    seconds = []
    for text in tracer_queries(rng, count=count):
        started = time.perf_counter()
        try:
            trace(text)
        except TraceError:
            continue
        seconds.append(time.perf_counter() - started)
    return Sample("tracer", seconds)


# Families by their versions: the family page should not grow with them.
FAMILY_CLASSES = ((2, 99), (100, 999), (1000, 9999), (10000, None))


def family_label(low: int, high: int | None) -> str:
    return f"  of {low}-{high} versions" if high is not None else f"  of {low} or more versions"


def time_pages(rng: random.Random, *, count: int) -> list[Sample]:
    """Family pages (the largest families and random ones, then by their versions) and
    comparison pages."""
    web = client()
    families = dict(
        ParagraphLineage.objects.values("family_id")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .order_by("-n")
        .values_list("family_id", "n")[:5000]
    )
    ranked = list(families)
    family_ids = ranked[: count // 2] + rng.sample(ranked, min(count // 2, len(ranked)))
    pairs = list(Document.objects.filter(draft__isnull=False).values_list("draft_id", "pk")[:count])
    ids = list(Document.objects.values_list("pk", flat=True))
    while len(pairs) < count and len(ids) > 1:
        pairs.append(tuple(rng.sample(ids, 2)))

    def get(url: str) -> None:
        get_ok(web, url)

    # One untimed request of each page first: a process's first pays for imports and templates.
    for f in family_ids[:1]:
        get(f"/language/families/{f}/")
    for a, b in pairs[:1]:
        get(f"/language/compare/{a}/{b}/")
    family_seconds = [(f, timed(lambda f=f: get(f"/language/families/{f}/"))) for f in family_ids]
    by_size = [
        Sample(
            family_label(low, high),
            [
                s
                for f, s in family_seconds
                if low <= families[f] and (high is None or families[f] <= high)
            ],
        )
        for low, high in FAMILY_CLASSES
    ]
    return [
        Sample("family page", [s for _, s in family_seconds]),
        *(sample for sample in by_size if sample.seconds),
        Sample(
            "comparison page",
            [timed(lambda a=a, b=b: get(f"/language/compare/{a}/{b}/")) for a, b in pairs],
        ),
    ]
