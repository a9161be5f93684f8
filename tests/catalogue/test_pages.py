"""The catalogue on the pages: vote, language versions, related documents, subjects, countries."""

import io
import re

import pytest
from django.core.management import call_command

from resolutions.catalogue.models import Concept
from resolutions.models import Country, Document, Sponsorship, Topic

pytestmark = pytest.mark.django_db

SECURITY_COUNCIL = ("S_RES_2538_2020.xml", "S_RES_2538_2020_vote.xml", "S_2020_838.xml")


def page(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def catalogue_section(html: str) -> str:
    start = html.index('<section id="catalogue"')
    return html[start : html.index("</section>", start)]


def test_a_recorded_vote_with_each_states_vote(client, import_fixtures):
    import_fixtures(*SECURITY_COUNCIL)
    html = page(client, Document.objects.get(symbol="S/RES/2538 (2020)").get_absolute_url())
    section = catalogue_section(html)
    assert "Recorded vote" in section
    assert re.search(
        r"<strong>15</strong> yes, <strong>0</strong> no, <strong>0</strong> abstaining", section
    )
    assert section.count('<tr class="vote-y">') == 15
    assert "Permanent" in section and "Elected" in section
    assert 'href="/countries/china/"' in section
    assert '<svg class="chart chart-bars"' in section
    # The draft is in the archive: linked there, not to undocs.org.
    draft = Document.objects.get(symbol="S/2020/838")
    assert f'<a href="{draft.get_absolute_url()}">S/2020/838</a>' in section


def test_adopted_without_a_vote_links_languages_and_outside_documents(client, import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    section = catalogue_section(page(client, "/documents/A/RES/63/156/"))
    assert "Adopted without a vote" in section
    assert "Adopted without vote, 70th plenary meeting" in section
    for code in ("ar", "zh", "en", "fr", "ru", "es"):
        assert f'hreflang="{code}"' in section
    assert "A_RES_63_156-FR.pdf" in section
    assert 'href="https://undocs.org/A/63/425"' in section and "Committee report" in section
    assert 'href="https://undocs.org/A/63/PV.70"' in section and "Meeting record" in section


def test_a_missing_language_is_said(client, import_fixtures):
    import_fixtures("A_HRC_RES_11_3.xml")
    section = catalogue_section(page(client, "/documents/A/HRC/RES/11/3/"))
    assert section.count("not in the library") == 6  # the record lists no files


def test_unbis_subjects_link_to_their_pages_and_places_are_places(client, import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures("A_RES_63_156.xml")
    section = catalogue_section(page(client, "/documents/A/RES/63/156/"))
    trafficking = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    assert f'<a href="/subjects/{trafficking.identifier}/">TRAFFICKING IN PERSONS</a>' in section
    # Only the crime and drugs part is loaded: WOMEN is not a place, just not loaded.
    assert "Places:" not in section
    assert "Not in the archive's copy of the thesaurus: GIRLS; WOMEN&#x27;S RIGHTS" in section


def test_a_librarians_correction_shows_that_it_differs(client, import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    Document.objects.filter(symbol="A/RES/63/156").update(
        title="Trafficking in women and girls: corrected", curated_fields=["title"]
    )
    import_fixtures("A_RES_63_156.xml")
    section = catalogue_section(page(client, "/documents/A/RES/63/156/"))
    assert "Differs from the catalogue." in section
    assert "Title: Trafficking in women and girls</li>" in section


def test_catalogue_text_is_escaped_and_the_page_has_no_inline_script(client, import_fixtures):
    import_fixtures("A_RES_63_156.xml")
    Document.objects.filter(symbol="A/RES/63/156").update(title="<script>alert(1)</script>")
    from resolutions.catalogue.models import CatalogueRecord

    CatalogueRecord.objects.update(vote_note="<img src=x onerror=alert(1)>")
    response = client.get("/documents/A/RES/63/156/")
    html = response.content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " style=" not in catalogue_section(html)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_catalogued_document_page_query_count(
    client, import_fixtures, django_assert_max_num_queries
):
    import_fixtures(*SECURITY_COUNCIL)
    url = Document.objects.get(symbol="S/RES/2538 (2020)").get_absolute_url()
    # the page's 8, then links, subjects, votes and their States
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_a_country_page_shows_its_votes_beside_what_it_sponsored(client, import_fixtures):
    import_fixtures(*SECURITY_COUNCIL)
    china = Country.objects.get(iso3="CHN")
    draft = Document.objects.get(symbol="S/2020/838")
    # The draft's 98 sponsors come from its record (710, 245 $c): China among them.
    assert Sponsorship.objects.filter(document=draft, country=china).exists()
    Sponsorship.objects.filter(document=draft, country__iso3="BEL").delete()
    html = page(client, china.get_absolute_url())
    start = html.index('<section id="votes"')
    votes = html[start : html.index("</section>", start)]
    assert "Voting record (1)" in votes
    assert "S/RES/2538 (2020)" in votes and '<td class="vote-cell">Yes</td>' in votes
    assert '<span class="sponsored-mark">sponsor</span>' in votes
    belgium = page(client, Country.objects.get(iso3="BEL").get_absolute_url())
    assert "Voting record (1)" in belgium and "sponsored-mark" not in belgium


def test_a_subject_page_includes_narrower_subjects(client, import_fixtures):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    import_fixtures("A_RES_63_156.xml")
    narrow = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    broader = narrow.broader.filter(kind="concept").first() or narrow.broader.first()
    html = page(client, broader.get_absolute_url())
    assert "A/RES/63/156" in html
    assert "A/RES/63/156" not in page(client, broader.get_absolute_url(), narrower="0")
    assert "A/RES/63/156" in page(client, narrow.get_absolute_url(), narrower="0")
    listing = page(client, "/subjects/")
    assert f'href="/subjects/{narrow.identifier}/"' in listing


def test_a_topic_page_names_its_unbis_concepts(client):
    call_command("load_unbis", "--crime-and-drugs", stdout=io.StringIO())
    topic = Topic.objects.get(slug="trafficking-in-persons")
    html = page(client, topic.get_absolute_url())
    concept = Concept.objects.get(label="TRAFFICKING IN PERSONS")
    assert f'<a href="/subjects/{concept.identifier}/">TRAFFICKING IN PERSONS</a>' in html


def test_an_unknown_subject_is_404(client):
    assert client.get("/subjects/nope/").status_code == 404
