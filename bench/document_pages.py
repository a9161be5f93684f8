"""The slowest document pages: the longest, most footnoted, most citing and most cited documents.

Run in the benchmark's database, from any checkout (so code before and after a change can be
timed alternately on the same server; docs/performance.md):

    python -m archive.local_db exec sh -c 'DATABASE_URL="${DATABASE_URL%/archive}/archive_bench" \
        exec python manage.py shell < bench/document_pages.py'

The candidates are the 20 published documents with the most paragraphs and the 10 each with the
most footnotes, with the most references and the most cited by published documents. Without
`PAGES_SLOWEST`, each candidate's page is timed 3 times (after one untimed request) and the
candidates are printed slowest first. With `PAGES_SLOWEST=n`, the n slowest of that first pass
and the 5 most cited are timed `PAGES_REPEAT` times (default 5): each page's median and runs,
the median CPU time of this process (Python's share) over as many more, its SQL (statements,
milliseconds) from one more captured request; then the runs pooled, the slowest apart from the
most cited (p50, p95), and the benchmark's own document-page kind likewise. `PAGES_IDS`
(document ids, space-separated) times those instead of the slowest (so two checkouts time the
same pages). With `PAGES_SAVE=folder`, each page's HTML is written there (to compare two
checkouts). Caches off.
"""

import os
import time
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from bench.queries import benchmark_documents, client, get_ok, run_document_pages, timed
from bench.stats import median, percentile
from resolutions.models import Document

PUBLISHED_PARAGRAPHS = """
SELECT d.id FROM resolutions_document d JOIN resolutions_paragraph p ON p.document_id = d.id
 WHERE d.status = 'published' GROUP BY d.id
"""
CANDIDATES = {
    "paragraphs": PUBLISHED_PARAGRAPHS + "ORDER BY count(*) DESC, sum(length(p.text)) DESC, 1",
    "footnotes": PUBLISHED_PARAGRAPHS
    + "ORDER BY sum(jsonb_array_length(coalesce(p.footnotes, '[]'))) DESC NULLS LAST, 1",
    "references": """
SELECT r.citing_document_id FROM resolutions_reference r
  JOIN resolutions_document d ON d.id = r.citing_document_id
 WHERE d.status = 'published' GROUP BY 1 ORDER BY count(*) DESC, 1""",
    "cited": """
SELECT r.cited_document_id FROM resolutions_reference r
  JOIN resolutions_document d ON d.id = r.cited_document_id
 WHERE d.status = 'published' AND r.citing_published GROUP BY 1 ORDER BY count(*) DESC, 1""",
}
COUNTS = {"paragraphs": 20, "footnotes": 10, "references": 10, "cited": 10}


def candidates() -> dict[int, str]:
    """Candidate document ids, each with why it is one (first reason wins)."""
    reasons: dict[int, str] = {}
    with connection.cursor() as cursor:
        for reason, query in CANDIDATES.items():
            cursor.execute(f"{query} LIMIT %s", [COUNTS[reason]])
            for (pk,) in cursor.fetchall():
                reasons.setdefault(pk, reason)
    return reasons


def most_cited(count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"{CANDIDATES['cited']} LIMIT %s", [count])
        return [pk for (pk,) in cursor.fetchall()]


def runs_of(url: str, repeat: int) -> list[float]:
    """Milliseconds of `repeat` GETs of `url`, after one untimed."""
    web = client()
    get_ok(web, url)
    return [timed(lambda: get_ok(web, url)) * 1000 for _ in range(repeat)]


def cpu_of(url: str, repeat: int) -> float:
    """Median milliseconds of this process's CPU time (Python's work, not the database's) over
    `repeat` GETs of `url`."""
    web = client()
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        get_ok(web, url)
        runs.append((time.process_time() - start) * 1000)
    return median(runs)


def sql_of(url: str) -> tuple[int, float]:
    """(statements, their milliseconds) of one more GET of `url`."""
    with CaptureQueriesContext(connection) as captured:
        get_ok(client(), url)
    return len(captured), sum(float(q["time"]) for q in captured.captured_queries) * 1000


def slowest(reasons: dict[int, str]) -> list[tuple[float, int]]:
    """(median of 3 runs, id) of every candidate, slowest first."""
    urls = {pk: d.get_absolute_url() for pk, d in Document.objects.in_bulk(list(reasons)).items()}
    return sorted(((median(runs_of(urls[pk], 3)), pk) for pk in reasons), reverse=True)


def report() -> None:
    """Print the figures (module docstring)."""
    reasons = candidates()
    fixed = [int(pk) for pk in os.environ.get("PAGES_IDS", "").split()]
    ranked = [(0.0, pk) for pk in fixed] if fixed else slowest(reasons)
    count = len(fixed) or int(os.environ.get("PAGES_SLOWEST", "0"))
    if not count:
        documents = Document.objects.in_bulk([pk for _, pk in ranked])
        for ms, pk in ranked:
            print(f"{ms:7.1f} ms  {reasons[pk]:<10} {documents[pk].get_absolute_url()}")
        return
    chosen = [pk for _, pk in ranked[:count]]
    chosen += [pk for pk in most_cited(5) if pk not in chosen]
    documents = Document.objects.in_bulk(chosen)
    repeat = int(os.environ.get("PAGES_REPEAT", "5"))
    save = os.environ.get("PAGES_SAVE")
    pooled: dict[str, list[float]] = {"slowest": [], "most cited": []}
    print(f"{'address':<40} {'why':<10} {'median':>7}  runs (ms)              CPU  SQL")
    for index, pk in enumerate(chosen):
        url = documents[pk].get_absolute_url()
        runs = runs_of(url, repeat)
        pooled["slowest" if index < count else "most cited"] += runs
        statements, sql_ms = sql_of(url)
        print(
            f"{url:<40} {reasons.get(pk, 'given'):<10} {median(runs):>7.1f}  "
            f"{' '.join(f'{run:.0f}' for run in runs):<22} {cpu_of(url, repeat):>4.0f} "
            f"{statements} statements, {sql_ms:.1f} ms"
        )
        if save:
            page = client().get(url).content
            Path(save, url.strip("/").replace("/", "_") + ".html").write_bytes(page)
    for group, runs in pooled.items():
        if runs:
            print(
                f"{group}, {len(runs)} runs: p50 {median(runs):.1f} ms, "
                f"p95 {percentile(runs, 0.95):.1f} ms; load average {os.getloadavg()[0]:.2f}"
            )
    kind = [s * 1000 for s in run_document_pages(benchmark_documents(), repeat=repeat)["page"]]
    print(
        f"benchmark document kind, page: p50 {median(kind):.1f} ms, "
        f"p95 {percentile(kind, 0.95):.1f} ms ({len(kind)} runs)"
    )


with override_settings(DOCUMENT_PAGE_CACHE_SECONDS=0, SEARCH_COUNTS_CACHE_SECONDS=0):
    report()
