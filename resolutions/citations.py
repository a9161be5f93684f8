"""Citation keys: one normalized name per citable text, shared by documents and references.

Pure Python. A reference to General Assembly resolution 66/128 and the document whose symbol is
A/RES/66/128 (or which is GA resolution 66/128 without a symbol) share the key "A/RES/66/128".
Bodies with a symbol convention get their symbol; the others are named "BODY number"
("COP-UNTOC 5/3"), with "decision" inserted for their decisions ("CND decision 58/1").
"""

from __future__ import annotations

import re
from typing import Protocol

# Symbol series of resolutions and decisions, by body code.
RESOLUTION_SERIES: dict[str, str] = {
    "GA": "A/RES/",
    "ECOSOC": "E/RES/",
    "SC": "S/RES/",
    "HRC": "A/HRC/RES/",
}
DECISION_SERIES: dict[str, str] = {
    "GA": "A/DEC/",
    "ECOSOC": "E/DEC/",
    "HRC": "A/HRC/DEC/",
}

SPACES_RE = re.compile(r"\s+")
SLASH_SPACES_RE = re.compile(r"\s*/\s*")
# Security Council numbers carry their year: "2242 (2015)", however spaced.
SC_NUMBER_RE = re.compile(r"^(\d+)\s*\(\s*(\d{4})\s*\)$")
DECISION_RE = re.compile(r"\bdecisions?\b", re.IGNORECASE)


class Citable(Protocol):
    """What `reference_key` reads from a parsed reference."""

    type: str
    body: str | None
    number: str | None
    symbol: str | None
    cited_text: str


def normalize_symbol(symbol: str) -> str:
    """A document symbol with spaces collapsed and none around slashes; case is kept."""
    return SLASH_SPACES_RE.sub("/", SPACES_RE.sub(" ", symbol.strip()))


def normalize_number(number: str) -> str:
    """A resolution number as printed, spaces collapsed; "2242(2015)" becomes "2242 (2015)"."""
    number = SLASH_SPACES_RE.sub("/", SPACES_RE.sub(" ", number.strip()))
    if match := SC_NUMBER_RE.match(number):
        return f"{match[1]} ({match[2]})"
    return number


def number_key(body_code: str, number: str, *, decision: bool = False) -> str:
    """The key of a numbered resolution or decision: ("GA", "66/128") gives A/RES/66/128."""
    number = normalize_number(number)
    body_code = body_code.strip().upper()
    series = (DECISION_SERIES if decision else RESOLUTION_SERIES).get(body_code)
    if series:
        return f"{series}{number}"
    return f"{body_code} decision {number}" if decision else f"{body_code} {number}"


def document_key(symbol: str | None, body_code: str, doc_type: str, number: str | None) -> str:
    """A document's key: its symbol, else body and number for resolutions and decisions, else ""."""
    if symbol and symbol.strip():
        return normalize_symbol(symbol)
    if number and number.strip() and doc_type in {"resolution", "decision"}:
        return number_key(body_code, number, decision=doc_type == "decision")
    return ""


def reference_key(ref: Citable) -> str:
    """A reference's key: its symbol, else body and number ("decision" when the text says so)."""
    if ref.type == "document":
        return normalize_symbol(ref.symbol or "")
    if not (ref.body and ref.number and ref.number.strip()):
        return ""
    return number_key(ref.body, ref.number, decision=bool(DECISION_RE.search(ref.cited_text)))
