"""The search version: a number that moves on with every write to a table search counts read.

Each such model declares `bumps_search_version()`: a statement-level AFTER INSERT, UPDATE,
DELETE or TRUNCATE trigger that takes the sequence's next value. The facet and count cache
(`search/counts_cache.py`) keys its entries on the version, so a write leaves them unread.
A sequence is not transactional: the new value is seen before the write commits (see
docs/search.md, "The count cache", for the race this opens and how it is bounded).
"""

from __future__ import annotations

from pgtrigger import After, Delete, Insert, Statement, Trigger, Truncate, Update

SEQUENCE = "resolutions_search_version"


def bumps_search_version() -> Trigger:
    """The trigger that moves the search version on after any write to the model's table."""
    return Trigger(
        name="bump_search_version",
        when=After,
        level=Statement,
        operation=Insert | Update | Delete | Truncate,
        func=f"PERFORM nextval('{SEQUENCE}'); RETURN NULL;",
    )
