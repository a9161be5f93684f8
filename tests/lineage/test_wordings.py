"""Band keys are kept once per wording (a distinct text), and go when no paragraph holds it."""

import datetime

import pytest

from resolutions.lineage.matching import CANDIDATES_PER_KEY, match_document
from resolutions.lineage.models import BandKey, KeyedWording, ParagraphLineage
from resolutions.lineage.text import text_keys, wording_digest
from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db

FORMULA = (
    "Requests the Secretary-General to submit to the General Assembly at its eighty-first session "
    "a report on the implementation of the present resolution, including on the activities of "
    "the United Nations Office on Drugs and Crime in this regard."
)
# One word edited, then a second: the twice-edited text shares with the once-edited one only
# band keys that the formula holds too (checked below), and is more like it than the formula.
EDITED = FORMULA.replace("this regard.", "this respect.")
EDITED_AGAIN = EDITED.replace("to submit", "to present")


def keys_of_the_archive() -> set[tuple[int, int]]:
    """(band key, wording digest) of every text a lineage row holds, computed afresh."""
    texts = Paragraph.objects.filter(lineage__isnull=False).values_list("text", flat=True)
    return {(key, wording_digest(text)) for text in texts for key in text_keys(text)[1]}


def stored_keys() -> set[tuple[int, int]]:
    return set(BandKey.objects.values_list("key", "wording__digest"))


def test_paragraphs_of_one_text_share_one_wording_and_its_keys(ingest_text):
    ingest_text("A_RES_78_37")
    ingest_text("A_RES_79_26")
    texts = list(Paragraph.objects.values_list("text", flat=True))
    digests = {wording_digest(text) for text in texts}
    assert len(digests) < len(texts), "the two years share paragraphs word for word"
    assert KeyedWording.objects.count() == len(digests)
    assert BandKey.objects.count() == len(keys_of_the_archive())
    assert stored_keys() == keys_of_the_archive()
    by_text = {}
    for row in ParagraphLineage.objects.select_related("paragraph"):
        by_text.setdefault(" ".join(row.paragraph.text.split()), set()).add(row.wording_id)
    assert all(len(wordings) == 1 for wordings in by_text.values())


def test_a_second_paragraph_with_the_same_text_adds_no_key_rows(make_document, make_paragraph):
    first = make_document(date=datetime.date(2020, 1, 1))
    make_paragraph(first, FORMULA)
    match_document(first.pk)
    keys = BandKey.objects.count()
    assert keys == len(set(text_keys(FORMULA)[1]))
    second = make_document(date=datetime.date(2021, 1, 1))
    # Spaces aside, the same text: the same wording.
    copy = make_paragraph(second, FORMULA.replace(" the ", "  the "))
    match_document(second.pk)
    assert BandKey.objects.count() == keys
    assert KeyedWording.objects.count() == 1
    assert copy.lineage.wording_id == first.paragraphs.get().lineage.wording_id
    assert copy.lineage.similarity == 1.0


def test_matching_again_and_deleting_leave_no_orphan_wordings(make_document, make_paragraph):
    first = make_document(date=datetime.date(2020, 1, 1))
    make_paragraph(first, FORMULA)
    make_paragraph(first, "Decides to remain seized of the matter.")
    second = make_document(date=datetime.date(2021, 1, 1))
    make_paragraph(second, FORMULA)
    edited = make_paragraph(second, EDITED)
    for document in (first, second):
        match_document(document.pk)
    assert KeyedWording.objects.count() == 3
    assert stored_keys() == keys_of_the_archive()
    # Matched again unchanged: its own wording keeps its id (its place among a key's holders).
    own = ParagraphLineage.objects.get(paragraph=edited).wording_id
    match_document(second.pk)
    assert ParagraphLineage.objects.get(paragraph=edited).wording_id == own
    assert stored_keys() == keys_of_the_archive()

    edited.text = EDITED_AGAIN
    edited.save()
    match_document(second.pk)
    assert not KeyedWording.objects.filter(digest=wording_digest(EDITED)).exists()
    assert KeyedWording.objects.count() == 3
    assert stored_keys() == keys_of_the_archive()

    second.delete()
    assert set(KeyedWording.objects.values_list("digest", flat=True)) == {
        wording_digest(text) for text in first.paragraphs.values_list("text", flat=True)
    }
    assert stored_keys() == keys_of_the_archive()
    first.delete()
    assert not KeyedWording.objects.exists() and not BandKey.objects.exists()


def test_a_formula_held_by_many_documents_does_not_hide_a_near_duplicate(
    make_document, make_paragraph
):
    """Per paragraph, a key's first CANDIDATES_PER_KEY holders were the formula's copies, so a
    wording edited from it, sharing only keys the formula holds too, was never a candidate."""
    edited_keys, again_keys = set(text_keys(EDITED)[1]), set(text_keys(EDITED_AGAIN)[1])
    assert edited_keys & again_keys <= set(text_keys(FORMULA)[1])
    for year in range(2000, 2001 + CANDIDATES_PER_KEY):
        document = make_document(date=datetime.date(year, 1, 1))
        make_paragraph(document, FORMULA)
        match_document(document.pk)
    edited_document = make_document(date=datetime.date(2022, 1, 1))
    edited = make_paragraph(edited_document, EDITED)
    match_document(edited_document.pk)
    latest = make_document(date=datetime.date(2023, 1, 1))
    again = make_paragraph(latest, EDITED_AGAIN)
    match_document(latest.pk)

    lineage = ParagraphLineage.objects.get(paragraph=again)
    assert lineage.previous_id == edited.pk
    assert lineage.similarity == pytest.approx(0.9744, abs=1e-4)
    assert lineage.family_id == edited.lineage.family_id
