"""Writes here move the search version on (its sequence: resolutions 0022)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0001_initial"),
        ("resolutions", "0022_search_version"),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name="paragraphlineage",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="37463016428c3614a0913ddd4387c057172db2a2",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_61a20",
                    table="lineage_paragraphlineage",
                    when="AFTER",
                ),
            ),
        ),
    ]
