"""The archive's vocabulary for "Did you mean": words with their frequency, a trigram index.

pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the app's role may create it.
The words of the paragraphs already in the archive are recorded here; ingest adds new ones.
"""

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

FILL = """
INSERT INTO resolutions_searchword (word, frequency)
SELECT w, count(*) FROM resolutions_paragraph p,
       LATERAL (SELECT DISTINCT w FROM regexp_split_to_table(lower(p.text), '[^[:alpha:]]+') w) s
 WHERE length(w) BETWEEN 3 AND 40
 GROUP BY w
"""


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0010_ingestrun_interrupted")]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("frequency", models.PositiveIntegerField(default=0)),
            ],
            options={
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["word"], name="search_word_trgm", opclasses=["gin_trgm_ops"]
                    )
                ],
            },
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
