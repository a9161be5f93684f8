"""Where a load's time goes: the ingest's stages, timed by cProfile (`benchmark --profile-ingest`).

Each stage is a function of the ingest; its time is cumulative (what it calls, and the database's
work while it waits), so stages nested in another (`copy_rows` in `write_paragraphs`) are part of
it. cProfile slows Python calls down, so the shares matter more than the absolute figures.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Iterator
from contextlib import contextmanager

# (module path suffix, function): what the stage does, in the order a batch runs them.
STAGES = (
    ("resolutions/ingest.py", "write_new", "a batch's new documents, in all"),
    ("resolutions/ingest.py", "store_original", "store the original files"),
    ("django/db/models/query.py", "bulk_create", "bulk_create (documents, sponsors, topics)"),
    ("resolutions/bulk_rows.py", "record_created", "history rows (INSERT ... SELECT)"),
    ("resolutions/ingest.py", "write_paragraphs", "paragraphs: rows and COPY"),
    ("resolutions/ingest.py", "copy_paragraphs", "  of which the COPY (database)"),
    ("resolutions/ingest.py", "write_references", "references (COPY)"),
    ("resolutions/ingest.py", "link_citations_of", "link earlier citations"),
    ("resolutions/topic_rules.py", "suggest_topics", "topic suggestions: the phrase scan"),
    ("resolutions/vocabulary.py", "record_words", "vocabulary upsert"),
    ("resolutions/term_impacts.py", "refresh_documents", "common words' scores"),
    ("resolutions/draft_links.py", "link_drafts", "link drafts"),
    ("resolutions/ingest.py", "ingest_document", "one-by-one ingests (re-ingests, fallbacks)"),
)


@contextmanager
def profiled(enabled: bool) -> Iterator[cProfile.Profile | None]:
    """Profile the block when enabled (the profile, else None)."""
    if not enabled:
        yield None
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield profile
    finally:
        profile.disable()


def stage_lines(profile: cProfile.Profile, *, documents: int) -> list[str]:
    """Each stage's seconds and milliseconds a document, as lines of the report."""
    found: dict[tuple[str, str], float] = {}
    for (path, _, function), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        for suffix, name, _ in STAGES:
            if function == name and path.endswith(suffix):
                found[suffix, name] = found.get((suffix, name), 0.0) + row[3]  # cumulative
    lines = ["Ingest stages (cumulative seconds under cProfile; ms a document):"]
    for suffix, name, label in STAGES:
        seconds = found.get((suffix, name), 0.0)
        lines.append(f"  {label:<44} {seconds:7.2f} s {1000 * seconds / max(documents, 1):7.2f} ms")
    return lines
