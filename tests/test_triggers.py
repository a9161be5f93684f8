"""The triggers the models declare (django-pgtrigger): paragraphs carry their document's columns.

Search filters and counts paragraphs by published, body_id, year and doc_type without joining
documents; these tests pin that the database keeps those copies right for every kind of write.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from resolutions.lineage.models import ParagraphLineage, WatchedDocument, WatchedParagraph
from resolutions.models import Body, Document, Paragraph, Reference
from resolutions.search_version import current as version

SEARCH = Path(__file__).resolve().parent.parent / "resolutions" / "search"

pytestmark = pytest.mark.django_db


def copied(paragraph: Paragraph) -> tuple:
    """The paragraph's (published, body_id, year, doc_type), as the database holds them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT published, body_id, year, doc_type FROM resolutions_paragraph WHERE id = %s",
            [paragraph.pk],
        )
        return cursor.fetchone()


def row_version(paragraph: Paragraph) -> str:
    """Where the paragraph's row version lies: an UPDATE writes a new version elsewhere."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT ctid::text FROM resolutions_paragraph WHERE id = %s", [paragraph.pk])
        return cursor.fetchone()[0]


def installed_triggers(*tables: str) -> set[str]:
    """The triggers on the tables, as PostgreSQL names them (constraint triggers aside)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
            "AND tgrelid::regclass::text = ANY(%s)",
            [list(tables)],
        )
        return {name for (name,) in cursor.fetchall()}


def test_the_database_has_the_declared_triggers_and_no_others():
    declared = {
        trigger.get_pgid(model)
        for model in (Document, Paragraph)
        for trigger in model._meta.triggers
    }
    # Each: the one that moves the search version on; the paragraph's copy of its document's
    # columns, and the document's pushes of them to its paragraphs and its references; the
    # document's words, from a new document, a changed title and (three) its paragraphs.
    assert len(declared) == 10
    # And the lineage's, which keep its copies and counts of the documents' and paragraphs'
    # columns and each document's facet groups: declared on proxies in the lineage app, so that
    # these models do not name the lineage's tables.
    lineage = {
        trigger.get_pgid(model)
        for model in (WatchedDocument, WatchedParagraph)
        for trigger in model._meta.triggers
    }
    assert {
        trigger.name
        for model in (WatchedDocument, WatchedParagraph)
        for trigger in model._meta.triggers
    } == {
        "lineage_placement_document",
        "lineage_tally_document",
        "lineage_placement_paragraph",
        "lineage_tally_paragraph",
        "facet_groups_paragraph_insert",
        "facet_groups_paragraph_delete",
        "facet_groups_paragraph_update",
    }
    assert installed_triggers("resolutions_document", "resolutions_paragraph") == (
        declared | lineage
    )
    # The references': the search version, and the copy of their citing document's columns.
    assert {trigger.name for trigger in Reference._meta.triggers} == {
        "bump_search_version",
        "reference_copy_citing_document",
    }
    assert installed_triggers("resolutions_reference") == {
        trigger.get_pgid(Reference) for trigger in Reference._meta.triggers
    }
    # The lineage rows': the search version, the placement of a row inserted, the tallies, the
    # facet groups, and the wordings no row holds any more.
    assert {trigger.name for trigger in ParagraphLineage._meta.triggers} == {
        "bump_search_version",
        "lineage_placement_insert",
        "lineage_tally_insert",
        "lineage_tally_delete",
        "lineage_tally_update",
        "facet_groups_lineage_insert",
        "facet_groups_lineage_delete",
        "facet_groups_lineage_update",
        "lineage_wording_orphans",
    }
    assert installed_triggers("lineage_paragraphlineage") == {
        trigger.get_pgid(ParagraphLineage) for trigger in ParagraphLineage._meta.triggers
    }
    # Every trigger function is one of django-pgtrigger's: none written as SQL by hand.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text = ANY(%s)",
            [["resolutions_document", "resolutions_paragraph", "lineage_paragraphlineage"]],
        )
        functions = {name for (name,) in cursor.fetchall()}
    assert functions and all(name.startswith("pgtrigger_") for name in functions)


def test_the_migrations_match_the_models_triggers():
    for app in ("resolutions", "catalogue", "lineage"):
        call_command("makemigrations", app, "--check", "--dry-run", verbosity=0)


def counted_tables() -> set[str]:
    """Every table the search's counting modules name (facets, match SQL, counts)."""
    names: set[str] = set()
    for module in ("facets", "sql", "counts"):
        text = (SEARCH / f"{module}.py").read_text()
        names |= set(re.findall(r"\b(?:resolutions|catalogue|lineage)_[a-z_]+\b", text))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = ANY(%s)", [list(names)]
        )
        return {name for (name,) in cursor.fetchall()}


def test_every_table_the_counts_read_moves_the_search_version_on():
    tables = counted_tables()
    assert {"resolutions_paragraph", "catalogue_concept_broader", "lineage_paragraphlineage"} <= (
        tables
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname LIKE 'pgtrigger_bump_search_version_%%'"
        )
        bumped = {name for (name,) in cursor.fetchall()}
    assert tables <= bumped
    for table in sorted(tables):
        before = version()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE false")
        assert version() > before, table
    before = version()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE catalogue_concept_broader")
    assert version() > before


def test_bulk_created_paragraphs_copy_their_document(make_document):
    document = make_document(year=2014, doc_type=Document.DocType.DECISION)
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(document=document, position=n, kind="operative", number=str(n), text="Urges")
        for n in (1, 2)
    )
    for paragraph in paragraphs:
        assert copied(paragraph) == (True, document.body_id, 2014, "decision")


def test_a_paragraph_moved_to_another_document_copies_the_new_one(make_document, make_paragraph):
    paragraph = make_paragraph(make_document(year=2014), "Urges States")
    draft = make_document(year=2020, status=Document.Status.DRAFT, body=Body.objects.get(code="GA"))
    Paragraph.objects.filter(pk=paragraph.pk).update(document=draft)
    assert copied(paragraph) == (False, draft.body_id, 2020, "resolution")


def test_a_queryset_update_of_the_document_reaches_its_paragraphs(make_document, make_paragraph):
    document = make_document(year=2014)
    paragraph = make_paragraph(document, "Urges States")
    Document.objects.filter(pk=document.pk).update(status=Document.Status.DRAFT, year=2015)
    assert copied(paragraph) == (False, document.body_id, 2015, "resolution")


def test_other_document_changes_leave_the_paragraphs_unwritten(make_document, make_paragraph):
    document = make_document(year=2014)
    paragraph = make_paragraph(document, "Urges States")
    before = row_version(paragraph)
    document.title = "A corrected title"
    document.year = 2014  # written again, unchanged: the condition skips the paragraphs
    document.save()
    assert row_version(paragraph) == before
    document.year = 2016
    document.save()
    assert row_version(paragraph) != before
