"""Reading raw GET values: lists of short clean strings, years, one line of text.

Anything a person can type into a URL arrives here: very long strings, NUL and other control
characters, repeated parameters. What cannot be used is reported (CleanError), never passed on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# A hard ceiling on repeated values of one parameter: more is a mistake or abuse.
MAX_VALUES = 20
MAX_VALUE_LENGTH = 120
FIRST_YEAR, LAST_YEAR = 1900, 2100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class CleanError(ValueError):
    """A value that cannot be used as given; `usable` is what can be kept of it (or None)."""

    def __init__(self, message: str, *, usable: Any = None, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.usable = usable
        self.param = param


class Reread(CleanError):
    """A value understood otherwise than typed (a reversed range): a notice, not an error."""


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def clean_values(raw: Iterable[str]) -> list[str]:
    """Non-empty, distinct, stripped values; too long, too many or control characters: error."""
    values: list[str] = []
    for item in raw:
        item = str(item).strip()
        if not item or item in values:
            continue
        if has_control_characters(item):
            raise CleanError("control characters are not allowed", usable=values or None)
        if len(item) > MAX_VALUE_LENGTH:
            raise CleanError(
                f"a value longer than {MAX_VALUE_LENGTH} characters", usable=values or None
            )
        values.append(item)
    if len(values) > MAX_VALUES:
        raise CleanError(f"more than {MAX_VALUES} values", usable=values[:MAX_VALUES])
    return values


def kept_values(raw: Iterable[str]) -> tuple[list[str], CleanError | None]:
    """The values `clean_values` keeps, and what was wrong with the others (None: nothing), so
    that a facet's own checks still run on the values kept from a malformed list."""
    try:
        return clean_values(raw), None
    except CleanError as error:
        return list(error.usable or ()), error


def clean_text(raw: Iterable[str], *, limit: int) -> str:
    """One line of text: the last value given, whitespace collapsed, at most `limit` characters."""
    values = [str(item) for item in raw]
    if not values:
        return ""
    text = " ".join(values[-1].split())
    if has_control_characters(text):
        raise CleanError("control characters are not allowed", usable=None)
    if len(text) > limit:
        raise CleanError(f"longer than {limit} characters", usable=None)
    return text


def clean_year(raw: Iterable[str], name: str) -> int | None:
    """A year between FIRST_YEAR and LAST_YEAR, or None when absent."""
    text = clean_text(raw, limit=12)
    if not text:
        return None
    try:
        year = int(text)
    except ValueError:
        raise CleanError(f"“{text}” is not a year", param=name) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CleanError(f"{year} is outside {FIRST_YEAR} to {LAST_YEAR}", param=name)
    return year
