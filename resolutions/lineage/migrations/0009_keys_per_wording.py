"""Band keys kept once per distinct wording (lineage/wordings.py), not once per paragraph.

The lineage is derived data: its rows are emptied here and `python manage.py rebuild_lineage`
builds them again (docs/lineage.md), keys per wording included. Documents matched before the
rebuild find candidates only among those matched since.
"""

import datetime

import django.db.models.deletion
import django.db.models.functions.comparison
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

import resolutions.lineage.wordings


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0008_facet_groups_watch_columns"),
        ("resolutions", "0023_common_term_bumps_search_version"),
    ]

    operations = [
        migrations.RunSQL(
            "TRUNCATE lineage_bandkey, lineage_paragraphlineage, lineage_familytally, "
            "lineage_family RESTART IDENTITY",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.CreateModel(
            name="KeyedWording",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("digest", models.BigIntegerField(unique=True)),
            ],
        ),
        migrations.DeleteModel(name="BandKey"),
        migrations.CreateModel(
            name="BandKey",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "key",
                        "wording",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("key", models.BigIntegerField()),
                (
                    "wording",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="lineage.keyedwording",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["wording"], name="lineage_bandkey_wording")],
            },
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="wording",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="holders",
                to="lineage.keyedwording",
            ),
            preserve_default=False,
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_wording_orphans",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n    WITH gone AS (\n        DELETE FROM lineage_keyedwording WHERE id IN (\n            SELECT w.id FROM lineage_keyedwording w\n            WHERE w.id IN (SELECT wording_id FROM old_rows)\n              AND NOT EXISTS (\n                  SELECT 1 FROM lineage_paragraphlineage l WHERE l.wording_id = w.id)\n            FOR UPDATE SKIP LOCKED)\n        RETURNING id)\n    DELETE FROM lineage_bandkey WHERE wording_id IN (SELECT id FROM gone);\n    RETURN NULL;\n    ",
                    hash="e5907457ce9d561b2857b45d32e3ee624c73aebd",
                    level="STATEMENT",
                    operation="DELETE",
                    pgid="pgtrigger_lineage_wording_orphans_9939a",
                    referencing="REFERENCING OLD TABLE AS old_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddIndex(
            model_name="paragraphlineage",
            index=models.Index(
                models.F("wording"),
                django.db.models.functions.comparison.Coalesce(
                    models.F("document_date"),
                    resolutions.lineage.wordings.MakeDate(
                        models.F("document_year"), models.Value(1), models.Value(1)
                    ),
                    models.Value(datetime.date(9999, 12, 31)),
                    output_field=models.DateField(),
                ),
                models.F("document_pk"),
                models.F("paragraph"),
                name="lineage_wording_order",
            ),
        ),
    ]
