"""The fingerprints' GIN index takes new entries in a pending list of at most 256 kB, merged in
batches (models.FINGERPRINTS_PENDING_KB): changed in place, not rebuilt."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("lineage", "0010_tallies_by_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER INDEX lineage_fingerprints_gin"
                    " SET (fastupdate = on, gin_pending_list_limit = 256)",
                    "ALTER INDEX lineage_fingerprints_gin"
                    " SET (fastupdate = off); ALTER INDEX lineage_fingerprints_gin"
                    " RESET (gin_pending_list_limit)",
                ),
            ],
            state_operations=[
                migrations.RemoveIndex(
                    model_name="paragraphlineage",
                    name="lineage_fingerprints_gin",
                ),
                migrations.AddIndex(
                    model_name="paragraphlineage",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fastupdate=True,
                        fields=["fingerprints"],
                        gin_pending_list_limit=256,
                        name="lineage_fingerprints_gin",
                    ),
                ),
            ],
        ),
    ]
