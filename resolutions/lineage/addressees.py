"""Whom an operative paragraph addresses, read from the words between its verb and "to".

Pure Python. "Requests the Secretary-General to ..." addresses the Secretary-General; "Urges
Member States and the private sector to ..." addresses Member States and the private sector;
a paragraph that decides, welcomes, notes or reaffirms something addresses the body itself.
Measured on hand-labelled paragraphs in docs/lineage.md.
"""

from __future__ import annotations

import re

from resolutions.parsing.countries import COUNTRIES

# A State named ("urges the Islamic Republic of Iran to"), not after a preposition ("the
# United Nations Integrated Office in Burundi").
COUNTRY_NAMES = (
    r"(?<!\bin )(?<!\bfor )(?<!\bof )(?<!\bon )(?<!\bwith )(?<!\bfrom )(?-i:\b(?:"
    + "|".join(
        re.escape(name)
        for name in sorted(
            {n for c in COUNTRIES for n in (c.name, *c.aliases) if len(n) > 3},
            key=len,
            reverse=True,
        )
    )
    + r")\b)"
)

# The verbs that ask someone to act, in their base form.
VERBS = r"(?:request|urge|call upon|call on|invite|encourage|appeal to|authori[sz]e)"
# Verbs that ask someone to act, opening the paragraph or a later clause ("..., and urges
# Member States to"): their addressee stands between the verb and "to". Also a call, demand or
# request reiterated ("Reiterates its demand that the parties"), the base form after
# "continues to" or "decides to" ("decided to request the Secretary-General"), at the opening
# of a declaration's paragraph ("Request the Secretary-General") or after "we", or opening a
# decision's listed clause ("decides: (a) To invite ..."), and the past tense a decision's clause
# opens with ("(b) Invited the Bureau ...").
ADDRESSING_RE = re.compile(
    r"\b(?:[Rr]equests|[Uu]rges|[Cc]alls upon|[Cc]alls on|[Ii]nvites|[Ee]ncourages|"
    r"[Aa]ppeals to|[Rr]ecommends that|[Aa]uthori[sz]es|[Dd]emands that|[Rr]eminds|"
    r"(?:[Rr]eiterates|[Rr]enews) its (?:call|demand|request|appeal)s? (?:upon|on|to|that)|"
    rf"(?:[Cc]ontinues|[Dd]ecides|[Dd]ecided)(?:,[^,;]{{1,60}},)? to {VERBS}|"
    rf"[Ww]e (?:also )?{VERBS}|"
    r"(?:Requested|Urged|Called upon|Called on|Invited|Encouraged|Authori[sz]ed))\b"
    r"|^(?:Also |Further )?(?:Request|Urge|Call upon|Call on|Invite|Encourage)\b"
    rf"|(?P<listed>\(\w{{1,4}}\) (?:Also t|T)o {VERBS}\b)"
)
# The list a decision's clauses follow ("decides: (a) To invite"), not a mandate's tasks ("(i) To
# encourage and support") nor decisions recalled.
DECISION_LIST_RE = re.compile(r"\b[Dd]ecide[sd]:")
# A cheap first look: every addressing verb holds one of these.
ADDRESSING_HINT_RE = re.compile(
    r"quest|rge|all(?:s|ed)? |vite|courage|ppeal|commend|uthori|emand|emind"
)
# Checked in order; a phrase found is blanked so that shorter ones inside it do not match again.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("unodc", r"United Nations Office on Drugs and Crime|\bUNODC\b|Executive Director|"
                  r"\bthe Office\b(?! (?:of|for))"),
        ("un_entity", r"(?:Special |Personal |Deputy )?(?:Representative|Envoy|Advis[eo]r)s? "
                      r"of the Secretary[- ]General"),
        ("secretary_general", r"Secretary[- ]General(?: of the United Nations)?"),
        # regional organizations by name ("the Council of Europe", "the League of Arab States"),
        # before the States and Councils their names hold
        ("regional_organizations", r"Council of Europe|League of Arab States|"
                                   r"Organi[sz]ation (?:of American States|of Islamic Cooperation|"
                                   r"for Security and Co-?operation in Europe)|"
                                   r"Economic Community of (?:West|Central) African States|"
                                   r"Southern African Development Community|Caribbean Community|"
                                   r"Association of Southeast Asian Nations|"
                                   r"Intergovernmental Authority on Development|"
                                   r"(?-i:\b(?:OSCE|ECOWAS|ECCAS|SADC|ASEAN|CARICOM|IGAD)\b)"),
        ("group_of_states", r"States parties|States Parties|States that have not|"
                            r"States (?:(?:that|which) are )?not (?:yet )?part|"
                            r"Governments? of (?:the )?[A-Z]|development partners|donors?\b|"
                            r"(?:international|bilateral) partners|"
                            r"\bthe (?:[\w-]+ ){0,2}?Government\b(?! of)|"
                            r"(?-i:\b[A-Z][A-Za-z]+ (?:authorities|political institutions))|"
                            # a nationality's forces or a side ("Turkish forces", "the Turkish
                            # Cypriot side"); Governments by acronym ("the FGS", "the TGNU")
                            r"(?-i:\b[A-Z][a-z]+(?:ish|ese|ian|an|i|ch) (?:[Aa]rmed |[Ss]ecurity "
                            r"|[Dd]efen[cs]e )?[Ff]orces\b|\b[A-Z][\w-]+ side\b)|"
                            r"(?-i:\b(?:FGS|TFG|TGNU|R?TGoNU|LNTG|GNA|GNU|FMS)\b)|"
                            r"Federal Member States|"
                            # States qualified by what they do or have ("States operating open
                            # registry", "Member States with strong external positions")
                            r"\bStates (?!parties\b|(?:includ|regard|concern|follow|accord|"
                            r"pend|tak|bear)ing\b)[a-z]+ing\b|\bStates with (?!the\b|an?\b)|"
                            r"nuclear-weapon States|"
                            r"(?:countries|States) of the (?:[\w-]+ ){0,3}?(?:sub)?region\b|"
                            # members of an organization ("Member States of the ICGLR", "AU
                            # Member States"), not of the United Nations
                            r"Member States of (?:the )?(?!United Nations|Organization)(?-i:[A-Z])|"
                            r"(?-i:\b(?!UN\b)[A-Z]{2,}|African Union|European Union) member States|"
                            r"States that are Part(?:y|ies)|States (?:referred to|mentioned) in|"
                            r"Member States acting\b[^,;]*|(?:troop|police)[\w\s-]{0,20}?"
                            r"contributing countries|"
                            r"members of (?:the )?(?:United Nations )?specialized agencies|"
                            # the Assembly's observers: States and organizations, both
                            r"(?=observers of the (?:General Assembly|United Nations))|"
                            r"(?:developing|developed|donor|affected|interested|African|"
                            r"neighbouring|least developed|landlocked|transit|small island|"
                            r"middle-income)[\w\s,-]{0,40}?(?:countries|States)|"
                            r"States concerned|concerned States|administering Powers?|"
                            r"States members of|"
                            # parties to a treaty or a conflict ("Parties to the Cartagena
                            # Protocol", "all State parties"), not the Conference of the Parties,
                            # political or interested parties
                            r"(?<!of the )(?<!political )(?<!interested )\bparties\b|"
                            r"\b(?:both|the two) sides\b|\bthe sides\b|"
                            r"High Contracting Parties|States in a position"),
        ("member_states", r"Member States(?: of the United Nations)?|\ball States\b|\bStates\b|"
                          r"Governments?\b|international community|public officials|authorities|"
                          r"regulators"),
        ("group_of_states", COUNTRY_NAMES),
        # "regional economic integration organizations", "international institutions and
        # organizations", not "intergovernmental bodies and international organizations"
        ("regional_organizations", r"(?:regional|subregional|international|intergovernmental|"
                                   r"multilateral)"
                                   r"(?:,? (?:and )?(?!non-|bodies|agencies|entities)[\w-]+){0,3}?"
                                   r" organizations|"
                                   r"African Union|(?-i:\bAU\b|AMISOM|ATMIS)|European Union|"
                                   r"regional fisheries management|international institutions|"
                                   r"international governmental\b|"
                                   r"observers of the (?:General Assembly|United Nations)"),
        ("civil_society", r"civil society|non-governmental organizations|academi[ac]|"
                          r"(?:relevant|all|other|key)(?: [\w-]+)? stakeholders|foundations\b|"
                          r"(?-i:\b[A-Z][a-z]+ stakeholders)|"
                          r"(?:and|concerned|interested|relevant|private) individuals\b|"
                          r"relevant (?:[\w-]+,? (?:and )?){0,3}?actors|\bcommunities\b"),
        ("private_sector", r"private sector|business(?:es)?\b|industry"),
        ("un_entity", r"United Nations|specialized agencies|funds and programmes|"
                      r"humanitarian agencies|(?-i:\bUN\b|\bUN[A-Z]{2,}\b|\bM[IO]NU[A-Z]+\b)|"
                      r"High Commissioner|Special Rapporteur|Special Committee|Commission\b|"
                      r"Council\b|President of the General Assembly|Conference on Disarmament|"
                      r"Committee\b|Working Group|Programme\b|Organization\b|Fund\b|Entity\b|"
                      r"Bank\b|Mechanism\b|Board\b|(?:Conference|Meeting)s? of the Parties|"
                      r"Office\b|Centre\b|intergovernmental bodies|development banks|"
                      r"(?:international|multilateral)[\w\s,-]{0,30}?financial institutions|"
                      r"(?:Group|Panel) of (?:[\w-]+ ){0,4}?Experts|"
                      r"\bUnit\b|Law Commission|Secretariat\b|(?-i:\bPanel\b)"),
    )
)  # fmt: skip
# The "to" (or "that", ";" or ":") that ends an addressee: not that of "parties to armed
# conflict", "States referred to in", a second addressee's ("..., as well as to", "and to") or a
# qualifying phrase's ("organizations with the competence to manage"), nor a relative clause's
# "that" ("States that have not yet done so").
TO_RE = re.compile(
    r"\s(?:(?<!States referred )(?<!as well as )(?<!\band )(?<!competence )(?<!capacity )"
    r"(?<!capacities )(?<!ability )(?<!means )"
    r"to(?! (?:the |an |any )?(?:armed )?conflicts?\b)|in order to|"
    r"that(?! (?:have|has|are|is|were|had)\b))\s|[;:]"
)
# A phrase between commas that says with whom or how the addressee acts, not who: ", with the
# support of the United Nations,", ", in cooperation with ...,", ", including through ...,",
# ", directly or through regional fisheries management organizations,"
# (not ", including", nor ", in particular", which name addressees).
ASIDE_RE = re.compile(
    r",\s*(?:with|in(?! particular)|through|including through|within|under|upon|subject to|"
    r"directly|individually|collectively|jointly|nationally|bilaterally|"
    r"pursuant to|at the request of|consistent with|bearing in mind|taking into account)\b"
    r"[^,;]*(?=,|$)"
)
# A relative clause between commas before more addressees or the action (", which have the
# primary responsibility to counter ..., and"), left out before the window's end is sought, its
# "to" not the action's.
RELATIVE_RE = re.compile(r",\s*(?:which|who)\b[^,;]*(?=, (?:and |as well as |to ))")
# "Requests that the Secretary-General submit ...": the addressee follows "that"; a pronoun
# ("requests that he submit") stands for one named before the verb.
THAT_RE = re.compile(r"\s+that\s+(?P<pronoun>(?:he|she|they)\s)?")
# An addressee referred back to ("requests the latter to", "calls on him to"): "the latter"
# stands for the last addressee named before the verb, "him" or "her" for the last person (not
# "them", often the subject of a clause followed by other names).
BACK_REFERENCE_RE = re.compile(r"\s*(?:(?P<anyone>the latter)|him|her)\s*")
PERSONS_RE = re.compile(
    r"(?:(?:Special |Personal |Deputy )?(?:Representative|Envoy)s? of the )?Secretary[- ]General|"
    r"Executive Director|High Commissioner|Special Rapporteur|"
    r"President of the (?:General Assembly|Security Council|Economic and Social Council)"
)
# "the Office" stands for UNODC unless another Office is named before the verb ("the United
# Nations Office for South-South Cooperation ..., and calls upon the Office", "the Office of the
# High Commissioner ...").
THE_OFFICE_RE = re.compile(r"\bthe Office\b(?! (?:of|for|on|in)\b)")
OFFICE_RE = re.compile(r"\bOffice (?:of|for|on|in) (?:the )?[A-Z][\w-]*")
# The thing encouraged, not someone asked ("encourages the work and the deployment of ...",
# "encourages further accelerated actions and multi-stakeholder partnerships"): no addressee.
THING_RE = re.compile(
    r"\s*(?:the |further )?(?:[\w-]+ ){0,2}?"
    r"(?:work|deployment|actions|partnerships?|participation|involvement|use|implementation|"
    r"commitment|support)(?= of\b| and\b| at\b| for\b|,)"
)


def addressee_windows(text: str) -> list[str]:
    """The words after each addressing verb up to the "to" (or "that") of the requested action;
    for a request "that" someone act, the words after "that", or before the verb where a pronoun
    stands for the one named there."""
    windows: list[str] = []
    if not ADDRESSING_HINT_RE.search(text):
        return windows
    for match in ADDRESSING_RE.finditer(text):
        if match["listed"] and not DECISION_LIST_RE.search(text, 0, match.start()):
            continue
        rest = text[match.end() :]
        that = None if match[0].endswith("that") else THAT_RE.match(rest)
        if that and that["pronoun"]:
            windows.append(text[: match.start()])
            continue
        rest = rest[that.end() :] if that else rest
        rest = RELATIVE_RE.sub("", rest)
        end = TO_RE.search(rest)
        window = rest[: end.start()] if end else rest[:200]
        if THING_RE.match(window):
            continue
        if back := BACK_REFERENCE_RE.fullmatch(window):
            window = named_last(text[: match.start()], bool(back["anyone"]))
        offices = OFFICE_RE.findall(text, 0, match.start()) if "the Office" in window else []
        if offices and not offices[-1].startswith("Office on Drugs"):
            window = THE_OFFICE_RE.sub(offices[-1], window)
        windows.append(ASIDE_RE.sub("", window))
    return windows


def named_last(text: str, anyone: bool) -> str:
    """The addressee named last in the text: anyone, or else a person."""
    if not anyone:
        return ["", *PERSONS_RE.findall(text)][-1]
    found = [m for _, pattern in PATTERNS for m in pattern.finditer(text)]
    return max(found, key=lambda m: m.end())[0] if found else ""


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
