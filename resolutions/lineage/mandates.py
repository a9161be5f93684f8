"""Mandates: operative paragraphs that ask for a report or action by a time.

Pure Python. "Requests the Secretary-General to submit to the General Assembly at its
eighty-first session a report on ..." is a mandate: who (the Secretary-General, UNODC, the
Executive Director), what (the words of the request), and by when (the session, a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHO = {
    "secretary_general": "the Secretary-General",
    "unodc": "UNODC",
    "executive_director": "the Executive Director",
}
REQUEST_RE = re.compile(
    r"\b[Rr]equests?\s+the\s+(?P<who>Secretary[- ]General|United Nations Office on Drugs and Crime|"
    r"Executive Director(?: of the United Nations Office on Drugs and Crime)?)\b"
    r"(?P<rest>[^;]*)"
)
REPORT_RE = re.compile(r"\b(?:report|submit|inform|brief|present)", re.IGNORECASE)
UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
UNIT_WORDS = {w: i + 1 for i, w in enumerate(UNITS)}
TENS = {
    "twent": 20,
    "thirt": 30,
    "fort": 40,
    "fift": 50,
    "sixt": 60,
    "sevent": 70,
    "eight": 80,
    "ninet": 90,
}
TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
SESSION_RE = re.compile(r"\bat its (?P<ordinal>[a-z]+(?:[- ][a-z]+)?|\d{4}) session", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:in|by|before|during|for) (?P<year>20\d\d|19\d\d)\b")
# The General Assembly's session N opens in September of 1945 + N.
GA_FIRST_YEAR = 1945


@dataclass(frozen=True)
class Mandate:
    """Who is asked, what (the request's words), and by which session or year."""

    who: str
    what: str
    session: int | None
    year: int | None


def ordinal_number(words: str) -> int | None:
    """ "eighty-first" -> 81, "thirty-third" -> 33, "tenth" -> 10; None if not an ordinal."""
    words = words.lower().replace(" ", "-")
    if words in TEENS:
        return TEENS[words]
    if words in UNIT_WORDS:
        return UNIT_WORDS[words]
    tens, _, unit = words.partition("-")
    for stem, value in TENS.items():
        if tens.startswith(stem):
            if not unit:
                return value if tens.endswith("ieth") else None
            return value + UNIT_WORDS[unit] if unit in UNIT_WORDS else None
    return None


def mandate_of(text: str, *, body: str = "") -> Mandate | None:
    """The mandate in an operative paragraph, if it requests a report or action by a time."""
    match = REQUEST_RE.search(text)
    if not match or not REPORT_RE.search(match.group("rest")):
        return None
    who_text = match.group("who").lower()
    who = (
        "unodc"
        if who_text.startswith("united nations office")
        else "executive_director"
        if who_text.startswith("executive")
        else "secretary_general"
    )
    rest = match.group("rest")
    session = year = None
    if found := SESSION_RE.search(rest):
        ordinal = found.group("ordinal")
        if ordinal.isdigit():
            year = int(ordinal)
        else:
            session = ordinal_number(ordinal)
    if year is None and (found := YEAR_RE.search(rest)):
        year = int(found.group("year"))
    if session is None and year is None:
        return None
    if year is None and session and body == "GA":
        year = GA_FIRST_YEAR + session
    what = " ".join(text[match.start() : match.end()].split())[:500]
    return Mandate(who, what, session, year)
