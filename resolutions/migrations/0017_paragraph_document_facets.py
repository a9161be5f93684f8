"""An index of each document's paragraphs holding what facet counts read of them.

Over whole documents the verb and kind facets count every paragraph of the matching documents,
not only those holding the words (docs/search.md). This index lists a document's paragraphs with
their kind, verb and the columns migration 0005 copies from the document, so the facet
statement reads them from the index alone (an index-only scan), never the paragraph rows with
their texts and vectors. Those columns are the database's, not model fields: hence raw SQL.
"""

from django.db import migrations

FORWARD = """
CREATE INDEX paragraph_document_facets ON resolutions_paragraph (document_id)
    INCLUDE (kind, verb, published, body_id, year, doc_type);
"""
REVERSE = "DROP INDEX paragraph_document_facets;"


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0012_upload")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
