"""The search benchmark, run as `manage.py benchmark --docs 25000` on `archive_bench`.

Builds a deterministic corpus, by default the realistic one (`realistic.py`: the real texts of
`--corpus`, re-issued over the years, with its statistics printed beside the real texts'), or
with `--corpus-kind synthetic` the sample documents' paragraphs recombined (`corpus.py`); loads
it through the ingest service (documents a second, peak RSS), runs ANALYZE, prints table sizes,
then replays the fixed researcher queries through the search page, the JSON API and their
selectors, with the straightforward hand-written SQL for the same questions in the same run, and
document pages.
`--load` then serves the archive under gunicorn and drives concurrent clients against it;
`--load-ingest N` ingests N more documents meanwhile, with a consistency probe.

It refuses any database but `archive_bench` (or another `*_bench`, or a test database), and
creates and migrates it when missing:

    DATABASE_URL=postgres://.../archive_bench python manage.py benchmark --docs 25000
    make benchmark BENCH_ARGS="--docs 2000 --load"     # the embedded server

See docs/performance.md for the figures and how to read them.
"""

from __future__ import annotations

import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import override_settings

from resolutions import term_impacts
from resolutions.parsing.types import ParsedDocument
from resolutions.search.counts import EXACT_DOCUMENTS
from resolutions.text_tables import table

from . import database, load, queries, targets
from . import ingest_during_load as writes
from .corpus import DEFAULT_SEED, read_sample_pool, synthetic_documents
from .honesty import Honesty, honesty
from .ingest_profile import profiled, stage_lines
from .loading import corpus_size, lineage_deferred, load_documents, peak_rss_mb
from .real_texts import DEFAULT_CORPUS, CorpusMissing, read_texts
from .realistic import STATISTICS_DOCUMENTS, corpus_statistics, read_real_pool, realistic_documents
from .stats import median, ms, percentile, ratio
from .storage import measure_storage, storage_report

SAMPLES_DIR = Path(settings.BASE_DIR) / "samples"
# The tables a fresh corpus empties (the benchmark database only); countries and topics stay.
CORPUS_KINDS = ("realistic", "synthetic")


def add_corpus_arguments(parser: CommandParser, *, docs: int) -> None:
    """The benchmark corpus's options (size, seed, kind, real texts); `docs` by default."""
    parser.add_argument("--docs", type=int, default=docs, help="Corpus size (documents).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Corpus seed.")
    parser.add_argument(
        "--corpus-kind",
        choices=CORPUS_KINDS,
        default="realistic",
        help="realistic: the real texts re-issued over the years; synthetic: the sample "
        "documents' paragraphs recombined.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"The real texts (un-texts.tar.xz, MANIFEST.tsv); default {DEFAULT_CORPUS}.",
    )


CORPUS_TABLES = (
    "resolutions_document",
    "resolutions_historicaldocument",
    "resolutions_ingestrun",
)


class BenchmarkCommand(BaseCommand):
    help = "Load a synthetic corpus and time the search page, the API and plain SQL (see docs)."
    requires_system_checks: list[str] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.scorecard = targets.Scorecard()

    def add_arguments(self, parser: CommandParser) -> None:
        add_corpus_arguments(parser, docs=25000)
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Keep a corpus already loaded: skip the load at the same size, load only the "
            "missing documents of a smaller one (the corpus of N is the first N of a larger one).",
        )
        parser.add_argument(
            "--defer-lineage",
            action="store_true",
            help="Load without matching each document's paragraph families (a bulk import's "
            "way); rebuild them after with manage.py rebuild_lineage.",
        )
        parser.add_argument(
            "--ingest-batch",
            type=int,
            default=1,
            metavar="N",
            help="Load N documents a transaction through the batch path (manage.py ingest "
            "--batch); default 1: one transaction each, as earlier runs.",
        )
        parser.add_argument(
            "--profile-ingest",
            action="store_true",
            help="Profile the load (cProfile) and print the time of each stage of the ingest.",
        )
        parser.add_argument(
            "--queries-only", action="store_true", help="Skip the load; time the queries."
        )
        parser.add_argument("--repeat", type=int, default=3, help="Timed runs of each query.")
        parser.add_argument(
            "--warm-cache",
            action="store_true",
            help="Time the queries with the count and document page caches on "
            "(SEARCH_COUNTS_CACHE_SECONDS, DOCUMENT_PAGE_CACHE_SECONDS): every run after the "
            "warm-up reads from them. Off by default: every run counts and renders, as in "
            "earlier runs.",
        )
        parser.add_argument(
            "--paths",
            default=",".join(queries.PATHS),
            help=f"Which of {', '.join(queries.PATHS)} to time (comma-separated).",
        )
        parser.add_argument(
            "--explain",
            type=int,
            default=0,
            metavar="K",
            help="EXPLAIN ANALYZE the slowest statements of the K slowest kinds of query.",
        )
        parser.add_argument("--load", action="store_true", help="Run the load test too.")
        parser.add_argument("--load-only", action="store_true", help="Only the load test.")
        parser.add_argument("--load-seconds", type=float, default=60, help="Load test length.")
        parser.add_argument("--clients", type=int, default=20, help="Concurrent clients.")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn workers.")
        parser.add_argument(
            "--load-cache-seconds",
            type=int,
            default=300,
            metavar="S",
            help="SEARCH_COUNTS_CACHE_SECONDS and DOCUMENT_PAGE_CACHE_SECONDS of the load test's "
            "gunicorn (default 300: both caches on, as in production; 0 turns them off).",
        )
        parser.add_argument(
            "--threads", type=int, default=1, help="Threads per gunicorn worker (gthread if > 1)."
        )
        parser.add_argument(
            "--load-ingest",
            type=int,
            default=0,
            metavar="N",
            help="During the load test, ingest N more documents in another process and probe "
            "that no reader sees a document without its paragraphs (they are deleted after).",
        )
        parser.add_argument(
            "--corpus-only", action="store_true", help="Load the corpus, then stop."
        )

    def handle(self, *args: object, **options) -> None:
        name = settings.DATABASES["default"]["NAME"]
        database.require_benchmark_database(name)
        if min(options["docs"], options["repeat"], options["ingest_batch"]) < 1:
            raise CommandError("--docs, --repeat and --ingest-batch must be at least 1.")
        paths = [p.strip() for p in options["paths"].split(",") if p.strip()]
        if unknown := set(paths) - set(queries.PATHS):
            raise CommandError(f"Unknown --paths: {', '.join(sorted(unknown))}.")
        if database.ensure_database(settings.DATABASES["default"]):
            self.say(f"Created database {name}.")
        call_command("migrate", verbosity=0, interactive=False)
        self.say(
            f"Database {name}: "
            + ", ".join(f"{k} {v}" for k, v in database.server_settings().items())
        )
        # Production does not log every SQL statement; DEBUG would (and grow with the run).
        # Static files are served by runserver or gunicorn, not needed by the test client here.
        warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
        self.corpus_kind = options["corpus_kind"]
        self.query_set = queries.queries_for(self.corpus_kind)
        # The benchmark is one client sending hundreds of requests a minute: no rate limit.
        with override_settings(DEBUG=False, RATELIMIT_ENABLE=False):
            if not (options["queries_only"] or options["load_only"]):
                self.build_corpus(
                    docs=options["docs"],
                    seed=options["seed"],
                    reuse=options["reuse"],
                    kind=options["corpus_kind"],
                    corpus=options["corpus"],
                    defer_lineage=options["defer_lineage"],
                    batch=options["ingest_batch"],
                    profile=options["profile_ingest"],
                )
            if options["corpus_only"]:
                self.say(self.scorecard.report(corpus_size()))
                return
            size = corpus_size()
            if not size:
                raise CommandError(
                    "No benchmark corpus in the database: run without --queries-only."
                )
            self.print_sizes(size)
            self.query_set = tuple(queries.held(query) for query in self.query_set)
            if not options["load_only"]:
                # The caches stay off while queries are timed (each run counts and renders, as
                # runs before them did), unless --warm-cache.
                warm = options["warm_cache"]
                with override_settings(
                    SEARCH_COUNTS_CACHE_SECONDS=settings.SEARCH_COUNTS_CACHE_SECONDS if warm else 0,
                    DOCUMENT_PAGE_CACHE_SECONDS=settings.DOCUMENT_PAGE_CACHE_SECONDS if warm else 0,
                ):
                    self.time_queries(
                        self.query_set,
                        repeat=options["repeat"],
                        paths=paths,
                        explain=options["explain"],
                    )
            if options["load"] or options["load_only"]:
                self.load_test(
                    seconds=options["load_seconds"],
                    clients=options["clients"],
                    workers=options["workers"],
                    threads=options["threads"],
                    ingest=options["load_ingest"],
                    cache_seconds=options["load_cache_seconds"],
                )
        self.say(self.scorecard.report(corpus_size()))
        self.say(f"\nPeak RSS of this command: {peak_rss_mb():.0f} MiB")

    def say(self, line: str = "") -> None:
        self.stdout.write(line)
        self.stdout.flush()

    # --- corpus ---

    def build_corpus(
        self,
        *,
        docs: int,
        seed: int,
        reuse: bool,
        kind: str,
        corpus: Path,
        defer_lineage: bool,
        batch: int,
        profile: bool = False,
    ) -> None:
        """Load the corpus of `docs` documents, keeping what is there with --reuse; then list
        the common words' best documents (term_impacts)."""
        existing = corpus_size()
        if reuse and existing == docs:
            self.say(f"Reusing the corpus of {existing} documents.")
            return
        if existing and (not reuse or existing > docs):
            self.say(f"Emptying the corpus of {existing} documents.")
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(CORPUS_TABLES)} RESTART IDENTITY CASCADE")
            existing = 0
        if kind == "realistic":
            documents = self.realistic(corpus, docs=docs, seed=seed)
        else:
            pool = read_sample_pool(SAMPLES_DIR)
            self.say(f"Synthetic corpus (seed {seed}): {pool.size} sample paragraphs recombined.")
            documents = synthetic_documents(pool, docs=docs, seed=seed)
        self.say(
            f"Loading {docs - existing} {kind} documents through the ingest service, "
            + ("one transaction each:" if batch == 1 else f"{batch} a transaction (batch path):")
        )
        for _ in range(existing):
            next(documents)  # the first ones are in the database already
        with (
            tempfile.TemporaryDirectory(prefix="benchmark_media_") as media,
            override_settings(MEDIA_ROOT=media),
            lineage_deferred() if defer_lineage else nullcontext(),
            profiled(profile) as stages,
        ):
            report = load_documents(
                documents,
                start=existing,
                every=max(min((docs - existing) // 10, 5000), 10),
                progress=self.say,
                batch=batch,
            )
        self.say(
            f"Loaded {report.documents} documents ({report.paragraphs} paragraphs) in "
            f"{report.seconds:.1f} s: {report.rate:.1f} documents/s, "
            f"{report.paragraphs / report.seconds if report.seconds else 0:.0f} paragraphs/s; "
            f"peak RSS {peak_rss_mb():.0f} MiB."
        )
        if stages is not None:
            self.say("\n".join(stage_lines(stages, documents=report.documents)))
        if batch > 1:
            self.scorecard.at_least(
                f"bulk ingest, {batch} a transaction (documents/s)",
                report.rate,
                targets.INGEST_DOCUMENTS_PER_SECOND,
            )
        if defer_lineage:
            self.say("Lineage not matched during the load: manage.py rebuild_lineage builds it.")
        self.say("ANALYZE ...")
        database.analyze()
        started = time.perf_counter()
        words, kept = term_impacts.rebuild()
        self.say(
            f"Common words listed: {words:,}, {kept:,} document scores kept, in "
            f"{time.perf_counter() - started:.1f} s."
        )

    def realistic(self, corpus: Path, *, docs: int, seed: int) -> Iterator[ParsedDocument]:
        """The realistic documents, after their statistics beside the real texts'."""
        try:
            texts = read_texts(corpus)
        except CorpusMissing as error:
            raise CommandError(str(error)) from error
        self.say(f"Realistic corpus (seed {seed}) from {len(texts)} real texts in {corpus}:")
        pool = read_real_pool(texts)
        sample = min(docs, STATISTICS_DOCUMENTS)
        real = corpus_statistics(pool.documents)
        generated = corpus_statistics(realistic_documents(pool, docs=sample, seed=seed))
        rows = [
            (
                name,
                f"{s.documents:,}",
                f"{s.paragraphs:,}",
                f"{s.distinct_words:,}",
                *(str(s.length_percentiles[q]) for q in (10, 50, 90, 99)),
                f"{s.mean_length:.1f}",
                f"{100 * s.reused_share:.1f} %",
            )
            for name, s in (("real texts", real), (f"generated (first {sample:,})", generated))
        ]
        self.say(
            table(
                [
                    "corpus",
                    "documents",
                    "paragraphs",
                    "distinct words",
                    "words p10",
                    "p50",
                    "p90",
                    "p99",
                    "mean",
                    "paragraphs reused",
                ],
                rows,
            )
        )
        return realistic_documents(pool, docs=docs, seed=seed)

    def print_sizes(self, size: int) -> None:
        self.say(f"\nCorpus: {size} benchmark documents.")
        rows = [
            (t.removeprefix("resolutions_"), f"{n:,}", f"{s / 2**20:,.0f}", f"{i / 2**20:,.0f}")
            for t, n, s, i in database.table_sizes()
        ]
        self.say(table(["table", "rows", "table MiB", "indexes MiB"], rows))
        indexes = database.index_sizes("resolutions_paragraph")
        self.say("paragraph indexes: " + ", ".join(f"{n} {s / 2**20:,.0f} MiB" for n, s in indexes))
        self.say(storage_report(measure_storage()))

    # --- queries ---

    def time_queries(
        self, query_set: tuple[queries.Query, ...], *, repeat: int, paths: list[str], explain: int
    ) -> None:
        """Run the query set and print the per-kind table, then document pages."""
        seconds = settings.SEARCH_COUNTS_CACHE_SECONDS
        self.say(f"\nQueries: each once to warm up, then {repeat} timed runs per path (ms, best):")
        self.say(
            f"count and document page caches on ({seconds} s): the timed runs read from them"
            if seconds > 0
            else "count and document page caches off: every run counts and renders "
            "(--warm-cache leaves them on)"
        )
        timings = queries.run_queries(query_set, repeat=repeat, paths=paths, progress=self.say)
        warm = " (caches warm)" if seconds > 0 else ""
        statements = {q.label: queries.page_statements(q) for q in query_set}
        rows = []
        for kind in queries.KINDS:
            of_kind = [q for q in query_set if q.kind == kind]

            def values(path: str, kind: str = kind) -> list[float]:
                return timings.by_kind.get((kind, path), [])

            page, sql = values("page"), values("sql")
            for path, name in (("page", "page"), ("api", "API")):
                self.scorecard.latency(
                    f"{kind}: {name}{warm}",
                    median(values(path)),
                    percentile(values(path), 0.95),
                    p50_ms=targets.PAGE_P50_MS,
                    p95_ms=targets.PAGE_P95_MS,
                )
            slowest = max(statements[q.label][0].seconds for q in of_kind if statements[q.label])
            rows.append(
                (
                    kind,
                    len(of_kind),
                    ms(median(page)),
                    ms(percentile(page, 0.95)),
                    ms(median(values("api"))),
                    ms(percentile(values("api"), 0.95)),
                    ms(median(values("selectors"))),
                    ms(median(sql)),
                    ratio(median(sql), median(page)),
                    max(len(statements[q.label]) for q in of_kind),
                    ms(slowest),
                )
            )
        documents = queries.benchmark_documents()
        pages = queries.run_document_pages(documents, repeat=repeat)
        for path, name in (("page", "document page"), ("api", "API document")):
            self.scorecard.at_most(
                f"{name}{warm} p95",
                percentile(pages[path], 0.95) * 1000,
                targets.DOCUMENT_PAGE_P95_MS,
                " ms",
            )
        rows.append(
            (
                "document page",
                len(documents),
                ms(median(pages["page"])),
                ms(percentile(pages["page"], 0.95)),
                ms(median(pages["api"])),
                ms(percentile(pages["api"], 0.95)),
                "-",
                "-",
                "-",
                "-",
                "-",
            )
        )
        self.say(f"\nLatency per kind of query (ms; {repeat} runs of each query, warm caches):")
        self.say(
            table(
                [
                    "kind",
                    "queries",
                    "page p50",
                    "page p95",
                    "API p50",
                    "API p95",
                    "selectors p50",
                    "plain SQL p50",
                    "SQL ÷ page",
                    "statements",
                    "slowest statement",
                ],
                rows,
            )
        )
        self.say(
            "page = GET /search/ (query, every facet, ranked page with snippets, rendered); "
            "API = GET /api/search/; plain SQL = the straightforward hand-written SQL for the "
            "same answer; SQL ÷ page > 1 means the page is faster than the plain SQL."
        )
        detail = [
            (
                q.kind,
                q.label[:70],
                ms(median(timings.by_query.get((q.label, "page"), []))),
                ms(median(timings.by_query.get((q.label, "sql"), []))),
                len(statements[q.label]),
            )
            for q in query_set
        ]
        self.say("\nPer query (ms, median):")
        self.say(table(["kind", "query", "page", "plain SQL", "statements"], detail, left=2))
        self.print_honesty(query_set)
        if explain:
            self.explain_slowest(query_set, timings, statements, kinds=explain)

    def print_honesty(self, query_set: tuple[queries.Query, ...]) -> None:
        """Per query: the first ten against an exact ranking of every match, and the count the
        page shows against the exact count (bench/honesty.py)."""
        rows = []
        measured = [honesty(query) for query in query_set]
        for query, found in zip(query_set, measured, strict=True):
            rows.append(
                (
                    query.kind,
                    query.label[:60],
                    "-" if found.overlap is None else f"{found.overlap:.1f}",
                    "-" if found.same_top3 is None else ("yes" if found.same_top3 else "NO"),
                    "-" if found.shortfall is None else f"{100 * found.shortfall:.2f} %",
                    "-" if found.newest_overlap is None else f"{found.newest_overlap:.1f}",
                    f"about {found.shown:,}" if found.count_estimated else f"{found.shown:,}",
                    "estimated" if found.facets_estimated else "exact",
                    f"{found.exact:,}",
                    f"{100 * found.error:.1f} %",
                    f"{found.ranked_within:,} documents" if found.ranked_within else "every match",
                )
            )
        self.say(
            "\nHonesty per query: the page's first ten against an exact ts_rank_cd over every "
            "match (target: overlap >= 0.9, the same top 3; 'lowest score below' is how far the "
            "page's lowest document score falls under the exact ten's; '200 newest' ranks only "
            "the 200 newest matches, as pages past the exact limit did), and the count the page "
            "shows against the exact count (target: exact under 10,000, estimates within 5 %):"
        )
        self.say(
            table(
                [
                    "kind",
                    "query",
                    "top-10 overlap",
                    "same top 3",
                    "lowest score below",
                    "200 newest: overlap",
                    "page shows",
                    "facets",
                    "exact",
                    "error",
                    "relevance within",
                ],
                rows,
                left=2,
            )
        )
        self.score_honesty(measured)

    def score_honesty(self, measured: list[Honesty]) -> None:
        """The worst query's overlap, top-3 agreement and count error, against their targets."""
        ranked = [found for found in measured if found.overlap is not None]
        if ranked:
            self.scorecard.at_least(
                "relevance: lowest top-10 overlap with the exact ranking",
                min(found.overlap for found in ranked),
                targets.TOP10_OVERLAP,
            )
            self.scorecard.at_least(
                "relevance: share of queries with the exact top 3",
                sum(bool(found.same_top3) for found in ranked) / len(ranked),
                1.0,
            )
        # Below EXACT_DOCUMENTS the page counts exactly; from it on, it may estimate (shown
        # "about N", the facets beside it too).
        self.scorecard.at_most(
            f"counts under {EXACT_DOCUMENTS:,} shown as estimates",
            sum(found.estimated and found.exact < EXACT_DOCUMENTS for found in measured),
            0,
        )
        if errors := [found.error for found in measured if found.estimated]:
            self.scorecard.at_most(
                "estimated counts: largest error",
                100 * max(errors),
                100 * targets.ESTIMATE_ERROR,
                " %",
            )

    def explain_slowest(self, query_set, timings, statements, *, kinds: int) -> None:
        """EXPLAIN ANALYZE the two slowest statements of the slowest query of the slowest kinds."""
        by_kind = sorted(
            queries.KINDS,
            key=lambda k: median(timings.by_kind.get((k, "page"), [0.0])),
            reverse=True,
        )
        for kind in by_kind[:kinds]:
            of_kind = [q for q in query_set if q.kind == kind]
            query = max(of_kind, key=lambda q: median(timings.by_query.get((q.label, "page"), [0])))
            for statement in statements[query.label][:2]:
                self.say(f"\n--- {kind}: {query.label} — statement of {ms(statement.seconds)} ms")
                self.say(statement.sql)
                self.say(queries.explain(statement.sql))

    # --- load ---

    def load_test(
        self,
        *,
        seconds: float,
        clients: int,
        workers: int,
        threads: int,
        ingest: int,
        cache_seconds: int,
    ) -> None:
        """Serve under gunicorn and drive `clients` concurrent clients, with an ingest of `ingest`
        documents meanwhile if asked; print what they saw. The workers keep counts and document
        pages in their caches for `cache_seconds` (0: off)."""
        documents = queries.benchmark_documents(20)
        pools = {
            "search": [
                f"/search/?{q.query_string}" for q in self.query_set if q.kind != "negation"
            ],
            "negation": [
                f"/search/?{q.query_string}" for q in self.query_set if q.kind == "negation"
            ],
            "document": [d.get_absolute_url() for d in documents],
            "api": [f"/api/search/?{q.query_string}" for q in self.query_set]
            + [f"/api/documents/{d.pk}/" for d in documents],
            "export": queries.export_paths(self.query_set),
        }
        mix = load.request_mix(pools, seed=1, n=5000)
        url = load.database_url(settings.DATABASES["default"])
        shares = ", ".join(f"{kind} {share}/16" for kind, share in load.MIX)
        self.say(
            f"\nLoad test: gunicorn ({workers} workers x {threads} threads, DEBUG off) on "
            f"127.0.0.1, {clients} clients for {seconds:.0f} s; mix: {shares}"
            + (f"; ingesting {ingest} documents meanwhile." if ingest else ".")
        )
        self.say(
            f"Count cache on: SEARCH_COUNTS_CACHE_SECONDS={cache_seconds}, and document page "
            f"cache: DOCUMENT_PAGE_CACHE_SECONDS={cache_seconds}, in each worker's memory."
            if cache_seconds > 0
            else "Count and document page caches off: SEARCH_COUNTS_CACHE_SECONDS=0, "
            "DOCUMENT_PAGE_CACHE_SECONDS=0."
        )
        with load.serve(
            url, workers=workers, threads=threads, cache_seconds=cache_seconds
        ) as server:
            if not ingest:
                result = load.drive(server, mix, clients=clients, seconds=seconds)
            else:
                after_id = writes.newest_document_id()
                began = time.perf_counter()
                process = writes.start_ingest(
                    url, size=corpus_size(), documents=ingest, corpus_kind=self.corpus_kind
                )
                with writes.ConsistencyProbe(server.port, after_id=after_id) as probe:
                    result = load.drive(server, mix, clients=clients, seconds=seconds)
                    outcome = writes.wait_for_ingest(process, after_id=after_id, began=began)
                writes.remove_ingested(after_id)
        if ingest:
            self.report_ingest(outcome, probe.result)
            self.scorecard.at_most(
                "load: readers seeing a half-ingested document", len(probe.result.violations), 0
            )
        summary = result.summary()
        self.say(
            f"{summary['requests']} requests in {result.seconds:.1f} s: "
            f"{summary['rps']:.1f} requests/s; errors {len(result.errors)}; exports refused "
            f"busy {len(result.refused)}; over {load.SLOW_SECONDS:.0f} s: {result.slow}"
        )
        rows = [
            (
                kind,
                len(values),
                ms(median(values)),
                ms(percentile(values, 0.95)),
                ms(percentile(values, 0.99)),
                ms(max(values)),
            )
            for kind, values in sorted(result.latencies.items())
        ]
        everything = result.all_latencies
        if everything:
            rows.append(
                (
                    "all",
                    len(everything),
                    ms(summary["p50"]),
                    ms(summary["p95"]),
                    ms(summary["p99"]),
                    ms(summary["max"]),
                )
            )
        self.say(table(["request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"], rows))
        self.say(
            "worker peak RSS (MiB): " + ", ".join(f"{rss:.0f}" for rss in result.worker_rss_mb)
        )
        self.say(
            "worker RSS start -> middle -> end (MiB): "
            + ", ".join(
                f"{start:.0f} -> {middle:.0f} -> {end:.0f}"
                for start, middle, end in zip(
                    result.worker_rss_start_mb,
                    result.worker_rss_middle_mb,
                    result.worker_rss_end_mb,
                    strict=False,
                )
            )
        )
        for error in result.errors[:10]:
            self.say(f"  error: {error}")
        self.score_load(result, summary)

    def score_load(self, result: load.LoadResult, summary: dict[str, float]) -> None:
        """Throughput, p95, errors and worker memory growth against their targets."""
        self.scorecard.at_least(
            "load: requests/s", summary["rps"], targets.LOAD_REQUESTS_PER_SECOND
        )
        self.scorecard.at_most("load: p95", summary["p95"] * 1000, targets.LOAD_P95_MS, " ms")
        self.scorecard.at_most("load: errors", len(result.errors), 0)
        growth = [
            100 * (end - middle) / middle
            for middle, end in zip(
                result.worker_rss_middle_mb, result.worker_rss_end_mb, strict=False
            )
            if middle
        ]
        if growth:
            self.scorecard.at_most(
                "load: largest worker memory growth, second half",
                max(growth),
                targets.WORKER_GROWTH,
                " %",
            )

    def report_ingest(self, outcome: writes.IngestOutcome, probe: writes.ProbeResult) -> None:
        """The parallel ingest's rate and the consistency probe's findings."""
        rate = outcome.documents / outcome.seconds if outcome.seconds else 0.0
        self.say(
            f"Parallel ingest: {outcome.documents} documents in {outcome.seconds:.1f} s "
            f"({rate:.1f} documents/s), exit status {outcome.returncode}; deleted after the run."
        )
        self.say(
            f"Consistency probe: {probe.rounds} rounds, {len(probe.documents_seen)} new documents "
            f"seen, {probe.http_checks} read over HTTP; violations {len(probe.violations)}"
        )
        for violation in probe.violations[:10]:
            self.say(f"  violation: {violation}")
        if outcome.returncode:
            self.say(outcome.log_tail)
