"""Whom an operative paragraph addresses, read from the words between its verb and "to".

Pure Python. "Requests the Secretary-General to ..." addresses the Secretary-General; "Urges
Member States and the private sector to ..." addresses Member States and the private sector;
a paragraph that decides, welcomes, notes or reaffirms something addresses the body itself.
Measured on hand-labelled paragraphs in docs/lineage.md.
"""

from __future__ import annotations

import re

# Verbs that ask someone to act, opening the paragraph or a later clause ("..., and urges
# Member States to"): their addressee stands between the verb and "to".
ADDRESSING_RE = re.compile(
    r"\b(?:[Rr]equests|[Uu]rges|[Cc]alls upon|[Cc]alls on|[Ii]nvites|[Ee]ncourages|"
    r"[Aa]ppeals to|[Rr]ecommends that|[Aa]uthorizes|[Dd]emands that|[Rr]eminds|"
    r"[Rr]eiterates its call upon|[Ww]e (?:also )?(?:encourage|urge|call upon|invite))\b"
)
# A cheap first look: every addressing verb holds one of these.
ADDRESSING_HINT_RE = re.compile(r"quest|rge|alls? |vite|courage|ppeal|commend|uthori|emand|emind")
# Checked in order; a phrase found is blanked so that shorter ones inside it do not match again.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("unodc", r"United Nations Office on Drugs and Crime|\bUNODC\b|Executive Director|"
                  r"\bthe Office\b(?! (?:of|for))"),
        ("secretary_general", r"Secretary[- ]General(?: of the United Nations)?"),
        ("group_of_states", r"States parties|States Parties|States that have not|"
                            r"Government of (?:the )?[A-Z]|development partners|donors?\b|"
                            r"nuclear-weapon States|countries of the region|concerned parties|"
                            r"States that are Party|"
                            r"(?:developing|developed|donor|affected|interested|African|"
                            r"least developed|landlocked|transit|small island|"
                            r"middle-income)[\w\s,-]{0,40}?(?:countries|States)|"
                            r"States concerned|concerned States|administering Powers?|"
                            r"States members of|\bthe parties\b|all parties|"
                            r"High Contracting Parties|States in a position"),
        ("member_states", r"Member States|\ball States\b|\bStates\b|Governments?\b|"
                          r"international community|public officials|authorities|regulators"),
        ("regional_organizations", r"regional (?:and subregional )?organizations|"
                                   r"regional and international organizations|African Union|"
                                   r"intergovernmental organizations|European Union|"
                                   r"international organizations|regional fisheries management|"
                                   r"regional organizations|subregional organizations"),
        ("civil_society", r"civil society|non-governmental organizations|academi[ac]|"
                          r"relevant stakeholders|all stakeholders|other stakeholders"),
        ("private_sector", r"private sector|business(?:es)?\b|industry"),
        ("un_entity", r"United Nations|specialized agencies|funds and programmes|"
                      r"High Commissioner|Special Rapporteur|Special Committee|Commission\b|"
                      r"Council\b|President of the General Assembly|Conference on Disarmament|"
                      r"Committee\b|Working Group|Programme\b|Organization\b|Fund\b|Entity\b|"
                      r"Bank\b|Mechanism\b|Board\b|Conference of the Parties|Office\b|Centre\b|"
                      r"intergovernmental bodies|financial institutions|development banks|"
                      r"\bUnit\b|Law Commission"),
    )
)  # fmt: skip
TO_RE = re.compile(r"\s(?:to|in order to|that)\s|;")
# "Requests that the Secretary-General submit ...": the addressee follows "that"; a pronoun
# ("requests that he submit") stands for one named before the verb.
THAT_RE = re.compile(r"\s+that\s+(?P<pronoun>(?:he|she|they)\s)?")


def addressee_windows(text: str) -> list[str]:
    """The words after each addressing verb up to the "to" (or "that") of the requested action;
    for a request "that" someone act, the words after "that", or before the verb where a pronoun
    stands for the one named there."""
    windows: list[str] = []
    if not ADDRESSING_HINT_RE.search(text):
        return windows
    for match in ADDRESSING_RE.finditer(text):
        rest = text[match.end() :]
        that = None if match[0].endswith("that") else THAT_RE.match(rest)
        if that and that["pronoun"]:
            windows.append(text[: match.start()])
            continue
        rest = rest[that.end() :] if that else rest
        end = TO_RE.search(rest)
        windows.append(rest[: end.start()] if end else rest[:200])
    return windows


def addressees_of(text: str) -> frozenset[str]:
    """The addressees of an operative paragraph (keys of resolutions/addressees.py's ADDRESSEES);
    the body itself if none."""
    return addressees_in(addressee_windows(text))


def addressees_in(windows: list[str]) -> frozenset[str]:
    """The addressees named in addressee windows; the body itself if none."""
    found = set()
    for window in windows:
        for name, pattern in PATTERNS:
            if pattern.search(window):
                found.add(name)
                window = pattern.sub(" ", window)
    return frozenset(found or {"body_itself"})
