"""`manage.py benchmark_catalogue_facets` at a tiny size: it catalogues the corpus once and
reports each search with and without the catalogue's facets (no timing is asserted)."""

from io import StringIO

import pytest
from django.core.management import call_command

from resolutions.catalogue.models import CatalogueRecord, RecordSubject, StateVote, Vote
from resolutions.models import Body, Country, Document

pytestmark = pytest.mark.django_db


def test_a_tiny_run_catalogues_every_document_once_and_reports_each_search(make_paragraph):
    for name in ("Italy", "Mexico", "Japan"):
        Country.objects.get_or_create(slug=name.lower(), defaults={"name": name})
    for n in range(8):
        document = Document.objects.create(
            symbol=f"E/RES/2020/{n}",
            title=f"Trafficking resolution {n}",
            body=Body.objects.get(code="ECOSOC"),
            doc_type="resolution",
            year=2020,
            status="published",
        )
        make_paragraph(document, "Urges Member States to prevent trafficking;")
    out = StringIO()
    call_command("benchmark_catalogue_facets", "--repeat", "1", stdout=out)
    assert "8 catalogued documents (8 added now)." in out.getvalue()
    assert RecordSubject.objects.count() == 24 and Vote.objects.count() == 2
    assert StateVote.objects.count() == 2 * Country.objects.count()
    for search in ("(everything)", "view=paragraphs", "q=trafficking", "outcome=recorded_vote"):
        assert f"| {search} |" in out.getvalue()
    again = StringIO()
    call_command("benchmark_catalogue_facets", "--repeat", "1", stdout=again)
    assert "8 catalogued documents (0 added now)." in again.getvalue()
    assert CatalogueRecord.objects.count() == 8
