"""What the catalogue's facets (vote outcome, UNBIS subject) add to a search, on the benchmark
corpus with every document catalogued: `manage.py benchmark_catalogue_facets`.

Gives every published document of the benchmark database a catalogue record (an outcome, three
UNBIS concepts of the crime and drugs subtree, a recorded vote of 150 States on every fourth),
once; then times searches with every facet counted and without the two catalogue facets, the
two interleaved in one process, and prints the medians and their difference.
"""

from __future__ import annotations

import io
import random
import statistics
import time

from django.core.management import call_command

from resolutions.catalogue.models import CatalogueRecord, Concept, RecordSubject, StateVote, Vote
from resolutions.models import Country, Document
from resolutions.search import counts, search
from resolutions.search.facets import COUNTED

# Record ids of the benchmark's catalogue records, far above the library's.
FIRST_RECORD_ID = 900_000_000
CATALOGUE_FACETS = ("outcome", "subject")
SEARCHES = (
    {},
    {"view": "paragraphs"},
    {"q": "trafficking"},
    {"q": "trafficking", "view": "paragraphs"},
    {"outcome": "recorded_vote"},
)


def catalogue_corpus(seed: int = 1) -> int:
    """Catalogue every published document not yet catalogued; returns how many were."""
    if not Concept.objects.exists():
        call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    rng = random.Random(seed)
    concepts = list(Concept.objects.filter(kind=Concept.Kind.CONCEPT).order_by("pk"))
    countries = list(Country.objects.order_by("pk")[:150])
    documents = Document.objects.filter(status="published", catalogue_record__isnull=True)
    records = CatalogueRecord.objects.bulk_create(
        [
            CatalogueRecord(
                record_id=FIRST_RECORD_ID + pk,
                symbol=symbol or str(pk),
                symbol_key=f"BENCH{pk}",
                document_id=pk,
                vote_outcome=rng.choice(["", "without_vote", "without_vote", "recorded_vote"]),
            )
            for pk, symbol in documents.values_list("pk", "symbol")
        ],
        batch_size=1000,
    )
    RecordSubject.objects.bulk_create(
        [
            RecordSubject(
                record=record, position=n, tag="650", label=c.label, unbis=True, concept=c
            )
            for record in records
            for n, c in enumerate(rng.sample(concepts, 3), start=1)
        ],
        batch_size=2000,
    )
    ballots = []
    for record in records[::4]:
        choices = [rng.choice("YNA") for _ in countries]
        vote = Vote.objects.create(
            record_id=record.record_id,
            resolution_symbol=record.symbol,
            resolution_key=record.symbol_key,
            document_id=record.document_id,
            yes=choices.count("Y"),
            no=choices.count("N"),
            abstain=choices.count("A"),
            non_voting=0,
            total=len(choices),
        )
        ballots += [
            StateVote(vote=vote, position=n, country=country, name=country.name, choice=choice)
            for n, (country, choice) in enumerate(zip(countries, choices, strict=True), start=1)
        ]
    StateVote.objects.bulk_create(ballots, batch_size=5000)
    return len(records)


def time_facets(repeat: int) -> list[tuple[str, float, float]]:
    """(search, median ms with every facet, median ms without the catalogue's), interleaved."""
    without = tuple(f for f in COUNTED if f.key not in CATALOGUE_FACETS)
    rows = []
    try:
        for params in SEARCHES:
            times: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(repeat):
                for included in (True, False):
                    counts.COUNTED = COUNTED if included else without
                    start = time.perf_counter()
                    search(params)
                    times[included].append((time.perf_counter() - start) * 1000)
            label = "&".join(f"{k}={v}" for k, v in params.items()) or "(everything)"
            rows.append((label, statistics.median(times[True]), statistics.median(times[False])))
    finally:
        counts.COUNTED = COUNTED
    return rows
