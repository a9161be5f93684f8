"""The search page: one GET form, every state in the URL, fragments for scripts."""

from __future__ import annotations

import pytest

from resolutions.models import Body, Document, Paragraph, Reference

pytestmark = pytest.mark.django_db


def results_list(html: str) -> str:
    """The list of results on a page (not the form or the facets)."""
    start = html.index('<ol class="results')
    return html[start : html.index("</ol>", start)]


@pytest.fixture
def archive(make_document, make_paragraph):
    """Three published documents and a draft, with paragraphs, verbs and a citation."""
    ga = Body.objects.get(code="GA")
    smuggling = make_document(
        symbol="E/RES/2014/23",
        number="2014/23",
        title="Strengthening international cooperation against the smuggling of migrants",
        year=2014,
    )
    make_paragraph(
        smuggling,
        "Recalling its resolution on migrants,",
        kind=Paragraph.Kind.PREAMBULAR,
        verb="recalling",
    )
    make_paragraph(
        smuggling,
        "Urges Member States to conduct financial investigations into smuggling networks;",
        verb="urges",
    )
    make_paragraph(smuggling, "Requests the Secretary-General to report;", verb="requests")
    violence = make_document(
        body=ga,
        symbol="A/RES/66/128",
        number="66/128",
        title="Violence against women migrant workers",
        year=2011,
    )
    make_paragraph(violence, "Urges Governments to protect women migrant workers;", verb="urges")
    Reference.objects.create(
        citing_document=smuggling,
        ref_type="resolution",
        cited_key="A/RES/66/128",
        cited_body="GA",
        cited_number="66/128",
        cited_document=violence,
    )
    corruption = make_document(
        symbol="E/RES/2006/27",
        number="2006/27",
        title="Corruption and financial investigations",
        year=2006,
    )
    make_paragraph(corruption, "Invites States to share information on bribery;", verb="invites")
    draft = make_document(
        symbol="E/RES/2099/999",
        title="A secret draft on financial investigations",
        status=Document.Status.DRAFT,
        year=2020,
    )
    make_paragraph(draft, "Urges secrecy in financial investigations;", verb="urges")
    return {"smuggling": smuggling, "violence": violence, "corruption": corruption, "draft": draft}


def test_empty_query_browses_everything_published_newest_first(client, archive):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 documents" in html
    html = results_list(html)
    assert html.index("E/RES/2014/23") < html.index("A/RES/66/128") < html.index("E/RES/2006/27")
    assert "secret draft" not in html


def test_home_shows_the_search_page(client, archive):
    response = client.get("/")
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


def test_query_finds_documents_with_highlighted_paragraph_links(client, archive):
    response = client.get("/search/", {"q": "financial investigations"})
    html = response.content.decode()
    assert "2 documents" in html
    assert "<mark>financial</mark>" in html
    assert 'href="/documents/E/RES/2014/23/#op2"' in html
    assert "secret" not in html
