"""`manage.py evaluate_ranking`: nDCG@10 of the archive's ranking against hand judgments.

Loads the real texts of the shared corpus into a benchmark database (`archive_ranking_bench` by
`make evaluate-ranking`; any `*_bench` or test database), then prints, per judged query and
on average, nDCG@10 of the ranking before cover density, of the archive's ranking, and of
BM25 (tantivy), the anchor. `--pool` prints instead the documents to judge for each query (the
union of the three top tens, and up to ten more whose title holds the words), with their titles
and first matching paragraphs. See bench/judged/README.md.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import override_settings

from resolutions.models import SEARCH_CONFIG, Document, Paragraph
from resolutions.text_tables import table

from . import database, evaluation
from .real_texts import DEFAULT_CORPUS, CorpusMissing, read_texts

RANKINGS = ("before", "archive", "bm25")
# Per query key, per ranking, the corpus files of its top ten.
Ranked = dict[str, dict[str, list[str]]]
# Documents added to a pool because their title holds the query's words.
POOL_TITLES = 10
WEBSEARCH = {"search_type": "websearch", "config": SEARCH_CONFIG}


class EvaluateRankingCommand(BaseCommand):
    help = "nDCG@10 of the ranking before, the archive's ranking and BM25 on judged real texts."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--corpus",
            type=Path,
            default=DEFAULT_CORPUS,
            help=f"The real texts (un-texts.tar.xz, MANIFEST.tsv); default {DEFAULT_CORPUS}.",
        )
        parser.add_argument(
            "--judged", type=Path, default=evaluation.JUDGED, help="Queries and judgments."
        )
        parser.add_argument(
            "--pool", action="store_true", help="Print the documents to judge, not the scores."
        )

    def handle(self, *args: object, **options) -> None:
        name = settings.DATABASES["default"]["NAME"]
        database.require_benchmark_database(name)
        if database.ensure_database(settings.DATABASES["default"]):
            self.say(f"Created database {name}.")
        call_command("migrate", verbosity=0, interactive=False)
        with override_settings(DEBUG=False):
            self.load(options["corpus"])
            judged = evaluation.read_judged(options["judged"])
            files = evaluation.loaded_files()
            bm25 = evaluation.BM25()
            rankers = {"before": evaluation.before, "archive": evaluation.archive, "bm25": bm25.top}
            ranked = {
                q.key: {r: [files.get(pk, "") for pk in rankers[r](q.query)] for r in RANKINGS}
                for q in judged
            }
            if options["pool"]:
                self.print_pool(judged, ranked, files)
                return
            self.print_scores(judged, ranked)
            self.print_variants(judged, files)

    def say(self, line: str = "") -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def load(self, corpus: Path) -> None:
        """The real texts, ingested once (a database that holds them all is kept)."""
        try:
            texts = read_texts(corpus)
        except CorpusMissing as error:
            raise CommandError(str(error)) from error
        loaded = set(evaluation.loaded_files().values())
        missing = [text for text in texts if text.file not in loaded]
        if len(missing) > len(texts) // 50:
            self.say(f"Ingesting {len(missing)} real texts from {corpus} ...")
            done = evaluation.load_texts(missing, progress=self.say)
            self.say(f"Ingested {done}. ANALYZE ...")
            database.analyze()
        self.say(f"{len(evaluation.loaded_files())} real texts in the database.")

    def print_scores(self, judged: list[evaluation.JudgedQuery], ranked: Ranked) -> None:
        rows, totals = [], dict.fromkeys(RANKINGS, 0.0)
        for query in judged:
            scores = {r: evaluation.ndcg(ranked[query.key][r], query.grades) for r in RANKINGS}
            for r in RANKINGS:
                totals[r] += scores[r]
            rows.append((query.key, query.query[:40], *(f"{scores[r]:.3f}" for r in RANKINGS)))
        n = max(len(judged), 1)
        rows.append(("mean", f"{len(judged)} queries", *(f"{totals[r] / n:.3f}" for r in RANKINGS)))
        self.say("\nnDCG@10 per judged query (before = ts_rank as it was; archive = the search ")
        self.say("page's relevance order; bm25 = tantivy, the anchor):")
        self.say(table(["query", "words", *RANKINGS], rows, left=2))

    def print_variants(self, judged: list[evaluation.JudgedQuery], files: dict[int, str]) -> None:
        """Mean nDCG@10 of the archive's ranking with one lever changed at a time."""
        rows = []
        for name, changed in evaluation.VARIANTS.items():
            with evaluation.variant(changed):
                scores = [
                    evaluation.ndcg(
                        [files.get(pk, "") for pk in evaluation.archive(q.query)], q.grades
                    )
                    for q in judged
                ]
            rows.append((name, f"{sum(scores) / max(len(scores), 1):.3f}"))
        self.say("\nThe archive's ranking with one lever changed (mean nDCG@10):")
        self.say(table(["variant", "mean"], rows, left=1))

    def print_pool(
        self, judged: list[evaluation.JudgedQuery], ranked: Ranked, files: dict[int, str]
    ) -> None:
        by_file = {file: pk for pk, file in files.items()}
        for query in judged:
            # The three top tens, then documents whose title holds the words (found by none).
            titled = (
                Document.objects.filter(
                    pk__in=files, title_search=SearchQuery(query.query, **WEBSEARCH)
                )
                .order_by("-date")
                .values_list("pk", flat=True)[:POOL_TITLES]
            )
            ranked_files = [f for r in RANKINGS for f in ranked[query.key][r] if f]
            pool = list(dict.fromkeys([*ranked_files, *(files[pk] for pk in titled)]))
            self.say(f"\n=== {query.key}: {query.query} — {query.need}")
            for file in pool:
                document = Document.objects.only("title", "symbol").get(pk=by_file[file])
                grade = query.grades.get(file, "?")
                where = [r for r in RANKINGS if file in ranked[query.key][r]] or ["title"]
                self.say(f"- [{grade}] {file} {document.symbol} — {document.title[:110]} {where}")
                best = (
                    Paragraph.objects.filter(document_id=document.pk)
                    .filter(search_vector=SearchQuery(query.query, **WEBSEARCH))
                    .values_list("kind", "text")[:3]
                )
                for kind, text in best:
                    self.say(f"    ({kind}) {' '.join(text.split())[:260]}")
