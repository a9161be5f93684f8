"""The countries documents name as sponsors: each name as the archive spells it, and the country
rows, created on first mention (with the ISO code and other spellings when the name is known)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError
from django.utils.text import slugify

from .models import Country
from .parsing.countries import canonical_country as state_name
from .parsing.countries import country_by_name


def sponsor_names(names: Iterable[str]) -> list[str]:
    """The sponsors' names as the archive keeps them, in order, each once."""
    return list(dict.fromkeys(filter(None, map(sponsor_name, names))))


def sponsor_countries(names: Iterable[str]) -> list[Country]:
    """The countries named, in order, each once (created on first mention)."""
    canonical = sponsor_names(names)
    countries = countries_by_name(canonical)
    return [countries[name] for name in canonical]


def sponsor_name(name: str) -> str:
    """A sponsor's name as the archive keeps it: the State's own name when known."""
    return state_name(name) or " ".join(name.split())


def countries_by_name(names: Iterable[str]) -> dict[str, Country]:
    """The countries named (canonical names), created on first mention (ISO code when known)."""
    wanted: dict[str, Country] = {}
    for canonical in names:
        if canonical and canonical not in wanted:
            known = country_by_name(canonical)
            wanted[canonical] = Country(
                name=canonical,
                iso3=known.iso3 if known else None,
                aliases=list(known.aliases) if known else [],
                slug=slugify(canonical)[:120] or "country",
            )
    if not wanted:
        return {}
    existing = {c.name: c for c in Country.objects.filter(name__in=wanted)}
    missing = [country for name, country in wanted.items() if name not in existing]
    if missing:
        Country.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {c.name: c for c in Country.objects.filter(name__in=wanted)}
    unknown = set(wanted) - set(existing)
    if unknown:
        raise IntegrityError(
            f"cannot add sponsor {sorted(unknown)[0]!r}: its slug or code is taken"
        )
    return existing
