"""An index that lists a topic's documents newest first, for the related documents."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0006_document_date_order_indexes")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX document_topic_newest ON resolutions_documenttopic "
            "(topic_id, document_id DESC)",
            "DROP INDEX document_topic_newest",
        )
    ]
