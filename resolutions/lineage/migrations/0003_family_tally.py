"""Family tallies: published versions per family, body and year, kept by triggers
(lineage/tallies.py), and counted once here for the lineage already built."""

import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# The lineage already built, counted (tallies.WRITE_ALL as this migration was written).
WRITE_ALL = """
    INSERT INTO lineage_familytally (family_id, body_id, year, versions)
    SELECT family_id, body_id, year, count(*) AS n
    FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM lineage_paragraphlineage r
          JOIN resolutions_paragraph p ON p.id = r.paragraph_id
          JOIN resolutions_document d ON d.id = p.document_id) v
    WHERE status = 'published'
    GROUP BY family_id, body_id, year
"""


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0002_search_version"),
        ("resolutions", "0022_search_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="FamilyTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("versions", models.PositiveIntegerField()),
                (
                    "body",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="resolutions.body",
                    ),
                ),
                (
                    "family",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tallies",
                        to="lineage.family",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("family", "body", "year"),
                        name="lineage_familytally_unique",
                        nulls_distinct=False,
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="WatchedDocument",
            fields=[],
            options={
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("resolutions.document",),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_tally_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        INSERT INTO lineage_familytally AS t (family_id, body_id, year, versions)\n        SELECT family_id, body_id, year, n FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM new_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        ON CONFLICT (family_id, body_id, year)\n        DO UPDATE SET versions = t.versions + EXCLUDED.versions;\nRETURN NULL;",
                    hash="b0513f866c9d2e2d7edc0fe7fa6d315a46763365",
                    level="STATEMENT",
                    operation="INSERT",
                    pgid="pgtrigger_lineage_tally_insert_e21b2",
                    referencing="REFERENCING NEW TABLE AS new_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_tally_delete",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        UPDATE lineage_familytally t SET versions = t.versions - v.n\n        FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        WHERE t.family_id = v.family_id AND t.body_id = v.body_id\n          AND t.year IS NOT DISTINCT FROM v.year;\n        DELETE FROM lineage_familytally t\n        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v);\nRETURN NULL;",
                    hash="28467622dfdf51fd83d7882733f4a3b47c4cdf57",
                    level="STATEMENT",
                    operation="DELETE",
                    pgid="pgtrigger_lineage_tally_delete_a5801",
                    referencing="REFERENCING OLD TABLE AS old_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_tally_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        UPDATE lineage_familytally t SET versions = t.versions - v.n\n        FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM (SELECT o.paragraph_id, o.family_id FROM old_rows o JOIN new_rows n USING (paragraph_id) WHERE o.family_id <> n.family_id) r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        WHERE t.family_id = v.family_id AND t.body_id = v.body_id\n          AND t.year IS NOT DISTINCT FROM v.year;\n        DELETE FROM lineage_familytally t\n        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM (SELECT o.paragraph_id, o.family_id FROM old_rows o JOIN new_rows n USING (paragraph_id) WHERE o.family_id <> n.family_id) r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v);\n        INSERT INTO lineage_familytally AS t (family_id, body_id, year, versions)\n        SELECT family_id, body_id, year, n FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT r.family_id, d.body_id, d.year, d.status FROM (SELECT n.paragraph_id, n.family_id FROM old_rows o JOIN new_rows n USING (paragraph_id) WHERE o.family_id <> n.family_id) r JOIN resolutions_paragraph p ON p.id = r.paragraph_id JOIN resolutions_document d ON d.id = p.document_id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        ON CONFLICT (family_id, body_id, year)\n        DO UPDATE SET versions = t.versions + EXCLUDED.versions;\nRETURN NULL;",
                    hash="4d4781b6789ff91f9549d8f1e237739d9cebddac",
                    level="STATEMENT",
                    operation="UPDATE",
                    pgid="pgtrigger_lineage_tally_update_26c4d",
                    referencing="REFERENCING OLD TABLE AS old_rows  NEW TABLE AS new_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watcheddocument",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_tally_document",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."body_id" IS DISTINCT FROM (NEW."body_id") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."year" IS DISTINCT FROM (NEW."year"))',
                    func="\n        UPDATE lineage_familytally t SET versions = t.versions - v.n\n        FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT l.family_id, OLD.body_id, OLD.year, OLD.status FROM lineage_paragraphlineage l JOIN resolutions_paragraph p ON p.id = l.paragraph_id WHERE p.document_id = OLD.id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        WHERE t.family_id = v.family_id AND t.body_id = v.body_id\n          AND t.year IS NOT DISTINCT FROM v.year;\n        DELETE FROM lineage_familytally t\n        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM (SELECT l.family_id, OLD.body_id, OLD.year, OLD.status FROM lineage_paragraphlineage l JOIN resolutions_paragraph p ON p.id = l.paragraph_id WHERE p.document_id = OLD.id) v);\n        INSERT INTO lineage_familytally AS t (family_id, body_id, year, versions)\n        SELECT family_id, body_id, year, n FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT l.family_id, NEW.body_id, NEW.year, NEW.status FROM lineage_paragraphlineage l JOIN resolutions_paragraph p ON p.id = l.paragraph_id WHERE p.document_id = NEW.id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        ON CONFLICT (family_id, body_id, year)\n        DO UPDATE SET versions = t.versions + EXCLUDED.versions;\nRETURN NULL;",
                    hash="e22c241ccf1ad4f85ddef0fed6be0da14baf29af",
                    operation='UPDATE OF "status", "body_id", "year"',
                    pgid="pgtrigger_lineage_tally_document_49adc",
                    table="resolutions_document",
                    when="AFTER",
                ),
            ),
        ),
        migrations.RunSQL(WRITE_ALL, migrations.RunSQL.noop),
    ]
