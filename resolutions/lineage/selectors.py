"""Reads for the lineage pages: only published documents are ever shown or counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import F

from resolutions.models import Body, Document, Paragraph

from .diffs import DiffRun, word_diff
from .models import FamilyTally, ParagraphLineage


@dataclass(frozen=True)
class LineageLine:
    """What the document page says beside a paragraph: where its wording first appeared."""

    family_id: int
    versions: int
    first: Document
    first_is_here: bool

    @property
    def first_adopted(self) -> bool:
        """Whether the first appearance was adopted text (not a draft or report)."""
        return self.first.doc_type in (Document.DocType.RESOLUTION, Document.DocType.DECISION)


def _document(pk: int, symbol: str | None, number: str, doc_type: str, year, code: str):
    """An unsaved Document carrying what its label and address need."""
    return Document(
        pk=pk, symbol=symbol, number=number, doc_type=doc_type, year=year, body=Body(code=code)
    )


# A family's timeline: oldest document first (its date, else its year, undated last), then the
# paragraph's position; the lineage row's copies of these (lineage/placement.py) are the index
# lineage_family_timeline.
TIMELINE = ("document_date", "document_year", "document_pk", "position")


# One query: each paragraph's family, its published size (the family's tallies) and its first
# published appearance (the head of its timeline): neither reads the family's other versions.
# Uses index: lineage_familytally_unique, lineage_family_timeline
LINES_SQL = """
WITH fam AS (
    SELECT paragraph_id, family_id FROM lineage_paragraphlineage WHERE paragraph_id = ANY(%s)
), families AS (
    SELECT DISTINCT family_id FROM fam
), counts AS (
    SELECT t.family_id, sum(t.versions) AS n FROM lineage_familytally t
    WHERE t.family_id IN (SELECT family_id FROM families) GROUP BY t.family_id
), firsts AS (
    SELECT f.family_id, head.document_pk AS id FROM families f CROSS JOIN LATERAL (
        SELECT l.document_pk FROM lineage_paragraphlineage l
        WHERE l.family_id = f.family_id AND l.published
        ORDER BY {timeline}
        LIMIT 1
    ) head
)
SELECT fam.paragraph_id, fam.family_id, counts.n,
       d.id, d.symbol, d.number, d.doc_type, d.year, b.code
FROM fam JOIN counts USING (family_id) JOIN firsts USING (family_id)
JOIN resolutions_document d ON d.id = firsts.id
JOIN resolutions_body b ON b.id = d.body_id
WHERE counts.n > 1
""".format(timeline=", ".join(f"l.{name} NULLS LAST" for name in TIMELINE))


def lineage_lines(document: Document, paragraph_ids: list[int]) -> dict[int, LineageLine]:
    """The lineage line of each paragraph whose wording appears in another published text."""
    if not paragraph_ids:
        return {}
    with connections[router.db_for_read(ParagraphLineage)].cursor() as cursor:
        cursor.execute(LINES_SQL, [paragraph_ids])
        rows = cursor.fetchall()
    firsts: dict[int, Document] = {}  # one object a first document, however many lines
    lines = {}
    for pid, family, n, doc, symbol, number, doc_type, year, code in rows:
        if doc not in firsts:
            firsts[doc] = _document(doc, symbol, number, doc_type, year, code)
        lines[pid] = LineageLine(
            family_id=family, versions=n, first=firsts[doc], first_is_here=doc == document.pk
        )
    return lines


@dataclass
class Version:
    """One paragraph of a family on its timeline, with its changes from the version before."""

    paragraph: Paragraph
    compared_with: Paragraph | None = None
    diff: list[DiffRun] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return self.compared_with is not None and all(r.op == "equal" for r in self.diff)


@dataclass(frozen=True)
class FamilyCounts:
    """A family's published versions: in all, per body (most first) and per dated year."""

    total: int
    bodies: list[tuple[str, int]]
    years: dict[int, int]


def family_counts(family_id: int) -> FamilyCounts:
    """The family's counts from its tallies (a few rows), not from its versions."""
    bodies: Counter[str] = Counter()
    years: Counter[int] = Counter()
    rows = FamilyTally.objects.filter(family_id=family_id).values_list(
        "body__code", "year", "versions"
    )
    for body, year, versions in rows:
        bodies[body] += versions
        if year:
            years[year] += versions
    return FamilyCounts(
        total=bodies.total(),
        bodies=sorted(bodies.items(), key=lambda row: (-row[1], row[0])),
        years=dict(years),
    )


def timeline_order(prefix: str = "") -> list:
    return [F(prefix + name).asc(nulls_last=True) for name in TIMELINE]


def family_versions(family_id: int, start: int, stop: int) -> list[Paragraph]:
    """Versions start to stop (0-based) of a family's published ones on its timeline, documents
    joined, in one query: their ids from the timeline index (so the versions before are not
    read), then those paragraphs."""
    ids = (
        ParagraphLineage.objects.filter(family_id=family_id, published=True)
        .order_by(*timeline_order())
        .values("paragraph_id")[start:stop]
    )
    return list(
        Paragraph.objects.filter(pk__in=ids)
        .select_related("document__body", "lineage")
        .defer("document__full_text")
        .order_by(*timeline_order("lineage__"))
    )


def timeline(members: list[Paragraph]) -> list[Version]:
    """Each version diffed against its previous version when shown, else the one shown before."""
    shown = {p.pk: p for p in members}
    versions = []
    for index, paragraph in enumerate(members):
        previous_id = paragraph.lineage.previous_id
        before = shown.get(previous_id) if previous_id else None
        if before is None and index:
            before = members[index - 1]
        diff = word_diff(before.text, paragraph.text) if before else []
        versions.append(Version(paragraph, before, diff))
    return versions


def family_of(paragraph_id: int) -> int | None:
    """The family a paragraph belongs to."""
    return (
        ParagraphLineage.objects.filter(paragraph_id=paragraph_id)
        .values_list("family_id", flat=True)
        .first()
    )
