"""Each version's place on its family's timeline, copied onto its lineage row by the database.

The family page lists a family's published versions oldest first (the document's date, else its
year, undated last; then the document and the paragraph's position) a hundred at a time. With
those values on the lineage row, one index (`lineage_family_timeline`: family, date, year,
document, position, published rows only) gives any page without reading the rest of the family.

Triggers copy them, so they never disagree with the paragraph and document:

- a lineage row inserted (by matching's COPY or any INSERT) takes them from its paragraph and
  document (row-level, BEFORE INSERT);
- a document's status, date or year changed updates its paragraphs' lineage rows;
- a paragraph moved to another document or position (an admin edit) updates its lineage row.

The bulk rebuild disables the insert trigger and writes the values in its own
INSERT ... SELECT (lineage/bulk.py). Migration 0004 installs `INSTALL`, 0005
`INSTALL_PARAGRAPH`.
"""

from __future__ import annotations

COLUMNS = ("published", "document_date", "document_year", "document_pk", "position")
INSERT_TRIGGER = "lineage_placement_insert"
DOCUMENT_TRIGGER = "lineage_placement_document"
PARAGRAPH_TRIGGER = "lineage_placement_paragraph"
# The values, from a paragraph `p` and its document `d`, in COLUMNS' order.
SOURCES = ("d.status = 'published'", "d.date", "d.year", "d.id", "p.position")
VALUES = ", ".join(SOURCES)

INSTALL = f"""
    CREATE OR REPLACE FUNCTION {INSERT_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT {VALUES}
        INTO NEW.published, NEW.document_date, NEW.document_year, NEW.document_pk, NEW.position
        FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
        WHERE p.id = NEW.paragraph_id;
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION lineage_placement_document() RETURNS trigger LANGUAGE plpgsql
    AS $$
    BEGIN
        UPDATE lineage_paragraphlineage l
        SET published = NEW.status = 'published', document_date = NEW.date,
            document_year = NEW.year
        FROM resolutions_paragraph p
        WHERE p.id = l.paragraph_id AND p.document_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER {INSERT_TRIGGER} BEFORE INSERT ON lineage_paragraphlineage
        FOR EACH ROW EXECUTE FUNCTION {INSERT_TRIGGER}();
    CREATE TRIGGER lineage_placement_document AFTER UPDATE OF status, date, year
        ON resolutions_document FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.date IS DISTINCT FROM NEW.date
              OR OLD.year IS DISTINCT FROM NEW.year)
        EXECUTE FUNCTION lineage_placement_document();
"""
UNINSTALL = f"""
    DROP TRIGGER lineage_placement_document ON resolutions_document;
    DROP TRIGGER {INSERT_TRIGGER} ON lineage_paragraphlineage;
    DROP FUNCTION lineage_placement_document(), {INSERT_TRIGGER}();
"""
# Every lineage row's values from its paragraph and document: the migration's first fill, and a
# fresh reading to check them against.
FRESH = f"""
    SELECT l.paragraph_id, {VALUES}
    FROM lineage_paragraphlineage l
    JOIN resolutions_paragraph p ON p.id = l.paragraph_id
    JOIN resolutions_document d ON d.id = p.document_id"""
FILL = f"""
    UPDATE lineage_paragraphlineage l
    SET ({", ".join(COLUMNS)}) = ({VALUES})
    FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
    WHERE p.id = l.paragraph_id"""
INSTALL_PARAGRAPH = f"""
    CREATE OR REPLACE FUNCTION {PARAGRAPH_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE lineage_paragraphlineage l
        SET ({", ".join(COLUMNS)}) = (
            SELECT {VALUES}
            FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
            WHERE p.id = NEW.id)
        WHERE l.paragraph_id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER {PARAGRAPH_TRIGGER} AFTER UPDATE OF document_id, position
        ON resolutions_paragraph FOR EACH ROW
        WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id
              OR OLD.position IS DISTINCT FROM NEW.position)
        EXECUTE FUNCTION {PARAGRAPH_TRIGGER}();
"""
UNINSTALL_PARAGRAPH = f"""
    DROP TRIGGER {PARAGRAPH_TRIGGER} ON resolutions_paragraph;
    DROP FUNCTION {PARAGRAPH_TRIGGER}();
"""
