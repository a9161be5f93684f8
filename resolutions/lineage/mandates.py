"""Mandates: operative paragraphs that ask for a report or action by a time.

Pure Python. "Requests the Secretary-General to submit to the General Assembly at its
eighty-first session a report on ..." is a mandate: who (the Secretary-General, UNODC, the
Executive Director), what (the words of the request), and by when (the session, a year).

A request ("requests", "invites", "reiterates the request to") runs to the end of its clause: a
";" or the next operative verb after a comma or "and" (", and requests the Special Rapporteur",
", recalls"). It is a mandate when that clause asks for a report (to report, submit, inform,
apprise, brief or present; to prepare or provide a report, proposals or an update; to include
something in his report) and names when: a session by its number (in the General Assembly's
texts, the Assembly's, not another body's), a year, or a due date. A request with no time of
its own that serves a decision in the clause before it ("Decides to continue its examination
... at its eightieth session, and to this end requests ...") takes the session or meeting dates
that decision names. For the General Assembly, session N is due in 1945 + N.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.parsing.dates import MONTH_PATTERN
from resolutions.parsing.verbs import OPERATIVE_VERBS

WHO = {
    "secretary_general": "the Secretary-General",
    "unodc": "UNODC",
    "executive_director": "the Executive Director",
}
UNODC = "United Nations Office on Drugs and Crime"
# UNODC's Executive Director, not another office's ("the Executive Director of UN-Women").
REQUEST_RE = re.compile(
    r"\b(?:[Rr]equests?|[Ii]nvites?|[Rr]eiterates\s+(?:the|its)\s+requests?\s+to)\s+the\s+"
    rf"(?P<who>Secretary[- ]General|{UNODC}|"
    rf"Executive Director(?: of the (?:{UNODC}|Office))?(?! of\b))\b"
)
CLAUSE_END_RE = re.compile(
    r";|(?:,|\band\b)\s+(?:(?:and|also|further|in this regard|to this end|to that end|"
    r"accordingly|once again|therefore)\s+)*"
    rf"(?:{'|'.join(sorted(OPERATIVE_VERBS))})\b"
)
REPORT_VERBS = "report|submit|inform|apprise|brief|present"
# The act asked for: a report verb ("to report", "and submit"), or a report, proposals or an
# update to prepare, provide or include ("to include in his report", "to continue to include
# information ... in a report to be submitted", "to provide an update").
REPORT_RE = re.compile(
    rf"\b(?:to|and)\s+(?:(?:also|further|then|continue\s+to)\s+)?(?:{REPORT_VERBS})\b"
    r"|\b(?:to|and)\s+(?:also\s+)?(?:prepare|provide)\b[^;]{0,60}?\b(?:reports?|proposals|update)\b"
    r"|\bto\s+(?:(?:also|further|continue\s+to)\s+)?include\b[^;]{0,120}?"
    r"\b(?:his|the|a)\s+(?:\w+\s+)?report\b"
)
# A time the request gives itself without a date: "at its next session", "in his next report".
RELATIVE_RE = re.compile(
    r"\b(?:next|annual|annually|every|periodic|periodically|regularly|biennial|thereafter|"
    r"regular reports?|within \w+ (?:days|weeks|months)|in the context of|as part of)\b"
)
DECISION_RE = re.compile(r"\b[Dd]ecide[sd]\b")
UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
UNIT_WORDS = {w: i + 1 for i, w in enumerate(UNITS)}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
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
ORDINAL = r"[a-z]+(?:[- ]+[a-z]+)?"
# A session by its number, however the time is put: "at its eighty-first session", "during its
# eightieth session", "for the seventy-ninth session of the General Assembly", "at the main part
# of its eighty-second session", "at its seventy-ninth and eightieth sessions" (the first), but
# not another body's ("the fifty-sixth session of the Human Rights Council").
SESSION_RE = re.compile(
    r"\b(?:at|during|for|before|by|until|than|in|of|from)\s+(?P<whose>its|their|the)\s+"
    rf"(?:resumed\s+)?(?P<ordinal>{ORDINAL}|\d{{4}})(?:\s+and\s+{ORDINAL})?\s+sessions?\b",
    re.IGNORECASE,
)
# "the Nth session of the Human Rights Council": a session of another body.
OTHER_BODY_RE = re.compile(r"\s+of\s+the\s+(?!(?:General\s+)?Assembly\b)")
# The body named right before "at its Nth session": "to the Commission on the Status of Women".
NAMED_BODY_RE = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|on|of|the|and|for))*)\s+$"
)
YEAR_RE = re.compile(
    r"\b(?:in|by|before|during|for|(?:beginning|starting) from)\s+(?P<year>20\d\d|19\d\d)\b"
)
DAYS = rf"(?:\d{{1,2}}\s+(?:(?:{MONTH_PATTERN})\s+)?(?:to|and|-|\u2013)\s+)?(?:\d{{1,2}}\s+)?"
# A due date: "by 31 March 2027", "no later than April 2027".
DUE_DATE_RE = re.compile(
    rf"\b(?:by|before|until|(?:no|not) later than)\s+{DAYS}(?:{MONTH_PATTERN})\s+"
    r"(?P<year>20\d\d|19\d\d)\b"
)
# A meeting's dates: "to meet from 31 August to 4 September 2026", "to be held in 2026".
MEETING_RE = re.compile(
    r"\b(?:meet|held|hold|convene|convened)\b[^;]{0,60}?\b(?:from|on|in|during)\s+"
    rf"{DAYS}(?:(?:{MONTH_PATTERN})\s+)?(?P<year>20\d\d|19\d\d)\b"
)
# The General Assembly's session N opens in September of 1945 + N.
GA_FIRST_YEAR = 1945


@dataclass(frozen=True)
class Mandate:
    """Who is asked, what (the request's words), and by which session or year."""

    who: str
    what: str
    session: int | None
    year: int | None

    @property
    def due(self) -> tuple[str, int | None, int | None]:
        """Who is asked and by when: what a labelled mandate is compared on."""
        return self.who, self.session, self.year


def ordinal_number(words: str) -> int | None:
    """ "eighty-first" (or "eightyfirst", "eighty first") -> 81, "tenth" -> 10, "eightieth" -> 80;
    None if not an ordinal."""
    word = re.sub(r"[\s-]+", "", words.lower())
    if word in TEENS:
        return TEENS[word]
    if word in UNIT_WORDS:
        return UNIT_WORDS[word]
    for tens, value in TENS.items():
        if word == tens[:-1] + "ieth":
            return value
        if word.startswith(tens) and word[len(tens) :] in UNIT_WORDS:
            return value + UNIT_WORDS[word[len(tens) :]]
    return None


def another_body(text: str, found: re.Match[str], assembly: bool) -> bool:
    """Whether a session found is another body's: "the Nth session of the Human Rights
    Council", or, in the General Assembly's texts, a body other than the Assembly named right
    before "at its Nth session" ("to the Commission on the Status of Women at its ...")."""
    whose = found["whose"].lower()
    if whose == "the":
        return bool(OTHER_BODY_RE.match(text, found.end()))
    if not assembly or whose != "its":
        return False
    named = NAMED_BODY_RE.search(text[max(0, found.start() - 120) : found.start()])
    return bool(named) and not named["name"].endswith("Assembly")


def session_named(text: str, assembly: bool = False) -> tuple[int | None, int | None]:
    """The first session a text names by number: "at its eighty-first session" -> (81, None),
    "during its eightieth session" -> (80, None); "at its 2026 session" -> (None, 2026),
    whoever's session it is. An ordinal session of another body is passed over."""
    for found in SESSION_RE.finditer(text):
        if found["ordinal"].isdigit():
            return None, int(found["ordinal"])
        if another_body(text, found, assembly):
            continue
        if number := ordinal_number(found["ordinal"]):
            return number, None
    return None, None


def due_named(
    text: str, *year_patterns: re.Pattern[str], assembly: bool = False
) -> tuple[int | None, int | None]:
    """The session a text names, and the year of the first of `year_patterns` it holds when it
    names none by year: a request's own clause ("in 2026", "by 31 March 2027": YEAR_RE,
    DUE_DATE_RE) or the decision it serves (its meeting's dates: MEETING_RE)."""
    session, year = session_named(text, assembly)
    for pattern in year_patterns if year is None else ():
        if found := pattern.search(text):
            return session, int(found["year"])
    return session, year


def who_of(words: str) -> str:
    """The office a request names, as a key of WHO."""
    words = words.lower()
    if words.startswith("united nations office"):
        return "unodc"
    return "executive_director" if words.startswith("executive") else "secretary_general"


def clause_start(text: str, end: int) -> int:
    """Where the clause holding position `end` begins (after a ";" or an operative verb)."""
    start = 0
    for found in CLAUSE_END_RE.finditer(text, 0, end):
        start = found.start() if found.group() != ";" else found.end()
    return start


def serves_decision(clause: str, before: str) -> bool:
    """Whether a request follows a decision in its clause and gives itself no time, not even a
    relative one ("in his next report")."""
    return bool(DECISION_RE.search(before)) and not RELATIVE_RE.search(clause)


def mandate_of(text: str, *, body: str = "") -> Mandate | None:
    """The mandate in an operative paragraph: its first request for a report that is due by
    a session, a year or a date."""
    assembly = body == "GA"
    for match in REQUEST_RE.finditer(text):
        ending = CLAUSE_END_RE.search(text, match.end())
        clause = text[match.end() : ending.start() if ending else len(text)]
        if not REPORT_RE.search(clause):
            continue
        session, year = due_named(clause, YEAR_RE, DUE_DATE_RE, assembly=assembly)
        before = text[clause_start(text, match.start()) : match.start()]
        if (session, year) == (None, None) and serves_decision(clause, before):
            session, year = due_named(before, MEETING_RE, assembly=assembly)
        if session is None and year is None:
            continue
        if session and assembly:
            year = GA_FIRST_YEAR + session
        what = " ".join(text[match.start() : match.end() + len(clause)].split())[:500]
        return Mandate(who_of(match.group("who")), what, session, year)
    return None
