"""Wordings: the band keys are kept once per distinct text, and a wording's holders are found
in document order.

A paragraph's wording is its text with its spaces collapsed (`text.wording_digest` names it):
agreed language is reused word for word, so most paragraphs share theirs with others, and the
MinHash LSH band keys (`BandKey`) are stored and looked up per wording (`KeyedWording`).
Paragraphs whose words are the same but whose other characters differ ("resolution 78/61" and
"78/85" have the same tokens) are different wordings: verification reads the text, not the
tokens, and tells them apart.

Matching reads, of a candidate wording, only its oldest holder and its latest one before the
document being matched: the first entry of a range of `lineage_wording_order` (wording, then
document order: the document's date, else 1 January of its year, undated last; then the
document and the paragraph), however many paragraphs hold the wording.

A wording no lineage row holds any more is deleted with its keys by a trigger on the lineage rows
(`ORPHANS_TRIGGER`), in the statement that deletes them, whatever deleted them (matching a
document again, a document or paragraph deleted, a family deleted). A wording that another open
transaction is giving a holder is skipped (SKIP LOCKED: its new holder's foreign key check locks
it), not deleted under it.
"""

from __future__ import annotations

import datetime

from django.db.models import DateField, F, Func, Value
from django.db.models.functions import Coalesce
from pgtrigger import After, Delete, Referencing, Statement, Trigger

UNDATED = datetime.date(9999, 12, 31)


class MakeDate(Func):
    """PostgreSQL's make_date(year, month, day) (immutable, so an index may hold it)."""

    function = "make_date"
    output_field = DateField()


# Where a lineage row's document stands in time, as matching.document_order puts it.
ORDER_DATE = Coalesce(
    F("document_date"),
    MakeDate(F("document_year"), Value(1), Value(1)),
    Value(UNDATED),
    output_field=DateField(),
)
# The same, in the raw SQL of a lineage row `l`, written so that the planner matches it with
# lineage_wording_order's expression.
ORDER_DATE_SQL = (
    "COALESCE(l.document_date, make_date((l.document_year)::integer, 1, 1), '9999-12-31'::date)"
)

ORPHANS_TRIGGER = Trigger(
    name="lineage_wording_orphans",
    when=After,
    operation=Delete,
    level=Statement,
    referencing=Referencing(old="old_rows"),
    func="""
    WITH gone AS (
        DELETE FROM lineage_keyedwording WHERE id IN (
            SELECT w.id FROM lineage_keyedwording w
            WHERE w.id IN (SELECT wording_id FROM old_rows)
              AND NOT EXISTS (
                  SELECT 1 FROM lineage_paragraphlineage l WHERE l.wording_id = w.id)
            FOR UPDATE SKIP LOCKED)
        RETURNING id)
    DELETE FROM lineage_bandkey WHERE wording_id IN (SELECT id FROM gone);
    RETURN NULL;
    """,
)
