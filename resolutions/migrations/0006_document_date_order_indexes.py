"""Indexes in the two orders of browsing (newest, oldest first) over published documents.

Past the exact limit the search walks documents in date order and stops after one page
(`matching.walk_documents`); without these it sorts every document first.
"""

from django.db import migrations

FORWARD = """
CREATE INDEX document_published_newest ON resolutions_document
    (date DESC NULLS LAST, year DESC NULLS LAST, id DESC) WHERE status = 'published';
CREATE INDEX document_published_oldest ON resolutions_document
    (date ASC NULLS LAST, year ASC NULLS LAST, id ASC) WHERE status = 'published';
"""

REVERSE = """
DROP INDEX document_published_newest;
DROP INDEX document_published_oldest;
"""


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0005_paragraph_search_columns")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
