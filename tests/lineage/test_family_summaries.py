"""What the database keeps for the family page agrees with the versions after every kind of
write: the family tallies equal a fresh count of the published versions, and each lineage row's
place on the timeline is its paragraph's and document's."""

import datetime
import re

import pytest
from django.db import connection

from resolutions.ingest import ingest_file
from resolutions.lineage import placement, tallies
from resolutions.lineage.bulk import rebuild_lineage
from resolutions.lineage.matching import match_document
from resolutions.lineage.models import Family, FamilyTally, ParagraphLineage
from resolutions.models import Body, Document, Paragraph

from .conftest import TEXTS

pytestmark = pytest.mark.django_db

STEMS = ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29")


def fresh_count() -> set[tuple]:
    """(family, body, year, versions) counted from the lineage rows now."""
    with connection.cursor() as cursor:
        cursor.execute(tallies.FRESH)
        return set(cursor.fetchall())


def stored() -> set[tuple]:
    return set(FamilyTally.objects.values_list("family_id", "body_id", "year", "versions"))


def largest_family() -> int:
    """The most versions any family has, summed over its tallies."""
    totals: dict[int, int] = {}
    for family, versions in FamilyTally.objects.values_list("family_id", "versions"):
        totals[family] = totals.get(family, 0) + versions
    return max(totals.values(), default=0)


def placements() -> tuple[set[tuple], set[tuple]]:
    """Each lineage row's placement as stored, and as read afresh from paragraph and document."""
    columns = ", ".join(placement.COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT paragraph_id, {columns} FROM lineage_paragraphlineage")
        kept = set(cursor.fetchall())
        cursor.execute(placement.FRESH)
        return kept, set(cursor.fetchall())


def assert_tallies_agree() -> None:
    assert stored() == fresh_count()
    kept, fresh = placements()
    assert kept == fresh and len(fresh) == ParagraphLineage.objects.count()


@pytest.fixture
def three_years(ingest_text):
    documents = [ingest_text(stem) for stem in STEMS]
    assert largest_family() == 3, "a family in all three years"
    return documents


def test_ingest_keeps_the_tallies(three_years):
    assert_tallies_agree()
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    years = dict(
        FamilyTally.objects.filter(family=family.family_id).values_list("year", "versions")
    )
    assert years == {2023: 1, 2024: 1, 2025: 1}


def test_reingesting_a_changed_text_keeps_the_tallies(
    three_years, tmp_path, django_capture_on_commit_callbacks
):
    """Re-ingest replaces the paragraphs (lineage rows deleted, then matched again) and moves
    the document to another year: its versions leave 2024 for 2021."""
    text = (TEXTS / "A_RES_79_26.txt").read_text()
    changed = text.replace("December 2024", "December 2021")
    changed = re.sub(r"Decides to include", "Decides to place", changed, count=1)
    path = tmp_path / "A_RES_79_26.txt"
    path.write_text(changed)
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_file(path)
    assert result.document.pk == three_years[1].pk and result.document.year == 2021
    assert ParagraphLineage.objects.filter(paragraph__document=result.document).exists()
    assert_tallies_agree()
    assert not FamilyTally.objects.filter(year=2024).exists()
    assert FamilyTally.objects.filter(year=2021).exists()


def test_deleting_a_document_keeps_the_tallies(three_years):
    three_years[1].delete()
    assert_tallies_agree()
    assert not FamilyTally.objects.filter(year=2024).exists()
    assert largest_family() == 2


def test_publishing_and_unpublishing_keep_the_tallies(three_years):
    Document.objects.filter(pk=three_years[0].pk).update(status=Document.Status.DRAFT)
    assert_tallies_agree()
    assert not FamilyTally.objects.filter(year=2023).exists()
    Document.objects.filter(pk=three_years[0].pk).update(status=Document.Status.PUBLISHED)
    assert_tallies_agree()
    assert largest_family() == 3


def test_a_document_moved_to_another_body_or_year_keeps_the_tallies(three_years):
    other, _ = Body.objects.get_or_create(code="ECOSOC", defaults={"name": "ECOSOC"})
    Document.objects.filter(pk=three_years[2].pk).update(body=other)
    assert_tallies_agree()
    assert FamilyTally.objects.filter(body=other).exists()
    undated = Document.objects.filter(pk=three_years[2].pk)
    undated.update(date=None, year=None)
    assert_tallies_agree()
    assert FamilyTally.objects.filter(body=other, year=None).exists()
    undated.update(date=datetime.date(2019, 5, 1), year=2019)
    assert_tallies_agree()
    assert FamilyTally.objects.filter(body=other, year=2019).exists()


def test_a_paragraph_moved_to_another_document_or_position_keeps_the_tallies(three_years):
    paragraph = Paragraph.objects.get(document=three_years[2], number="2")
    family = paragraph.lineage.family_id
    Paragraph.objects.filter(pk=paragraph.pk).update(document=three_years[0], position=999)
    assert_tallies_agree()
    years = dict(FamilyTally.objects.filter(family=family).values_list("year", "versions"))
    assert years == {2023: 2, 2024: 1}
    Paragraph.objects.filter(pk=paragraph.pk).update(position=998)
    assert_tallies_agree()


def test_an_edited_paragraph_matched_again_keeps_the_tallies(three_years):
    paragraph = Paragraph.objects.get(document=three_years[1], number="1")
    paragraph.text = "Decides to remain seized of the matter."
    paragraph.save()
    match_document(three_years[1].pk)
    assert_tallies_agree()


def test_a_version_moved_to_another_family_keeps_the_tallies(three_years):
    row = ParagraphLineage.objects.get(paragraph__document=three_years[1], paragraph__number="2")
    ParagraphLineage.objects.filter(pk=row.pk).update(family=Family.objects.create())
    assert_tallies_agree()


def test_the_rebuild_writes_the_tallies(three_years):
    before = fresh_count()
    FamilyTally.objects.all().delete()
    rebuild_lineage(workers=1)
    assert_tallies_agree()
    # Families are renumbered; the counts are the same.
    assert sorted(row[1:] for row in stored()) == sorted(row[1:] for row in before)
    # And the triggers are back on after it.
    match_document(three_years[2].pk)
    assert_tallies_agree()


def test_a_tally_that_would_fall_below_zero_fails_the_write(three_years):
    FamilyTally.objects.filter(year=2024).update(versions=0)
    with pytest.raises(Exception, match="versions"):
        three_years[1].delete()
