"""Band keys kept once per distinct wording (lineage/wordings.py), not once per paragraph.

The lineage already built is converted in place: each lineage row gets its wording (numbered in
order of first appearance, oldest document first, as the bulk rebuild numbers them), and each
wording takes the band keys its first paragraph held. Families, previous versions and
similarities are not touched. The per-paragraph key table is dropped.
"""

import datetime

import django.db.models.deletion
import django.db.models.functions.comparison
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

import resolutions.lineage.wordings
from resolutions.lineage.text import wording_digest

OLD_KEYS = "lineage_bandkey_0008"
BATCH = 5000
# Lineage rows oldest document first (lineage/bulk.py's order).
PARAGRAPHS_IN_ORDER = """
    SELECT l.paragraph_id, p.text
    FROM lineage_paragraphlineage l
    JOIN resolutions_paragraph p ON p.id = l.paragraph_id
    JOIN resolutions_document d ON d.id = p.document_id
    ORDER BY COALESCE(d.date, make_date(d.year, 1, 1), DATE '9999-12-31'), d.id, p.position
"""
FILL = f"""
    UPDATE lineage_paragraphlineage l SET wording_id = t.wording
    FROM wording_of t WHERE t.paragraph_id = l.paragraph_id;
    INSERT INTO lineage_bandkey (key, wording_id)
    SELECT b.key, t.wording FROM wording_of t
    JOIN {OLD_KEYS} b ON b.paragraph_id = t.paragraph_id WHERE t.first;
    SELECT setval(pg_get_serial_sequence('lineage_keyedwording', 'id'),
                  GREATEST((SELECT max(id) FROM lineage_keyedwording), 1));
"""


def fill_wordings(apps, schema_editor) -> None:
    """Give every lineage row its wording, and every wording its first paragraph's keys."""
    connection = schema_editor.connection
    digests: dict[int, int] = {}
    with connection.cursor() as cursor:
        # Foreign keys checked per statement: a deferred check would leave trigger events
        # pending, and the ALTER TABLEs below refuse a table that has them.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "CREATE TEMP TABLE wording_of (paragraph_id integer PRIMARY KEY, "
            "wording integer NOT NULL, first boolean NOT NULL) ON COMMIT DROP"
        )
        reader = connection.chunked_cursor()
        reader.execute(PARAGRAPHS_IN_ORDER)
        while rows := reader.fetchmany(BATCH):
            holders, new = [], []
            for paragraph_id, text in rows:
                digest = wording_digest(text)
                wording = digests.get(digest)
                first = wording is None
                if first:
                    wording = digests[digest] = len(digests) + 1
                    new.append((wording, digest))
                holders.append((paragraph_id, wording, first))
            with cursor.copy("COPY lineage_keyedwording (id, digest) FROM STDIN") as copy:
                for row in new:
                    copy.write_row(row)
            with cursor.copy("COPY wording_of (paragraph_id, wording, first) FROM STDIN") as copy:
                for row in holders:
                    copy.write_row(row)
        reader.close()
        cursor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0008_facet_groups_watch_columns"),
        ("resolutions", "0023_common_term_bumps_search_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeyedWording",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("digest", models.BigIntegerField(unique=True)),
            ],
        ),
        migrations.AddField(
            model_name="paragraphlineage",
            name="wording",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="holders",
                to="lineage.keyedwording",
            ),
        ),
        # The per-paragraph keys stay under another name until the wordings have taken theirs.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE lineage_bandkey RENAME TO {OLD_KEYS}; "
                    f"ALTER TABLE {OLD_KEYS} RENAME CONSTRAINT lineage_bandkey_pkey "
                    f"TO {OLD_KEYS}_pkey",
                    reverse_sql=f"ALTER TABLE {OLD_KEYS} RENAME TO lineage_bandkey; "
                    f"ALTER TABLE lineage_bandkey RENAME CONSTRAINT {OLD_KEYS}_pkey "
                    "TO lineage_bandkey_pkey",
                )
            ],
            state_operations=[migrations.DeleteModel(name="BandKey")],
        ),
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
        migrations.RunPython(fill_wordings, migrations.RunPython.noop),
        # Going back, the per-paragraph table comes back empty: rebuild_lineage fills it.
        migrations.RunSQL(
            f"DROP TABLE {OLD_KEYS}",
            reverse_sql=f"CREATE TABLE {OLD_KEYS} (key bigint NOT NULL, paragraph_id integer "
            "NOT NULL REFERENCES resolutions_paragraph DEFERRABLE INITIALLY DEFERRED, "
            f"CONSTRAINT {OLD_KEYS}_pkey PRIMARY KEY (key, paragraph_id)); "
            f"CREATE INDEX lineage_bandkey_paragraph_id_c01fa63f ON {OLD_KEYS} (paragraph_id)",
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
