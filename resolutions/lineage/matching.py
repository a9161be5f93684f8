"""Keep the lineage current: match a document's paragraphs to the archive's (LSH, then verify).

`match_document` gives a document's paragraphs their families on ingest and on edit (the rebuild,
lineage/bulk.py, applies the same rule to the whole archive at once). Each paragraph's band keys
are looked up in BandKey's B-tree (at most CANDIDATES_PER_KEY paragraphs per key, so a formula
shared by thousands of paragraphs stays a bounded lookup), the candidates sharing most keys are
verified (lineage/verification.py), and the paragraph joins the family of the most similar
verified one, else founds a family. Its previous version is the most similar verified candidate
from an earlier document.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from psycopg import sql

from resolutions.bulk_rows import copy_rows
from resolutions.models import Document, Paragraph

from .addressees import addressees_of
from .mandates import mandate_of
from .models import BandKey, Family, Mandate, ParagraphLineage
from .text import text_keys
from .verification import Wording, family_similarity, wording_of

logger = logging.getLogger(__name__)

CANDIDATES_PER_KEY = 20
VERIFIED_PER_PARAGRAPH = 25
UNDATED = datetime.date(9999, 12, 31)
# The columns of a lineage row, in the order `write_lineage_rows` is given them.
LINEAGE_COLUMNS = (
    "paragraph_id",
    "family_id",
    "previous_id",
    "similarity",
    "fingerprints",
    "word_count",
    "addressees",
)


@dataclass(frozen=True)
class Candidate:
    """An archived paragraph that shares band keys with the one being matched."""

    paragraph_id: int
    family_id: int
    order: tuple[datetime.date, int]
    wording: Wording


def document_order(date: datetime.date | None, year: int | None, pk: int) -> tuple:
    """Where a document stands in time: its date, else 1 January of its year, else last."""
    if date:
        return (date, pk)
    if year:
        return (datetime.date(year, 1, 1), pk)
    return (UNDATED, pk)


def array_literal(values: Iterable[int]) -> str:
    """Integers as one PostgreSQL array literal ("{1,2,3}"), to bind with a cast: the client-side
    binding quotes a list element by element in Python, ten times slower for a document's
    thousands of band keys."""
    return "{" + ",".join(map(str, values)) + "}"


def candidate_counts(keys_by_paragraph: dict[int, list[int]]) -> dict[int, Counter]:
    """For each paragraph, the archived paragraphs sharing its band keys, with how many."""
    pids, keys = [], []
    for pid, band_keys in keys_by_paragraph.items():
        pids.extend([pid] * len(band_keys))
        keys.extend(band_keys)
    if not keys:
        return {}
    # Uses index: lineage_bandkey_pkey (key, paragraph_id); LIMIT stops the scan of a common key.
    sql = """
        SELECT q.pid, c.paragraph_id, count(*)
        FROM unnest(%s::integer[], %s::bigint[]) AS q(pid, key)
        CROSS JOIN LATERAL (
            SELECT b.paragraph_id FROM lineage_bandkey b WHERE b.key = q.key LIMIT %s
        ) c
        GROUP BY q.pid, c.paragraph_id
    """
    counts: dict[int, Counter] = defaultdict(Counter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [array_literal(pids), array_literal(keys), CANDIDATES_PER_KEY])
        for pid, candidate, shared in cursor.fetchall():
            counts[pid][candidate] = shared
    return counts


def insert_band_keys(keys_by_paragraph: dict[int, list[int]]) -> None:
    """Store the paragraphs' band keys: one INSERT of two unnested arrays (thousands of rows)."""
    pairs = {(key, pid) for pid, keys in keys_by_paragraph.items() for key in keys}
    if not pairs:
        return
    keys, pids = zip(*pairs, strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "INSERT INTO {} (key, paragraph_id) "
                "SELECT * FROM unnest(%s::bigint[], %s::integer[])"
            ).format(sql.Identifier(BandKey._meta.db_table)),
            [array_literal(keys), array_literal(pids)],
        )


def write_lineage_rows(rows: list[tuple]) -> None:
    """Store lineage rows (paragraph, family, previous, similarity, fingerprints, word count,
    addressees) with one COPY."""
    copy_rows(ParagraphLineage, LINEAGE_COLUMNS, rows)


def load_candidates(ids: set[int]) -> dict[int, Candidate]:
    """The candidates' families, documents' places in time and wordings, in one query; each
    distinct text is read into a wording once (most candidates repeat a text held elsewhere)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.paragraph_id, l.family_id, p.text, d.date, d.year, d.id "
            "FROM lineage_paragraphlineage l "
            "JOIN resolutions_paragraph p ON p.id = l.paragraph_id "
            "JOIN resolutions_document d ON d.id = p.document_id "
            "WHERE l.paragraph_id = ANY(%s::integer[])",
            [array_literal(ids)],
        )
        rows = cursor.fetchall()
    wordings: dict[str, Wording] = {}
    return {
        pid: Candidate(
            pid,
            family,
            document_order(date, year, doc),
            wordings.get(text) or wordings.setdefault(text, wording_of(text)),
        )
        for pid, family, text, date, year, doc in rows
    }


def best_matches(
    wording: Wording, order: tuple, candidates: list[Candidate]
) -> tuple[Candidate | None, float, Candidate | None, float]:
    """The most similar verified candidate (ties: the oldest), and the most similar one from an
    earlier document (ties: the latest). Candidates sharing a wording are verified once."""
    best, best_score, earlier, earlier_score = None, 0.0, None, 0.0
    verified: dict[int, float | None] = {}
    for candidate in candidates:
        key = id(candidate.wording)
        if key not in verified:
            verified[key] = family_similarity(wording, candidate.wording)
        score = verified[key]
        if score is None:
            continue
        if score > best_score or (score == best_score and best and candidate.order < best.order):
            best, best_score = candidate, score
        if candidate.order < order and (
            score > earlier_score
            or (score == earlier_score and earlier and candidate.order > earlier.order)
        ):
            # Of equally similar earlier versions, the latest is the one changed from.
            earlier, earlier_score = candidate, score
    return best, best_score, earlier, earlier_score


@transaction.atomic
def match_document(document_id: int) -> int:
    """(Re)compute the lineage of one document's paragraphs; returns how many were matched."""
    document = (
        Document.objects.filter(pk=document_id)
        .select_related("body")
        .only("pk", "date", "year", "body__code")
        .first()
    )
    if document is None:
        return 0
    paragraphs = list(Paragraph.objects.filter(document_id=document_id).only("pk", "text", "kind"))
    ParagraphLineage.objects.filter(paragraph__document_id=document_id).delete()
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DELETE FROM {} WHERE paragraph_id = ANY(%s::integer[])").format(
                sql.Identifier(BandKey._meta.db_table)
            ),
            [array_literal(p.pk for p in paragraphs)],
        )
    if not paragraphs:
        return 0
    order = document_order(document.date, document.year, document.pk)
    keyed = {p.pk: text_keys(p.text) for p in paragraphs}
    counts = candidate_counts({pid: keys[1] for pid, keys in keyed.items()})
    wanted = {
        pid: [c for c, _ in counter.most_common(VERIFIED_PER_PARAGRAPH)]
        for pid, counter in counts.items()
    }
    candidates = load_candidates({c for ids in wanted.values() for c in ids})
    decisions = []
    for paragraph in paragraphs:
        found = [candidates[c] for c in wanted.get(paragraph.pk, []) if c in candidates]
        decisions.append((paragraph, *best_matches(wording_of(paragraph.text), order, found)))
    founders = iter(Family.objects.bulk_create([Family() for d in decisions if d[1] is None]))
    rows = []
    for paragraph, best, _, earlier, earlier_score in decisions:
        tokens, _, fingerprints = keyed[paragraph.pk]
        operative = paragraph.kind == Paragraph.Kind.OPERATIVE
        rows.append(
            (
                paragraph.pk,
                best.family_id if best else next(founders).pk,
                earlier.paragraph_id if earlier else None,
                round(earlier_score, 4) if earlier else None,
                fingerprints,
                len(tokens),
                sorted(addressees_of(paragraph.text)) if operative else [],
            )
        )
    write_lineage_rows(rows)
    write_mandates(document, paragraphs)
    insert_band_keys({pid: keys[1] for pid, keys in keyed.items()})
    return sum(1 for d in decisions if d[1] is not None)


def write_mandates(document: Document, paragraphs: list[Paragraph]) -> None:
    """Replace the document's mandates with those its operative paragraphs hold now."""
    Mandate.objects.filter(document=document).delete()
    rows = []
    for paragraph in paragraphs:
        if paragraph.kind != Paragraph.Kind.OPERATIVE:
            continue
        found = mandate_of(paragraph.text, body=document.body.code)
        if found:
            rows.append(
                Mandate(
                    paragraph=paragraph,
                    document=document,
                    who=found.who,
                    what=found.what,
                    session=found.session,
                    year=found.year,
                )
            )
    Mandate.objects.bulk_create(rows)


def on_document_written(sender: object, *, document_id: int, **kwargs: object) -> None:
    """Signal receiver: a failure is logged, never passed on to the ingest that wrote the text."""
    try:
        match_document(document_id)
    except Exception:
        logger.exception("lineage: matching document %s failed; run rebuild_lineage", document_id)
