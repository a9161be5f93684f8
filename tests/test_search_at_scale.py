"""Relevance and counts past the exact limits, on an archive large enough to cross them.

2,000 documents hold "migrants" in three paragraphs each (6,000 matching paragraphs, past
`EXACT_LIMIT`); the three documents that treat migrants at length are the oldest, so that any
ranking of only the newest matches would miss them. The page must be the one ranking every
match gives (the ORM oracle ranks them all), on the first page and on pages past the tenth; an
estimated count must be the published documents over the sampled ones times the sample's count.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from search_oracle import document_ids, paragraph_ids

from bench.honesty import honesty
from bench.queries import Query
from resolutions.models import Body, Document, Paragraph
from resolutions.search import counts, read_search, search_documents, search_paragraphs
from resolutions.search import sql as statements

pytestmark = pytest.mark.django_db
DOCUMENTS = 2_000
FOCUSED = 3


@pytest.fixture
def large_archive(db):
    """DOCUMENTS documents, newest last; the FOCUSED oldest are about migrants throughout."""
    body = Body.objects.get(code="GA")
    start = datetime.date(1990, 1, 1)
    documents = Document.objects.bulk_create(
        Document(
            body=body,
            symbol=f"A/RES/{n}",
            number=str(n),
            title="Protection of migrants" if n < FOCUSED else f"Omnibus resolution {n}",
            doc_type=Document.DocType.RESOLUTION,
            year=(start + datetime.timedelta(days=5 * n)).year,
            date=start + datetime.timedelta(days=5 * n),
        )
        for n in range(DOCUMENTS)
    )
    paragraphs = []
    for n, document in enumerate(documents):
        if n < FOCUSED:
            texts = [
                "Urges States to protect the human rights of migrants and smuggled migrants, "
                "whatever the status of the migrants;",
                "Calls upon States to ensure that migrants and migrants in transit have access "
                "to justice;",
                "Requests a report on migrants;",
            ]
        else:
            texts = [
                f"Notes the report on item {n} of the agenda, including a passing reference to "
                "migrants among many other matters of concern to the Assembly;",
                f"Decides to consider question {n}, on budgets, staff, buildings and migrants, "
                "at its next session;",
                f"Takes note of the work of committee {n % 97} on migrants and on trade;",
            ]
        paragraphs += [
            Paragraph(
                document=document,
                position=i,
                kind=Paragraph.Kind.OPERATIVE,
                number=str(i),
                verb="",
                text=text,
            )
            for i, text in enumerate(texts, start=1)
        ]
    Paragraph.objects.bulk_create(paragraphs)
    # As autovacuum would after a bulk load: the planner sees the tables' real sizes.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resolutions_document, resolutions_paragraph")
    return documents


def test_the_archive_is_past_the_old_limit(large_archive):
    assert counts.probe(statements.Match(read_search({"q": "migrants"})), filtered=False) > (
        statements.EXACT_LIMIT
    )


@pytest.mark.parametrize("within", ["document", "paragraph"])
def test_the_first_page_is_what_ranking_every_match_gives(large_archive, within):
    params = {"q": "migrants", "within": within}
    results = search_documents(params, with_facets=False)
    expected = document_ids(read_search(params, view="documents"))
    assert [d.pk for d in results.rows] == expected[:20]
    # The oldest documents, which treat migrants throughout, rank first.
    assert {d.symbol for d in results.rows[:FOCUSED]} == {f"A/RES/{n}" for n in range(FOCUSED)}
    assert results.count == DOCUMENTS and not results.count_is_estimate


def test_a_deep_relevance_page_is_served_not_an_earlier_one(large_archive):
    params = {"q": "migrants", "page": "50"}
    results = search_documents(params, with_facets=False, per_page=20)
    expected = document_ids(read_search(params, view="documents"))
    assert results.page.number == 50
    assert [d.pk for d in results.rows] == expected[49 * 20 : 50 * 20]


def test_a_deep_paragraph_page_is_served(large_archive):
    params = {"q": "migrants", "page": "40", "view": "paragraphs"}
    results = search_paragraphs(params, with_facets=False, per_page=20)
    expected = paragraph_ids(read_search(params, view="paragraphs"))
    assert results.page.number == 40
    assert [p.pk for p in results.rows] == expected[39 * 20 : 40 * 20]


def test_a_deep_newest_page_under_an_estimate_is_walked_to(large_archive, monkeypatch):
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 100)
    params = {"q": "migrants", "sort": "newest", "page": "60"}
    results = search_documents(params, with_facets=False, per_page=20)
    expected = document_ids(read_search(params, view="documents"))
    assert results.count_is_estimate and results.page.number == 60
    assert [d.pk for d in results.rows] == expected[59 * 20 : 60 * 20]


def test_an_estimate_is_scaled_by_the_documents_sampled(large_archive, monkeypatch):
    """A word in every document is estimated exactly: the sample's count times the published
    documents over the sampled ones (scaling by 100 / percent is off by the sample's noise)."""
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 100)
    results = search_documents({"q": "migrants", "sort": "newest"})
    assert results.count_is_estimate and results.facets_are_estimates
    assert results.count == DOCUMENTS
    assert {v.value: v.count for v in results.facets["body"]} == {"GA": DOCUMENTS}


def test_counts_below_the_exact_documents_are_exact(large_archive):
    results = search_documents({"q": "migrants", "sort": "newest"})
    assert results.count == DOCUMENTS
    assert not results.count_is_estimate and not results.facets_are_estimates


def test_the_benchmark_reports_the_count_the_page_shows(large_archive, monkeypatch):
    """A word in a few documents is counted exactly, and the benchmark's honesty table says so;
    it used to list the sample's own estimate (the page never showed it: "53" for 15). An
    estimated count is reported as the estimate the page shows."""
    rare = Query("rare word", {"q": "13"})  # "committee 13" in one document in 97
    found = honesty(rare)
    assert 1 < found.exact < counts.EXACT_DOCUMENTS
    assert found.shown == found.exact == search_documents(rare.params).count
    assert not found.count_estimated and not found.facets_estimated and found.error == 0
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 100)
    common = Query("common word", {"q": "migrants", "sort": "newest"})
    found = honesty(common)
    assert found.count_estimated and found.shown == search_documents(common.params).count
    assert found.exact == DOCUMENTS


LONG_DOCUMENTS = 4
LONG_PARAGRAPHS = 4_000


@pytest.fixture
def uneven_archive(db):
    """2,000 documents holding "migrants": LONG_DOCUMENTS of LONG_PARAGRAPHS paragraphs each
    (most of the matching paragraphs), every other of one paragraph, as long reports and short
    decisions stand in the real archive."""
    body = Body.objects.get(code="GA")
    documents = Document.objects.bulk_create(
        Document(
            body=body,
            symbol=f"A/RES/{n}",
            number=str(n),
            title=f"Resolution {n}",
            doc_type=Document.DocType.RESOLUTION,
            year=2000 + n % 20,
        )
        for n in range(DOCUMENTS)
    )
    paragraphs = [
        Paragraph(
            document=document,
            position=i,
            kind=Paragraph.Kind.OPERATIVE,
            number=str(i),
            verb="",
            text=f"Notes paragraph {i} on migrants.",
        )
        for n, document in enumerate(documents)
        for i in range(1, (LONG_PARAGRAPHS if n % (DOCUMENTS // LONG_DOCUMENTS) == 0 else 1) + 1)
    ]
    Paragraph.objects.bulk_create(paragraphs, batch_size=5_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resolutions_document, resolutions_paragraph")
    return len(paragraphs)


def test_the_paragraph_views_estimate_holds_when_documents_differ_in_length(
    uneven_archive, monkeypatch
):
    """A sample of documents holds none, or one, of the four long documents and so misses the
    paragraph count by 40 % or more; a sample of paragraphs is within a few per cent (its
    standard error here is 1.9 %; the bound is four of them)."""
    monkeypatch.setattr(counts, "EXACT_DOCUMENTS", 100)
    params = {"q": "migrants", "view": "paragraphs", "sort": "newest"}
    results = search_paragraphs(params, with_facets=True)
    assert results.count_is_estimate and results.facets_are_estimates
    assert abs(results.count - uneven_archive) <= 0.075 * uneven_archive
    (ga,) = results.facets["body"]
    assert abs(ga.count - uneven_archive) <= 0.075 * uneven_archive
