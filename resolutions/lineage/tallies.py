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
statement (`versions` is a positive integer field). The bulk rebuild disables the lineage triggers
while it writes every row, then writes all tallies with one `INSERT ... SELECT` (`WRITE_ALL`).
Migration 0003 installs `INSTALL`, 0005 `INSTALL_PARAGRAPH`; the SQL lives here once, for them,
the rebuild and the tests.
"""

from __future__ import annotations

TABLE = "lineage_familytally"
LINEAGE_TRIGGERS = ("lineage_tally_insert", "lineage_tally_delete", "lineage_tally_update")
DOCUMENT_TRIGGER = "lineage_tally_document"
PARAGRAPH_TRIGGER = "lineage_tally_paragraph"


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
    """Take the versions off their tallies, and drop the tallies left at zero."""
    return f"""
        UPDATE {TABLE} t SET versions = t.versions - v.n
        FROM ({counts(versions)}) v
        WHERE t.family_id = v.family_id AND t.body_id = v.body_id
          AND t.year IS NOT DISTINCT FROM v.year;
        DELETE FROM {TABLE} t
        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM ({versions}) v);"""


def function(name: str, body: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {body}
        RETURN NULL;
    END $$;"""


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

INSTALL = "\n".join(
    [
        function("lineage_tally_insert", add(of_rows("new_rows"))),
        function("lineage_tally_delete", subtract(of_rows("old_rows"))),
        function(
            "lineage_tally_update",
            subtract(of_rows(MOVED.format(side="o"))) + add(of_rows(MOVED.format(side="n"))),
        ),
        function(
            DOCUMENT_TRIGGER,
            subtract(OF_DOCUMENT.format(row="OLD")) + add(OF_DOCUMENT.format(row="NEW")),
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
# A paragraph moved to another document (an admin edit): migration 0005.
INSTALL_PARAGRAPH = function(
    PARAGRAPH_TRIGGER,
    subtract(OF_PARAGRAPH.format(row="OLD")) + add(OF_PARAGRAPH.format(row="NEW")),
) + (
    f"""
    CREATE TRIGGER {PARAGRAPH_TRIGGER} AFTER UPDATE OF document_id ON resolutions_paragraph
        FOR EACH ROW WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id)
        EXECUTE FUNCTION {PARAGRAPH_TRIGGER}();
    """
)
UNINSTALL_PARAGRAPH = f"""
    DROP TRIGGER {PARAGRAPH_TRIGGER} ON resolutions_paragraph;
    DROP FUNCTION {PARAGRAPH_TRIGGER}();
"""
UNINSTALL = """
    DROP TRIGGER lineage_tally_document ON resolutions_document;
    DROP TRIGGER lineage_tally_update ON lineage_paragraphlineage;
    DROP TRIGGER lineage_tally_delete ON lineage_paragraphlineage;
    DROP TRIGGER lineage_tally_insert ON lineage_paragraphlineage;
    DROP FUNCTION lineage_tally_document(), lineage_tally_update(), lineage_tally_delete(),
        lineage_tally_insert();
"""
# Every family's tallies from its lineage rows: the rebuild's write, and a fresh count to check.
FRESH = counts(of_rows("lineage_paragraphlineage"))
WRITE_ALL = f"INSERT INTO {TABLE} (family_id, body_id, year, versions) {FRESH}"
