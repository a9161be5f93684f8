"""Admin lists stay fast on large tables: queries per page do not grow with the rows shown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions.admin_lists import COUNT_CAP, EstimatedCountPaginator
from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def paragraphs(make_document, make_paragraph):
    for n in range(3):
        document = make_document(title=f"Resolution {n}")
        make_paragraph(document, text="Urges States to combat trafficking in persons")
        make_paragraph(document, text="Requests the Secretary-General to report on corruption")
    return Paragraph.objects.all()


def changelist(client, model: str, **params):
    return client.get(reverse(f"admin:resolutions_{model}_changelist"), params)


@pytest.mark.parametrize("model", ["paragraph", "document", "reference", "documenttopic"])
def test_queries_per_page_do_not_grow_with_rows(
    client,
    admin_user,
    paragraphs,
    model,
    make_document,
    make_paragraph,
    django_assert_max_num_queries,
):
    client.force_login(admin_user)
    with django_assert_max_num_queries(12) as few:
        assert changelist(client, model).status_code == 200
    for n in range(5):
        make_paragraph(make_document(title=f"More {n}"), text="Welcomes the report")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert changelist(client, model).status_code == 200


def test_paragraph_search_is_full_text_or_symbol(client, admin_user, paragraphs):
    client.force_login(admin_user)
    page = changelist(client, "paragraph", q="trafficked")  # stems to traffick
    assert page.context["cl"].result_count == 3
    symbol = paragraphs.first().document.symbol
    page = changelist(client, "paragraph", q=symbol)
    assert page.context["cl"].result_count == 2


def test_filtered_counts_stop_at_the_cap_and_unfiltered_use_statistics(paragraphs):
    filtered = Paragraph.objects.filter(text__contains="trafficking")
    assert EstimatedCountPaginator(filtered, 20).count == 3
    assert COUNT_CAP >= 1000
    everything = Paragraph.objects.all()
    # Never analysed yet: the statistics say nothing, so the (small) table is counted.
    assert EstimatedCountPaginator(everything, 20).count == 6


def test_document_search_is_full_text_on_the_title_or_an_exact_symbol(
    client, admin_user, paragraphs, make_document
):
    client.force_login(admin_user)
    make_document(title="Countering the smuggling of migrants")
    page = changelist(client, "document", q="smuggled")  # stems to smuggl, through the GIN index
    assert [d.title for d in page.context["cl"].result_list] == [
        "Countering the smuggling of migrants"
    ]
    symbol = paragraphs.first().document.symbol
    assert changelist(client, "document", q=symbol).context["cl"].result_count == 1


@pytest.mark.parametrize("model", ["document", "paragraph", "reference", "documenttopic"])
def test_lists_never_read_full_texts(client, admin_user, paragraphs, model):
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as queries:
        assert changelist(client, model).status_code == 200
    assert not [q for q in queries.captured_queries if '"full_text"' in q["sql"]]
