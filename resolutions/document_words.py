"""A document's words: every lexeme of its title and paragraphs, without positions, kept by the
database.

`DocumentWords.words` is a stripped `tsvector` (migration 0026, GIN-indexed as
`document_words_gin`): a query of single words (`a & b`, `a | b`, `a & !b`) holds in a document
over its whole text exactly when `words @@ query`, so the documents matching it are read from
one index, and one document is tested without reading its paragraphs (search/boolean.py). A
phrase needs its words' positions within one paragraph, so a phrase is still read from the
paragraphs.

The words live in a table of their own, so that writing them anew touches two indexes, not the
documents' dozen. The triggers below write them whatever wrote the document or its paragraphs
(the ingest's COPY, a librarian's edit, a history revert, raw SQL): a new document gets its
title's words; a changed title, and paragraphs added, deleted, moved or given a new text or
verb, write the document's words anew with `resolutions_document_words(id)` (migration 0026).
They only ever update an existing row after a document's insert, so paragraphs deleted with
their document never bring its row back.
"""

from __future__ import annotations

from pgtrigger import After, AnyChange, Delete, Insert, Operation, Trigger, Update, UpdateOf

from . import touched_documents

TABLE = "resolutions_documentwords"
FUNCTION = "resolutions_document_words"


def _rewrite(documents: str) -> str:
    """Write anew the words of the documents `documents` selects."""
    return f"""
        {touched_documents.gather(documents)}
        UPDATE {TABLE} SET words = {FUNCTION}(document_id) WHERE document_id = ANY(touched);
        RETURN NULL;"""


def _paragraph_trigger(name: str, operation: Operation, documents: str, **tables: str) -> Trigger:
    return touched_documents.trigger(name, operation, _rewrite(documents), **tables)


# An update changes a document's words only when it changes a paragraph's vector or moves it.
_CHANGED = """
    SELECT o.document_id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.search_vector IS DISTINCT FROM n.search_vector OR o.document_id <> n.document_id
    UNION
    SELECT n.document_id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.document_id <> n.document_id"""

PARAGRAPH_TRIGGERS = (
    _paragraph_trigger(
        "document_words_paragraph_insert",
        Insert,
        "SELECT document_id FROM new_rows",
        new="new_rows",
    ),
    _paragraph_trigger(
        "document_words_paragraph_delete",
        Delete,
        "SELECT document_id FROM old_rows",
        old="old_rows",
    ),
    _paragraph_trigger(
        "document_words_paragraph_update", Update, _CHANGED, old="old_rows", new="new_rows"
    ),
)

DOCUMENT_TRIGGERS = (
    Trigger(
        name="document_words_new",
        when=After,
        operation=Insert,
        func=f"""
            INSERT INTO {TABLE} (document_id, words) VALUES (NEW.id, strip(NEW.title_search));
            RETURN NULL;""",
    ),
    Trigger(
        name="document_words_title",
        when=After,
        operation=UpdateOf("title"),
        condition=AnyChange("title"),
        func=f"""
            UPDATE {TABLE} SET words = {FUNCTION}(NEW.id) WHERE document_id = NEW.id;
            RETURN NULL;""",
    ),
)
