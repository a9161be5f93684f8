"""A crawl: search pages fetched, every record kept raw, then imported; resumable by cursor.

Order per page: fetch (client) -> keep each raw record (raw store) -> import (importer) ->
save the cursor. A crawl killed anywhere starts again from the last saved cursor; records
imported twice are unchanged the second time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .client import UndlClient
from .importer import ImportReport, import_page
from .marc import RawRecord
from .rawstore import RawStore

MODIFIED_RE = re.compile(rb"<(?:\w+:)?controlfield\s+tag=\"005\"\s*>\s*(\d{8})")

# What the archive mirrors by default: the crime-prevention field (docs/catalogue.md).
FIELD_SERIES = (
    "E/CN.15/",  # Commission on Crime Prevention and Criminal Justice
    "E/CN.7/",  # Commission on Narcotic Drugs
    "CTOC/COP/",  # Conference of the Parties to the Organized Crime Convention
    "CAC/COSP/",  # Conference of the States Parties to the Convention against Corruption
    "A/CONF.187/",  # Tenth to Fourteenth Crime Congresses
    "A/CONF.203/",
    "A/CONF.213/",
    "A/CONF.222/",
    "A/CONF.234/",
)
RESOLUTION_SERIES = ("A/RES/", "E/RES/", "A/HRC/RES/", "S/RES/")
FIELD_SUBJECTS = (
    "CRIME PREVENTION",
    "CRIMINAL JUSTICE",
    "NARCOTIC DRUGS",
    "DRUG TRAFFIC",
    "CORRUPTION",
    "TERRORISM",
    "TRAFFICKING IN PERSONS",
    "ORGANIZED CRIME",
    "TRANSNATIONAL CRIME",
    "LAUNDERING OF FUNDS",
)
# Voting records carry no 191 and no 650: the resolution's symbol is in 791, its agenda subjects
# in 991 $d ("CRIME PREVENTION AND CRIMINAL JUSTICE"), matched in part (single quotes).
VOTING_RECORDS = '989__a:"Voting Data"'
FIELD_AGENDA_WORDS = ("CRIME", "CRIMINAL", "DRUG", "CORRUPTION", "TERRORISM", "TRAFFICKING")


def any_of(clauses: Iterable[str]) -> str:
    """Clauses joined by OR, in brackets."""
    return "(" + " OR ".join(clauses) + ")"


def build_query(
    *,
    text: str = "",
    series: Iterable[str] = (),
    bodies: Iterable[str] = (),
    subjects: Iterable[str] = (),
    date_from: str = "",
    date_to: str = "",
    since: str = "",
) -> str:
    """A search in the library's syntax (MARC tag prefixes); the default covers the field."""
    parts = [text] if text else []
    series, bodies, subjects = list(series), list(bodies), list(subjects)
    if series:
        parts.append(any_of(f'191__a:"{s}*"' for s in series))
    if bodies:
        # Single quotes: a partial match ("UN. General Assembly (63rd sess. : 2008-2009)").
        parts.append(any_of(f"710__a:'{b}'" for b in bodies))
    if subjects:
        parts.append(any_of(f'650__a:"{s}"' for s in subjects))
    if date_from or date_to:
        parts.append(f"992:{date_from or '1945-01-01'}->{date_to or '9999-12-31'}")
    if since:
        parts.append(f"005:{since.replace('-', '')}->99999999")
    if not parts:
        return default_query(since=since)
    return " AND ".join(parts)


def default_query(*, since: str = "") -> str:
    """The field: the CCPCJ, CND, treaty conference and congress documents, the GA, ECOSOC, HRC
    and SC resolutions under the crime, drugs, corruption, terrorism and trafficking subjects, and
    the voting records of resolutions on those agenda items."""
    bodies = any_of(f'191__a:"{s}*"' for s in FIELD_SERIES)
    resolutions = any_of(f'191__a:"{s}*"' for s in RESOLUTION_SERIES)
    subjects = any_of(f'650__a:"{s}"' for s in FIELD_SUBJECTS)
    voted = any_of(f'791__a:"{s}*"' for s in RESOLUTION_SERIES)
    agenda = any_of(f"991__d:'{word}'" for word in FIELD_AGENDA_WORDS)
    query = (
        f"{bodies} OR ({resolutions} AND {subjects}) OR ({VOTING_RECORDS} AND {voted} AND {agenda})"
    )
    if since:
        query = f"({query}) AND 005:{since.replace('-', '')}->99999999"
    return query


def modified_since(raw: RawRecord, since: str) -> bool:
    """Whether a record was modified on or after `since` (YYYY-MM-DD) by its 005; a record
    without 005 counts as modified."""
    match = MODIFIED_RE.search(raw.data)
    return not match or match[1].decode() >= since.replace("-", "")


@dataclass
class CrawlResult:
    """What a crawl did: pages and records fetched, where it started."""

    pages: int = 0
    records: int = 0
    resumed_from: str = ""


def crawl(
    client: UndlClient,
    store: RawStore,
    query: str,
    *,
    report: ImportReport,
    dry_run: bool = False,
    since: str = "",
    max_pages: int | None = None,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
) -> CrawlResult:
    """Fetch, keep and import every page of a search, resuming from a saved cursor."""
    state = store.load_cursor(query) or {}
    result = CrawlResult(resumed_from=state.get("cursor", ""), records=state.get("records", 0))
    for page in client.search(query, cursor=result.resumed_from):
        read = import_page(
            page.data,
            report=report,
            dry_run=dry_run,
            keep=store.put,
            wanted=lambda raw: not since or modified_since(raw, since),
        )
        result.pages += 1
        result.records += read
        if not dry_run:
            store.save_cursor(query, {"cursor": page.cursor, "records": result.records})
        progress(read, page.total)
        if max_pages is not None and result.pages >= max_pages:
            return result
    store.clear_cursor(query)
    return result


def from_raw(store: RawStore, *, since: str = "") -> Iterator[RawRecord]:
    """The kept records, optionally only those modified since a date."""
    for raw in store.records():
        if not since or modified_since(raw, since):
            yield raw
