"""The one vocabulary of paragraph openers: known verbs, modifiers, fixed phrases, misspellings."""

from __future__ import annotations

import re

# Words that qualify an opener and are not part of it ("Also notes", "Deeply concerned").
MODIFIERS: frozenset[str] = frozenset(
    {
        "also",
        "further",
        "furthermore",
        "again",
        "once",
        "strongly",
        "deeply",
        "profoundly",
        "gravely",
        "fully",
        "firmly",
        "highly",
        "seriously",
        "greatly",
        "particularly",
        "especially",
        "equally",
        "likewise",
        "similarly",
        "duly",
        "warmly",
        "sincerely",
        "solemnly",
        "urgently",
        "most",
        "still",
        "moreover",
        "additionally",
        "finally",
        "hereby",
        "emphatically",
        "resolutely",
        "unequivocally",
        "categorically",
        "vigorously",
        "keenly",
        "increasingly",
        "extremely",
        "earnestly",
        "respectfully",
        "cordially",
        "wholeheartedly",
        "sorely",
        "acutely",
        "mindfully",
    }
)

# Multi-word openers kept whole, longest first within each start word.
# Phrases written two ways, recorded in one form: "Calls on" is "calls upon".
PHRASE_VARIANTS: dict[str, str] = {"calls on": "calls upon"}
FIXED_PHRASES: tuple[str, ...] = (
    "calls upon",
    "calls on",
    "calls for",
    "looks forward",
    "takes note",
    "takes into account",
    "takes into consideration",
    "bears in mind",
    "keeps in mind",
    "bearing in mind",
    "keeping in mind",
    "taking note",
    "taking into account",
    "taking into consideration",
    "having considered",
    "having examined",
    "having reviewed",
    "having heard",
    "having received",
    "having adopted",
    "having regard",
    "having studied",
    "having met",
    "having decided",
)

OPERATIVE_VERBS: frozenset[str] = frozenset(
    {
        "accepts",
        "acknowledges",
        "adopts",
        "affirms",
        "agrees",
        "appeals",
        "applauds",
        "appoints",
        "appreciates",
        "approves",
        "asks",
        "assures",
        "authorizes",
        "calls",
        "censures",
        "commends",
        "commits",
        "recommits",
        "re-emphasizes",
        "concludes",
        "concurs",
        "condemns",
        "confirms",
        "congratulates",
        "considers",
        "decides",
        "declares",
        "deems",
        "defers",
        "demands",
        "denounces",
        "deplores",
        "designates",
        "determines",
        "directs",
        "draws",
        "elects",
        "emphasizes",
        "encourages",
        "endorses",
        "entrusts",
        "envisages",
        "establishes",
        "exhorts",
        "expresses",
        "extends",
        "finds",
        "highlights",
        "hopes",
        "insists",
        "instructs",
        "intends",
        "invites",
        "launches",
        "looks",
        "mandates",
        "notes",
        "offers",
        "pledges",
        "proclaims",
        "announces",
        "promises",
        "proposes",
        "reaffirms",
        "reappoints",
        "recalls",
        "recognizes",
        "recommends",
        "regrets",
        "reiterates",
        "rejects",
        "reminds",
        "renews",
        "repeats",
        "requests",
        "resolves",
        "reviews",
        "salutes",
        "seeks",
        "solicits",
        "stresses",
        "strengthens",
        "submits",
        "suggests",
        "supports",
        "takes",
        "thanks",
        "transmits",
        "trusts",
        "undertakes",
        "underlines",
        "underscores",
        "urges",
        "welcomes",
        "wishes",
        "condones",
        "acclaims",
        "admonishes",
        "advises",
        "allocates",
        "anticipates",
        "articulates",
        "believes",
        "cautions",
        "clarifies",
        "dedicates",
        "emphasises",
        "expects",
        "explores",
        "facilitates",
        "favours",
        "identifies",
        "implores",
        "informs",
        "notifies",
        "observes",
        "opposes",
        "prohibits",
        "reinforces",
        "reserves",
        "restates",
        "specifies",
        "states",
        "summons",
        "supplements",
        "underpins",
    }
)

PREAMBULAR_OPENERS: frozenset[str] = frozenset(
    {
        "acknowledging",
        "acting",
        "affirming",
        "alarmed",
        "anxious",
        "appalled",
        "appreciating",
        "approving",
        "aware",
        "bearing",
        "believing",
        "cognizant",
        "commending",
        "committed",
        "concerned",
        "condemning",
        "confident",
        "conscious",
        "considering",
        "contemplating",
        "convinced",
        "decrying",
        "deploring",
        "desiring",
        "desirous",
        "determined",
        "determining",
        "disturbed",
        "dismayed",
        "distressed",
        "emphasizing",
        "encouraged",
        "endorsing",
        "expressing",
        "fulfilling",
        "gratified",
        "guided",
        "having",
        "highlighting",
        "inspired",
        "keeping",
        "looking",
        "building",
        "heartened",
        "mindful",
        "noting",
        "observing",
        "persuaded",
        "paying",
        "pleased",
        "praising",
        "reaffirming",
        "realizing",
        "recalling",
        "recognizing",
        "referring",
        "reiterating",
        "regretting",
        "reminding",
        "resolved",
        "seeking",
        "shocked",
        "stressing",
        "striving",
        "taking",
        "troubled",
        "underlining",
        "underscoring",
        "urging",
        "welcoming",
        "wishing",
        "saddened",
        "satisfied",
        "acknowledged",
        "outraged",
        "horrified",
        "reasserting",
        "re-emphasizing",
        "recommending",
        "supporting",
        "trusting",
        "viewing",
        "hoping",
        "declaring",
        "insisting",
        "calling",
        "appealing",
        "encouraging",
        "deeming",
        "upholding",
        "valuing",
        "welcomed",
        "worried",
        "sharing",
        "pursuant",
        "recognising",
        "notwithstanding",
        "reviewing",
        "confirming",
        "assessing",
        "agreeing",
        "fearing",
        "perturbed",
        "sensitive",
        # Openers found in the corpus's preambles in round 7.
        "remaining",
        "disappointed",
        "honouring",
        "recommitting",
        "continuing",
        "renewing",
        "inviting",
        "demanding",
        "commemorating",
        "proclaiming",
        "aiming",
        "proceeding",
        "reconfirming",
        "rejecting",
        "marking",
        "expecting",
        "asserting",
    }
)

MISSPELLINGS: dict[str, str] = {
    "recognising": "recognizing",
    "recognises": "recognizes",
    "emphasising": "emphasizing",
    "emphasises": "emphasizes",
    "realising": "realizing",
    "authorises": "authorizes",
    "acknowleges": "acknowledges",
    "acknowleging": "acknowledging",
    "encourges": "encourages",
    "reaffirmes": "reaffirms",
    "recalles": "recalls",
    "wellcomes": "welcomes",
    "welcomming": "welcoming",
    "stressess": "stresses",
    "requestes": "requests",
    "concious": "conscious",
    "congnizant": "cognizant",
    "cognisant": "cognizant",
    "convinved": "convinced",
    "recalllng": "recalling",
}

# Base forms of operative verbs ("Encourage" -> "encourages").
OPERATIVE_BASE_FORMS: dict[str, str] = {}
for _verb in OPERATIVE_VERBS:
    if _verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        OPERATIVE_BASE_FORMS[_verb[:-2]] = _verb
    if _verb.endswith("ies"):
        OPERATIVE_BASE_FORMS[_verb[:-3] + "y"] = _verb
    OPERATIVE_BASE_FORMS.setdefault(_verb[:-1], _verb)
del _verb

WORD_RE = re.compile(r"[A-Za-z][A-Za-z\u2019'-]*")
OPENER_WORDS_MAX = 6
# An opening clause of a few words to its first comma, then the words after it.
CLAUSE_THEN_WORDS_RE = re.compile(r"[A-Z][^,;:.]{0,120},[ ]+((?:[a-z]+[ ]+){0,5}[a-z]+)")


def normalize_word(word: str) -> str:
    """A word in lower case with the standard spelling."""
    lowered = word.lower().replace("\u2019", "'")
    return MISSPELLINGS.get(lowered, lowered)


def extract_verb(text: str, *, kind: str, first_person: bool = False) -> str | None:
    """The normalized opening verb or phrase of a paragraph; None for kind "other" or no word.

    In a declaration whose subject is "We, the ...," (`first_person`) the verb is kept in the
    form printed ("reaffirm", "commit"): it is right for its subject, not a misspelling.
    """
    if kind == "other":
        return None
    words = [normalize_word(word) for word in WORD_RE.findall(text[:200])[: OPENER_WORDS_MAX + 4]]
    while len(words) > 1 and is_modifier(words[0], following=words[1]):
        words = words[1:]
    if not words:
        return None
    phrase = match_fixed_phrase(words) or perfect_participle(words)
    if phrase:
        return phrase
    if kind == "operative" and not is_known_opener(words[0]) and not third_person(words[0]):
        after = verb_after_clause(text)
        if after:
            return after
    return words[0] if first_person else standardize_verb(words[0], kind=kind)


def third_person(word: str) -> bool:
    """Whether a word reads as a verb of the third person, the paragraph's own though missing
    from the vocabulary ("Pays tribute ...", "Remains concerned ...")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def verb_after_clause(text: str) -> str | None:
    """The verb after an opening clause of an operative paragraph ("Pending the total
    elimination of nuclear weapons, urges ...", "In this regard, also requests ..."): an
    operative verb in its standard form right after the first comma, modifiers skipped."""
    clause = CLAUSE_THEN_WORDS_RE.match(text)
    if clause is None:
        return None
    words = [normalize_word(word) for word in WORD_RE.findall(clause.group(1))]
    while len(words) > 1 and is_modifier(words[0], following=words[1]):
        words = words[1:]
    if not words or words[0] not in OPERATIVE_VERBS:
        return None
    return match_fixed_phrase(words) or words[0]


def is_modifier(word: str, *, following: str) -> bool:
    """Whether `word` qualifies the opener that follows it."""
    if word in MODIFIERS:
        return True
    return word.endswith("ly") and len(word) > 4 and is_known_opener(following)


def match_fixed_phrase(words: list[str]) -> str | None:
    """The fixed phrase that the words open with, if any; modifiers inside the phrase are
    dropped first ("Calls once again upon" -> "calls upon", "Calls also for" -> "calls for")."""
    if words:
        rest = words[1:]
        while rest and rest[0] in MODIFIERS:
            rest = rest[1:]
        words = [words[0], *rest]
    for phrase in FIXED_PHRASES:
        parts = phrase.split()
        if words[: len(parts)] == parts:
            return PHRASE_VARIANTS.get(phrase, phrase)
    return None


# Past participles that do not end in "-ed": "Having taken note", "Having heard".
IRREGULAR_PARTICIPLES = frozenset(
    {"taken", "heard", "met", "held", "seen", "given", "undertaken", "made", "found", "done"}
)


def perfect_participle(words: list[str]) -> str | None:
    """ "having" and the past participle after it, as the fixed phrases "having considered" and
    "having examined" are kept: "Having discussed" -> `having discussed`, "Having also
    conducted" -> `having conducted`; None for any other opening."""
    if not words or words[0] != "having":
        return None
    rest = [word for word in words[1:3] if word not in MODIFIERS]
    if rest and (rest[0].endswith("ed") or rest[0] in IRREGULAR_PARTICIPLES):
        return f"having {rest[0]}"
    return None


def standardize_verb(word: str, *, kind: str) -> str:
    """Misspelt or base forms turned into the standard form of the paragraph's kind."""
    if word in OPERATIVE_VERBS or word in PREAMBULAR_OPENERS:
        return word
    if word.endswith("ise") or word.endswith("ises") or word.endswith("ising"):
        americanized = word.replace("is", "iz")
        if is_known_opener(americanized):
            return americanized
    if kind == "operative" and word in OPERATIVE_BASE_FORMS:
        return OPERATIVE_BASE_FORMS[word]
    return word


def is_known_opener(word: str) -> bool:
    """Whether `word` is in the vocabulary of openers (either kind)."""
    word = MISSPELLINGS.get(word, word)
    return word in OPERATIVE_VERBS or word in PREAMBULAR_OPENERS or word in OPERATIVE_BASE_FORMS


def is_preambular_opener(word: str) -> bool:
    """Whether a capitalized word can open a preambular paragraph."""
    return normalize_word(word) in PREAMBULAR_OPENERS


def is_operative_verb(word: str) -> bool:
    """Whether a word is an operative verb in its standard or base form."""
    word = normalize_word(word)
    return word in OPERATIVE_VERBS or word in OPERATIVE_BASE_FORMS


PAST_IRREGULAR: dict[str, str] = {"took": "takes", "made": "makes", "gave": "gives"}
# Words before a verb that make it no verb of the statement's own ("had decided", "was elected").
# "having considered the letter" opens a clause before the statement's verb.
AUXILIARIES = frozenset(
    {"had", "has", "have", "having", "was", "were", "been", "be", "is", "are", "being"}
)
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "these", "those", "such", "all"})
# Words after a verb that make it a participle qualifying a noun ("the group established pursuant
# to resolution 75/240", "the members appointed by the Assembly", "the call made in the report",
# "the commitments made at the Summit", "the Committee established by resolution 69/292"; not
# "decided by 51 votes").
PARTICIPLE_AFTER = (
    "pursuant",
    "under ",
    "by the",
    "in the",
    "at the",
    "by resolution",
    "by its resolution",
    "by decision",
    "by its decision",
)
# Prepositions after a past form that follows a plural noun make it a participle qualifying the
# noun ("the limitations recommended on meetings", "the elections scheduled for June").
PARTICIPLE_PREPOSITIONS = frozenset({"on", "for", "by", "in", "at", "within", "during", "under"})
# Words after a preamble's adjective ("determined to", "encouraged by", "alarmed at").
STANDING_AFTER = ("to ", "by ", "at ", "about ", "with ")
# Prepositions before a past form that make it an adjective ("with established practice").
PREPOSITIONS_BEFORE = frozenset({"with", "in", "on", "of", "for", "under", "within", "from"})
# A statement's verb may follow a long clause of recalled resolutions (about 250 words).
STATEMENT_WORDS_MAX = 400
FIRST_ITEM_VERB_RE = re.compile(r":\s+\(a\)[ ]+(?:(?:Also|Further)[ ]+)?([A-Z][a-z]+)")
# A lettered or numbered item opens with the statement's verb: "(a) Decided", "a. Decided",
# "1. Decided"; so does a block after a heading ("Section A" / "Decided to defer ...").
SUBITEM_BEFORE_RE = re.compile(r"(?:\([a-z]{1,2}\)|(?<![\w.])(?:[a-z]|\d{1,2})\.)[ ]*$|\n\n$")


# A statement going on into its act: "proceeded independently of one another to elect", "continued
# ... to elect": the infinitive is the statement's verb.
GOING_ON_TO_RE = re.compile(r"\b(?:proceeded|continued)(?:[ ][a-z]+){0,5}?[ ]to[ ]([a-z]+)\b")


def statement_verb(text: str) -> str | None:
    """The verb of a decision's statement ("..., the Council took note of") in the operative form
    ("takes note"): the first past or present operative verb written in lower case or opening
    a lettered item, or the operative infinitive after "proceeded ... to"."""
    matches = list(WORD_RE.finditer(text[:4000]))[:STATEMENT_WORDS_MAX]
    going = GOING_ON_TO_RE.search(text[:4000])
    going_verb = going and OPERATIVE_BASE_FORMS.get(going.group(1))
    for index, match in enumerate(matches):
        if going and going_verb and match.start() >= going.start():
            return going_verb
        word = match.group(0)
        if word[0].isupper() and not SUBITEM_BEFORE_RE.search(
            text[max(0, match.start() - 6) : match.start()]
        ):
            continue
        present = present_form(normalize_word(word))
        # The word just before, in the same phrase (no punctuation between them).
        previous = matches[index - 1] if index else None
        adjacent = previous and not text[previous.end() : match.start()].strip()
        before = previous.group(0).lower() if adjacent else ""
        after = " ".join(m.group(0).lower() for m in matches[index + 1 : index + 3])
        # "had decided", "as noted in", "taking note of" (a participle's phrase), "established
        # pursuant to": none of them is the statement's verb.
        clause = before in AUXILIARIES or before == "as" or before.endswith("ing")
        if present and (clause or after.startswith(PARTICIPLE_AFTER)):
            continue
        # "and determined to strengthen", "concerned that", "encouraged by": a preamble's
        # adjective saying how the body stands, not what it did; "in accordance with established
        # practice": a past form after a preposition qualifies a noun.
        if present and (
            (normalize_word(word) in PREAMBULAR_OPENERS and after.startswith(STANDING_AFTER))
            or (word.endswith("ed") and before in PREPOSITIONS_BEFORE)
        ):
            continue
        printed_before = previous.group(0) if adjacent else ""
        if (
            present
            and after_plural_noun(printed_before, word)
            and after.split(" ")[0] in (PARTICIPLE_PREPOSITIONS)
        ):
            continue
        # A plural noun that is also a verb: "the strategic plans and mandates of", "the
        # requests": written in the present, after a determiner or before "of".
        if present == normalize_word(word) and (before in DETERMINERS or after.startswith("of ")):
            continue
        if present:
            following = [normalize_word(m.group(0)) for m in matches[index + 1 : index + 3]]
            return match_fixed_phrase([present, *following]) or present
    # A long opening clause ending in a colon before lettered items: "(a) Decided to ...".
    item = FIRST_ITEM_VERB_RE.search(text)
    return present_form(normalize_word(item.group(1))) if item else None


def after_plural_noun(before: str, word: str) -> bool:
    """Whether a past form ("recommended") follows a plural common noun in the same phrase ("the
    limitations recommended"), which makes it a participle, not the statement's verb; a name's
    last word ("the Commission on Narcotic Drugs decided by 51 votes") is none."""
    return (
        word.endswith("ed")
        and before.islower()
        and len(before) > 3
        and before.endswith("s")
        and not before.endswith(("ss", "us", "is"))
        and before not in AUXILIARIES
    )


def present_form(word: str) -> str | None:
    """The operative (present) form of a verb written in the past or present, or None."""
    if word in PAST_IRREGULAR:
        return PAST_IRREGULAR[word]
    if word in OPERATIVE_VERBS and word != "states":
        return word
    if not word.endswith("ed"):
        return None
    stems = [word[:-1], word[:-2]]
    if word.endswith("ied"):
        stems.insert(0, word[:-3] + "y")
    if len(word) > 4 and word[-3] == word[-4]:
        stems.append(word[:-3])
    for stem in stems:
        if stem in OPERATIVE_BASE_FORMS:
            return OPERATIVE_BASE_FORMS[stem]
        if stem + "s" in OPERATIVE_VERBS:
            return stem + "s"
    return None


# An amendment's instructions: "Delete operative paragraphs 3, 43 and 45.", "After operative
# paragraph 3, insert a new operative paragraph, reading: ...".
INSTRUCTION_VERBS = frozenset({"delete", "insert", "replace", "add", "amend", "renumber", "move"})
INSTRUCTION_WORDS_MAX = 16


def instruction_verb(text: str) -> str | None:
    """The instruction of an amendment's paragraph in lower case ("delete", "insert"), or None."""
    for match in list(WORD_RE.finditer(text[:300]))[:INSTRUCTION_WORDS_MAX]:
        word = match.group(0).lower()
        if word in INSTRUCTION_VERBS:
            return word
    return None
