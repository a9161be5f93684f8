"""Each version's place on its family's timeline on its lineage row (lineage/placement.py)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Every lineage row's placement from its paragraph and document.
FILL = """
    UPDATE lineage_paragraphlineage l
    SET (published, document_date, document_year, document_pk, position)
        = (d.status = 'published', d.date, d.year, d.id, p.position)
    FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
    WHERE p.id = l.paragraph_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0003_family_tally"),
        ("resolutions", "0022_search_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraphlineage",
            name="document_date",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="document_pk",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="document_year",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="position",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="published",
            field=models.BooleanField(default=False),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="paragraphlineage",
            index=models.Index(
                condition=models.Q(("published", True)),
                fields=["family", "document_date", "document_year", "document_pk", "position"],
                name="lineage_family_timeline",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_placement_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n    SELECT d.status = 'published', d.date, d.year, d.id, p.position\n    INTO NEW.published, NEW.document_date, NEW.document_year, NEW.document_pk, NEW.position\n    FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id\n    WHERE p.id = NEW.paragraph_id;\n    RETURN NEW;\n    ",
                    hash="a631698deb7c1c3dcefd61b672db91bead729e8f",
                    operation="INSERT",
                    pgid="pgtrigger_lineage_placement_insert_441fe",
                    table="lineage_paragraphlineage",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watcheddocument",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_placement_document",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."date" IS DISTINCT FROM (NEW."date") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."year" IS DISTINCT FROM (NEW."year"))',
                    func="\n    UPDATE lineage_paragraphlineage l\n    SET published = NEW.status = 'published', document_date = NEW.date,\n        document_year = NEW.year\n    FROM resolutions_paragraph p\n    WHERE p.id = l.paragraph_id AND p.document_id = NEW.id;\n    RETURN NULL;\n    ",
                    hash="7c3eb740fca9947746c01cbd6eaa8991a1137856",
                    operation='UPDATE OF "status", "date", "year"',
                    pgid="pgtrigger_lineage_placement_document_dece8",
                    table="resolutions_document",
                    when="AFTER",
                ),
            ),
        ),
    ]
