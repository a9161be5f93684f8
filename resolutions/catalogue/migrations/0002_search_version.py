"""Writes here move the search version on (its sequence: resolutions 0022)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
        ("resolutions", "0022_search_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="ConceptBroader",
            fields=[],
            options={
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("catalogue.concept_broader",),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="cataloguerecord",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="92489886e53262f3a8f79bfd674ce3de9822aac6",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_272c2",
                    table="catalogue_cataloguerecord",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="concept",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="313f58b11658303c42ae83edcbe29e7b3b3f4ccf",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_45f44",
                    table="catalogue_concept",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="recordsubject",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="9ff6a279065224a1a2d430f1e352b41c4e373643",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_d2057",
                    table="catalogue_recordsubject",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="statevote",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="76af0a227f9604abdcc0418ae093744cf3a29777",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_4ebbc",
                    table="catalogue_statevote",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="vote",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="a1f34a1ecb23b9fad1c18dcb507ba074346aaf6f",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_424d0",
                    table="catalogue_vote",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="conceptbroader",
            trigger=pgtrigger.compiler.Trigger(
                name="bump_search_version",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="PERFORM nextval('resolutions_search_version'); RETURN NULL;",
                    hash="0e2461c4745c9698584c8285aa0ca0b5ebe3aaf3",
                    level="STATEMENT",
                    operation="INSERT OR UPDATE OR DELETE OR TRUNCATE",
                    pgid="pgtrigger_bump_search_version_35dba",
                    table="catalogue_concept_broader",
                    when="AFTER",
                ),
            ),
        ),
    ]
