"""The ranking measured against judgments: nDCG@10 of today's ranking, the archive's, and BM25.

The real texts of the shared corpus are parsed and ingested into a benchmark database (once;
`--reuse` keeps them), then each judged query of `judged/queries.tsv` is answered three ways:

- `before`: the ranking the archive had before cover density (`ts_rank` of the title plus the best
  paragraph's `ts_rank`), over every match;
- `archive`: the search page's own first ten documents (`search_documents`, sort=relevance);
- `bm25`: tantivy's BM25 over the same texts (title and paragraphs, English stemming), the
  anchor; tantivy is the `bench` extra, never a dependency of the archive.

Each top ten is scored against `judged/judgments.tsv` (grades 0-3; unjudged documents count 0).
"""

from __future__ import annotations

import csv
import math
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.test import override_settings
from psycopg import sql

from resolutions import ranking
from resolutions.ingest import IngestSource, ingest_document
from resolutions.lineage.apps import LINEAGE_RECEIVER
from resolutions.models import Document
from resolutions.parsing import parse
from resolutions.search import search_documents
from resolutions.search.request import read_search
from resolutions.search.sql import TSQUERY, Match, fetch
from resolutions.signals import document_written

from .real_texts import RealText

JUDGED = Path(__file__).parent / "judged"
# The original filename of each real text loaded: how a ranked document is found in judgments.
PREFIX = "real-"
DEPTH = 10


@dataclass(frozen=True)
class JudgedQuery:
    """A researcher's query, what they are after, and the grades of the documents judged."""

    key: str
    query: str
    need: str
    grades: dict[str, int]


def read_judged(folder: Path = JUDGED) -> list[JudgedQuery]:
    """The judged queries with their grades by corpus file name."""
    grades: dict[str, dict[str, int]] = {}
    with (folder / "judgments.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            grades.setdefault(row["query"], {})[row["file"]] = int(row["grade"])
    with (folder / "queries.tsv").open(encoding="utf-8", newline="") as handle:
        return [
            JudgedQuery(row["key"], row["query"], row["need"], grades.get(row["key"], {}))
            for row in csv.DictReader(handle, delimiter="\t")
        ]


def ndcg(ranked: list[str], grades: dict[str, int], depth: int = DEPTH) -> float:
    """nDCG@depth with gains 2^grade - 1; 0 when nothing judged relevant."""

    def dcg(values: Iterable[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(values))

    ideal = dcg(sorted(grades.values(), reverse=True)[:depth])
    if not ideal:
        return 0.0
    return dcg(grades.get(file, 0) for file in ranked[:depth]) / ideal


# --- loading ---


def loaded_files() -> dict[int, str]:
    """The corpus file name of every real text in the database, by document id."""
    rows = Document.objects.filter(original_filename__startswith=PREFIX).values_list(
        "pk", "original_filename"
    )
    return {pk: name.removeprefix(PREFIX) for pk, name in rows}


def load_texts(texts: Iterable[RealText], *, progress: Callable[[str], None]) -> int:
    """Parse and ingest each text (one transaction each); returns how many were ingested."""
    done = 0
    # Lineage is not ranked: the texts load without matching their paragraphs' lineage.
    document_written.disconnect(dispatch_uid=LINEAGE_RECEIVER)
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")  # a reload, if cut short, is safe
    with (
        tempfile.TemporaryDirectory(prefix="evaluation_media_") as media,
        override_settings(MEDIA_ROOT=media),
    ):
        for text in texts:
            parsed = parse(text.text, source_name=text.file)
            if not (parsed.title or parsed.paragraphs):
                progress(f"  skipped {text.file}: no title and no paragraphs")
                continue
            source = IngestSource.from_bytes(text.text.encode(), filename=PREFIX + text.file)
            ingest_document(parsed, source=source)
            done += 1
            if done % 100 == 0:
                progress(f"  {done} texts ingested")
    return done


# --- the three rankings ---


def before(query: str) -> list[int]:
    """The top ten as ranked before: ts_rank of the title plus the best paragraph's, every match."""
    match = Match(read_search({"q": query, "sort": "relevance"}, view="documents"))
    statement = sql.SQL(
        "WITH m AS MATERIALIZED (SELECT p.document_id, ts_rank(p.search_vector, {q}) AS r "
        "FROM resolutions_paragraph p WHERE {text} UNION ALL SELECT d.id, 0.0::real "
        "FROM resolutions_document d WHERE {title}), "
        "g AS (SELECT document_id, max(r) AS r FROM m GROUP BY 1) "
        "SELECT d.id FROM g JOIN resolutions_document d ON d.id = g.document_id "
        "ORDER BY ts_rank(d.title_search, {q})::float8 + g.r::float8 DESC, "
        "d.date DESC NULLS LAST, d.id LIMIT {depth}"
    ).format(
        q=TSQUERY,
        text=match.text("p"),
        title=match.title("d"),
        depth=sql.Literal(DEPTH),
    )
    return [row[0] for row in fetch(statement, match.params)]


# The archive's ranking with one lever changed (ranking.py's settings): what each lever is worth.
VARIANTS: dict[str, dict[str, object]] = {
    "title not weighted (1)": {"TITLE_WEIGHT": 1.0},
    "no spread (best paragraph only)": {"SPREAD_WEIGHT": 0.0},
    "every kind weighted alike": {"KIND_WEIGHTS": {}},
    "no length normalisation": {"NORMALISATION": 0},
    "verb weighted as text": {"LABEL_WEIGHTS": "{0.1, 0.2, 0.4, 0.4}"},
}


@contextmanager
def variant(settings: dict[str, object]) -> Iterator[None]:
    """The ranking with some of its settings replaced, for the block only."""
    kept = {name: getattr(ranking, name) for name in settings}
    for name, value in settings.items():
        setattr(ranking, name, value)
    try:
        yield
    finally:
        for name, value in kept.items():
            setattr(ranking, name, value)


def archive(query: str) -> list[int]:
    """The search page's first ten documents, sorted by relevance."""
    results = search_documents({"q": query, "sort": "relevance"}, per_page=DEPTH, with_facets=False)
    return [document.pk for document in results.rows]


class BM25:
    """tantivy's BM25 over every loaded document's title and paragraphs, in memory."""

    def __init__(self) -> None:
        import tantivy  # the bench extra: only this evaluation needs it

        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("id", stored=True)
        builder.add_text_field("title", tokenizer_name="en_stem")
        builder.add_text_field("body", tokenizer_name="en_stem")
        self.index = tantivy.Index(builder.build())
        writer = self.index.writer(num_threads=1)  # one segment order: the same ties each run
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, d.title, string_agg(p.text, E'\\n\\n' ORDER BY p.position) "
                "FROM resolutions_document d LEFT JOIN resolutions_paragraph p "
                "ON p.document_id = d.id WHERE d.original_filename LIKE %s GROUP BY d.id",
                [PREFIX + "%"],
            )
            for pk, title, body in cursor:
                writer.add_document(tantivy.Document(id=pk, title=title or "", body=body or ""))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def top(self, query: str) -> list[int]:
        """The BM25 top ten; every word required, as the archive requires them."""
        parsed = self.index.parse_query(query, ["title", "body"], conjunction_by_default=True)
        searcher = self.index.searcher()
        hits = searcher.search(parsed, DEPTH).hits
        return [searcher.doc(address)["id"][0] for _score, address in hits]
