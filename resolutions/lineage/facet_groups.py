"""Facet groups: a document's paragraphs of one kind and opening verb as one row, kept by the
database.

Counting the verb, kind and addressee facets over whole documents needs only which kinds, verbs
and addressees each document's paragraphs have, not every paragraph: a document has about 2.5
paragraphs for each (kind, verb) it uses. `FacetGroup` holds one row per document, kind and verb,
with the addressees of those paragraphs (from their lineage rows) and the copies of the
document's status, body, year and type that the paragraphs carry; the facet statement reads it
instead of the paragraphs (search/counts.py). A paragraph facet's condition on a group is exact:
a group holds a verb or an addressee exactly when one of its paragraphs does.

Statement-level triggers over each statement's transition tables write a document's groups
anew whenever its paragraphs or their lineage rows are added, deleted or changed in a column a
group holds, whatever wrote them (ingest, a librarian's edit, a publish, matching, the bulk
rebuild); a document's status, body, year or
type reach its paragraphs first (resolutions/models.py), then its groups. They are declared with
django-pgtrigger on `FacetGroup`'s neighbours: `WatchedParagraph` and `ParagraphLineage`
(lineage/models.py); migration 0007 installs them and fills the table.
"""

from __future__ import annotations

from pgtrigger import Delete, Insert, Operation, Trigger, Update

from .. import touched_documents

TABLE = "lineage_facetgroup"


def groups_of(condition: str) -> str:
    """SELECT the groups of the paragraphs `p` that meet `condition`, in FacetGroup's columns."""
    return f"""
        SELECT p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type,
               coalesce(array_agg(DISTINCT a.v) FILTER (WHERE a.v IS NOT NULL), '{{}}')
        FROM resolutions_paragraph p
        LEFT JOIN lineage_paragraphlineage l ON l.paragraph_id = p.id
        LEFT JOIN LATERAL unnest(l.addressees) AS a(v) ON TRUE
        WHERE {condition}
        GROUP BY p.document_id, p.kind, p.verb, p.published, p.body_id, p.year, p.doc_type"""


COLUMNS = "document_id, kind, verb, published, body_id, year, doc_type, addressees"
# Every document's groups: the migration's fill, and a fresh count for tests to compare with.
FRESH = groups_of("TRUE")


def rewrite(documents: str) -> str:
    """Replace the groups of the documents `documents` selects with their current ones
    (`touched_documents.py` says why they are gathered first)."""
    return f"""
        {touched_documents.gather(documents)}
        DELETE FROM {TABLE} WHERE document_id = ANY(touched);
        INSERT INTO {TABLE} ({COLUMNS}) {groups_of("p.document_id = ANY(touched)")};"""


def _trigger(name: str, operation: Operation, documents: str, **tables: str) -> Trigger:
    return touched_documents.trigger(
        name, operation, f"{rewrite(documents)}\nRETURN NULL;", **tables
    )


# The documents of paragraphs, and of lineage rows (through their paragraphs), in a transition
# table; `{rows}` is a table or a subquery with the watched columns.
_PARAGRAPHS_OF = "SELECT document_id FROM {rows} r"
_LINEAGE_OF = (
    "SELECT p.document_id FROM {rows} r JOIN resolutions_paragraph p ON p.id = r.paragraph_id"
)
# The columns whose change alters a group: an update that leaves them as they were (a text edit,
# a lineage row's family or placement) rewrites nothing.
_PARAGRAPH_WATCHED = "id, document_id, kind, verb, published, body_id, year, doc_type"
_LINEAGE_WATCHED = "paragraph_id, addressees"


def _changed(documents_of: str, watched: str) -> str:
    """The documents of the rows an update changed in `watched`, before or after it."""
    rows = "(SELECT {watched} FROM {a} EXCEPT SELECT {watched} FROM {b})"
    before = rows.format(watched=watched, a="old_rows", b="new_rows")
    after = rows.format(watched=watched, a="new_rows", b="old_rows")
    return f"{documents_of.format(rows=before)} UNION {documents_of.format(rows=after)}"


def _triggers(prefix: str, documents_of: str, watched: str) -> tuple[Trigger, ...]:
    old, new = documents_of.format(rows="old_rows"), documents_of.format(rows="new_rows")
    changed = _changed(documents_of, watched)
    return (
        _trigger(f"{prefix}_insert", Insert, new, new="new_rows"),
        _trigger(f"{prefix}_delete", Delete, old, old="old_rows"),
        _trigger(f"{prefix}_update", Update, changed, old="old_rows", new="new_rows"),
    )


PARAGRAPH_TRIGGERS = _triggers("facet_groups_paragraph", _PARAGRAPHS_OF, _PARAGRAPH_WATCHED)
LINEAGE_TRIGGERS = _triggers("facet_groups_lineage", _LINEAGE_OF, _LINEAGE_WATCHED)
