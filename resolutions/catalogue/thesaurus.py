"""The UNBIS thesaurus as the archive's subject vocabulary: load it, walk it, map it onto topics.

The thesaurus ships with the project (data/, see data/PROVENANCE.md). Its levels become
`Concept` rows: 18 domains, 143 microthesauri and about 7,170 concepts, with their broader links
(a concept may have several). Catalogue subjects match concepts by English label; the archive's
hand-made topics map onto concepts through `TOPIC_CONCEPTS`.
"""

from __future__ import annotations

import json
import lzma
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from ..models import Topic
from .models import Concept, RecordSubject

DATA = Path(__file__).parent / "data"
THESAURUS_FILE = DATA / "unbis-thesaurus.json.xz"
MICROTHESAURI_FILE = DATA / "microthesauri.json.xz"
# The microthesauri of the archive's field: 14.04.01 narcotic drugs, 14.04.02 crime and justice.
CRIME_AND_DRUGS = ("140401", "140402")

# The archive's topics (slugs) and the UNBIS concepts (English labels) that mean the same.
TOPIC_CONCEPTS: dict[str, tuple[str, ...]] = {
    "crime-prevention": ("CRIME PREVENTION",),
    "criminal-justice-reform": ("CRIMINAL JUSTICE", "RULE OF LAW"),
    "access-to-justice-and-legal-aid": ("LEGAL AID",),
    "transnational-organized-crime": ("TRANSNATIONAL CRIME", "ORGANIZED CRIME"),
    "trafficking-in-persons": ("TRAFFICKING IN PERSONS",),
    "corruption": ("CORRUPTION", "BRIBERY"),
    "terrorism": ("TERRORISM",),
    "drugs": (
        "NARCOTIC DRUGS",
        "DRUG TRAFFIC",
        "DRUG ABUSE",
        "DRUG CONTROL",
        "PSYCHOTROPIC SUBSTANCES",
    ),
    "firearms": ("FIREARMS", "SMALL ARMS", "ILLICIT ARMS TRAFFICKING"),
    "cybercrime": ("COMPUTER CRIMES",),
    "money-laundering": ("LAUNDERING OF FUNDS", "CRIMINAL ASSETS"),
    "victims-and-witnesses": ("CRIME VICTIMS", "WITNESSES"),
    "children": ("JUVENILE JUSTICE", "JUVENILE DELINQUENCY", "CHILD ABUSE", "SALE OF CHILDREN"),
    "violence-against-women": ("GENDER-BASED VIOLENCE",),
    "prisons-and-the-treatment-of-offenders": ("PRISONS", "PRISONERS", "OFFENDERS"),
    "international-cooperation-in-criminal-matters": ("EXTRADITION",),
    "technical-assistance-and-capacity-building": ("TECHNICAL COOPERATION", "CAPACITY BUILDING"),
    "trafficking-in-cultural-property": ("CULTURAL PROPERTY",),
    "maritime-crime-and-piracy": ("PIRACY",),
    "crime-statistics-and-research": ("CRIMINAL STATISTICS",),
}


@dataclass(frozen=True)
class ConceptRow:
    """A thesaurus entry as read from the data files."""

    identifier: str
    kind: str
    label: str
    labels: dict[str, str]
    broader: tuple[str, ...]


@dataclass(frozen=True)
class LoadResult:
    """What a load did: concepts added and changed, broader links added and removed, subjects
    and topics linked."""

    created: int
    updated: int
    links_added: int
    links_removed: int
    subjects_linked: int
    topics_mapped: int


def read_domains(path: Path = MICROTHESAURI_FILE) -> dict[str, str]:
    """The domains ("14": "SOCIAL CONDITIONS AND EQUITY") of the microthesauri file."""
    with lzma.open(path, "rt", encoding="utf-8") as f:
        nodes = json.load(f)["nodes"]
    return {
        node["key"]: node["attributes"]["label"].split(" - ", 1)[-1].strip()
        for node in nodes
        if node["attributes"]["type_"] == "topic"
    }


def read_thesaurus(
    path: Path = THESAURUS_FILE, *, domains: dict[str, str] | None = None
) -> list[ConceptRow]:
    """Every domain, microthesaurus and concept, each with its broader identifiers."""
    domains = read_domains() if domains is None else domains
    rows = [
        ConceptRow(code, Concept.Kind.DOMAIN, label, {"en": label}, ())
        for code, label in sorted(domains.items())
    ]
    with lzma.open(path, "rt", encoding="utf-8") as f:
        topics = json.load(f)["topics"]
    for topic in topics:
        identifier = topic["identifier"]
        labels = {lang: text.strip() for lang, text in topic["labels"].items() if text.strip()}
        if len(identifier) == 6:  # a microthesaurus: 140402 is 14.04.02, in domain 14
            kind, broader = Concept.Kind.MICROTHESAURUS, (identifier[:2],)
        else:
            kind, broader = Concept.Kind.CONCEPT, tuple(dict.fromkeys(topic["related"]))
        rows.append(ConceptRow(identifier, kind, labels.get("en", identifier), labels, broader))
    return rows


def within(rows: list[ConceptRow], roots: Iterable[str]) -> list[ConceptRow]:
    """The rows at or below the given identifiers (by broader links), with their ancestors."""
    children: dict[str, set[str]] = {}
    for row in rows:
        for parent in row.broader:
            children.setdefault(parent, set()).add(row.identifier)
    keep, stack = set(), list(roots)
    while stack:
        identifier = stack.pop()
        if identifier not in keep:
            keep.add(identifier)
            stack.extend(children.get(identifier, ()))
    by_id = {row.identifier: row for row in rows}
    stack = list(keep)
    while stack:  # ancestors, so every kept concept reaches its domain
        for parent in by_id[stack.pop()].broader:
            if parent in by_id and parent not in keep:
                keep.add(parent)
                stack.append(parent)
    return [row for row in rows if row.identifier in keep]


@transaction.atomic
def load_thesaurus(rows: list[ConceptRow]) -> LoadResult:
    """Create or update the concepts and their broader links; then link waiting subjects and map
    the archive's topics. Loading the same rows again changes nothing."""
    existing = {c.identifier: c for c in Concept.objects.all()}
    new, changed = [], []
    for row in rows:
        concept = existing.get(row.identifier)
        if concept is None:
            new.append(
                Concept(
                    identifier=row.identifier, kind=row.kind, label=row.label, labels=row.labels
                )
            )
        elif (concept.kind, concept.label, concept.labels) != (row.kind, row.label, row.labels):
            concept.kind, concept.label, concept.labels = row.kind, row.label, row.labels
            changed.append(concept)
    Concept.objects.bulk_create(new, batch_size=1000)
    Concept.objects.bulk_update(changed, ["kind", "label", "labels"], batch_size=1000)
    ids = dict(Concept.objects.values_list("identifier", "pk"))
    through = Concept.broader.through
    wanted = {
        (ids[row.identifier], ids[parent])
        for row in rows
        for parent in row.broader
        if parent in ids and parent != row.identifier
    }
    loaded = [ids[row.identifier] for row in rows]
    current = set(
        through.objects.filter(from_concept_id__in=loaded).values_list(
            "from_concept_id", "to_concept_id"
        )
    )
    through.objects.bulk_create(
        [through(from_concept_id=a, to_concept_id=b) for a, b in sorted(wanted - current)],
        batch_size=2000,
    )
    stale = current - wanted
    for a, b in stale:
        through.objects.filter(from_concept_id=a, to_concept_id=b).delete()
    return LoadResult(
        created=len(new),
        updated=len(changed),
        links_added=len(wanted - current),
        links_removed=len(stale),
        subjects_linked=link_subjects(),
        topics_mapped=map_topics(),
    )


def link_subjects() -> int:
    """UNBIS subjects imported before their concept was loaded, linked by English label."""
    waiting = RecordSubject.objects.filter(unbis=True, concept__isnull=True)
    labels = {label.upper() for label in waiting.values_list("label", flat=True)}
    concepts = dict(
        Concept.objects.filter(kind=Concept.Kind.CONCEPT, label__in=labels).values_list(
            "label", "pk"
        )
    )
    linked = 0
    for label, pk in concepts.items():
        linked += waiting.filter(label__iexact=label).update(concept_id=pk)
    return linked


def map_topics() -> int:
    """Point the concepts of TOPIC_CONCEPTS to the archive's topics; returns how many changed."""
    topics = dict(Topic.objects.filter(slug__in=TOPIC_CONCEPTS).values_list("slug", "pk"))
    mapped = 0
    for slug, labels in TOPIC_CONCEPTS.items():
        if slug in topics:
            mapped += (
                Concept.objects.filter(kind=Concept.Kind.CONCEPT, label__in=labels)
                .exclude(topic_id=topics[slug])
                .update(topic_id=topics[slug])
            )
    return mapped


# The ids of the concepts `roots` selects and of every concept below them, as SQL: the thesaurus
# pages and the search's subject facet both read it. A concept may sit under several broader
# terms: UNION (not UNION ALL) visits it once.
NARROWER = (
    "WITH RECURSIVE below(id) AS ({roots} UNION SELECT link.from_concept_id "
    "FROM catalogue_concept_broader link JOIN below ON link.to_concept_id = below.id) "
    "SELECT id FROM below"
)


def narrower_ids(concept_ids: Iterable[int]) -> set[int]:
    """The concepts given and every concept below them (one recursive query)."""
    ids = list(concept_ids)
    if not ids:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(NARROWER.format(roots="SELECT unnest(%s::bigint[])"), [ids])
        return {row[0] for row in cursor.fetchall()}
