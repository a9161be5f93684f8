"""A reference's copies of its citing document's columns are written on insert and on updates
that set the citing document or the copies, not on every update.

Linking earlier citations to a new document (`ingest.LINK_CITATIONS`, `cited_document_id`
alone) no longer reads each citing document again: the copies were current already. And
`citing_document_id` loses its own index: it is the first column of the unique constraint
`reference_unique_per_document`, which serves the same lookups.
"""

import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0026_document_words"),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name="reference",
            name="reference_copy_citing_document",
        ),
        migrations.AlterField(
            model_name="reference",
            name="citing_document",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="references",
                to="resolutions.document",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="reference",
            trigger=pgtrigger.compiler.Trigger(
                name="reference_copy_citing_document",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n                SELECT d.status = 'published', d.body_id, d.year, d.date\n                  INTO NEW.citing_published, NEW.citing_body_id, NEW.citing_year, NEW.citing_date\n                  FROM resolutions_document d WHERE d.id = NEW.citing_document_id;\n                RETURN NEW;\n                ",
                    hash="4d2130815185d7696b908fb8dbb038dfc3ac5a94",
                    operation='INSERT OR UPDATE OF "citing_document_id", "citing_published", "citing_body_id", "citing_year", "citing_date"',
                    pgid="pgtrigger_reference_copy_citing_document_47962",
                    table="resolutions_reference",
                    when="BEFORE",
                ),
            ),
        ),
    ]
