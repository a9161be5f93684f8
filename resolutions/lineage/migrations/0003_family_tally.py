"""Family tallies: published versions per family, body and year, kept by triggers
(lineage/tallies.py), and counted once here for the lineage already built."""

import django.db.models.deletion
from django.db import migrations, models

from resolutions.lineage import tallies


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
        migrations.RunSQL(tallies.INSTALL, tallies.UNINSTALL),
        migrations.RunSQL(tallies.WRITE_ALL, migrations.RunSQL.noop),
    ]
