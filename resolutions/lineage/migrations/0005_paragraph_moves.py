"""A paragraph moved to another document or position keeps its family's tallies and its place on
the timeline right (lineage/tallies.py, lineage/placement.py)."""

from django.db import migrations

from resolutions.lineage import placement, tallies


class Migration(migrations.Migration):
    dependencies = [("lineage", "0004_version_placement")]

    operations = [
        migrations.RunSQL(tallies.INSTALL_PARAGRAPH, tallies.UNINSTALL_PARAGRAPH),
        migrations.RunSQL(placement.INSTALL_PARAGRAPH, placement.UNINSTALL_PARAGRAPH),
    ]
