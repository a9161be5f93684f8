"""The rows that migrations seed (bodies, topic vocabulary, staff roles), re-creatable at will.

A transactional test flushes every table, migrated rows included; `ensure_reference_data()`
puts them back by running the same seeding functions the migrations run, idempotently.
"""

from __future__ import annotations

import importlib

from django.apps import apps

from .roles import ensure_roles

# (migration module, seeding function): the data migrations whose rows tests rely on.
SEEDS = (
    ("resolutions.migrations.0002_seed_bodies", "add_bodies"),
    ("resolutions.migrations.0003_topics_and_ingest_identity", "add_topics"),
)


def ensure_reference_data() -> None:
    """Create the seeded bodies, topics and staff groups where they are missing."""
    for module_name, function_name in SEEDS:
        getattr(importlib.import_module(module_name), function_name)(apps, None)
    ensure_roles(apps)
