"""Each document's facet groups (lineage/facet_groups.py) agree with its paragraphs and their
lineage rows after every kind of write, and the whole-document facet counts read them."""

import re
from collections import Counter

import pytest
from django.db import connection

from resolutions.ingest import ingest_file
from resolutions.lineage import facet_groups
from resolutions.lineage.bulk import rebuild_lineage
from resolutions.lineage.matching import match_document
from resolutions.lineage.models import FacetGroup, ParagraphLineage
from resolutions.models import Body, Document, Paragraph
from resolutions.search import read_search
from resolutions.search.counts import facet_statement
from resolutions.search.sql import Match

from .conftest import TEXTS

pytestmark = pytest.mark.django_db

STEMS = ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29")


def normalized(rows) -> Counter:
    return Counter((*row[:7], tuple(sorted(row[7]))) for row in rows)


def assert_groups_agree() -> None:
    columns = facet_groups.COLUMNS.split(", ")
    stored = normalized(FacetGroup.objects.values_list(*columns))
    with connection.cursor() as cursor:
        cursor.execute(facet_groups.FRESH)
        fresh = normalized(cursor.fetchall())
    assert stored == fresh
    assert sum(fresh.values()) < Paragraph.objects.count()


@pytest.fixture
def three_years(ingest_text):
    documents = [ingest_text(stem) for stem in STEMS]
    assert FacetGroup.objects.filter(addressees__len__gt=0).exists(), "matched: addressees"
    assert_groups_agree()
    return documents


def test_a_group_holds_its_paragraphs_addressees(three_years):
    document = three_years[2]
    operative = Paragraph.objects.filter(document=document, kind="operative")
    verb = operative.values_list("verb", flat=True).first()
    group = FacetGroup.objects.get(document=document, kind="operative", verb=verb)
    expected = {
        addressee
        for addressees in operative.filter(verb=verb).values_list("lineage__addressees", flat=True)
        for addressee in addressees or ()
    }
    assert set(group.addressees) == expected and expected
    assert group.published and group.year == document.year and group.body_id == document.body_id


def test_reingesting_a_changed_text_keeps_the_groups(
    three_years, tmp_path, django_capture_on_commit_callbacks
):
    text = (TEXTS / "A_RES_79_26.txt").read_text()
    changed = re.sub(r"Decides to include", "Resolves to include", text, count=1)
    changed = changed.replace("December 2024", "December 2021")
    path = tmp_path / "A_RES_79_26.txt"
    path.write_text(changed)
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest_file(path)
    assert_groups_agree()
    assert FacetGroup.objects.filter(document=result.document, verb="resolves").exists()
    assert set(
        FacetGroup.objects.filter(document=result.document).values_list("year", flat=True)
    ) == {2021}


def test_deleting_publishing_and_moving_documents_keep_the_groups(three_years):
    three_years[1].delete()
    assert_groups_agree()
    assert not FacetGroup.objects.filter(document_id=three_years[1].pk).exists()
    Document.objects.filter(pk=three_years[0].pk).update(status=Document.Status.DRAFT)
    assert_groups_agree()
    assert not FacetGroup.objects.filter(document=three_years[0], published=True).exists()
    other, _ = Body.objects.get_or_create(code="ECOSOC", defaults={"name": "ECOSOC"})
    Document.objects.filter(pk=three_years[2].pk).update(body=other, date=None, year=2019)
    assert_groups_agree()
    assert set(
        FacetGroup.objects.filter(document=three_years[2]).values_list("body_id", "year")
    ) == {(other.pk, 2019)}


def test_edited_moved_and_deleted_paragraphs_keep_the_groups(three_years):
    paragraph = Paragraph.objects.filter(document=three_years[1], kind="operative").first()
    paragraph.verb = "deplores"
    paragraph.save()
    match_document(three_years[1].pk)
    assert_groups_agree()
    assert FacetGroup.objects.filter(document=three_years[1], verb="deplores").exists()
    Paragraph.objects.filter(pk=paragraph.pk).update(document=three_years[0], position=999)
    assert_groups_agree()
    assert FacetGroup.objects.filter(document=three_years[0], verb="deplores").exists()
    Paragraph.objects.filter(pk=paragraph.pk).delete()
    assert_groups_agree()
    assert not FacetGroup.objects.filter(verb="deplores").exists()


def test_updates_outside_the_grouped_columns_rewrite_nothing(three_years):
    """A text edit or a lineage row's new similarity leaves the groups' rows as they were; a
    changed verb or addressee writes its document's groups anew, and no other document's."""

    def group_ids(document) -> set[int]:
        return set(FacetGroup.objects.filter(document=document).values_list("pk", flat=True))

    first, second = three_years[0], three_years[1]
    before = group_ids(first)
    Paragraph.objects.filter(document=first).update(text="Edited text.")
    first_lineage = ParagraphLineage.objects.filter(paragraph__document=first)
    first_lineage.update(similarity=0.5)
    assert group_ids(first) == before
    untouched = group_ids(second)
    first_lineage.update(addressees=["secretary_general"])
    assert group_ids(first).isdisjoint(before) and group_ids(second) == untouched
    assert_groups_agree()


def test_the_rebuild_keeps_the_groups(three_years):
    rebuild_lineage(workers=1)
    assert_groups_agree()
    assert FacetGroup.objects.filter(addressees__len__gt=0).exists()


def test_whole_document_counts_read_the_groups(three_years):
    def source(params: dict) -> str:
        match = Match(read_search(params))
        statement = facet_statement(match, on_paragraphs=False, sample=None)
        return statement.as_string(connection.connection)

    connection.ensure_connection()
    assert "lineage_facetgroup" in source({"q": "decides"})
    assert "lineage_facetgroup" in source({})
    assert "lineage_facetgroup" in source({"q": "decides", "verb": ["decides"]})
    assert "lineage_facetgroup" not in source({"q": "decides", "within": "paragraph"})
    assert "resolutions_paragraph" not in source({"q": "decides", "verb": ["decides"]})
