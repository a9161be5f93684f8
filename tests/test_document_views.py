"""The document page and its exports: what a researcher reads, cites and downloads."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.text import slugify

from resolutions.models import Country, Document, DocumentTopic, Paragraph, Reference, Topic

pytestmark = pytest.mark.django_db

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_LINK = '<a href="javascript:alert(1)">click</a>'
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def make_country(db):
    def build(name: str) -> Country:
        return Country.objects.create(name=name, slug=name.lower().replace(" ", "-"))

    return build


@pytest.fixture
def make_topic(db):
    def build(name: str) -> Topic:
        slug = slugify(name)
        return Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]

    return build


@pytest.fixture
def rich_document(make_document, make_paragraph, make_country, make_topic):
    """A resolution with many paragraphs, sponsors, topics, footnotes and citations both ways."""
    cited = make_document(
        symbol="A/RES/66/128", number="66/128", title="Violence against women migrant workers"
    )
    cited.date = dt.date(2011, 12, 19)
    cited.year = 2011
    cited.save()
    document = make_document(
        symbol="E/RES/2014/23",
        number="2014/23",
        title="Strengthening international cooperation in addressing the smuggling of migrants",
        date=dt.date(2014, 7, 16),
        year=2014,
    )
    recalling = make_paragraph(
        document,
        "Recalling General Assembly resolutions 66/128 of 19 December 2011 and 66/172 of "
        "19 December 2011,",
        kind=Paragraph.Kind.PREAMBULAR,
        verb="recalling",
        footnotes=[{"marker": "1", "text": "See E/2014/30."}],
    )
    for i in range(2, 11):
        make_paragraph(document, f"Noting item {i},", kind=Paragraph.Kind.PREAMBULAR, verb="noting")
    for n in range(1, 31):
        make_paragraph(
            document,
            f"Urges Member States to act on matter {n}: (a) To do one thing; (b) To do another;",
            kind=Paragraph.Kind.OPERATIVE,
            number=str(n),
            verb="urges",
            footnotes=[{"marker": str(n + 1), "text": f"Note {n}."}] if n % 5 == 0 else [],
        )
    Reference.objects.create(
        citing_document=document,
        citing_paragraph=recalling,
        ref_type="resolution",
        cited_key="A/RES/66/128",
        cited_body="GA",
        cited_number="66/128",
        cited_text="General Assembly resolutions 66/128",
        cited_document=cited,
    )
    Reference.objects.create(
        citing_document=document,
        citing_paragraph=recalling,
        ref_type="resolution",
        cited_key="A/RES/66/172",
        cited_body="GA",
        cited_number="66/172",
        cited_text="66/172",
    )
    op12 = document.paragraphs.get(number="12")
    for i in range(1, 9):
        Reference.objects.create(
            citing_document=document,
            citing_paragraph=op12,
            ref_type="document",
            cited_key=f"E/2014/{i}",
            cited_text=f"E/2014/{i}",
        )
    for i, name in enumerate(["Albania", "El Salvador", "Guatemala", "Italy", "Japan", "Peru"]):
        document.sponsorship_set.create(country=make_country(name), position=i)
    for name, status in [
        ("Smuggling of migrants", "confirmed"),
        ("Human rights", "confirmed"),
        ("Border control", "suggested"),
        ("Rejected thing", "rejected"),
    ]:
        DocumentTopic.objects.create(document=document, topic=make_topic(name), status=status)
    DocumentTopic.objects.create(
        document=cited, topic=Topic.objects.get(name="Human rights"), status="confirmed"
    )
    for year in (2016, 2018, 2020):
        citing = make_document(
            symbol=f"A/RES/{year - 1945}/1",
            title=f"Later resolution of {year}",
            body_code="GA",
            date=dt.date(year, 12, 1),
            year=year,
        )
        para = make_paragraph(citing, "Recalling Economic and Social Council resolution 2014/23,")
        Reference.objects.create(
            citing_document=citing,
            citing_paragraph=para,
            ref_type="resolution",
            cited_key="E/RES/2014/23",
            cited_body="ECOSOC",
            cited_number="2014/23",
            cited_document=document,
        )
    ecosoc_citing = make_document(
        symbol="E/RES/2019/5", title="An ECOSOC follow-up", date=dt.date(2019, 7, 1), year=2019
    )
    Reference.objects.create(
        citing_document=ecosoc_citing,
        ref_type="resolution",
        cited_key="E/RES/2014/23",
        cited_document=document,
    )
    hidden = make_document(symbol="A/RES/99/1", title="Unpublished citing draft", status="draft")
    Reference.objects.create(
        citing_document=hidden,
        ref_type="resolution",
        cited_key="E/RES/2014/23",
        cited_document=document,
    )
    return document


def page(client, document, **params):
    response = client.get(document.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def test_document_page_shows_metadata(client, rich_document):
    html = page(client, rich_document)
    assert '<h1 id="document-title">Strengthening international cooperation' in html
    assert "E/RES/2014/23" in html
    assert "Economic and Social Council" in html
    assert '<time datetime="2014-07-16">16 July 2014</time>' in html
    assert "Resolution 2014/23" in html
    for name in ["Albania", "El Salvador", "Peru"]:
        assert name in html
    assert html.index("Albania") < html.index("El Salvador") < html.index("Peru")


def test_topics_confirmed_and_suggested_shown_rejected_never(client, rich_document):
    html = page(client, rich_document)
    assert "Smuggling of migrants" in html
    assert (
        'href="/topics/border-control/">Border control</a> <span class="badge badge-suggested"'
        in html
    )
    assert "Human rights</a></li>" in html  # confirmed: no badge
    assert "Rejected thing" not in html


def test_paragraphs_have_anchors_numbers_kinds_and_emphasized_verbs(client, rich_document):
    html = page(client, rich_document)
    assert 'id="pp1"' in html and 'id="pp10"' in html
    assert 'id="op1"' in html and 'id="op30"' in html
    assert '<div class="para para-preambular" id="pp1">' in html
    assert '<div class="para para-operative" id="op12">' in html
    assert '<div class="para-number">12.</div>' in html
    assert '<strong class="verb">Urges</strong> Member States' in html
    assert '<strong class="verb">Recalling</strong>' in html
    assert "Preamble</h3>" in html and "Operative paragraphs</h3>" in html


def test_subparagraphs_are_indented(client, rich_document):
    html = page(client, rich_document)
    assert '<p class="segment segment-1">(a) To do one thing;</p>' in html


def test_cite_control_carries_the_citation_and_shows_it_without_js(client, rich_document):
    html = page(client, rich_document)
    assert 'data-citation="E/RES/2014/23, para. 12"' in html
    assert '<span class="cite-text">E/RES/2014/23, para. 12</span>' in html
    assert '<span class="cite-text">E/RES/2014/23, preambular para. 3</span>' in html
    assert "js/document.js" in html


def test_footnotes_are_linked_both_ways(client, rich_document):
    html = page(client, rich_document)
    assert 'href="#fn-pp1-1"><span class="visually-hidden">Footnote </span>1</a>' in html
    assert '<li id="fn-pp1-1"><span class="footnote-marker">1</span> See E/2014/30.' in html
    assert 'href="#fnref-pp1-1">Back to E/RES/2014/23, preambular para. 1</a>' in html
    assert 'id="fn-op10-1"' in html


def test_citations_linked_inline_and_listed_by_paragraph(client, rich_document):
    html = page(client, rich_document)
    cited_url = "/documents/A/RES/66/128/"
    assert f'<a class="citation" href="{cited_url}"' in html
    assert ">General Assembly resolutions 66/128</a>" in html
    assert (
        '<a class="citation citation-missing" href="/documents/A/RES/66/172/"'
        ' title="A/RES/66/172: not in the archive">66/172' in html
    )
    refs = html[html.index('id="references"') : html.index('id="cited-by"')]
    assert '<a href="#pp1">E/RES/2014/23, preambular para. 1</a>' in refs
    assert '<a href="#op12">E/RES/2014/23, para. 12</a>' in refs
    assert f'<a href="{cited_url}">A/RES/66/128</a>' in refs
    assert refs.count("not in the archive") == 9


def test_cited_by_lists_published_citing_documents_newest_first(client, rich_document):
    html = page(client, rich_document)
    cited_by = html[html.index('id="cited-by"') :]
    assert "Unpublished citing draft" not in html
    order = [cited_by.index(t) for t in ["of 2020", "An ECOSOC follow-up", "of 2018", "of 2016"]]
    assert order == sorted(order)
    assert 'href="/documents/A/RES/75/1/#op1"' in cited_by
    assert "4 of 4 citing documents shown" in cited_by


def test_cited_by_narrowed_by_body_and_year(client, rich_document):
    html = page(client, rich_document, cited_by_body="GA")
    cited_by = html[html.index('id="cited-by"') :]
    assert "An ECOSOC follow-up" not in cited_by
    assert "3 of 4" in cited_by
    assert '<option value="GA" selected>' in cited_by
    html = page(client, rich_document, cited_by_body="GA", cited_by_year="2018")
    cited_by = html[html.index('id="cited-by"') :]
    assert "of 2018" in cited_by and "of 2016" not in cited_by
    assert '<option value="2018" selected>' in cited_by
    html = page(client, rich_document, cited_by_year="not-a-year")
    assert "4 of 4" in html


def cite_many(document: Document, make_document, count: int, *, body_code: str = "GA") -> None:
    """`count` published resolutions of 2030 onwards (the newest last) citing `document`."""
    for n in range(1, count + 1):
        citing = make_document(
            symbol=f"A/RES/98/{n}", body_code=body_code, date=dt.date(2030, 1, n), year=2030
        )
        Reference.objects.create(
            citing_document=citing,
            ref_type="resolution",
            cited_key=document.citation_key or document.symbol,
            cited_document=document,
        )


def test_the_page_lists_the_newest_citing_documents_and_links_to_them_all(
    client, rich_document, make_document
):
    cite_many(rich_document, make_document, 25)
    html = page(client, rich_document)
    cited_by = html[html.index('id="cited-by"') :]
    assert "20 of 29 citing documents shown, the newest first" in cited_by
    assert (
        'href="/documents/A/RES/98/25/"' in cited_by and 'href="/documents/A/RES/98/6/"' in cited_by
    )
    assert 'href="/documents/A/RES/98/5/"' not in cited_by
    assert (
        'href="/documents/E/RES/2014/23/cited-by/">Every citing document, page by page' in cited_by
    )
    narrowed = page(client, rich_document, cited_by_body="GA", cited_by_year="2030")
    assert 'href="/documents/E/RES/2014/23/cited-by/?cited_by_body=GA&amp;cited_by_year=2030"' in (
        narrowed
    )


def test_the_cited_by_pages_list_every_citing_document_page_by_page(
    client, rich_document, make_document, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("resolutions.views.documents.CITED_BY_PER_PAGE", 10)
    cite_many(rich_document, make_document, 25)
    url = "/documents/E/RES/2014/23/cited-by/"
    with django_assert_max_num_queries(5):  # document, choices, count, page, session-free
        first = client.get(url)
    assert first.status_code == 200
    html = first.content.decode()
    assert "29 citing documents, the newest first" in html
    assert html.index('href="/documents/A/RES/98/25/"') < html.index(
        'href="/documents/A/RES/98/16/"'
    )
    assert 'href="/documents/A/RES/98/15/"' not in html
    assert "Page 1 of 3" in html and 'href="?page=2" rel="next"' in html
    last = client.get(url, {"page": 3}).content.decode()
    order = [last.index(t) for t in ["A/RES/98/5/", "A/RES/98/1/", "of 2020", "of 2016"]]
    assert order == sorted(order) and "Unpublished citing draft" not in last
    narrowed = client.get(url, {"cited_by_body": "GA", "cited_by_year": "2018"}).content.decode()
    assert "1 of 29 citing documents match" in narrowed and "of 2018" in narrowed
    by_id = client.get(f"/documents/id/{rich_document.pk}/cited-by/", {"page": 2})
    assert by_id.status_code == 200 and 'href="/documents/A/RES/98/15/"' in by_id.content.decode()
    paged = client.get(url, {"cited_by_body": "GA", "page": 2}).content.decode()
    assert 'href="?cited_by_body=GA&amp;page=3" rel="next"' in paged


def test_the_cited_by_pages_follow_a_withdrawn_citing_document(
    client, rich_document, make_document
):
    cite_many(rich_document, make_document, 2)
    newest = Document.objects.get(symbol="A/RES/98/2")
    newest.status = Document.Status.DRAFT
    newest.save()
    html = client.get("/documents/E/RES/2014/23/cited-by/").content.decode()
    assert "5 citing documents" in html and "A/RES/98/2/" not in html
    page_html = page(client, rich_document)
    assert "5 of 5 citing documents shown" in page_html


def test_related_documents_share_topics_or_citations(client, rich_document):
    html = page(client, rich_document)
    related = html[html.index('id="related"') :]
    assert "A/RES/66/128" in related  # shares a topic and is cited
    assert "1 shared topic" in related
    assert "A/RES/73/1" in related  # cites it


def test_draft_and_adopted_versions_are_linked(client, make_document):
    draft = make_document(
        symbol="E/CN.15/2014/L.5", doc_type=Document.DocType.DRAFT_RESOLUTION, title="Draft"
    )
    adopted = make_document(symbol="E/RES/2014/99", title="Adopted", draft=draft)
    assert 'href="/documents/E/CN.15/2014/L.5/">E/CN.15/2014/L.5</a>' in page(client, adopted)
    assert 'Adopted as</dt><dd><a href="/documents/E/RES/2014/99/">' in page(client, draft)
    draft.status = "draft"
    draft.save()
    assert "E/CN.15/2014/L.5" not in page(client, adopted)


def test_original_file_link(client, make_document, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = make_document(original_file="originals/2014/07/res.pdf", original_filename="res.pdf")
    html = page(client, document)
    assert "Download the original file (res.pdf)" in html
    try:
        expected = reverse("resolutions:original", args=[document.pk])
    except Exception:
        expected = document.original_file.url
    assert f'href="{expected}"' in html
    assert "Download the original file" not in page(client, make_document())


def test_document_by_id_for_documents_without_symbol(client, make_document):
    document = make_document(symbol=None, number="6/3", body_code="COP-UNTOC", title="COP text")
    assert document.get_absolute_url() == f"/documents/id/{document.pk}/"
    html = page(client, document)
    assert "COP-UNTOC resolution 6/3" in html
    assert f'href="/documents/id/{document.pk}/cite.ris"' in html


def test_unpublished_documents_are_not_found_anywhere(client, make_document):
    document = make_document(symbol="E/RES/2099/999", status="draft")
    base = "/documents/E/RES/2099/999/"
    for url in [base, base + "cite.ris", base + "cite.bib", base + "json/", base + "cited-by.atom"]:
        assert client.get(url).status_code == 404, url
    by_id = f"/documents/id/{document.pk}/"
    for url in [by_id, by_id + "cite.ris", by_id + "json/", by_id + "cited-by.atom"]:
        assert client.get(url).status_code == 404, url
    assert client.get("/documents/E/RES/2099/1000/").status_code == 404


def test_hostile_text_is_rendered_inert(client, make_document, make_paragraph, make_topic):
    hostile = f"{XSS_SCRIPT} {XSS_IMG} {XSS_LINK}"
    document = make_document(symbol="E/RES/2099/777", title=f"Title {hostile}")
    make_paragraph(
        document,
        f"Urges {hostile}: (a) {XSS_SCRIPT}; (b) javascript:alert(1)",
        verb="urges",
        footnotes=[{"marker": "<b>1</b>", "text": f"Note {hostile}"}],
    )
    Reference.objects.create(
        citing_document=document,
        citing_paragraph=document.paragraphs.get(),
        ref_type="document",
        cited_key="X/1<script>",
        cited_text=XSS_IMG,
    )
    DocumentTopic.objects.create(
        document=document, topic=make_topic(f"T {XSS_SCRIPT}"), status="confirmed"
    )
    html = page(client, document)
    assert XSS_SCRIPT not in html
    assert XSS_IMG not in html
    assert 'href="javascript:' not in html
    assert "<b>1</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in html
    assert "Note &lt;script&gt;" in html


def test_document_page_query_count(client, rich_document, django_assert_max_num_queries):
    # the search version (the page cache's key), document, paragraphs, sponsors, topics,
    # references, cited-by choices and list, related, lineage lines
    with django_assert_max_num_queries(10):
        response = client.get(rich_document.get_absolute_url(), {"cited_by_body": "GA"})
    assert response.status_code == 200
    assert response.content.decode().count('class="para ') == 40


# --- exports ---------------------------------------------------------------------------


def export(client, suffix: str):
    """The rich document's export at this suffix; it must be found."""
    response = client.get(f"/documents/E/RES/2014/23/{suffix}")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    "suffix, content_type, disposition",
    [
        (
            "cite.ris",
            "application/x-research-info-systems",
            'attachment; filename="E_RES_2014_23.ris"',
        ),
        ("cite.bib", "application/x-bibtex", 'attachment; filename="E_RES_2014_23.bib"'),
        ("json/", "application/json", 'inline; filename="E_RES_2014_23.json"'),
    ],
)
def test_exports_media_type_and_file_name(client, rich_document, suffix, content_type, disposition):
    response = export(client, suffix)
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert response["Content-Disposition"] == disposition


def test_ris_export(client, rich_document):
    text = export(client, "cite.ris").content.decode()
    assert text.startswith("TY  - GOVDOC\r\n")
    assert "TI  - Strengthening international cooperation" in text
    assert "AU  - Economic and Social Council\r\n" in text
    assert "CN  - E/RES/2014/23\r\n" in text
    assert "DA  - 2014/07/16\r\n" in text
    assert "UR  - http://testserver/documents/E/RES/2014/23/\r\n" in text
    assert "KW  - Border control" in text and "Rejected thing" not in text
    assert text.endswith("ER  -\r\n")


def test_bibtex_export(client, rich_document):
    text = export(client, "cite.bib").content.decode()
    assert text.startswith("@misc{E_RES_2014_23,\n")
    assert "  author = {{Economic and Social Council}},\n" in text
    assert "  number = {E/RES/2014/23},\n" in text
    assert "  year = {2014},\n" in text


def test_json_export_has_the_contract_shape(client, rich_document):
    data = json.loads(export(client, "json/").content)
    assert list(data) == [
        "symbol", "body", "doc_type", "number", "title", "date", "year",
        "sponsors", "paragraphs", "references",
    ]  # fmt: skip
    assert data["symbol"] == "E/RES/2014/23"
    assert data["body"] == "ECOSOC"
    assert data["date"] == "2014-07-16"
    assert data["sponsors"][:2] == ["Albania", "El Salvador"]
    assert data["paragraphs"][0] == {
        "kind": "preambular",
        "number": None,
        "verb": "recalling",
        "text": "Recalling General Assembly resolutions 66/128 of 19 December 2011 and 66/172 of "
        "19 December 2011,",
    }
    assert data["paragraphs"][10]["number"] == "1"
    assert data["references"][0] == {"type": "resolution", "body": "GA", "number": "66/128"}
    assert data["references"][2] == {"type": "document", "symbol": "E/2014/1"}


def test_json_export_by_id(client, make_document, make_paragraph):
    document = make_document(symbol=None, number="", body_code="CCPCJ", title="A draft")
    make_paragraph(document, "Decides to act.")
    data = client.get(f"/documents/id/{document.pk}/json/").json()
    assert data["symbol"] is None and data["number"] is None and data["date"] is None
    assert data["paragraphs"] == [
        {"kind": "operative", "number": "1", "verb": None, "text": "Decides to act."}
    ]


@pytest.mark.parametrize("suffix", ["cite.ris", "cite.bib", "json/", "cited-by.atom"])
def test_export_routes_win_over_the_symbol_route(client, make_document, suffix):
    make_document(symbol="CTOC/COP/WG.7/2013/5", title="Report")
    response = client.get(f"/documents/CTOC/COP/WG.7/2013/5/{suffix}")
    assert response.status_code == 200
    assert b"<article" not in response.content


def test_export_query_counts(client, rich_document, django_assert_max_num_queries):
    for suffix, most in [("cite.ris", 2), ("cite.bib", 2), ("json/", 4), ("cited-by.atom", 2)]:
        with django_assert_max_num_queries(most):
            assert client.get(f"/documents/E/RES/2014/23/{suffix}").status_code == 200


def test_cited_by_atom_feed_newest_first(client, rich_document):
    response = client.get("/documents/E/RES/2014/23/cited-by.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Documents citing E/RES/2014/23"
    titles = [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]
    assert titles == [
        "A/RES/75/1: Later resolution of 2020",
        "E/RES/2019/5: An ECOSOC follow-up",
        "A/RES/73/1: Later resolution of 2018",
        "A/RES/71/1: Later resolution of 2016",
    ]
    links = [e.find(f"{ATOM}link").get("href") for e in feed.iter(f"{ATOM}entry")]
    assert links[0] == "http://testserver/documents/A/RES/75/1/#op1"
    assert 'href="/documents/E/RES/2014/23/cited-by.atom"' in page(client, rich_document)


# --- what readers see: paragraph names, no "None", each title once --------------------------


def test_cited_by_names_the_citing_paragraph_as_readers_say_it(client, rich_document):
    citing = Document.objects.get(symbol="A/RES/71/1")
    reference = citing.references.get()
    reference.citing_paragraph = Paragraph.objects.create(
        document=citing, position=2, kind="preambular", text="Recalling it,"
    )
    reference.save()
    cited_by = page(client, rich_document)
    cited_by = cited_by[cited_by.index('id="cited-by"') :]
    assert 'href="/documents/A/RES/71/1/#pp2">A/RES/71/1, preamble, para. 2</a>' in cited_by
    assert 'href="/documents/A/RES/75/1/#op1">A/RES/75/1, para. 1</a>' in cited_by
    assert ", pp2<" not in cited_by and ", op1<" not in cited_by


def test_document_without_symbol_prints_no_none(client, make_document):
    document = make_document(symbol=None, number="6/3", body_code="COP-UNTOC", title="COP text")
    html = page(client, document)
    assert "None" not in html
    assert "<dt>Symbol</dt>" not in html
    assert "COP-UNTOC resolution 6/3" in html  # its name is still given


def test_a_document_named_only_by_its_title_shows_the_title_once(client, make_document):
    title = "Report of the expert group on crime statistics"
    document = make_document(symbol=None, number="", doc_type="report", title=title)
    assert document.label == title
    html = page(client, document)
    body = html[html.index("<main") :]
    # The cite control quotes it in each style; elsewhere it is the heading alone, not again as
    # kicker, symbol or list entry.
    cite = body[body.index('<section class="cite-document"') : body.index("</section>")]
    assert body.replace(cite, "").count(title) == 1
    head = html[: html.index("</title>")]
    assert head.count(title) == 1
    citing = make_document(title="A citing resolution")
    Reference.objects.create(
        citing_document=citing, ref_type="document", cited_key="X/1", cited_document=document
    )
    html = page(client, citing)
    references = html[html.index('id="references"') : html.index('id="cited-by"')]
    assert references.count(title) == 1


# --- a cited document not in the archive: its own page, linked from the citing document -----


def test_citation_outside_the_archive_leads_to_a_page_for_its_symbol(client, rich_document):
    html = page(client, rich_document)
    assert "a cited document not in the archive yet" in html  # the legend
    refs = html[html.index('id="references"') : html.index('id="cited-by"')]
    assert '<a class="reference-key" href="/documents/A/RES/66/172/">A/RES/66/172</a>' in refs
    response = client.get("/documents/A/RES/66/172/")
    assert response.status_code == 200
    missing = response.content.decode()
    assert '<h1 id="cited-text-title">A/RES/66/172</h1>' in missing
    assert "This document is not in the archive yet." in missing
    assert 'href="https://undocs.org/A/RES/66/172"' in missing
    # What cites it, with the citing paragraph, linked to its place.
    assert 'href="/documents/E/RES/2014/23/#pp1">E/RES/2014/23, preamble, para. 1</a>' in missing
    assert "Recalling General Assembly resolutions 66/128 of 19 December 2011" in missing
    assert "Cited as “66/172”" in missing
    assert 'href="/search/?cites=A/RES/66/172"' in missing.replace("%2F", "/")


def test_cited_text_page_leads_to_the_document_once_it_arrives(
    client, rich_document, make_document
):
    assert client.get("/documents/A/RES/66/172/").status_code == 200
    arrived = make_document(symbol="A/RES/66/172", number="66/172", title="Arrived", body_code="GA")
    html = page(client, arrived)
    assert '<h1 id="document-title">Arrived</h1>' in html
    # A text filed without a symbol: its key's address redirects to it.
    make_document(symbol=None, number="5/3", body_code="COP-UNTOC", citation_key="COP-UNTOC 5/3")
    response = client.get("/documents/COP-UNTOC 5/3/")
    assert response.status_code == 302
    assert response["Location"].startswith("/documents/id/")


def test_cited_text_page_hides_drafts_and_unknown_symbols(client, rich_document, make_document):
    assert client.get("/documents/A/RES/1/1/").status_code == 404  # nothing cites it
    # Only a draft cites it: nothing public to show.
    draft = Document.objects.get(symbol="A/RES/99/1")
    Reference.objects.create(citing_document=draft, ref_type="document", cited_key="Z/1")
    assert client.get("/documents/Z/1/").status_code == 404
    # The cited text is itself a draft: the page says it is not in the archive, nothing more.
    make_document(symbol="E/2014/1", title="Secret draft", status="draft")
    html = client.get("/documents/E/2014/1/").content.decode()
    assert "not in the archive yet" in html and "Secret draft" not in html


def test_non_symbol_keys_point_to_the_digital_library(client, make_document):
    citing = make_document(title="Citing a COP decision")
    Reference.objects.create(
        citing_document=citing, ref_type="resolution", cited_key="COP-UNTOC 9/9",
        cited_body="COP-UNTOC", cited_number="9/9",
    )  # fmt: skip
    html = client.get("/documents/COP-UNTOC 9/9/").content.decode()
    assert "https://digitallibrary.un.org/search?ln=en&amp;p=%22COP-UNTOC%209%2F9%22" in html
    assert "undocs.org" not in html


def test_search_for_a_cited_symbol_not_in_the_archive_points_to_its_page(client, rich_document):
    html = client.get("/search/", {"q": "A/RES/66/172"}).content.decode()
    assert "A/RES/66/172 is not in the archive yet" in html
    assert 'href="/documents/A/RES/66/172/"' in html
    html = client.get("/search/", {"q": "A/RES/1/1"}).content.decode()
    assert "not in the archive yet" not in html


# --- citing: meta tags for Zotero and Google Scholar, OSCOLA and Bluebook in the cite control -


class MetaTags(HTMLParser):
    """The page's <meta name=... content=...> pairs, in order, as a translator reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name"):
            self.tags.append((found["name"] or "", found.get("content") or ""))


def meta_tags(html: str) -> dict[str, list[str]]:
    parser = MetaTags()
    parser.feed(html)
    tags: dict[str, list[str]] = {}
    for name, content in parser.tags:
        tags.setdefault(name, []).append(content)
    return tags


def test_document_page_carries_citation_meta_tags(client, rich_document, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rich_document.original_file = "originals/2014/07/res.pdf"
    rich_document.original_filename = "E_RES_2014_23.pdf"
    rich_document.save()
    tags = meta_tags(page(client, rich_document))
    assert tags["citation_title"] == [rich_document.title]
    assert tags["citation_publication_date"] == ["2014/07/16"]
    assert tags["citation_date"] == ["2014/07/16"]
    assert tags["citation_publisher"] == ["United Nations"]
    assert tags["citation_author"] == ["Economic and Social Council"]
    assert tags["citation_technical_report_institution"] == ["Economic and Social Council"]
    assert tags["citation_technical_report_number"] == ["E/RES/2014/23"]
    assert tags["citation_language"] == ["en"]
    assert sorted(tags["citation_keywords"]) == [
        "Border control", "Human rights", "Smuggling of migrants",
    ]  # fmt: skip
    assert tags["citation_abstract_html_url"] == ["http://testserver/documents/E/RES/2014/23/"]
    assert tags["citation_pdf_url"] == [f"http://testserver/documents/{rich_document.pk}/original/"]


def test_citation_meta_tags_without_symbol_date_or_pdf(client, make_document):
    document = make_document(symbol=None, number="6/3", body_code="COP-UNTOC", title='A "q" <t>')
    tags = meta_tags(page(client, document))
    assert tags["citation_title"] == ['A "q" <t>']  # escaped in the page, read back intact
    assert tags["citation_technical_report_number"] == ["COP-UNTOC resolution 6/3"]
    assert "citation_pdf_url" not in tags and "citation_publication_date" not in tags


def test_cite_control_offers_oscola_and_bluebook(client, rich_document):
    html = page(client, rich_document)
    cite = html[html.index('class="cite-document"') : html.index('class="document-actions"')]
    oscola = "ECOSOC Res 2014/23 (16 July 2014) UN Doc E/RES/2014/23"
    bluebook = "E.S.C. Res. 2014/23, U.N. Doc. E/RES/2014/23 (July 16, 2014)."
    assert f'<span class="cite-text">{oscola}</span>' in cite
    assert f'data-citation="{bluebook}"' in cite
    assert "Citation (RIS)" in html and "Citation (BibTeX)" in html
