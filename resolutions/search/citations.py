"""Citations typed into the search: "A/RES/66/128", "ECOSOC 2014/23", "resolution 66/128"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import (
    DECISION_SERIES,
    RESOLUTION_SERIES,
    normalize_number,
    normalize_symbol,
    number_key,
)

_CITATION_BODY_NAMES = {
    "GA": "GA",
    "A": "GA",
    "GENERAL ASSEMBLY": "GA",
    "ECOSOC": "ECOSOC",
    "E": "ECOSOC",
    "ECONOMIC AND SOCIAL COUNCIL": "ECOSOC",
    "SC": "SC",
    "S": "SC",
    "SECURITY COUNCIL": "SC",
    "HRC": "HRC",
    "HUMAN RIGHTS COUNCIL": "HRC",
    "CCPCJ": "CCPCJ",
    "COMMISSION ON CRIME PREVENTION AND CRIMINAL JUSTICE": "CCPCJ",
    "CND": "CND",
    "COMMISSION ON NARCOTIC DRUGS": "CND",
    "COP-UNTOC": "COP-UNTOC",
    "COP": "COP-UNTOC",
    "COSP-UNCAC": "COSP-UNCAC",
    "COSP": "COSP-UNCAC",
}
_SYMBOL_RE = re.compile(r"^[A-Za-z]{1,10}(?:/[A-Za-z0-9.\-()]+)+$")
_NUMBER_RE = re.compile(
    r"^(?:(?P<body>[A-Za-z][A-Za-z \-]*?)\s+)?"
    r"(?:(?P<kind>resolution|decision|res\.?|dec\.?)\s*)?"
    r"(?P<number>\d{1,4}/\d{1,4}(?:\s*[A-Z])?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    """What a typed citation names: symbols, keys it may be filed under, a body and number."""

    symbols: tuple[str, ...]
    keys: tuple[str, ...]
    body: str | None
    number: str | None


def parse_citation(text: str) -> Citation | None:
    """Read a typed symbol or citation; ordinary words are None.

    "E/RES/2014/23" is a symbol; "resolution 66/128", "ECOSOC 2014/23", "GA res. 66/128" are a
    body (when named) and a number, with the symbols such a resolution would carry.
    """
    text = " ".join(text.split())
    if not text or len(text) > 120:
        return None
    if _SYMBOL_RE.match(text):
        symbol = normalize_symbol(text)
        return Citation(symbols=(symbol,), keys=(symbol,), body=None, number=None)
    match = _NUMBER_RE.match(text)
    if not match:
        return None
    body_name = (match["body"] or "").strip().upper()
    if body_name in {"RESOLUTION", "DECISION", "RES", "DEC"}:
        body_name = ""
    if body_name.endswith((" RESOLUTION", " DECISION")):
        body_name = body_name.rsplit(" ", 1)[0]
    body = None
    if body_name:
        body = _CITATION_BODY_NAMES.get(body_name)
        if body is None:
            return None
    number = normalize_number(match["number"])
    decision = (match["kind"] or "").lower().startswith("dec")
    if body:
        key = number_key(body, number, decision=decision)
        symbols = (key,) if key.startswith(("A/", "E/", "S/")) else ()
        return Citation(symbols=symbols, keys=(key,), body=body, number=number)
    # "resolution 66/128" names no body: any body whose resolutions carry such a symbol.
    series = DECISION_SERIES if decision else RESOLUTION_SERIES
    symbols = tuple(f"{prefix}{number}" for prefix in series.values())
    return Citation(symbols=symbols, keys=symbols, body=None, number=number)


def citation_keys(text: str) -> list[str]:
    """The keys a cited document may be filed under: the text itself, and what it reads as."""
    text = " ".join(text.split())
    keys = [text]
    parsed = parse_citation(text)
    if parsed:
        keys += [key for key in parsed.keys if key not in keys]
    return keys
