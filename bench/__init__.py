"""The search benchmark: a synthetic corpus, researcher queries, hand-written SQL, a load test.

`corpus` builds deterministic `ParsedDocument`s by recombining the sample documents' paragraphs;
`queries` holds the fixed researcher queries and times them through the search page's code path,
the JSON API and a straightforward hand-written SQL; `load` serves the archive under gunicorn and
drives concurrent clients at it; `stats` turns timings into medians, percentiles and tables.
`command` ties them together as `manage.py benchmark` (see docs/performance.md).
"""
