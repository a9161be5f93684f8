"""Statement-level triggers that write anew what each document a statement touched holds.

The documents are gathered first into `touched` (distinct ids): `document_id = ANY(touched)` is
planned for a few documents, their rows read by index. Written as `IN (documents)` over a
transition table, it was planned for as many documents as rows: a large document's statement
read a whole table (a hash join), and PL/pgSQL kept that plan for the session's later
statements, however small. Used by the documents' words (document_words.py) and the lineage's
facet groups (lineage/facet_groups.py).
"""

from __future__ import annotations

from pgtrigger import After, Operation, Referencing, Statement, Trigger


def gather(documents: str) -> str:
    """The PL/pgSQL that sets `touched` to the distinct documents `documents` selects."""
    return f"touched := ARRAY(SELECT DISTINCT d.id FROM ({documents}) AS d(id));"


def trigger(name: str, operation: Operation, func: str, **tables: str) -> Trigger:
    """An AFTER trigger for each statement, over its transition tables `tables`, whose `func`
    starts with `gather(...)` and then writes the touched documents' rows anew."""
    return Trigger(
        name=name,
        when=After,
        operation=operation,
        level=Statement,
        referencing=Referencing(**tables),
        func=func,
        declare=[("touched", "bigint[]")],
    )
