"""The paragraph triggers of migration 0005, now declared on the models with django-pgtrigger.

The raw-SQL triggers and their functions are dropped, then created again from the `triggers` of
`Document.Meta` and `Paragraph.Meta` (same timing, columns, condition and body), so a later change
to them is a model change that makemigrations sees. The columns and index of 0005 stay.
"""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations

# As migration 0005 created them; the reverse of this migration brings them back.
CREATE_RAW_TRIGGERS = """
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
"""

DROP_RAW_TRIGGERS = """
DROP TRIGGER document_to_paragraphs ON resolutions_document;
DROP FUNCTION resolutions_document_to_paragraphs();
DROP TRIGGER paragraph_copy_document ON resolutions_paragraph;
DROP FUNCTION resolutions_paragraph_copy_document();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0007_document_topic_newest"),
    ]

    operations = [
        migrations.RunSQL(DROP_RAW_TRIGGERS, CREATE_RAW_TRIGGERS),
        pgtrigger.migrations.AddTrigger(
            model_name="document",
            trigger=pgtrigger.compiler.Trigger(
                name="document_to_paragraphs",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."body_id" IS DISTINCT FROM (NEW."body_id") OR OLD."doc_type" IS DISTINCT FROM (NEW."doc_type") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."year" IS DISTINCT FROM (NEW."year"))',
                    func="\n                UPDATE resolutions_paragraph\n                   SET published = (NEW.status = 'published'), body_id = NEW.body_id,\n                       year = NEW.year, doc_type = NEW.doc_type\n                 WHERE document_id = NEW.id;\n                RETURN NULL;\n                ",
                    hash="08ae0c2777235e96182cdba375ce20ac9f5b7a49",
                    operation='UPDATE OF "status", "body_id", "year", "doc_type"',
                    pgid="pgtrigger_document_to_paragraphs_95792",
                    table="resolutions_document",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraph",
            trigger=pgtrigger.compiler.Trigger(
                name="paragraph_copy_document",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n                SELECT d.status = 'published', d.body_id, d.year, d.doc_type\n                  INTO NEW.published, NEW.body_id, NEW.year, NEW.doc_type\n                  FROM resolutions_document d WHERE d.id = NEW.document_id;\n                RETURN NEW;\n                ",
                    hash="be8557b6bec24354797f6ee9ecc8ac83528bd83d",
                    operation='INSERT OR UPDATE OF "document_id"',
                    pgid="pgtrigger_paragraph_copy_document_ff232",
                    table="resolutions_paragraph",
                    when="BEFORE",
                ),
            ),
        ),
    ]
