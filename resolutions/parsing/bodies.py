"""Names of UN bodies and their codes, as documents spell them."""

from __future__ import annotations

import re

# Longest names first so that "Economic and Social Council" wins over "Council".
BODY_NAMES: tuple[tuple[str, str], ...] = (
    (
        r"Conference of the Parties to the United Nations Convention"
        r" against Transnational Organized Crime",
        "COP-UNTOC",
    ),
    (
        r"Conference of the States Parties to the United Nations Convention against Corruption",
        "COSP-UNCAC",
    ),
    (r"Commission on Crime Prevention and Criminal Justice", "CCPCJ"),
    (
        r"United Nations Congress on (?:the )?(?:Crime Prevention|Prevention of Crime)[\w ]{0,60}",
        "CONGRESS",
    ),
    (r"Commission on Narcotic Drugs", "CND"),
    (r"Economic and Social Council", "ECOSOC"),
    (r"Human Rights Council", "HRC"),
    (r"Security Council", "SC"),
    (r"General Assembly", "GA"),
    (r"ECOSOC", "ECOSOC"),
    (r"CCPCJ", "CCPCJ"),
    (r"CND", "CND"),
    (r"HRC", "HRC"),
    (r"Crime Commission", "CCPCJ"),
)
BODY_NAME_RE = re.compile("|".join(f"(?:{name})" for name, _ in BODY_NAMES))
BODY_CODE_RES = tuple((re.compile(name), code) for name, code in BODY_NAMES)
# The enacting formula: "The Economic and Social Council," before the first paragraph.
# The heading of a decision's part: "A", "B.", "DECISION C".
DECISION_PART = r"(?:DECISION[ ])?[A-H]\.?"
INTRO_WORD = r"(?:[A-Z][\w\u2019'-]*|of|the|on|to|and|against|for|in)"
# The formula ends with a comma, or a colon before lettered paragraphs ("The General Assembly:"),
# or, without either, goes on into a lead that its numbered paragraphs complete ("The General
# Assembly" / "Resolves that, for 2026:" / "1. Appropriations totalling ... are approved ...").
INTRO_RE = re.compile(
    rf"(?:^|(?<=[\s\]*_]))The ({INTRO_WORD}(?: {INTRO_WORD}){{0,16}})"
    r"(?:[,:]|\s+(?P<lead>Resolves)[ ]that\b[^\n.;:]{0,80}:)(?=\s)"
)
# A body's formula printed without its comma on a line of its own, over a paragraph that opens
# with a verb ("The Economic and Social Council" / "Recommends to the General Assembly ...");
# its `lead` group never takes part, as in a formula with its comma.
BARE_INTRO_RE = re.compile(
    rf"(?:^|(?<=\n))The ({BODY_NAME_RE.pattern})(?P<lead>(?!))?(?=[ ]*\n\n[A-Z][a-z]+s[ ])"
)
SYMBOL_BODIES: tuple[tuple[str, str], ...] = (
    ("A/HRC/", "HRC"),
    ("A/CONF.", "CONGRESS"),
    ("A/", "GA"),
    ("E/CN.15/", "CCPCJ"),
    ("E/CN.7/", "CND"),
    ("E/", "ECOSOC"),
    ("S/", "SC"),
    ("CTOC/COP/", "COP-UNTOC"),
    ("CAC/COSP/", "COSP-UNCAC"),
)


def body_code(name: str) -> str | None:
    """The code of the body that `name` names in full, or None."""
    for pattern, code in BODY_CODE_RES:
        if pattern.fullmatch(name.strip()):
            return code
    return None


def body_opening(text: str) -> str | None:
    """The code of the body whose name opens `text`, or None."""
    for pattern, code in BODY_CODE_RES:
        if pattern.match(text):
            return code
    return None


def body_in(text: str) -> str | None:
    """The code of the first body named anywhere in `text`, or None."""
    match = BODY_NAME_RE.search(text)
    return body_code(match.group(0)) if match else None


def body_of_symbol(symbol: str) -> str | None:
    """The body that issues documents under `symbol`'s series, or None."""
    for prefix, code in SYMBOL_BODIES:
        if symbol.startswith(prefix):
            return code
    return None
