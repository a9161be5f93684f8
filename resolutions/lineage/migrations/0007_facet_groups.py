"""Facet groups (lineage/facet_groups.py): the table, the triggers that keep it, and its fill."""

import django.contrib.postgres.fields
import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Every document's groups, as lineage/facet_groups.py computes them (frozen here).
FILL = """
INSERT INTO lineage_facetgroup
    (document_id, kind, verb, published, body_id, year, doc_type, addressees)
SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,
       coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')
FROM resolutions_paragraph p
LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id
LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE
GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0006_family_tally_bumps_search_version"),
        ("resolutions", "0023_common_term_bumps_search_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="FacetGroup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=12)),
                ("verb", models.CharField(blank=True, max_length=60)),
                (
                    "addressees",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=30),
                        blank=True,
                        default=list,
                        size=None,
                    ),
                ),
                ("published", models.BooleanField(default=False)),
                ("body_id", models.BigIntegerField(blank=True, null=True)),
                ("year", models.SmallIntegerField(blank=True, null=True)),
                ("doc_type", models.CharField(max_length=20)),
            ],
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_lineage_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT p.document_id FROM new_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT p.document_id FROM new_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="5d3106924593bb05a64a069748dbb60f9cbf1159",
                    level="STATEMENT",
                    operation="INSERT",
                    pgid="pgtrigger_facet_groups_lineage_insert_cdf8e",
                    referencing="REFERENCING NEW TABLE AS new_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_lineage_delete",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT p.document_id FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT p.document_id FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="7e3b24906f45ca4b5e6f605d5b1c131320320c0a",
                    level="STATEMENT",
                    operation="DELETE",
                    pgid="pgtrigger_facet_groups_lineage_delete_5a4d2",
                    referencing="REFERENCING OLD TABLE AS old_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_lineage_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT p.document_id FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id UNION SELECT p.document_id FROM new_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT p.document_id FROM old_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id UNION SELECT p.document_id FROM new_rows r JOIN resolutions_paragraph p ON p.id = r.paragraph_id)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="bd58c2177639589c992ac0ac01bba3a57b042dee",
                    level="STATEMENT",
                    operation="UPDATE",
                    pgid="pgtrigger_facet_groups_lineage_update_5037c",
                    referencing="REFERENCING OLD TABLE AS old_rows  NEW TABLE AS new_rows ",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watchedparagraph",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_paragraph_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT document_id FROM new_rows);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT document_id FROM new_rows)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="fcb686ede26788c62e372b6781fd0123c34fcf98",
                    level="STATEMENT",
                    operation="INSERT",
                    pgid="pgtrigger_facet_groups_paragraph_insert_3447e",
                    referencing="REFERENCING NEW TABLE AS new_rows ",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watchedparagraph",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_paragraph_delete",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT document_id FROM old_rows);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT document_id FROM old_rows)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="b1270753ee17f6ea55cc1b1c61fbe8d5c2b1e900",
                    level="STATEMENT",
                    operation="DELETE",
                    pgid="pgtrigger_facet_groups_paragraph_delete_86447",
                    referencing="REFERENCING OLD TABLE AS old_rows ",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watchedparagraph",
            trigger=pgtrigger.compiler.Trigger(
                name="facet_groups_paragraph_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        DELETE FROM lineage_facetgroup WHERE document_id IN (SELECT document_id FROM old_rows UNION SELECT document_id FROM new_rows);\n        INSERT INTO lineage_facetgroup (document_id, kind, verb, published, body_id, year, doc_type, addressees) \n        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,\n               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{}')\n        FROM resolutions_paragraph p\n        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id\n        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE\n        WHERE p.document_id IN (SELECT document_id FROM old_rows UNION SELECT document_id FROM new_rows)\n        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type;\nRETURN NULL;",
                    hash="e718f1695d1579120edaf6ca5df8ff83cd7bed05",
                    level="STATEMENT",
                    operation="UPDATE",
                    pgid="pgtrigger_facet_groups_paragraph_update_a5fd2",
                    referencing="REFERENCING OLD TABLE AS old_rows  NEW TABLE AS new_rows ",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddField(
            model_name="facetgroup",
            name="document",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="resolutions.document",
            ),
        ),
        migrations.AddIndex(
            model_name="facetgroup",
            index=models.Index(fields=["document"], name="facet_group_document"),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="facetgroup",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="7fc58000003b767db9bd8d7b35117c3bc60339b4",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_2c546",
                    table="lineage_facetgroup",
                    when="AFTER",
                ),
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
