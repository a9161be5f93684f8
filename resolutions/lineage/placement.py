"""Each version's place on its family's timeline, copied onto its lineage row by the database.

The family page lists a family's published versions oldest first (the document's date, else its
year, undated last; then the document and the paragraph's position) a hundred at a time. With
those values on the lineage row, one index (`lineage_family_timeline`: family, date, year,
document, position, published rows only) gives any page without reading the rest of the family.

Triggers copy them, so they never disagree with the paragraph and document:

- a lineage row inserted (by matching's COPY or any INSERT) takes them from its paragraph and
  document (row-level, BEFORE INSERT);
- a document's status, date or year changed updates its paragraphs' lineage rows;
- a paragraph moved to another document or position (an admin edit) updates its lineage row.

The triggers are declared on the models with django-pgtrigger: the insert trigger on
`ParagraphLineage`, the others on `WatchedDocument` and `WatchedParagraph` (lineage/models.py);
migrations 0004 and 0005 install them. The bulk rebuild disables the insert trigger and writes
the values in its own INSERT ... SELECT (lineage/bulk.py).
"""

from __future__ import annotations

from pgtrigger import After, AnyChange, Before, Insert, Trigger, UpdateOf

COLUMNS = ("published", "document_date", "document_year", "document_pk", "position")
# The values, from a paragraph `p` and its document `d`, in COLUMNS' order.
SOURCES = ("d.status = 'published'", "d.date", "d.year", "d.id", "p.position")
VALUES = ", ".join(SOURCES)

# A lineage row inserted takes the values from its paragraph and document.
INSERT_TRIGGER = Trigger(
    name="lineage_placement_insert",
    when=Before,
    operation=Insert,
    func=f"""
    SELECT {VALUES}
    INTO NEW.published, NEW.document_date, NEW.document_year, NEW.document_pk, NEW.position
    FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
    WHERE p.id = NEW.paragraph_id;
    RETURN NEW;
    """,
)
# A document's status, date or year changed: its paragraphs' lineage rows follow.
DOCUMENT_TRIGGER = Trigger(
    name="lineage_placement_document",
    when=After,
    operation=UpdateOf("status", "date", "year"),
    condition=AnyChange("status", "date", "year"),
    func="""
    UPDATE lineage_paragraphlineage l
    SET published = NEW.status = 'published', document_date = NEW.date,
        document_year = NEW.year
    FROM resolutions_paragraph p
    WHERE p.id = l.paragraph_id AND p.document_id = NEW.id;
    RETURN NULL;
    """,
)
# A paragraph moved to another document or position (an admin edit): its lineage row follows.
PARAGRAPH_TRIGGER = Trigger(
    name="lineage_placement_paragraph",
    when=After,
    operation=UpdateOf("document_id", "position"),
    condition=AnyChange("document", "position"),
    func=f"""
    UPDATE lineage_paragraphlineage l
    SET ({", ".join(COLUMNS)}) = (
        SELECT {VALUES}
        FROM resolutions_paragraph p JOIN resolutions_document d ON d.id = p.document_id
        WHERE p.id = NEW.id)
    WHERE l.paragraph_id = NEW.id;
    RETURN NULL;
    """,
)
# Every lineage row's values read afresh from its paragraph and document, to check them against.
FRESH = f"""
    SELECT l.paragraph_id, {VALUES}
    FROM lineage_paragraphlineage l
    JOIN resolutions_paragraph p ON p.id = l.paragraph_id
    JOIN resolutions_document d ON d.id = p.document_id"""
