"""Copy onto each reference its citing document's status, body, year and date.

A cited document's counts (by body and year of the citing documents) and its newest citations
then read one index, `reference_cited_by_newest`, instead of joining every citing document:
the most cited resolutions are cited by tens of thousands of documents. The copies are filled
here once, before the triggers that keep them from now on (Reference.Meta, Document.Meta).
"""

import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

FILL_AND_INDEX = """
UPDATE resolutions_reference r
   SET citing_published = (d.status = 'published'), citing_body_id = d.body_id,
       citing_year = d.year, citing_date = d.date
  FROM resolutions_document d
 WHERE d.id = r.citing_document_id;

-- Uses: cited_by_of and citations_of. In citations_of's order (the newest first), with the
-- citing body included, so the counts by body and year are an index-only scan.
CREATE INDEX reference_cited_by_newest ON resolutions_reference
    (cited_document_id, citing_date DESC NULLS LAST, citing_year DESC NULLS LAST,
     citing_document_id DESC, id)
    INCLUDE (citing_body_id)
    WHERE citing_published AND cited_document_id IS NOT NULL;
ANALYZE resolutions_reference;
"""

DROP_INDEX = "DROP INDEX reference_cited_by_newest;"


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0023_common_term_bumps_search_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="reference",
            name="citing_body",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="resolutions.body",
            ),
        ),
        migrations.AddField(
            model_name="reference",
            name="citing_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="reference",
            name="citing_published",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="reference",
            name="citing_year",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunSQL(FILL_AND_INDEX, DROP_INDEX),
        pgtrigger.migrations.AddTrigger(
            model_name="document",
            trigger=pgtrigger.compiler.Trigger(
                name="document_to_references",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."body_id" IS DISTINCT FROM (NEW."body_id") OR OLD."date" IS DISTINCT FROM (NEW."date") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."year" IS DISTINCT FROM (NEW."year"))',
                    func="\n                UPDATE resolutions_reference\n                   SET citing_published = (NEW.status = 'published'), citing_body_id = NEW.body_id,\n                       citing_year = NEW.year, citing_date = NEW.date\n                 WHERE citing_document_id = NEW.id;\n                RETURN NULL;\n                ",
                    hash="8d152acf6d7117ffe16a4bccb31c23e1f2b64ec1",
                    operation='UPDATE OF "status", "body_id", "year", "date"',
                    pgid="pgtrigger_document_to_references_b9683",
                    table="resolutions_document",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="reference",
            trigger=pgtrigger.compiler.Trigger(
                name="reference_copy_citing_document",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n                SELECT d.status = 'published', d.body_id, d.year, d.date\n                  INTO NEW.citing_published, NEW.citing_body_id, NEW.citing_year, NEW.citing_date\n                  FROM resolutions_document d WHERE d.id = NEW.citing_document_id;\n                RETURN NEW;\n                ",
                    hash="ff89e79c31f3cf3da977718bcec484f124f38c7b",
                    operation="INSERT OR UPDATE",
                    pgid="pgtrigger_reference_copy_citing_document_47962",
                    table="resolutions_reference",
                    when="BEFORE",
                ),
            ),
        ),
    ]
