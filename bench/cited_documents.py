"""The document page and the API document of the most cited documents, caches off.

Run in the benchmark's database, from any checkout (so code before and after a change can be
timed alternately on the same server; docs/performance.md):

    python -m archive.local_db exec sh -c 'DATABASE_URL="${DATABASE_URL%/archive}/archive_bench" \
        exec python manage.py shell < bench/cited_documents.py'

`CITED_REPEAT` (default 5) sets the timed runs per address. Prints, per document, how many
published documents cite it and the median and each run of its page, API document, cited-by feed
and last page of the API's cited-by list (100 a page), each with its SQL (statements,
milliseconds) from one more captured run; then the benchmark's own document-page kind
(`queries.run_document_pages` on `queries.benchmark_documents`).
"""

import os

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from bench.queries import benchmark_documents, client, get_ok, run_document_pages, timed
from bench.stats import median, percentile
from resolutions.models import Document

MOST_CITED = """
SELECT r.cited_document_id, count(*) FROM resolutions_reference r
  JOIN resolutions_document citing ON citing.id = r.citing_document_id
  JOIN resolutions_document cited ON cited.id = r.cited_document_id
 WHERE citing.status = 'published' AND cited.status = 'published'
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s
"""


def most_cited(count: int) -> list[tuple[Document, int]]:
    """The `count` published documents that published documents cite most, with the count."""
    with connection.cursor() as cursor:
        cursor.execute(MOST_CITED, [count])
        rows = cursor.fetchall()
    documents = Document.objects.in_bulk([pk for pk, _ in rows])
    return [(documents[pk], n) for pk, n in rows]


def timed_runs(url: str, repeat: int) -> list[float]:
    """Milliseconds of `repeat` GETs of `url`, after one untimed."""
    web = client()
    get_ok(web, url)
    return [timed(lambda: get_ok(web, url)) * 1000 for _ in range(repeat)]


def sql_of(url: str) -> tuple[int, float, float]:
    """(statements, their milliseconds, the slowest's) of one more GET of `url`."""
    with CaptureQueriesContext(connection) as captured:
        get_ok(client(), url)
    seconds = [float(q["time"]) for q in captured.captured_queries]
    return len(seconds), sum(seconds) * 1000, max(seconds, default=0) * 1000


def report(repeat: int) -> None:
    """Print the figures (module docstring)."""
    print(f"{'address':<58} {'citing':>7} {'median':>7}  runs (ms)                  SQL")
    for document, citing in most_cited(5):
        last_page = -(-citing // 100)  # the API's cited-by list, 100 a page: its last page
        for url in (
            document.get_absolute_url(),
            f"/api/documents/{document.pk}/",
            f"{document.get_absolute_url()}cited-by.atom",
            f"/api/v1/documents/{document.pk}/cited-by/?per_page=100&page={last_page}",
        ):
            runs = timed_runs(url, repeat)
            statements, total, slowest = sql_of(url)
            print(
                f"{url:<58} {citing:>7,} {median(runs):>7.1f}  "
                f"{' '.join(f'{run:.0f}' for run in runs):<26} "
                f"{statements} statements, {total:.1f} ms (slowest {slowest:.1f})"
            )
    pages = run_document_pages(benchmark_documents(), repeat=repeat)
    for path in ("page", "api"):
        values = pages[path]
        print(
            f"benchmark document kind, {path}: p50 {median(values) * 1000:.1f} ms, "
            f"p95 {percentile(values, 0.95) * 1000:.1f} ms ({len(values)} runs)"
        )


with override_settings(DOCUMENT_PAGE_CACHE_SECONDS=0, SEARCH_COUNTS_CACHE_SECONDS=0):
    report(int(os.environ.get("CITED_REPEAT", "5")))
