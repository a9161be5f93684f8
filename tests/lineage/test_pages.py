"""The document page's lineage lines and the family timeline, through the real HTTP stack."""

import re
from collections import Counter

import pytest

from resolutions.lineage import views
from resolutions.lineage.models import ParagraphLineage
from resolutions.models import Body, Document, Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_years(ingest_text):
    return [ingest_text(s) for s in ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29")]


def test_document_page_says_where_each_paragraph_first_appeared(client, three_years):
    html = client.get(three_years[2].get_absolute_url()).content.decode()
    assert "First adopted in A/RES/78/37 (2023) · 3 versions" in html
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    assert f'href="/language/families/{family.family_id}/"' in html


def test_the_first_document_says_here(client, three_years):
    html = client.get(three_years[0].get_absolute_url()).content.decode()
    assert "First adopted here · 3 versions" in html


def test_a_paragraph_found_nowhere_else_has_no_line(client, ingest_text):
    document = ingest_text("A_RES_80_146")
    html = client.get(document.get_absolute_url()).content.decode()
    assert "lineage-line" not in html


def test_family_page_shows_the_timeline_with_word_diffs(client, three_years):
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    response = client.get(f"/language/families/{family.family_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(d.symbol) for d in three_years]
    assert positions == sorted(positions), "oldest version first"
    assert "first version" in html
    assert "same wording as A/RES/78/37" in html
    hidden = r'<span class="visually-hidden">'
    assert re.search(rf"<del>{hidden}\[deleted: </span>Conference on{hidden}\]</span></del>", html)
    assert re.search(rf"<ins>{hidden}\[inserted: </span>Commission{hidden}\]</span></ins>", html)
    assert "<svg" in html and "Versions per year" in html


def test_unpublished_versions_are_neither_shown_nor_counted(client, three_years):
    Document.objects.filter(pk=three_years[1].pk).update(status=Document.Status.DRAFT)
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    html = client.get(f"/language/families/{family.family_id}/").content.decode()
    assert "A/RES/79/26" not in html
    page = client.get(three_years[2].get_absolute_url()).content.decode()
    assert "First adopted in A/RES/78/37 (2023) · 2 versions" in page


@pytest.mark.parametrize("path", ["/language/families/999999/", "/language/families/1/?page=x"])
def test_unknown_family_is_404(client, path):
    assert client.get(path).status_code == 404


def test_family_page_counts_are_those_of_its_published_versions(client, three_years):
    """The counts the page reads from the family's tallies are what counting its versions
    gives, after a document is unpublished and another moved to another body."""
    Document.objects.filter(pk=three_years[1].pk).update(status=Document.Status.DRAFT)
    other, _ = Body.objects.get_or_create(code="ECOSOC", defaults={"name": "ECOSOC"})
    Document.objects.filter(pk=three_years[0].pk).update(body=other)
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    html = client.get(f"/language/families/{family.family_id}/").content.decode()
    versions = list(
        Paragraph.objects.filter(
            lineage__family=family.family_id, document__status=Document.Status.PUBLISHED
        ).select_related("document__body")
    )
    bodies = Counter(p.document.body.code for p in versions)
    listed = ", ".join(f"{code} ({n})" for code, n in sorted(bodies.items()))
    assert f"{len(versions)} versions of this wording in published documents, in {listed}." in html
    for year, n in Counter(p.document.year for p in versions).items():
        assert f"<title>{year}: {n} version</title>" in html
    assert html.count('class="lineage-version"') == len(versions) == 2


def test_family_page_reads_its_tallies_and_one_page_of_versions(
    client, three_years, django_assert_max_num_queries
):
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    with django_assert_max_num_queries(2):
        assert client.get(f"/language/families/{family.family_id}/").status_code == 200


def test_family_page_pages_through_the_timeline(client, three_years, monkeypatch):
    """One version a page: page 2 is the second version, compared with the first (from the page
    before), and the last page is the 2025 text."""
    monkeypatch.setattr(views, "FAMILY_PAGE_SIZE", 1)
    family = ParagraphLineage.objects.get(paragraph__document=three_years[2], paragraph__number="2")
    url = f"/language/families/{family.family_id}/"
    second = client.get(url + "?page=2").content.decode()
    assert "A/RES/79/26" in second and "Page 2 of 3" in second
    assert "Changes from A/RES/78/37" in second or "same wording as A/RES/78/37" in second
    assert 'start="2"' in second
    last = client.get(url + "?page=99").content.decode()
    assert "Page 3 of 3" in last and "Changes from A/RES/79/26" in last
