"""The admin-list benchmark: grow the benchmark corpus to N paragraphs, time every changelist.

Growing by the ingest service runs at tens of documents a second, hours for a million
paragraphs; here the loaded benchmark documents are cloned in SQL, round after round (new
symbols, keys and checksums; the same paragraphs, topics and metadata; no full text, which no
admin list reads), until the paragraph table holds the size asked for.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from .corpus import FILENAME_PREFIX

CLONE_PREFIX = "clone-"
SEARCH_TERM = "trafficking"

CLONE_ROUND = """
CREATE TEMP TABLE clone_map ON COMMIT DROP AS
SELECT id AS old_id, nextval(pg_get_serial_sequence('resolutions_document', 'id')) AS new_id
FROM resolutions_document WHERE original_filename LIKE %(source)s;

INSERT INTO resolutions_document (
    id, symbol, citation_key, doc_type, number, title, date, year, session, agenda_item,
    language, status, full_text, original_file, original_filename, checksum, curated_fields,
    created_at, updated_at, body_id)
SELECT m.new_id,
    CASE WHEN d.symbol IS NULL THEN NULL ELSE d.symbol || %(suffix)s END,
    CASE WHEN d.citation_key = '' THEN '' ELSE d.citation_key || %(suffix)s END,
    d.doc_type, d.number, d.title, d.date, d.year, d.session, d.agenda_item, d.language,
    d.status, '', d.original_file, %(prefix)s || d.original_filename,
    encode(sha256(convert_to(d.checksum || %(suffix)s, 'UTF8')), 'hex'),
    d.curated_fields, now(), now(), d.body_id
FROM resolutions_document d JOIN clone_map m ON m.old_id = d.id;

INSERT INTO resolutions_paragraph (position, kind, number, verb, text, footnotes, document_id)
SELECT p.position, p.kind, p.number, p.verb, p.text, p.footnotes, m.new_id
FROM resolutions_paragraph p JOIN clone_map m ON m.old_id = p.document_id;

INSERT INTO resolutions_documenttopic (status, document_id, topic_id)
SELECT t.status, m.new_id, t.topic_id
FROM resolutions_documenttopic t JOIN clone_map m ON m.old_id = t.document_id;
"""


def paragraph_count() -> int:
    """The paragraph table's exact size (once, before timing)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM resolutions_paragraph")
        return cursor.fetchone()[0]


def grow_to(paragraphs: int, *, say: Callable[[str], None]) -> int:
    """Clone the benchmark documents until the paragraph table holds `paragraphs`; its size."""
    have = paragraph_count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(max(split_part(substr(original_filename, %s), '-', 1)::int), 0)"
            " FROM resolutions_document WHERE original_filename LIKE %s",
            [len(CLONE_PREFIX) + 1, f"{CLONE_PREFIX}%"],
        )
        round_number = cursor.fetchone()[0]
    while have < paragraphs:
        round_number += 1
        started = time.perf_counter()
        values = {
            "source": f"{FILENAME_PREFIX}%",
            "suffix": f"/C{round_number}",
            "prefix": f"{CLONE_PREFIX}{round_number}-",
        }
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in CLONE_ROUND.split(";"):
                if statement.strip():
                    cursor.execute(statement, values)
        have = paragraph_count()
        seconds = time.perf_counter() - started
        say(f"  clone round {round_number}: {have:,} paragraphs ({seconds:.0f} s)")
    return have


@dataclass(frozen=True)
class ListTiming:
    """One admin list (or its search): the median and the slowest of its timed loads."""

    label: str
    url: str
    median_ms: float
    max_ms: float
    status: int


def admin_list_urls() -> list[tuple[str, str]]:
    """(label, url) of every admin changelist, and of its search when it has one."""
    urls = []
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda i: i[0]._meta.label):
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        urls.append((meta.label, url))
        if model_admin.search_fields:
            urls.append((f"{meta.label} search", f"{url}?q={SEARCH_TERM}"))
    return urls


def time_admin_lists(client: Client, *, repeat: int) -> list[ListTiming]:
    """Load each list once to warm it, then `repeat` times timed."""
    timings = []
    for label, url in admin_list_urls():
        client.get(url)
        seconds, status = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
            status = response.status_code
        timings.append(
            ListTiming(label, url, statistics.median(seconds) * 1000, max(seconds) * 1000, status)
        )
    return timings
