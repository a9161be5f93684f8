"""Rebuild the whole lineage in bulk: the families matching gives document by document, in a few
passes over the archive instead of one lookup per document.

1. **Read** every paragraph once, oldest document first (a server-side cursor). Paragraphs with
   the same text (spaces aside) share one *wording*, numbered in order of first appearance: its
   band keys and fingerprints are computed once, in batches (`workers` processes), and written
   with COPY to temporary tables with the wording's document rank.
2. **Candidates** in SQL: for each wording, the earlier wordings (from earlier documents) among
   the first CANDIDATES_PER_KEY holders of each of its band keys, the VERIFIED_PER_PARAGRAPH
   sharing most keys kept, as matching's bounded lookup does.
3. **Families** in one pass, in order: each wording's candidates are verified
   (`family_similarity`, and `other_series` with the titles of the documents they first appear
   in, read only for the few recalls of a resolution it asks about) and it joins the family of
   the most similar (ties: the oldest), else founds one; its previous wording is the most
   similar verified one. So a text's copies are one family.
4. **Write**: families, wordings (`KeyedWording`, numbered as here), lineage rows and the
   wordings' band keys (one row per key of a distinct wording, lineage/wordings.py) by
   INSERT ... SELECT from the temporary tables,
   with the lineage's indexes and foreign keys dropped first, built and checked once at the end,
   and its triggers off: the rows take their placement on the timeline from their paragraphs and
   documents in the same statement (lineage/placement.py); then every family's tallies in one
   statement (lineage/tallies.py).
   A paragraph's previous version is the latest copy of its wording in an earlier document, else
   the latest paragraph (in an earlier document) of its previous wording.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from functools import partial
from itertools import islice

from django.db import connection, transaction
from psycopg import sql

from resolutions.models import Paragraph

from . import placement, tallies
from .addressees import addressees_of
from .matching import CANDIDATES_PER_KEY, VERIFIED_PER_PARAGRAPH, mandate_row
from .models import Mandate, ParagraphLineage
from .series import other_series
from .text import keys_of_texts, wording_digest
from .verification import Wording, family_similarity, wording_of

BATCH = 2000
WORDING_CACHE = 200_000
OPERATIVE = Paragraph.Kind.OPERATIVE
# Paragraphs oldest document first: its date, else 1 January of its year, undated last (as
# matching.document_order).
PARAGRAPHS_IN_ORDER = """
    SELECT p.id, p.document_id, p.text, p.kind, b.code
    FROM resolutions_paragraph p
    JOIN resolutions_document d ON d.id = p.document_id
    JOIN resolutions_body b ON b.id = d.body_id
    ORDER BY COALESCE(d.date, make_date(d.year, 1, 1), DATE '9999-12-31'), d.id, p.position
"""
STAGING = """
    CREATE TEMP TABLE bulk_wording (
        wording integer PRIMARY KEY, doc_rank integer NOT NULL, digest bigint NOT NULL,
        text text NOT NULL, fingerprints integer[] NOT NULL, word_count integer NOT NULL,
        document_id integer NOT NULL
    ) ON COMMIT DROP;
    CREATE TEMP TABLE bulk_key (key bigint NOT NULL, wording integer NOT NULL,
        doc_rank integer NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE bulk_paragraph (
        paragraph_id integer NOT NULL, wording integer NOT NULL, doc_rank integer NOT NULL,
        addressees varchar(30)[] NOT NULL
    ) ON COMMIT DROP;
    CREATE TEMP TABLE bulk_family (
        wording integer PRIMARY KEY, family integer NOT NULL, previous integer, score real
    ) ON COMMIT DROP;
"""
CANDIDATES = """
    CREATE TEMP TABLE bulk_first ON COMMIT DROP AS
    SELECT key, wording, doc_rank FROM (
        SELECT key, wording, doc_rank,
               row_number() OVER (PARTITION BY key ORDER BY doc_rank, wording) AS n
        FROM bulk_key) k
    WHERE n <= %(per_key)s;
    CREATE INDEX ON bulk_first (key);
    ANALYZE bulk_first;
    CREATE TEMP TABLE bulk_candidate ON COMMIT DROP AS
    SELECT wording, candidate FROM (
        SELECT k.wording, f.wording AS candidate,
               row_number() OVER (PARTITION BY k.wording ORDER BY count(*) DESC, f.wording) AS n
        FROM bulk_key k JOIN bulk_first f ON f.key = k.key AND f.doc_rank < k.doc_rank
        GROUP BY k.wording, f.wording) c
    WHERE n <= %(verified)s;
    CREATE INDEX ON bulk_candidate (wording);
"""
# Indexes dropped while the rows go in and built once after, as migrated (their definitions
# read from the catalog first).
INDEXES = (
    "lineage_fingerprints_gin",
    "lineage_addressees_gin",
    "lineage_family_timeline",
    "lineage_wording_order",
    "lineage_bandkey_wording",
)
INDEX_DEFINITIONS = "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)"
BANDKEY_PKEY = "lineage_bandkey_pkey"
# Foreign keys are checked row by row on insert; dropped and added back, they are checked once,
# in one join, when added.
FOREIGN_KEYS = """
    SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE k.contype = 'f' AND k.conrelid IN ('lineage_bandkey'::regclass,
                                             'lineage_paragraphlineage'::regclass)
"""
WRITE = """
    CREATE INDEX ON bulk_paragraph (wording, doc_rank);
    ANALYZE bulk_paragraph;
    INSERT INTO lineage_family (id, created_at)
    SELECT DISTINCT family, now() FROM bulk_family;
    SELECT setval(pg_get_serial_sequence('lineage_family', 'id'),
                  GREATEST((SELECT max(id) FROM lineage_family), 1));
    INSERT INTO lineage_keyedwording (id, digest) SELECT wording, digest FROM bulk_wording;
    SELECT setval(pg_get_serial_sequence('lineage_keyedwording', 'id'),
                  GREATEST((SELECT max(id) FROM lineage_keyedwording), 1));
    INSERT INTO lineage_paragraphlineage
        (paragraph_id, family_id, previous_id, similarity, fingerprints, word_count, addressees,
         wording_id, {placement_columns})
    SELECT p.paragraph_id, f.family,
           COALESCE(copy.paragraph_id, earlier.paragraph_id),
           CASE WHEN copy.paragraph_id IS NOT NULL THEN 1.0
                WHEN earlier.paragraph_id IS NOT NULL THEN round(f.score::numeric, 4) END,
           w.fingerprints, w.word_count, p.addressees, p.wording, {placement_values}
    FROM (SELECT b.*, {placement_source} FROM bulk_paragraph b
          JOIN resolutions_paragraph p ON p.id = b.paragraph_id
          JOIN resolutions_document d ON d.id = p.document_id) p
    JOIN bulk_family f ON f.wording = p.wording
    JOIN bulk_wording w ON w.wording = p.wording
    LEFT JOIN LATERAL (
        SELECT c.paragraph_id FROM bulk_paragraph c
        WHERE c.wording = p.wording AND c.doc_rank < p.doc_rank
        ORDER BY c.doc_rank DESC, c.paragraph_id LIMIT 1) copy ON TRUE
    LEFT JOIN LATERAL (
        SELECT e.paragraph_id FROM bulk_paragraph e
        WHERE e.wording = f.previous AND e.doc_rank < p.doc_rank
        ORDER BY e.doc_rank DESC, e.paragraph_id LIMIT 1) earlier ON f.previous IS NOT NULL;
""".format(
    placement_columns=", ".join(placement.COLUMNS),
    placement_source=", ".join(
        f"{value} AS placed_{name}"
        for name, value in zip(placement.COLUMNS, placement.SOURCES, strict=True)
    ),
    placement_values=", ".join(f"p.placed_{name}" for name in placement.COLUMNS),
)
# The lineage triggers the write does the work of (lineage/placement.py, lineage/tallies.py).
WRITE_TRIGGERS = (placement.INSERT_TRIGGER, *tallies.LINEAGE_TRIGGERS)
# The titles of the documents wordings first appear in (as matching reads its oldest holder's).
WORDING_TITLES = """
    SELECT w.wording, d.title
    FROM bulk_wording w JOIN resolutions_document d ON d.id = w.document_id
    WHERE w.wording = ANY(%s)
"""
# A wording's keys are distinct (bulk_key holds each once), so are the pairs.
BAND_KEYS = "INSERT INTO lineage_bandkey (key, wording_id) SELECT key, wording FROM bulk_key"


def batched(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while batch := list(islice(rows, size)):
        yield batch


class BulkRebuild:
    """The four passes, over temporary tables of one transaction."""

    def __init__(self, *, workers: int = 1, progress: Callable[[int], None] | None = None):
        self.workers = workers
        self.progress = progress
        self.digests: dict[int, int] = {}
        self.documents = 0
        # Seconds each pass took, for the benchmark.
        self.timings: dict[str, float] = {}
        self.started = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = now - self.started
        self.started = now

    def run(self) -> tuple[int, int]:
        """Rebuild; returns (documents, paragraphs with a previous version)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute(
                "TRUNCATE lineage_bandkey, lineage_paragraphlineage, lineage_keyedwording, "
                "lineage_mandate, lineage_familytally, lineage_family RESTART IDENTITY"
            )
            cursor.execute(STAGING)
            # Spawned workers import only lineage/text.py: nothing of the open connection.
            pool = (
                ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
                if self.workers > 1
                else None
            )
            try:
                self.read(cursor, pool)
            finally:
                if pool:
                    pool.shutdown()
            self.lap("read and key")
            cursor.execute(
                CANDIDATES, {"per_key": CANDIDATES_PER_KEY, "verified": VERIFIED_PER_PARAGRAPH}
            )
            self.lap("candidates (SQL)")
            self.families(cursor)
            self.lap("families")
            cursor.execute(FOREIGN_KEYS)
            foreign_keys = cursor.fetchall()
            for table, name, _ in foreign_keys:
                cursor.execute(
                    sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                        sql.Identifier(table), sql.Identifier(name)
                    )
                )
            cursor.execute(INDEX_DEFINITIONS, [list(INDEXES)])
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
            cursor.execute(
                sql.SQL("ALTER TABLE lineage_bandkey DROP CONSTRAINT {}").format(
                    sql.Identifier(BANDKEY_PKEY)
                )
            )
            # The rows carry their placement and the tallies are written once below, not by
            # triggers over every row: the triggers are off (ALTER TABLE ... DISABLE TRIGGER, in
            # this transaction) while the rows go in.
            with ExitStack() as disabled:
                for trigger in WRITE_TRIGGERS:
                    disabled.enter_context(trigger.disable(ParagraphLineage))
                cursor.execute(WRITE)
            self.lap("write lineage rows")
            cursor.execute(BAND_KEYS)
            self.lap("write band keys")
            cursor.execute(
                sql.SQL(
                    "ALTER TABLE lineage_bandkey ADD CONSTRAINT {} PRIMARY KEY (key, wording_id)"
                ).format(sql.Identifier(BANDKEY_PKEY))
            )
            for _, definition in indexes:
                # The definition is PostgreSQL's own text (pg_indexes).
                cursor.execute(definition)
            for table, name, definition in foreign_keys:
                # The definition is PostgreSQL's own text (pg_get_constraintdef).
                cursor.execute(
                    sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                        sql.Identifier(table), sql.Identifier(name), sql.SQL(definition)
                    )
                )
            self.lap("build indexes and check keys")
            cursor.execute(tallies.WRITE_ALL)
            self.lap("write family tallies")
            cursor.execute(
                "SELECT count(*) FROM lineage_paragraphlineage WHERE previous_id IS NOT NULL"
            )
            matched = cursor.fetchone()[0]
        return self.documents, matched

    def read(self, cursor, pool: ProcessPoolExecutor | None) -> None:
        """Pass 1: every paragraph in order; each new wording's keys computed and copied."""
        reader = connection.chunked_cursor()
        reader.execute(PARAGRAPHS_IN_ORDER)
        reader.cursor.itersize = BATCH
        with reader:
            self.read_batches(cursor, pool, reader)

    def read_batches(self, cursor, pool: ProcessPoolExecutor | None, reader) -> None:
        """Each batch of paragraphs: its wordings, addressees and mandates."""
        last_document = None
        mandates: list[Mandate] = []
        for batch in batched(iter(reader), BATCH):
            new_texts: list[tuple[int, int, int, str, int]] = []
            reads = []
            for pid, document_id, text, kind, body in batch:
                if document_id != last_document:
                    last_document = document_id
                    self.documents += 1
                    if self.progress:
                        self.progress(1)
                digest = wording_digest(text)
                wording = self.digests.get(digest)
                if wording is None:
                    wording = self.digests[digest] = len(self.digests) + 1
                    new_texts.append((wording, self.documents, digest, text, document_id))
                operative = kind == OPERATIVE
                reads.append(
                    (pid, wording, self.documents, sorted(addressees_of(text)) if operative else [])
                )
                if operative and (
                    mandate := mandate_row(
                        text, body=body, paragraph_id=pid, document_id=document_id
                    )
                ):
                    mandates.append(mandate)
            texts = [text for _, _, _, text, _ in new_texts]
            self.copy(cursor, new_texts, self.keys(pool, texts), reads)
        Mandate.objects.bulk_create(mandates, batch_size=5000)

    def keys(self, pool: ProcessPoolExecutor | None, texts: list[str]) -> list[tuple]:
        """The texts' keys, split between the worker processes (in order)."""
        if pool is None:
            return keys_of_texts(texts)
        size = -(-len(texts) // self.workers) or 1
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        return [keys for chunk in pool.map(keys_of_texts, chunks) for keys in chunk]

    def copy(self, cursor, new_texts: list, computed: list, reads: list) -> None:
        """The batch's new wordings, their band keys, and its paragraphs, by COPY."""
        with cursor.copy(
            "COPY bulk_wording (wording, doc_rank, digest, text, fingerprints, word_count, "
            "document_id) FROM STDIN"
        ) as copy:
            for (wording, doc_rank, digest, text, document_id), (_, fingerprints, words) in zip(
                new_texts, computed, strict=True
            ):
                copy.write_row((wording, doc_rank, digest, text, fingerprints, words, document_id))
        with cursor.copy("COPY bulk_key (key, wording, doc_rank) FROM STDIN") as copy:
            for (wording, doc_rank, *_), (keys, _, _) in zip(new_texts, computed, strict=True):
                for key in set(keys):
                    copy.write_row((key, wording, doc_rank))
        with cursor.copy(
            "COPY bulk_paragraph (paragraph_id, wording, doc_rank, addressees) FROM STDIN"
        ) as copy:
            for row in reads:
                copy.write_row(row)

    def families(self, cursor) -> None:
        """Pass 3: each wording, in order, joins its most similar verified candidate's family."""
        reader = connection.chunked_cursor()
        reader.execute(
            "SELECT w.wording, w.text, array_remove(array_agg(c.candidate), NULL) "
            "FROM bulk_wording w LEFT JOIN bulk_candidate c ON c.wording = w.wording "
            "GROUP BY w.wording, w.text ORDER BY w.wording"
        )
        reader.cursor.itersize = BATCH
        with reader:
            out = list(self.decide(cursor, reader))
        with cursor.copy("COPY bulk_family (wording, family, previous, score) FROM STDIN") as copy:
            for row in out:
                copy.write_row(row)

    def decide(self, cursor, reader) -> Iterator[tuple]:
        """(wording, family, previous wording, its similarity) for each wording, in order."""
        family_of: dict[int, int] = {}
        cache: OrderedDict[int, Wording] = OrderedDict()
        families = 0
        for wording, text, candidates in reader:
            mine = wording_of(text)
            best = previous = None
            best_score = previous_score = 0.0
            # In order of first appearance: ties go to the oldest family, the latest previous.
            for candidate in sorted(candidates):
                other = self.wording(cursor, cache, candidate)
                score = family_similarity(mine, other)
                if score is None or other_series(
                    mine,
                    other,
                    partial(self.titles, cursor, wording, candidate),
                ):
                    continue
                if best is None or score > best_score:
                    best, best_score = candidate, score
                if previous is None or score >= previous_score:
                    previous, previous_score = candidate, score
            if best is None:
                families += 1
                family = families
            else:
                family = family_of[best]
            family_of[wording] = family
            cache[wording] = mine
            if len(cache) > WORDING_CACHE:
                cache.popitem(last=False)
            yield wording, family, previous, previous_score if previous else None

    @staticmethod
    def titles(cursor, *numbers: int) -> tuple[str, ...]:
        """The titles of the documents the wordings first appear in."""
        cursor.execute(WORDING_TITLES, [list(numbers)])
        title_of = dict(cursor.fetchall())
        return tuple(title_of[number] for number in numbers)

    @staticmethod
    def wording(cursor, cache: OrderedDict[int, Wording], number: int) -> Wording:
        """A wording from the cache (least recently used ones leave it), else the table."""
        found = cache.get(number)
        if found is None:
            cursor.execute("SELECT text FROM bulk_wording WHERE wording = %s", [number])
            found = cache[number] = wording_of(cursor.fetchone()[0])
        cache.move_to_end(number)
        return found


def rebuild_lineage(
    *, workers: int = 1, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Drop every family and build the lineage again from scratch; returns (documents,
    paragraphs with a previous version)."""
    return BulkRebuild(workers=workers, progress=progress).run()
