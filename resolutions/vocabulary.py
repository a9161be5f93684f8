"""The archive's vocabulary (`SearchWord`), kept current as documents are ingested."""

from __future__ import annotations

from django.db import connection

# Words of 3 to 40 letters, lower-cased, counted once per paragraph they occur in. Letters
# are kept and the rest made spaces in one regexp_replace per paragraph (faster than splitting
# on the regular expression), and a word's paragraphs are counted in its group.
RECORD_WORDS = """
INSERT INTO resolutions_searchword (word, frequency)
SELECT w, count(DISTINCT p.id) FROM resolutions_paragraph p,
       unnest(string_to_array(regexp_replace(lower(p.text), '[^[:alpha:]]+', ' ', 'g'), ' ')) w
 WHERE p.document_id = ANY(%s) AND length(w) BETWEEN 3 AND 40
 GROUP BY w
ON CONFLICT (word) DO UPDATE SET frequency = resolutions_searchword.frequency + EXCLUDED.frequency
"""


def record_words(document_ids: list[int]) -> None:
    """Add the words of the documents' paragraphs to the vocabulary (one statement)."""
    with connection.cursor() as cursor:
        cursor.execute(RECORD_WORDS, [document_ids])
