"""Copy onto each paragraph what search filters and counts by: published, body, year, type.

The columns are the database's to keep (not model fields): a BEFORE INSERT OR UPDATE OF
document_id trigger on paragraphs copies them from the document, and an AFTER UPDATE trigger on
documents pushes a change of status, body, year or type to its paragraphs. Bulk writes, staff
edits, the admin and history reverts all go through them. Matching and facet counts then read
the paragraph rows alone, never joining documents (see docs/performance.md).
"""

from django.db import migrations

FORWARD = """
ALTER TABLE resolutions_paragraph
    ADD COLUMN published boolean NOT NULL DEFAULT false,
    ADD COLUMN body_id bigint,
    ADD COLUMN year smallint,
    ADD COLUMN doc_type varchar(20) NOT NULL DEFAULT '';

UPDATE resolutions_paragraph p
   SET published = (d.status = 'published'), body_id = d.body_id, year = d.year,
       doc_type = d.doc_type
  FROM resolutions_document d
 WHERE d.id = p.document_id;

CREATE FUNCTION resolutions_paragraph_copy_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT d.status = 'published', d.body_id, d.year, d.doc_type
      INTO NEW.published, NEW.body_id, NEW.year, NEW.doc_type
      FROM resolutions_document d WHERE d.id = NEW.document_id;
    RETURN NEW;
END $$;

CREATE TRIGGER paragraph_copy_document
    BEFORE INSERT OR UPDATE OF document_id ON resolutions_paragraph
    FOR EACH ROW EXECUTE FUNCTION resolutions_paragraph_copy_document();

CREATE FUNCTION resolutions_document_to_paragraphs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE resolutions_paragraph
       SET published = (NEW.status = 'published'), body_id = NEW.body_id, year = NEW.year,
           doc_type = NEW.doc_type
     WHERE document_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER document_to_paragraphs
    AFTER UPDATE OF status, body_id, year, doc_type ON resolutions_document
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.body_id IS DISTINCT FROM NEW.body_id
          OR OLD.year IS DISTINCT FROM NEW.year OR OLD.doc_type IS DISTINCT FROM NEW.doc_type)
    EXECUTE FUNCTION resolutions_document_to_paragraphs();

-- Uses: browsing and filtered samples by the copied columns (published rows only).
CREATE INDEX paragraph_published_facets ON resolutions_paragraph (body_id, year, doc_type)
    WHERE published;
ANALYZE resolutions_paragraph;
"""

REVERSE = """
DROP TRIGGER document_to_paragraphs ON resolutions_document;
DROP FUNCTION resolutions_document_to_paragraphs();
DROP TRIGGER paragraph_copy_document ON resolutions_paragraph;
DROP FUNCTION resolutions_paragraph_copy_document();
DROP INDEX paragraph_published_facets;
ALTER TABLE resolutions_paragraph
    DROP COLUMN published, DROP COLUMN body_id, DROP COLUMN year, DROP COLUMN doc_type;
"""


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0004_history_and_roles")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
