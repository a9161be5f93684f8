"""The UNBIS thesaurus shipped with the archive: levels, broader links, subjects, topics."""

import csv
import io

import pytest
from django.core.management import call_command

from resolutions.catalogue.marc import read_record
from resolutions.catalogue.models import Concept, RecordSubject
from resolutions.catalogue.thesaurus import (
    CRIME_AND_DRUGS,
    TOPIC_CONCEPTS,
    load_thesaurus,
    narrower_ids,
    read_thesaurus,
    within,
)
from resolutions.models import DocumentTopic, Topic
from tests.catalogue.conftest import ALL_FILES, FIXTURES, raw_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def thesaurus(db):
    """The whole thesaurus (some seconds to load)."""
    call_command("load_unbis", stdout=io.StringIO())


@pytest.fixture
def crime_thesaurus(db):
    """The crime and drugs subtree with its ancestors."""
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())


def crime_and_drugs_ids() -> set[str]:
    with open(FIXTURES / "crime-drugs.csv", encoding="utf-8") as f:
        return {row["id"] for row in csv.DictReader(f)}


def test_the_whole_thesaurus_loads_with_its_levels(thesaurus):
    kinds = {kind: Concept.objects.filter(kind=kind).count() for kind in Concept.Kind.values}
    assert kinds == {"domain": 18, "microthesaurus": 143, "concept": 7169}
    abduction = Concept.objects.get(label="ABDUCTION")
    assert abduction.labels["fr"] == "ENLEVEMENT" and len(abduction.labels) == 6
    assert {b.label for b in abduction.broader.all()} == {
        "CRIMES AGAINST THE PERSON",
        "CRIME AND CRIMINAL JUSTICE",
    }
    crime = Concept.objects.get(identifier="140402")
    assert crime.kind == "microthesaurus"
    assert [d.label for d in crime.broader.all()] == ["SOCIAL CONDITIONS AND EQUITY"]


def test_loading_again_changes_nothing(crime_thesaurus):
    result = load_thesaurus(within(read_thesaurus(), CRIME_AND_DRUGS))
    assert (result.created, result.updated, result.links_added, result.links_removed) == (
        0,
        0,
        0,
        0,
    )


def test_the_crime_and_drugs_subtree_is_the_189_concepts_of_the_skos_file(thesaurus):
    roots = Concept.objects.filter(identifier__in=CRIME_AND_DRUGS).values_list("pk", flat=True)
    below = Concept.objects.filter(pk__in=narrower_ids(roots))
    # The SKOS file lists the two microthesauri and the 187 concepts below them.
    assert set(below.values_list("identifier", flat=True)) == crime_and_drugs_ids()
    assert below.filter(kind="concept").count() == 187


def test_the_subtree_alone_loads_with_its_ancestors(db):
    rows = within(read_thesaurus(), CRIME_AND_DRUGS)
    load_thesaurus(rows)
    concepts = set(Concept.objects.values_list("identifier", flat=True))
    assert crime_and_drugs_ids() <= concepts
    assert len(concepts) < 400
    assert Concept.objects.filter(identifier="14", kind="domain").exists()


def test_catalogue_subjects_match_concepts_and_the_misses_are_places(thesaurus, import_fixtures):
    labels = set(Concept.objects.filter(kind="concept").values_list("label", flat=True))
    total = matched = 0
    misses = set()
    for raw in raw_records(*ALL_FILES):
        record, _ = read_record(raw)
        for field in record.get_fields("650"):
            if "unbist" in field.get_subfields("2"):
                label = field.get_subfields("a")[0].strip().upper()
                total += 1
                matched += label in labels
                if label not in labels:
                    misses.add(label)
    assert (matched, total) == (2414, 2419)
    assert all("(" in miss for miss in misses)  # places: DARFUR (SUDAN)
    import_fixtures("undl-mixed-184.xml.xz")
    places = RecordSubject.objects.filter(unbis=True, concept__isnull=True)
    assert set(places.values_list("label", flat=True)) <= misses
    assert "DARFUR (SUDAN)" in set(places.values_list("label", flat=True))
    assert all(subject.is_place for subject in places)


def test_subjects_imported_before_the_thesaurus_are_linked_when_it_loads(import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    assert not RecordSubject.objects.filter(concept__isnull=False).exists()
    call_command("load_unbis", stdout=io.StringIO())
    linked = RecordSubject.objects.filter(unbis=True, concept__isnull=False).count()
    assert linked == RecordSubject.objects.filter(unbis=True).count() == 48


def test_the_hand_made_topics_map_onto_concepts_and_subjects_suggest_them(
    thesaurus, import_fixtures
):
    assert set(TOPIC_CONCEPTS) <= set(Topic.objects.values_list("slug", flat=True))
    trafficking = Topic.objects.get(slug="trafficking-in-persons")
    assert [c.label for c in trafficking.unbis_concepts.all()] == ["TRAFFICKING IN PERSONS"]
    for slug, labels in TOPIC_CONCEPTS.items():
        mapped = set(Concept.objects.filter(topic__slug=slug).values_list("label", flat=True))
        assert mapped == set(labels), slug
    import_fixtures("A_RES_63_156.xml")
    suggested = set(
        DocumentTopic.objects.filter(document__symbol="A/RES/63/156").values_list(
            "topic__slug", "status"
        )
    )
    assert ("trafficking-in-persons", "suggested") in suggested
    assert ("corruption", "suggested") in suggested  # 650 CORRUPTION
