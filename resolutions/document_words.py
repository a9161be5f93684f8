"""A document's words: every lexeme of its title and paragraphs, without positions, kept by the
database.

`resolutions_document.words` is a stripped `tsvector` (migration 0026, GIN-indexed as
`document_words_gin`): a query of single words (`a & b`, `a | b`, `a & !b`) holds in a document
over its whole text exactly when `words @@ query`, so the documents matching it are read from
one index, and one document is tested without reading its paragraphs (search/boolean.py). A
phrase needs its words' positions within one paragraph, so a phrase is still read from the
paragraphs.

Like the paragraphs' copies of their document's columns, `words` is a column the database
keeps, not a field: the function `resolutions_document_words(id)` computes it, and the triggers
below write it anew whenever a document's title or its paragraphs' text changes, whatever wrote
them (the ingest's COPY, a librarian's edit, a history revert, raw SQL).
"""

from __future__ import annotations

from pgtrigger import (
    After,
    Delete,
    Insert,
    Operation,
    Referencing,
    Statement,
    Trigger,
    Update,
    UpdateOf,
)

FUNCTION = "resolutions_document_words"


def _rewrite(documents: str) -> str:
    """Write anew the words of the documents `documents` selects (gathered first: `= ANY` is
    planned for a few documents, read by index)."""
    return f"""
        touched := ARRAY(SELECT DISTINCT d.id FROM ({documents}) AS d(id));
        UPDATE resolutions_document SET words = {FUNCTION}(id) WHERE id = ANY(touched);
        RETURN NULL;"""


def _paragraph_trigger(name: str, operation: Operation, documents: str, **tables: str) -> Trigger:
    return Trigger(
        name=name,
        when=After,
        operation=operation,
        level=Statement,
        referencing=Referencing(**tables),
        func=_rewrite(documents),
        declare=[("touched", "bigint[]")],
    )


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

# A new document's title, and a changed title, reach its words (the UPDATE names no title, so
# it does not fire this trigger again).
DOCUMENT_TRIGGER = Trigger(
    name="document_words_title",
    when=After,
    operation=Insert | UpdateOf("title"),
    func=f"""
        UPDATE resolutions_document SET words = {FUNCTION}(NEW.id) WHERE id = NEW.id;
        RETURN NULL;""",
)
