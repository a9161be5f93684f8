"""The archive's vocabulary (`SearchWord`), kept current as documents are ingested."""

from __future__ import annotations

from django.db import connection

# Words of 3 to 40 letters, lower-cased, counted once per paragraph they occur in.
RECORD_WORDS = """
INSERT INTO resolutions_searchword (word, frequency)
SELECT w, count(*) FROM resolutions_paragraph p,
       LATERAL (SELECT DISTINCT w FROM regexp_split_to_table(lower(p.text), '[^[:alpha:]]+') w) s
 WHERE p.document_id = ANY(%s) AND length(w) BETWEEN 3 AND 40
 GROUP BY w
ON CONFLICT (word) DO UPDATE SET frequency = resolutions_searchword.frequency + EXCLUDED.frequency
"""


def record_words(document_ids: list[int]) -> None:
    """Add the words of the documents' paragraphs to the vocabulary (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(RECORD_WORDS, [document_ids])
