"""Family tallies: each family's published versions per body and year, kept by the database.

The family page shows how many versions a family has, per body and per year; the largest
families hold tens of thousands. `FamilyTally` holds those counts, and triggers keep them in the
statement that changes what they count, whatever wrote it (matching, ingest, a librarian's
publish or unpublish, an admin edit, a queryset update, a delete):

- lineage rows inserted, deleted, or moved to another family (statement-level, over the
  statement's transition table: one aggregated write however many rows);
- a document's status, body or year changed (row-level): its versions leave the old body and
  year, or the count when it is no longer published, and join the new;
- a paragraph moved to another document (row-level): its version likewise.

A tally that would fall below zero (a count that disagreed with the versions) fails the
statement (`versions` is a positive integer field). The triggers are declared on the models with
django-pgtrigger: the lineage rows' on `ParagraphLineage`, the documents' and paragraphs' on
`WatchedDocument` and `WatchedParagraph` (lineage/models.py); migrations 0003 and 0005 install
them. The bulk rebuild disables the lineage rows' triggers while it writes every row, then writes
all tallies with one `INSERT ... SELECT` (`WRITE_ALL`).
"""

from __future__ import annotations

from pgtrigger import (
    After,
    AnyChange,
    Condition,
    Delete,
    Insert,
    Level,
    Operation,
    Referencing,
    Row,
    Statement,
    Trigger,
    Update,
    UpdateOf,
)

TABLE = "lineage_familytally"


def counts(versions: str) -> str:
    """Published versions per (family, body, year) among `versions`: a query of the versions'
    family_id and their documents' body_id, year and status."""
    return f"""
        SELECT family_id, body_id, year, count(*) AS n FROM ({versions}) v
        WHERE status = 'published'
        GROUP BY family_id, body_id, year"""


def add(versions: str) -> str:
    """Add the versions to their tallies (a new body or year gets its row)."""
    return f"""
        INSERT INTO {TABLE} AS t (family_id, body_id, year, versions)
        SELECT family_id, body_id, year, n FROM ({counts(versions)}) v
        ON CONFLICT (family_id, body_id, year)
        DO UPDATE SET versions = t.versions + EXCLUDED.versions;"""


def subtract(versions: str) -> str:
    """Take the versions off their tallies, and drop the tallies left at zero.

    Each tally is found by the unique index on (family, body, year): dated and undated ones
    apart, since `IS NOT DISTINCT FROM` cannot use it (it read every tally of the family and
    body); the tallies left at zero are those the update returned (`emptied`)."""
    return f"""
        WITH v AS ({counts(versions)}),
        dated AS (
            UPDATE {TABLE} t SET versions = t.versions - v.n FROM v
            WHERE t.family_id = v.family_id AND t.body_id = v.body_id AND t.year = v.year
            RETURNING t.id, t.versions),
        undated AS (
            UPDATE {TABLE} t SET versions = t.versions - v.n FROM v
            WHERE t.family_id = v.family_id AND t.body_id = v.body_id
              AND t.year IS NULL AND v.year IS NULL
            RETURNING t.id, t.versions)
        SELECT array_agg(c.id) INTO emptied
        FROM (SELECT * FROM dated UNION ALL SELECT * FROM undated) c WHERE c.versions = 0;
        DELETE FROM {TABLE} WHERE id = ANY(emptied);"""


def tally_trigger(
    name: str,
    body: str,
    *,
    operation: Operation,
    level: Level = Row,
    referencing: Referencing | None = None,
    condition: Condition | None = None,
) -> Trigger:
    """An AFTER trigger whose function runs `body`: the tallies' writes."""
    return Trigger(
        name=name,
        when=After,
        operation=operation,
        level=level,
        referencing=referencing,
        condition=condition,
        func=f"{body}\nRETURN NULL;",
        declare=[("emptied", "bigint[]")],
    )


def of_rows(rows: str) -> str:
    """The versions of lineage rows (a relation of paragraph_id, family_id), documents joined."""
    return (
        f"SELECT r.family_id, d.body_id, d.year, d.status FROM {rows} r "
        "JOIN resolutions_paragraph p ON p.id = r.paragraph_id "
        "JOIN resolutions_document d ON d.id = p.document_id"
    )


# Lineage rows whose family an UPDATE changed, before and after.
MOVED = (
    "(SELECT {side}.paragraph_id, {side}.family_id FROM old_rows o JOIN new_rows n "
    "USING (paragraph_id) WHERE o.family_id <> n.family_id)"
)
# The versions of a document, as a row-level trigger saw it before (OLD) or after (NEW) an update.
OF_DOCUMENT = (
    "SELECT l.family_id, {row}.body_id, {row}.year, {row}.status "
    "FROM lineage_paragraphlineage l JOIN resolutions_paragraph p ON p.id = l.paragraph_id "
    "WHERE p.document_id = {row}.id"
)
# A paragraph's version, in the document it was in before (OLD) or is in after (NEW) an update.
OF_PARAGRAPH = (
    "SELECT l.family_id, d.body_id, d.year, d.status FROM lineage_paragraphlineage l "
    "JOIN resolutions_document d ON d.id = {row}.document_id WHERE l.paragraph_id = {row}.id"
)

# On lineage rows, once per statement over its transition tables: rows inserted, deleted, or
# moved to another family.
LINEAGE_TRIGGERS = (
    tally_trigger(
        "lineage_tally_insert",
        add(of_rows("new_rows")),
        operation=Insert,
        level=Statement,
        referencing=Referencing(new="new_rows"),
    ),
    tally_trigger(
        "lineage_tally_delete",
        subtract(of_rows("old_rows")),
        operation=Delete,
        level=Statement,
        referencing=Referencing(old="old_rows"),
    ),
    tally_trigger(
        "lineage_tally_update",
        subtract(of_rows(MOVED.format(side="o"))) + add(of_rows(MOVED.format(side="n"))),
        operation=Update,
        level=Statement,
        referencing=Referencing(old="old_rows", new="new_rows"),
    ),
)
# On documents: a changed status, body or year moves the document's versions (migration 0003).
DOCUMENT_TRIGGER = tally_trigger(
    "lineage_tally_document",
    subtract(OF_DOCUMENT.format(row="OLD")) + add(OF_DOCUMENT.format(row="NEW")),
    operation=UpdateOf("status", "body_id", "year"),
    condition=AnyChange("status", "body", "year"),
)
# On paragraphs: one moved to another document (an admin edit) moves its version (migration 0005).
PARAGRAPH_TRIGGER = tally_trigger(
    "lineage_tally_paragraph",
    subtract(OF_PARAGRAPH.format(row="OLD")) + add(OF_PARAGRAPH.format(row="NEW")),
    operation=UpdateOf("document_id"),
    condition=AnyChange("document"),
)
# Every family's tallies from its lineage rows: the rebuild's write, and a fresh count to check.
FRESH = counts(of_rows("lineage_paragraphlineage"))
WRITE_ALL = f"INSERT INTO {TABLE} (family_id, body_id, year, versions) {FRESH}"
