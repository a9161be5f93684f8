"""Families are found on ingest, kept on edit and rebuilt the same from scratch (real texts)."""

from io import StringIO

import pytest
from django.core.management import call_command

from resolutions.lineage.bulk import rebuild_lineage
from resolutions.lineage.matching import match_document
from resolutions.lineage.models import BandKey, Family, Mandate, ParagraphLineage
from resolutions.lineage.series import recalled_resolution
from resolutions.lineage.verification import wording_of
from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db


def lineage_of(document, number: str) -> ParagraphLineage:
    return ParagraphLineage.objects.get(paragraph__document=document, paragraph__number=number)


def test_the_same_resolution_in_three_years_forms_families(ingest_text):
    old = ingest_text("A_RES_78_37")
    mid = ingest_text("A_RES_79_26")
    new = ingest_text("A_RES_80_29")
    assert ParagraphLineage.objects.count() == Paragraph.objects.count()
    for number in ("1", "2", "3", "4"):
        families = {lineage_of(d, number).family_id for d in (old, mid, new)}
        assert len(families) == 1, f"operative {number} should be one family"
    # Operative 2 changed "Conference on Disarmament" to "Disarmament Commission" in 2025.
    latest = lineage_of(new, "2")
    assert latest.previous.document == mid
    assert 0.67 <= latest.similarity < 1
    assert lineage_of(old, "1").previous is None
    assert lineage_of(new, "1").previous.document in (old, mid)
    assert {lineage_of(new, "1").family_id} != {lineage_of(new, "2").family_id}


def test_an_unrelated_document_founds_its_own_families(ingest_text):
    arms = ingest_text("A_RES_79_26")
    index = ingest_text("A_RES_80_146")
    arms_families = set(
        ParagraphLineage.objects.filter(paragraph__document=arms).values_list("family", flat=True)
    )
    index_families = set(
        ParagraphLineage.objects.filter(paragraph__document=index).values_list("family", flat=True)
    )
    assert not arms_families & index_families


def test_an_older_document_ingested_later_joins_and_becomes_previous(ingest_text):
    new = ingest_text("A_RES_80_29")
    old = ingest_text("A_RES_78_37")
    assert lineage_of(old, "1").family_id == lineage_of(new, "1").family_id
    assert lineage_of(old, "1").previous is None


def test_an_edited_paragraph_is_matched_again(ingest_text):
    old = ingest_text("A_RES_78_37")
    new = ingest_text("A_RES_79_26")
    paragraph = Paragraph.objects.get(document=new, number="1")
    paragraph.text = "Decides to remain seized of the matter."
    paragraph.save()
    match_document(new.pk)
    assert lineage_of(new, "1").family_id != lineage_of(old, "1").family_id
    assert lineage_of(new, "2").family_id == lineage_of(old, "2").family_id


def test_rebuild_gives_the_same_families(ingest_text):
    docs = [ingest_text(s) for s in ("A_RES_80_29", "A_RES_78_37", "A_RES_79_26")]
    before = {
        (p.document_id, p.position): p.lineage.family_id
        for p in Paragraph.objects.select_related("lineage")
    }
    out = StringIO()
    call_command("rebuild_lineage", stdout=out, stderr=StringIO())
    assert "Lineage rebuilt: 3 documents" in out.getvalue()
    after = {
        (p.document_id, p.position): p.lineage.family_id
        for p in Paragraph.objects.select_related("lineage")
    }
    assert set(before) == set(after)

    def partition(mapping):
        groups = {}
        for key, family in mapping.items():
            groups.setdefault(family, set()).add(key)
        return sorted(map(sorted, groups.values()))

    assert partition(before) == partition(after)
    # Rebuilt oldest first: the 2023 text founds the families.
    assert lineage_of(docs[1], "1").previous is None
    assert Family.objects.count() == len(set(after.values()))


def test_matching_one_document_takes_a_fixed_number_of_queries(
    ingest_text, django_assert_max_num_queries
):
    ingest_text("A_RES_78_37")
    new = ingest_text("A_RES_79_26")
    # document, paragraphs, delete, wordings, candidates (and new keys), their texts, earlier
    # holders, families, rows, mandates (delete, insert)
    with django_assert_max_num_queries(12):
        match_document(new.pk)


def test_the_bulk_rebuild_gives_what_matching_in_order_gave(ingest_text):
    """Ingested oldest first, each document matched as it came; the bulk rebuild (two worker
    processes) gives the same families, previous versions, mandates and band keys."""
    docs = [ingest_text(s) for s in ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29")]

    def state():
        rows = ParagraphLineage.objects.select_related("paragraph", "previous")
        families = {}
        for row in rows:
            families.setdefault(row.family_id, set()).add(row.paragraph_id)
        previous = {
            row.paragraph_id: row.previous.document_id if row.previous else None for row in rows
        }
        mandates = set(Mandate.objects.values_list("paragraph_id", "who", "session", "year"))
        keys = set(BandKey.objects.values_list("key", "wording__digest"))
        return sorted(map(sorted, families.values())), previous, mandates, keys

    before = state()
    documents, matched = rebuild_lineage(workers=2)
    assert documents == 3 and matched > 0
    assert state() == before
    assert lineage_of(docs[2], "2").previous.document == docs[1]
    # Matching after a bulk rebuild looks up the keys it wrote.
    match_document(docs[2].pk)
    assert state() == before


def test_a_recall_of_a_resolution_joins_its_own_series_on_ingest_and_in_the_rebuild(ingest_text):
    """ "Recalling its resolution N of <date>," has the same words in every series; the titles
    keep the yearly Comprehensive Nuclear-Test-Ban Treaty resolutions' recall out of the family
    of an older one on terrorists and weapons of mass destruction (lineage/series.py), in
    matching and in the bulk rebuild alike."""
    terrorists = ingest_text("A_RES_78_43")  # recalls 77/75
    treaty = ingest_text("A_RES_78_66")  # recalls 77/94
    treaty_later = ingest_text("A_RES_79_77")  # recalls 78/66

    def recall(document) -> ParagraphLineage:
        (found,) = [
            row
            for row in ParagraphLineage.objects.filter(paragraph__document=document)
            .select_related("paragraph")
            .order_by("paragraph__position")
            if recalled_resolution(wording_of(row.paragraph.text))
        ]
        return found

    def families():
        return [recall(d).family_id for d in (terrorists, treaty, treaty_later)]

    matched = families()
    assert matched[0] != matched[1] == matched[2]
    assert recall(treaty_later).previous == recall(treaty).paragraph
    rebuild_lineage()
    rebuilt = families()
    assert rebuilt[0] != rebuilt[1] == rebuilt[2]
    assert recall(treaty_later).previous == recall(treaty).paragraph
