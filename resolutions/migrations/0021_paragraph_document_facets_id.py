"""The facet index also holds each paragraph's id (the addressee facet reads it), so the facet
statement reads a document's paragraphs from the index alone."""

from django.db import migrations

FORWARD = """
DROP INDEX IF EXISTS paragraph_document_facets;
CREATE INDEX paragraph_document_facets ON resolutions_paragraph (document_id)
    INCLUDE (id, kind, verb, published, body_id, year, doc_type);
"""
REVERSE = """
DROP INDEX IF EXISTS paragraph_document_facets;
CREATE INDEX paragraph_document_facets ON resolutions_paragraph (document_id)
    INCLUDE (kind, verb, published, body_id, year, doc_type);
"""


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0020_term_impacts")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
