"""Family tallies: each family's published versions per body and year, kept by the database.

The family page shows how many versions a family has, per body and per year; the largest
families hold tens of thousands. `FamilyTally` holds those counts, and triggers keep them in the
statement that changes what they count, whatever wrote it (matching, ingest, a librarian's
publish or unpublish, an admin edit, a queryset update, a delete):

- lineage rows inserted, deleted, or moved to another family (statement-level, over the
  statement's transition table: one aggregated write however many rows);
- a document's status, body or year changed (row-level): its versions leave the old body and
  year, or the count when it is no longer published, and join the new.

A tally that would fall below zero (a count that disagreed with the versions) fails the
statement (`versions` is a positive integer field). The bulk rebuild disables the lineage triggers
while it writes every row, then writes all tallies with one `INSERT ... SELECT` (`WRITE_ALL`).
Migration 0003 installs `INSTALL`; the SQL lives here once, for it and the rebuild.
"""

from __future__ import annotations

TABLE = "lineage_familytally"
LINEAGE_TRIGGERS = ("lineage_tally_insert", "lineage_tally_delete", "lineage_tally_update")
DOCUMENT_TRIGGER = "lineage_tally_document"


def counts(rows: str, document: str = "resolutions_document", where: str = "TRUE") -> str:
    """Published versions per (family, body, year) among `rows` (paragraph_id, family_id)."""
    return f"""
        SELECT r.family_id, d.body_id, d.year, count(*) AS n
        FROM {rows} r
        JOIN resolutions_paragraph p ON p.id = r.paragraph_id
        JOIN {document} d ON d.id = p.document_id
        WHERE d.status = 'published' AND {where}
        GROUP BY r.family_id, d.body_id, d.year"""


def add(rows: str, **options: str) -> str:
    """Add the rows' versions to their tallies (a new body or year gets its row)."""
    return f"""
        INSERT INTO {TABLE} AS t (family_id, body_id, year, versions)
        SELECT family_id, body_id, year, n FROM ({counts(rows, **options)}) v
        ON CONFLICT (family_id, body_id, year)
        DO UPDATE SET versions = t.versions + EXCLUDED.versions;"""


def subtract(rows: str, **options: str) -> str:
    """Take the rows' versions off their tallies, and drop the tallies left at zero."""
    return f"""
        UPDATE {TABLE} t SET versions = t.versions - v.n
        FROM ({counts(rows, **options)}) v
        WHERE t.family_id = v.family_id AND t.body_id = v.body_id
          AND t.year IS NOT DISTINCT FROM v.year;
        DELETE FROM {TABLE} t
        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM {rows} r);"""


def function(name: str, body: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN NULL;
    END $$;"""


# Lineage rows whose family an UPDATE changed, before and after.
MOVED = (
    "(SELECT {side}.paragraph_id, {side}.family_id FROM old_rows o JOIN new_rows n "
    "USING (paragraph_id) WHERE o.family_id <> n.family_id)"
)
# The document a row-level trigger saw, before (OLD) or after (NEW) the update, and its
# paragraphs' lineage rows.
DOCUMENT = "(SELECT {row}.id, {row}.body_id, {row}.year, {row}.status)"
ITS_ROWS = (
    "(SELECT l.paragraph_id, l.family_id FROM lineage_paragraphlineage l "
    "JOIN resolutions_paragraph q ON q.id = l.paragraph_id WHERE q.document_id = {row}.id)"
)


def document_side(row: str) -> dict[str, str]:
    return {"rows": ITS_ROWS.format(row=row), "document": DOCUMENT.format(row=row)}


INSTALL = "\n".join(
    [
        function("lineage_tally_insert", add("new_rows")),
        function("lineage_tally_delete", subtract("old_rows")),
        function(
            "lineage_tally_update",
            subtract(MOVED.format(side="o")) + add(MOVED.format(side="n")),
        ),
        function(
            "lineage_tally_document",
            subtract(**document_side("OLD")) + add(**document_side("NEW")),
        ),
        """
    CREATE TRIGGER lineage_tally_insert AFTER INSERT ON lineage_paragraphlineage
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lineage_tally_insert();
    CREATE TRIGGER lineage_tally_delete AFTER DELETE ON lineage_paragraphlineage
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lineage_tally_delete();
    CREATE TRIGGER lineage_tally_update AFTER UPDATE ON lineage_paragraphlineage
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION lineage_tally_update();
    CREATE TRIGGER lineage_tally_document AFTER UPDATE OF status, body_id, year
        ON resolutions_document FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.body_id IS DISTINCT FROM NEW.body_id
              OR OLD.year IS DISTINCT FROM NEW.year)
        EXECUTE FUNCTION lineage_tally_document();
    """,
    ]
)
UNINSTALL = """
    DROP TRIGGER lineage_tally_document ON resolutions_document;
    DROP TRIGGER lineage_tally_update ON lineage_paragraphlineage;
    DROP TRIGGER lineage_tally_delete ON lineage_paragraphlineage;
    DROP TRIGGER lineage_tally_insert ON lineage_paragraphlineage;
    DROP FUNCTION lineage_tally_document(), lineage_tally_update(), lineage_tally_delete(),
        lineage_tally_insert();
"""
# Every family's tallies from its lineage rows: the rebuild's write, and a fresh count to check.
FRESH = counts("lineage_paragraphlineage")
WRITE_ALL = f"INSERT INTO {TABLE} (family_id, body_id, year, versions) {FRESH}"
