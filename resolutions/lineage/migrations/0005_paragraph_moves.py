"""A paragraph moved to another document or position keeps its family's tallies and its place on
the timeline right (lineage/tallies.py, lineage/placement.py)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("lineage", "0004_version_placement")]

    operations = [
        migrations.CreateModel(
            name="WatchedParagraph",
            fields=[],
            options={
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("resolutions.paragraph",),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watchedparagraph",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_placement_paragraph",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."document_id" IS DISTINCT FROM (NEW."document_id") OR OLD."position" IS DISTINCT FROM (NEW."position"))',
                    func="\n    UPDATE lineage_paragraphlineage l\n    SET (published, document_date, document_year, document_pk, position) = (\n        SELECT d.status = 'published', d.date, d.year, d.id, p.position\n        FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id\n        WHERE p.id = NEW.id)\n    WHERE l.paragraph_id = NEW.id;\n    RETURN NULL;\n    ",
                    hash="3b8af6ff368dbb814382eb346ebf284d7184b918",
                    operation='UPDATE OF "document_id", "position"',
                    pgid="pgtrigger_lineage_placement_paragraph_c7163",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="watchedparagraph",
            trigger=pgtrigger.compiler.Trigger(
                name="lineage_tally_paragraph",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."document_id" IS DISTINCT FROM (NEW."document_id"))',
                    func="\n        UPDATE lineage_familytally t SET versions = t.versions - v.n\n        FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT l.family_id, d.body_id, d.year, d.status FROM lineage_paragraphlineage l JOIN resolutions_document d ON d.id = OLD.document_id WHERE l.paragraph_id = OLD.id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        WHERE t.family_id = v.family_id AND t.body_id = v.body_id\n          AND t.year IS NOT DISTINCT FROM v.year;\n        DELETE FROM lineage_familytally t\n        WHERE t.versions = 0 AND t.family_id IN (SELECT family_id FROM (SELECT l.family_id, d.body_id, d.year, d.status FROM lineage_paragraphlineage l JOIN resolutions_document d ON d.id = OLD.document_id WHERE l.paragraph_id = OLD.id) v);\n        INSERT INTO lineage_familytally AS t (family_id, body_id, year, versions)\n        SELECT family_id, body_id, year, n FROM (\n        SELECT family_id, body_id, year, count(*) AS n FROM (SELECT l.family_id, d.body_id, d.year, d.status FROM lineage_paragraphlineage l JOIN resolutions_document d ON d.id = NEW.document_id WHERE l.paragraph_id = NEW.id) v\n        WHERE status = 'published'\n        GROUP BY family_id, body_id, year) v\n        ON CONFLICT (family_id, body_id, year)\n        DO UPDATE SET versions = t.versions + EXCLUDED.versions;\nRETURN NULL;",
                    hash="4e7d09c4f966bbb44bcb5e49103b48cb3e6f10cf",
                    operation='UPDATE OF "document_id"',
                    pgid="pgtrigger_lineage_tally_paragraph_8962b",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
    ]
