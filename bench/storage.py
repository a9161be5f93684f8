"""What the archive's disk costs per paragraph: tables, indexes, and the text in its copies.

The paragraph text is the one thing the archive must keep; the rest (the search vector, the
indexes, the document's full text, which repeats its paragraphs) is measured against it, so a
change that stores the same text fewer times shows up as fewer bytes a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from resolutions.text_tables import table

MIB = 2**20

# One scan of each table: stored (compressed) column sizes, and the text's own length.
PARAGRAPH_SQL = """
SELECT count(*), coalesce(sum(octet_length(text)), 0), coalesce(sum(pg_column_size(text)), 0),
       coalesce(sum(pg_column_size(search_vector)), 0)
FROM resolutions_paragraph
"""
DOCUMENT_SQL = """
SELECT coalesce(sum(pg_column_size(full_text)), 0) FROM resolutions_document
"""
RELATION_SQL = """
SELECT pg_table_size('resolutions_paragraph'), pg_indexes_size('resolutions_paragraph'),
       pg_total_relation_size('resolutions_document'), pg_database_size(current_database())
"""


@dataclass(frozen=True)
class Storage:
    """Bytes on disk, and the paragraphs they hold."""

    paragraphs: int
    text: int  # the paragraphs' text, uncompressed
    stored_text: int  # the same, as stored (compressed when long)
    search_vectors: int
    paragraph_table: int  # rows with their TOAST
    paragraph_indexes: int
    document_full_texts: int
    documents: int  # rows, TOAST and indexes
    database: int

    def per_paragraph(self, size: int) -> float:
        return size / self.paragraphs if self.paragraphs else 0.0


def measure_storage() -> Storage:
    """Measure the archive's storage (one scan of the paragraphs and of the documents)."""
    with connection.cursor() as cursor:
        cursor.execute(PARAGRAPH_SQL)
        paragraphs, text, stored_text, vectors = cursor.fetchone()
        cursor.execute(DOCUMENT_SQL)
        (full_texts,) = cursor.fetchone()
        cursor.execute(RELATION_SQL)
        paragraph_table, paragraph_indexes, documents, database = cursor.fetchone()
    return Storage(
        paragraphs=paragraphs,
        text=int(text),
        stored_text=int(stored_text),
        search_vectors=int(vectors),
        paragraph_table=paragraph_table,
        paragraph_indexes=paragraph_indexes,
        document_full_texts=int(full_texts),
        documents=documents,
        database=database,
    )


def storage_report(storage: Storage) -> str:
    """A table of each part's size, bytes a paragraph, and times the text's own size."""
    parts = [
        ("paragraph text (as stored)", storage.stored_text),
        ("paragraph search vectors", storage.search_vectors),
        ("paragraph table (rows + TOAST)", storage.paragraph_table),
        ("paragraph indexes", storage.paragraph_indexes),
        ("document full texts", storage.document_full_texts),
        ("documents (rows + TOAST + indexes)", storage.documents),
        ("whole database", storage.database),
    ]
    rows = [
        (
            name,
            f"{size / MIB:,.1f}",
            f"{storage.per_paragraph(size):,.0f}",
            f"{size / storage.text:.2f}x" if storage.text else "-",
        )
        for name, size in parts
    ]
    heading = (
        f"Storage: {storage.paragraphs:,} paragraphs, their text "
        f"{storage.per_paragraph(storage.text):,.0f} bytes a paragraph uncompressed."
    )
    return heading + "\n" + table(["part", "MiB", "bytes/paragraph", "÷ text"], rows)
