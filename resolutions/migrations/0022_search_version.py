"""The search version (resolutions/search_version.py): a sequence, and on every table the search
counts read a statement-level trigger that takes its next value after any write."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("resolutions", "0021_paragraph_document_facets_id"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE resolutions_search_version",
            "DROP SEQUENCE resolutions_search_version",
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="body",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="943a0564197b830be03557e1c0dae23c099743d9",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_59ca6",
                    table="resolutions_body",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="country",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="ff13c0b298211b9b7c3bb2c2bb686a854ea6fb73",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_f47b4",
                    table="resolutions_country",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="document",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="ca531cd4a25db2c24aea2972df1fa61bba0e0df3",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_71e49",
                    table="resolutions_document",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="documenttopic",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="f11427834b25af2f82ee4719d3d92bdeecc87b89",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_1b187",
                    table="resolutions_documenttopic",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraph",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="302610e28e992160fc3d7ce505e1cef372c9ddaa",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_eb3f1",
                    table="resolutions_paragraph",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="reference",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="0ec000ac4f325981bd4ee20730c505b2259a97c2",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_44e15",
                    table="resolutions_reference",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="sponsorship",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="5c55a2aae8c02ae781f45111cb237f0c2487fb3d",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_c0167",
                    table="resolutions_sponsorship",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="topic",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="e90bbd3e47f71e694ace8b9501f44b0b509f4cfd",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_7a4cc",
                    table="resolutions_topic",
                    when="AFTER",
                ),
            ),
        ),
    ]
