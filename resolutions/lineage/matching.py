"""Keep the lineage current: match a document's paragraphs to the archive's (LSH, then verify).

`match_document` gives a document's paragraphs their families on ingest and on edit (the rebuild,
lineage/bulk.py, applies the same rule to the whole archive at once). Keys are kept per wording
(a distinct text, lineage/wordings.py): each of the document's wordings has its band keys looked
up in BandKey's B-tree (at most CANDIDATES_PER_KEY wordings per key, so a formula shared by
thousands of paragraphs stays a bounded lookup and fills one slot, not twenty), the
VERIFIED_PER_PARAGRAPH candidate wordings sharing most keys are ranked by word similarity and
verified (lineage/verification.py, and lineage/series.py with the two documents' titles) in
that order until the decision is known, and the paragraph joins the family of the most similar
verified wording's oldest holder (ties: the oldest), else founds a family. Its previous version
is the latest holder, from an earlier document, of the most similar verified wording that has
one (ties: the latest). Only wordings new to the archive have their keys written.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, transaction
from rapidfuzz.distance import Indel

from resolutions.bulk_rows import copy_rows
from resolutions.models import Document, Paragraph

from .addressees import addressees_of
from .mandates import mandate_of
from .models import Family, Mandate, ParagraphLineage
from .series import other_series
from .text import text_keys, wording_digest
from .verification import Wording, verified_similarity, word_similarity, wording_of
from .wordings import ORDER_DATE_SQL, UNDATED

logger = logging.getLogger(__name__)

CANDIDATES_PER_KEY = 20
VERIFIED_PER_PARAGRAPH = 25
# Wordings read for verification kept in a process (a few kilobytes each).
WORDINGS_KEPT = 8192
# The columns of a lineage row, in the order `write_lineage_rows` is given them.
LINEAGE_COLUMNS = (
    "paragraph_id",
    "family_id",
    "previous_id",
    "similarity",
    "fingerprints",
    "word_count",
    "addressees",
    "wording_id",
)


@dataclass(frozen=True)
class Candidate:
    """An archived wording that shares band keys with the one being matched, with its oldest
    holder (the paragraph a family is joined through) and that holder's document's title."""

    wording_id: int
    wording: Wording
    paragraph_id: int
    family_id: int
    order: tuple[datetime.date, int]
    title: str


@dataclass(frozen=True)
class Holder:
    """A paragraph holding a candidate wording, where its document stands in time."""

    paragraph_id: int
    order: tuple[datetime.date, int]


def document_order(date: datetime.date | None, year: int | None, pk: int) -> tuple:
    """Where a document stands in time: its date, else 1 January of its year, else last."""
    if date:
        return (date, pk)
    if year:
        return (datetime.date(year, 1, 1), pk)
    return (UNDATED, pk)


def array_literal(values: Iterable[int | None]) -> str:
    """Integers as one PostgreSQL array literal ("{1,NULL,3}"), to bind with a cast: the
    client-side binding quotes a list element by element in Python, ten times slower for a
    document's thousands of band keys."""
    return "{" + ",".join("NULL" if value is None else str(value) for value in values) + "}"


def delete_lineage_rows(document_id: int) -> dict[int, int]:
    """Delete the document's lineage rows; returns the wordings they held (digest: id). Those no
    other paragraph holds go with their keys (wordings.ORPHANS_TRIGGER)."""
    # The RETURNING subquery runs before the statement's AFTER trigger deletes the orphans.
    sql = """
        DELETE FROM lineage_paragraphlineage l USING resolutions_paragraph p
        WHERE p.id = l.paragraph_id AND p.document_id = %s
        RETURNING (SELECT w.digest FROM lineage_keyedwording w WHERE w.id = l.wording_id),
                  l.wording_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [document_id])
        return {digest: wid for digest, wid in cursor.fetchall() if wid is not None}


@dataclass(frozen=True)
class KeyedWordings:
    """The document's wordings: each digest's id, and the archived wordings sharing each one's
    band keys (by id), with how many."""

    ids: dict[int, int]
    counts: dict[int, Counter]


def key_wordings(keys_by_digest: dict[int, list[int]], former: dict[int, int]) -> KeyedWordings:
    """Give each wording (digest: its band keys) its id, store the keys of those new to the
    archive, and look up every wording's keys, in one statement.

    A wording the document held before, deleted with its last holder, comes back under its
    former id, so that matching a document again keeps its wordings' places among a key's
    holders. The lookups read the archive as it was before the statement: not the wordings and
    keys it inserts."""
    digests, keys = [], []
    for digest, band_keys in keys_by_digest.items():
        digests.extend([digest] * len(band_keys))
        keys.extend(band_keys)
    # Uses index: lineage_bandkey_pkey (key, wording_id); LIMIT stops the scan of a common key.
    # A new wording's keys are stored once each (DISTINCT), and looked up as often as it has them.
    sql = """
        WITH wanted(digest, former) AS (SELECT * FROM unnest(%s::bigint[], %s::integer[])),
        inserted AS (
            INSERT INTO lineage_keyedwording (id, digest)
            SELECT COALESCE(former, nextval(pg_get_serial_sequence('lineage_keyedwording', 'id'))),
                   digest
            FROM wanted
            ON CONFLICT (digest) DO NOTHING RETURNING id, digest),
        ids AS (
            SELECT id, digest FROM inserted
            UNION ALL
            SELECT w.id, w.digest FROM lineage_keyedwording w JOIN wanted USING (digest)),
        keys(digest, key) AS (SELECT * FROM unnest(%s::bigint[], %s::bigint[])),
        stored AS (
            INSERT INTO lineage_bandkey (key, wording_id)
            SELECT DISTINCT k.key, i.id FROM keys k JOIN inserted i USING (digest)),
        found AS (
            SELECT k.digest, c.wording_id, count(*) AS shared
            FROM keys k
            CROSS JOIN LATERAL (
                SELECT b.wording_id FROM lineage_bandkey b WHERE b.key = k.key LIMIT %s
            ) c
            GROUP BY k.digest, c.wording_id)
        SELECT ids.digest, ids.id, found.wording_id, found.shared
        FROM ids LEFT JOIN found USING (digest)
    """
    wanted = list(keys_by_digest)
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                array_literal(wanted),
                array_literal(map(former.get, wanted)),
                array_literal(digests),
                array_literal(keys),
                CANDIDATES_PER_KEY,
            ],
        )
        rows = cursor.fetchall()
    ids: dict[int, int] = {}
    counts: dict[int, Counter] = defaultdict(Counter)
    for digest, wid, candidate, shared in rows:
        ids[digest] = wid
        if candidate is not None:
            counts[wid][candidate] = shared
    return KeyedWordings(ids, counts)


def write_lineage_rows(rows: list[tuple]) -> None:
    """Store lineage rows (paragraph, family, previous, similarity, fingerprints, word count,
    addressees, wording) with one COPY."""
    copy_rows(ParagraphLineage, LINEAGE_COLUMNS, rows)


@lru_cache(maxsize=WORDINGS_KEPT)
def wording_read(text: str) -> Wording:
    """A text read for verification (`wording_of`), kept for the next matches: the formulas most
    documents repeat come up as candidates match after match, and a wording depends on its text
    alone (the parts its rules read lazily too)."""
    return wording_of(text)


def load_candidates(ids: set[int]) -> dict[int, Candidate]:
    """The candidate wordings, each with its oldest holder's family, place in time, text and
    document title, in one query (one index entry per wording, however many paragraphs hold it)."""
    # Uses index: lineage_wording_order (wording, document order, document, paragraph).
    sql = f"""
        SELECT q.wid, o.paragraph_id, o.family_id, o.day, o.document_pk, p.text, d.title
        FROM unnest(%s::integer[]) AS q(wid)
        CROSS JOIN LATERAL (
            SELECT l.paragraph_id, l.family_id, {ORDER_DATE_SQL} AS day, l.document_pk
            FROM lineage_paragraphlineage l WHERE l.wording_id = q.wid
            ORDER BY {ORDER_DATE_SQL}, l.document_pk, l.paragraph_id LIMIT 1
        ) o
        JOIN resolutions_paragraph p ON p.id = o.paragraph_id
        JOIN resolutions_document d ON d.id = o.document_pk
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [array_literal(ids)])
        rows = cursor.fetchall()
    return {
        wid: Candidate(wid, wording_read(text), pid, family, (day, doc), title)
        for wid, pid, family, day, doc, text, title in rows
    }


def latest_holders(ids: set[int], order: tuple) -> dict[int, Holder]:
    """Of each wording, the latest paragraph from a document before `order` (ties: the lowest
    paragraph id), in one query."""
    if not ids:
        return {}
    # Uses index: lineage_wording_order, read backwards from the document's place.
    sql = f"""
        SELECT q.wid, e.paragraph_id, e.day, e.document_pk
        FROM unnest(%s::integer[]) AS q(wid)
        CROSS JOIN LATERAL (
            SELECT l.paragraph_id, {ORDER_DATE_SQL} AS day, l.document_pk
            FROM lineage_paragraphlineage l
            WHERE l.wording_id = q.wid AND ({ORDER_DATE_SQL}, l.document_pk) < (%s, %s)
            ORDER BY {ORDER_DATE_SQL} DESC, l.document_pk DESC, l.paragraph_id LIMIT 1
        ) e
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [array_literal(ids), *order])
        return {wid: Holder(pid, (day, doc)) for wid, pid, day, doc in cursor.fetchall()}


def latest_of(wids: list[int], holders: dict[int, Holder]) -> Holder | None:
    """The latest of the wordings' earlier holders (ties: the lowest paragraph id)."""
    found = [holders[wid] for wid in wids if wid in holders]
    if not found:
        return None
    latest = max(holder.order for holder in found)
    return min((h for h in found if h.order == latest), key=lambda h: h.paragraph_id)


def decide(
    mine: Wording, wanted: list[int], candidates: dict[int, Candidate], order: tuple, title: str
) -> tuple[Candidate | None, list[int], float]:
    """A wording's decision in a document (its place in time `order`, its `title`): the best
    verified candidate (highest score; ties: the oldest holder), which gives its family, and the
    verified wordings held before `order` whose score is highest, whose latest holder is its
    previous version, with their score.

    The score (the word similarity) does not depend on the rules that verify a pair, so the
    candidates are ranked by it and verified in that order only until both are known: the
    decision verifying them all would give, for a fraction of the rules' work (most paragraphs
    repeat a wording held before, which ranks first at 1.0)."""
    ranked = []
    for wid in wanted:
        candidate = candidates.get(wid)
        if candidate is None:
            continue
        distance = Indel.distance(mine.words, candidate.wording.words)
        score = word_similarity(mine, candidate.wording, distance)
        # A score of 0 is neither the best nor an earlier version (nothing is above it).
        if score:
            ranked.append((-score, candidate.order, candidate.paragraph_id, distance, candidate))
    ranked.sort(key=lambda entry: entry[:3])
    best, earlier, top = None, [], 0.0
    for negative, held, _, distance, candidate in ranked:
        score = -negative
        if best is not None and earlier and score < top:
            break
        wants_earlier = held < order and (not earlier or score == top)
        if best is not None and not wants_earlier:
            continue
        if verified_similarity(mine, candidate.wording, distance) is None or other_series(
            mine, candidate.wording, lambda c=candidate: (title, c.title)
        ):
            continue
        if best is None:
            best = candidate
        if wants_earlier:
            earlier.append(candidate.wording_id)
            top = score
    return best, earlier, top


@transaction.atomic
def match_document(document_id: int) -> int:
    """(Re)compute the lineage of one document's paragraphs; returns how many were matched."""
    # The paragraphs with their document, in one query; a document without any has no lineage.
    paragraphs = list(
        Paragraph.objects.filter(document_id=document_id)
        .select_related("document__body")
        .only(
            "pk",
            "text",
            "kind",
            "document__date",
            "document__year",
            "document__title",
            "document__body__code",
        )
    )
    if not paragraphs:
        return 0
    document = paragraphs[0].document
    former = delete_lineage_rows(document_id)
    order = document_order(document.date, document.year, document.pk)
    digest_of = {p.pk: wording_digest(p.text) for p in paragraphs}
    texts: dict[int, str] = {}
    for paragraph in paragraphs:
        texts.setdefault(digest_of[paragraph.pk], paragraph.text)
    keyed = {digest: text_keys(text) for digest, text in texts.items()}
    keyed_wordings = key_wordings({digest: keys[1] for digest, keys in keyed.items()}, former)
    wid_of = keyed_wordings.ids
    # Ties: the oldest wording first (the lowest id), as the rebuild takes them.
    wanted = {
        wid: sorted(counter, key=lambda c: (-counter[c], c))[:VERIFIED_PER_PARAGRAPH]
        for wid, counter in keyed_wordings.counts.items()
    }
    candidates = load_candidates({c for found in wanted.values() for c in found})
    decisions = {
        digest: decide(
            wording_read(text), wanted.get(wid_of[digest], []), candidates, order, document.title
        )
        for digest, text in texts.items()
    }
    holders = latest_holders(
        {wid for _, earlier, _ in decisions.values() for wid in earlier}, order
    )
    founders = iter(
        Family.objects.bulk_create([Family() for best, _, _ in decisions.values() if best is None])
    )
    family_of = {
        digest: best.family_id if best else next(founders).pk
        for digest, (best, _, _) in decisions.items()
    }
    rows, matched = [], 0
    for paragraph in paragraphs:
        digest = digest_of[paragraph.pk]
        tokens, _, fingerprints = keyed[digest]
        _, earlier, earlier_score = decisions[digest]
        previous = latest_of(earlier, holders)
        matched += decisions[digest][0] is not None
        operative = paragraph.kind == Paragraph.Kind.OPERATIVE
        rows.append(
            (
                paragraph.pk,
                family_of[digest],
                previous.paragraph_id if previous else None,
                round(earlier_score, 4) if previous else None,
                fingerprints,
                len(tokens),
                sorted(addressees_of(paragraph.text)) if operative else [],
                wid_of[digest],
            )
        )
    write_lineage_rows(rows)
    write_mandates(document, paragraphs)
    return matched


def write_mandates(document: Document, paragraphs: list[Paragraph]) -> None:
    """Replace the document's mandates with those its operative paragraphs hold now."""
    Mandate.objects.filter(document=document).delete()
    body = document.body.code
    found = (
        mandate_row(p.text, body=body, paragraph_id=p.pk, document_id=document.pk)
        for p in paragraphs
        if p.kind == Paragraph.Kind.OPERATIVE
    )
    Mandate.objects.bulk_create(row for row in found if row is not None)


def mandate_row(text: str, *, body: str, paragraph_id: int, document_id: int) -> Mandate | None:
    """The Mandate an operative paragraph's text asks for, unsaved; None if it asks for none."""
    found = mandate_of(text, body=body)
    if found is None:
        return None
    return Mandate(
        paragraph_id=paragraph_id,
        document_id=document_id,
        who=found.who,
        what=found.what,
        session=found.session,
        year=found.year,
    )


def on_document_written(sender: object, *, document_id: int, **kwargs: object) -> None:
    """Signal receiver: a failure is logged, never passed on to the ingest that wrote the text."""
    try:
        match_document(document_id)
    except Exception:
        logger.exception("lineage: matching document %s failed; run rebuild_lineage", document_id)
