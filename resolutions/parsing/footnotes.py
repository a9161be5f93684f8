"""Footnotes: bodies taken out of the running text, markers replaced by sentinels."""

from __future__ import annotations

import re

from .dates import MONTH_PATTERN, MONTHS
from .types import Footnote
from .verbs import MODIFIERS, is_operative_verb, is_preambular_opener

# A marker in the running text becomes SENTINEL_OPEN + marker + SENTINEL_CLOSE.
SENTINEL_OPEN = "\ue000"
SENTINEL_CLOSE = "\ue001"
SENTINEL_RE = re.compile("\ue000([^\ue001\ue000]{1,12})\ue001")
# A block that is an asterisk note: "* Any changes to the list of sponsors will be reflected ...".
STAR_NOTE_RE = re.compile(r"(\*{1,3})[ \t]+([A-Z][^\n]*(?:\n(?!\n)[^\n]*)*)$")
# A block noting later sponsors: "Subsequently, Estonia and Peru joined in sponsoring the draft".
JOINED_NOTE_RE = re.compile(r"[^\n]{0,2000}\bjoined[ ]in[ ]sponsoring\b[^\n]{0,300}$")
# A note written out in parentheses, with the marker printed before it or not: after the
# punctuation ("resolution.7 (Footnote: ...)"), in brackets after it or after a word
# ("resolution. [2] (footnote: ...)", "President[1] (Footnote: ...)") or glued to the word
# before the punctuation ("Fifth Committee8. (Footnote: ...)").
# Square brackets hold a note between a decision's parts ("[Footnote: Decision 77/538, in ...]"),
# parentheses one after a part's heading ("DECISION A (Decision 75/553, in section B.6 ...)").
# The label's colon may be missing before a capital ("(footnote A/77/L.1; see also A/77/PV.3)").
# A bracketed symbol with its paragraph after a comma is a note printed without its label
# ("on the recommendation of the Sixth Committee, (A/79/487, para.7.)").
PARENTHESIZED_NOTE_RE = re.compile(
    r"(?:(?<=[,.;:\u201d\u2019)])(?P<marker>\d{1,3})"
    r"|(?<=[,.;:A-Za-z])[ ]?\[(?P<bracketed>\d{1,3})\]"
    r"|(?<=[a-z])(?P<glued>\d{1,3})(?P<stop>[.,;:])(?=[ ]*[(\[][Ff]ootnote:))?[ ]*"
    r"(?:\([Ff]ootnote(?::[ ]*|[ ]+(?=[A-Z]))(?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\)"
    r"|\[[Ff]ootnote:[ ]*(?P<between>[^\[\]]*)\]"
    r"|(?<=,)[ ]*\((?P<unlabelled>(?:A|E|S)/[\w./-]+,[ ]*paras?\.[ ]?\d+(?:[-\u2013]\d+)?\.?)\)"
    r"|\((?P<published>Decision[ ]+\d+/\d+,[ ]in[ ]section\b[^()]*(?:\([^()]*\)[^()]*)*)\))"
    r"(?P<again>\.(?![\w/]))?"
)
# A note written out between two commas leaves one ("abstentions, (Footnote: See A/78/PV.99.),
# recalling").
DOUBLED_COMMA_RE = re.compile(r"(,[ ]*\ue000[^\ue001\ue000]{1,12}\ue001)[ ]*,")
# The word part of a slashed symbol just before its number: "1/CP.", "A/72/L.", "Add.".
SYMBOL_PART_BEFORE_RE = re.compile(r"/(?:[\w.]*/)?[A-Z][A-Za-z]{0,4}\.$")
SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPTS}]{{1,3}}")
SUPERSCRIPT_BODY_RE = re.compile(f"^[ ]?([{SUPERSCRIPTS}]{{1,3}})[ ]*(\\S.*)$", re.DOTALL)
INLINE_SUPERSCRIPT_BODY_RE = re.compile(f"(?<=\\s)([{SUPERSCRIPTS}]{{1,3}})[ ]+(?=[A-Z\u201c\"'(])")
MARKDOWN_MARKER_RE = re.compile(r"\[\^([\w*]{1,8})\]")
MARKDOWN_BODY_RE = re.compile(r"^\[\^([\w*]{1,8})\]:[ ]*(.*)$", re.DOTALL)
# Footnotes of 1990s documents: "session, 1/ and of ...", bodies "1/ Official Records ..." after
# a rule at the end.
SLASH_BODY_RE = re.compile(r"^(\d{1,3})/[ ]+(\S.*)$", re.DOTALL)
SLASH_MARKER_RE = re.compile(r"(?<=[\w.,;:)\u201d\"\u2019])[ ]?(\d{1,3})/(?=[\s,;:.)]|$)")
# A body opens with a capital, a quotation mark, a bracket, a year ("1 2010 Review Conference") or
# a web address ("11 http://legal.un.org/repertory.", "12 www.un.org/...").
BODY_START_RE = re.compile(
    r"(?:(?<=\s)|^)(\d{1,3}) (?=[A-Z\u201c\"'(]|(?:19|20)\d\d[ ,][A-Z]|https?://|www\.)"
)
STAR_BODY_RE = re.compile(r"(?<=\s)(\*{1,3}|\u2020|\u2021) (?=[A-Z\u201c\"'(])")
STAR_MARKER_RE = re.compile(r"(?<=[\w.,;:)])(\*{1,3}|\u2020|\u2021)(?=[\s,;:.]|$)")
# A footnote body opening a block ("4 Resolution 69/283, annex II."), and a year with a marker.
BODY_BLOCK_RE = re.compile(r"(?:^|\n\n)(\d{1,3}) (?=[A-Z\u201c\"'(])")
YEAR_MARKER_RE = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)([1-9]\d?)(?=[ ,;:.\n]|$)")
# A marker after a space, or attached to the word or punctuation before it ("thereto1"); never
# a number's whole part ("2.1 billion", "regulation 2.10").
NUMBER_TOKEN_RE = re.compile(
    r"(?:(?<=[\w.,;:)\u201d\"\u2019])[ ]|(?<=[a-z.,;:)\u201d\"\u2019]))"
    r"(\d{1,3})(?=[ ,;:\n]|\.(?![ ]?[A-Z(*]|\d)|$)"
)
RESUME_RE = re.compile(
    r"(?<!\s\d)(?<!\s\d\d)\.[ ]+(?:[a-z]|\d{1,3}\.[ ][A-Z]|\([a-z]{1,3}\)[ ]|([A-Z][a-z]+)\b"
    r"|\d{1,3}(?:st|nd|rd|th)[ ](?:plenary[ ])?meeting\b)"
)
# A body ending in a number ("chap. I, resolution 1.") before a numbered paragraph ("1. Endorses").
NUMBER_END_RESUME_RE = re.compile(r"(?<=\d)\.[ ]+\d{1,3}\.[ ]([A-Z][a-z]+)\b")
# A marker glued to a year after "of", "in" or a month ("Psychotropic Substances of 19712": 1971
# and note 2); taken off only when the trailing digits name a footnote of the run.
# A note's marker glued after a word's (or a bracket's) comma, a lower-case word after it.
UNPRINTED_MARKER_RE = re.compile(r"(?<=[^\W\d_)]),\d{1,3}(?=[ ][a-z])")
GLUED_YEAR_RE = re.compile(
    rf"(?<![\w-])((?:[Oo]f|[Ii]n|{MONTH_PATTERN})[ ]+(?:19|20)\d\d)(\d{{1,2}})"
    r"(?=[ ,;:\n]|\.(?!\d)|$)"
)
# Capitalized parts of document symbols ("Corr.1", "Amend.2", "Suppl.1").
SYMBOL_WORDS = frozenset({"Corr", "Amend", "Suppl", "Part", "Sect", "Vols", "Add", "Rev"})
BLANK_RUN_RE = re.compile(r"(?:\n\n)+")
LAST_WORD_RE = re.compile(r"[A-Za-z]+$")
LAST_NAME_RE = re.compile(r"([A-Za-z]+)[^\w\ue000]*$")
WORD_BEFORE_RE = re.compile(r"([\w.]+)[ ]*$")
WORD_AFTER_RE = re.compile(r"^\W*([\w.]+)")
# A number between others in a list ("paragraphs 10, 12, 18, 20 and 30") is one of them.
LIST_BEFORE_RE = re.compile(r"\d,[ ]$")
LIST_AFTER_RE = re.compile(r"^(?:,[ ]?\d|[ ](?:and|or|to)[ ]\d)")
# A count of posts by grade or category in a list of posts ("(1 Under-Secretary-General, 1 P-5,
# 1 P-4 and 1 General Service (Other level))", "2 P-4, 1 P-2, 1 GS (PL)"): no marker.
POST_COUNT_AFTER_RE = re.compile(
    r"^[ ](?:[PD]-\d|(?:Under|Assistant)-Secretary-General|GS[ ]\((?:PL|OL)\)|General[ ]Service"
    r"|Field[ ]Service|National[ ]Professional[ ]Officer|Local[ ]level)\b"
)
OPERATIVE_INSIDE_RE = re.compile(r"[;:,] \d{1,3}\. [A-Z]")
# Numbers after these words are article, paragraph, volume... numbers, never footnote markers.
NOT_MARKER_BEFORE = frozenset(
    {
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "para",
        "para.",
        "paras.",
        "no",
        "no.",
        "nos.",
        "vol",
        "vol.",
        "vols.",
        "volume",
        "chapter",
        "chap.",
        "chapters",
        "annex",
        "section",
        "sections",
        "rule",
        "rules",
        "item",
        "items",
        "principle",
        "principles",
        "guideline",
        "guidelines",
        "recommendation",
        "recommendations",
        "goal",
        "goals",
        "target",
        "targets",
        "session",
        "of",
        "on",
        "to",
        "from",
        "and",
        "or",
        "by",
        "than",
        "under",
        "over",
        "at",
        "in",
        "with",
        "within",
        "about",
        "page",
        "pages",
        "p.",
        "pp.",
        "part",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "supplement",
        "the",
        "for",
        "between",
        "table",
        "figure",
        "box",
        "step",
        "level",
        "phase",
        "protocol",
        "convention",
        "module",
        "objective",
        "sdg",
        "years",
        "group",
        "tier",
        "approximately",
        "some",
        "nearly",
        "only",
        "least",
        "most",
        "first",
        "last",
        "per",
        "option",
        "cluster",
        "sub-item",
        "subparagraph",
        "subparagraphs",
        "to.",
        "op",
        "pp",
    }
)
NOT_MARKER_AFTER = frozenset(
    {
        *MONTHS,
        "per",
        "percent",
        "years",
        "year",
        "months",
        "days",
        "million",
        "billion",
        "states",
        "members",
        "countries",
        "persons",
        "people",
        "cases",
    }
)
# Nouns a number counts ("38 States"); after punctuation, such a number is still the marker of a
# note found nowhere else between its neighbours' markers.
COUNTED_NOUNS = frozenset({"states", "members", "countries", "persons", "people", "cases"})
BODY_MAX = 400
# The text before a page's bodies where their markers are looked for when one is uncertain.
PAGE_WINDOW = 12_000
MARKER_WINDOW = 40_000
# A body that is a block of its own (it opens the block and runs to its end) may be longer.
BLOCK_BODY_MAX = 3000
# Running text ending in a word cut by a hyphen (the rest of the word follows the bodies).
SPLIT_WORD_RE = re.compile(r"[a-z]{2}-$")
RUN_MAX = 3000


def separate_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """Take footnote bodies out of `text`, markers turned into sentinels; bodies keyed by marker."""
    text, inline = separate_parenthesized_notes(text)
    text, stars = separate_star_notes(text)
    marked, bodies = separate_printed_footnotes(text)
    return marked, {**inline, **stars, **bodies}


def separate_star_notes(text: str) -> tuple[str, dict[str, str]]:
    """Blocks that are asterisk notes ("* Any changes to the list of sponsors ...", "* On behalf
    of the States ...") or notes of later sponsors ("..., joined in sponsoring ..."), kept as
    bodies: they are notes on the heading, not paragraphs."""
    bodies: dict[str, str] = {}
    kept: list[str] = []
    for block in text.split("\n\n"):
        note = STAR_NOTE_RE.match(block)
        if note:
            bodies[f"{note.group(1)}#{len(bodies) + 1}"] = note.group(2).strip()
        elif JOINED_NOTE_RE.match(block.strip()):
            bodies[f"joined#{len(bodies) + 1}"] = " ".join(block.split())
        else:
            kept.append(block)
    return "\n\n".join(kept), bodies


def separate_parenthesized_notes(text: str) -> tuple[str, dict[str, str]]:
    """Footnotes written out in the text, as records give them: "President,14 (footnote:
    A/79/L.78.)" becomes a sentinel, its body kept under a key of its own."""
    bodies: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        # "decision 1/CP.13 (footnote: ...)": the number closes the symbol; it is no marker.
        kept = match["marker"] if symbol_goes_on(match.string, match.start("marker")) else ""
        marker = (match["marker"] if not kept else None) or match["bracketed"] or match["glued"]
        # Keys are unique: a printed marker ("11") may repeat a count of notes without one.
        key = f"{marker or len(bodies) + 1}#n{len(bodies) + 1}"
        body = match["body"] or match["between"] or match["unlabelled"] or match["published"]
        bodies[key] = body.strip()
        # A full stop after the note closes the sentence once ("resolution. [2] (footnote: ...).").
        stopped = match["stop"] or match.string[: match.start()].rstrip().endswith(".")
        return (
            kept + sentinel(key) + (match["stop"] or "") + ("" if stopped else match["again"] or "")
        )

    return DOUBLED_COMMA_RE.sub(r"\1", PARENTHESIZED_NOTE_RE.sub(take, text)), bodies


def symbol_goes_on(text: str, start: int) -> bool:
    """Whether the digits at `start` continue a symbol whose word part closes with a full stop
    ("1/CP.", "A/72/L.", "A/72/152/Add."), rather than follow a sentence's full stop."""
    return start >= 0 and bool(SYMBOL_PART_BEFORE_RE.search(text, max(0, start - 40), start))


def separate_printed_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """Footnote bodies printed as such (superscript, Markdown, 1990s or PDF layout)."""
    bodies: dict[str, str] = {}
    blocks = text.split("\n\n")
    kept: list[str] = []
    for block in blocks:
        match = (
            SUPERSCRIPT_BODY_RE.match(block)
            or MARKDOWN_BODY_RE.match(block)
            or (SLASH_BODY_RE.match(block) if "/" in block[:5] else None)
        )
        if match:
            bodies.setdefault(match.group(1).translate(FROM_SUPERSCRIPT), match.group(2).strip())
        else:
            kept.append(block)
    text = "\n\n".join(kept)
    if bodies:
        text = SLASH_MARKER_RE.sub(
            lambda m: sentinel(m.group(1)) if m.group(1) in bodies else m.group(0), text
        )
    if SUPERSCRIPT_RE.search(text):
        text = separate_inline_superscript_bodies(text, bodies)
    if bodies or SUPERSCRIPT_RE.search(text) or MARKDOWN_MARKER_RE.search(text):
        text = SUPERSCRIPT_RE.sub(lambda m: sentinel(m.group(0).translate(FROM_SUPERSCRIPT)), text)
        text = MARKDOWN_MARKER_RE.sub(lambda m: sentinel(m.group(1)), text)
        return text, bodies
    return separate_inline_footnotes(text)


def separate_inline_superscript_bodies(text: str, bodies: dict[str, str]) -> str:
    """Superscript footnote bodies inside a block ("... Convention,\u00b9 \u00b9 United Nations,
    Treaty Series ... Taking into account"), as text whose line breaks were lost gives them."""
    blocks = text.split("\n\n")
    for index, block in enumerate(blocks):
        position = 0
        while True:
            match = INLINE_SUPERSCRIPT_BODY_RE.search(block, position)
            if not match:
                break
            marker = match.group(1)
            attached = block.find(marker, 0, match.start())
            end = resumption(block, match.end())
            if end is None and len(block) - match.end() <= BODY_MAX:
                end = len(block)
            if attached < 0 or end is None:
                position = match.end()
                continue
            key = marker.translate(FROM_SUPERSCRIPT)
            bodies.setdefault(key, block[match.end() : end].strip())
            block = block[: match.start()].rstrip() + " " + block[end:].lstrip()
            position = match.start()
        blocks[index] = block.strip()
    return "\n\n".join(block for block in blocks if block)


def sentinel(marker: str) -> str:
    """The sentinel standing for a footnote marker."""
    return f"{SENTINEL_OPEN}{marker}{SENTINEL_CLOSE}"


def separate_inline_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """Footnotes printed inline, as PDF text gives them: numbered bodies closing each page.

    The bodies of a page may close a block or, in text whose line breaks were lost, sit in the
    middle of it. Numbering runs on through the document or restarts on each page; markers of a
    restarted run get keys of their own ("1#2") and are replaced only in the text of their page.
    """
    text = split_year_markers(text)
    bodies: dict[str, str] = {}
    done = ""  # text whose markers of the runs found so far are sentinels
    page = ""  # text since the last run
    expected, generation = 1, 0
    openings = [(match.start(), match.group(1)) for match in BODY_BLOCK_RE.finditer(text)]
    offset = 0
    for block in text.split("\n\n"):
        offset += len(block) + 2
        page += "\n\n" if done or page else ""
        # Bodies printed as blocks of their own a little further on: their numbers inside this
        # block are no bodies ("changes to schedules 1 (A) and 1, respectively, of the Annex").
        printed_later = {
            number for at, number in openings if offset <= at + 2 < offset + PAGE_WINDOW
        }
        while block:
            found = find_numbered_run(
                block,
                expected=expected,
                before=done + page,
                continuing=bool(bodies) and not page.strip(),
                printed_later=printed_later,
            )
            restarted = False
            if not found and expected > 1:
                found = find_numbered_run(block, expected=1, before=page)
                restarted = found is not None
            if not found and bodies:
                found = find_repeated_run(block, known=bodies)
            if not found:
                break
            start, end, run = found
            generation += restarted
            keys = {marker: footnote_key(marker, generation) for marker, _ in run}
            for marker, body in run:
                bodies.setdefault(keys[marker], body)
            page += block[:start].rstrip()
            done += replace_inline_markers(page, keys=keys)
            page = ""
            block = block[end:].lstrip()
            expected = int(run[-1][0]) + 1
            if SPLIT_WORD_RE.search(done[-3:]) and block[:1].islower():
                # A word hyphenated across the page break ("Thirte-" ... bodies ... "enth").
                done = done[:-1]
            elif block and done and not done.endswith("\n\n"):
                done += " "
        star = find_star_body(block, text=text)
        if star:
            start, marker, body = star
            bodies.setdefault(marker, body)
            block = block[:start].rstrip()
        page += block
    text = done + page
    if bodies:
        first = {key: key for key in bodies if "#" not in key}
        placed = {key for key in first if sentinel(key) in text}
        text = replace_inline_markers(text, keys=first, placed=placed)
    text = BLANK_RUN_RE.sub("\n\n", text).strip()
    return text, bodies


def split_year_markers(text: str) -> str:
    """A marker glued to a year ("Disaster Risk Reduction 2015-20304") set apart ("2030 4") when
    a footnote body of that number opens a block of the text."""
    numbers = {match.group(1) for match in BODY_BLOCK_RE.finditer(text)}
    if not numbers:
        return text

    def split(match: re.Match[str]) -> str:
        year, marker = match.group(1), match.group(2)
        return f"{year} {marker}" if marker in numbers else match.group(0)

    return YEAR_MARKER_RE.sub(split, text)


def footnote_key(marker: str, generation: int) -> str:
    """The key of a footnote body: its marker, suffixed in runs whose numbering restarted."""
    return f"{marker}#{generation}" if generation else marker


def find_numbered_run(
    block: str,
    *,
    expected: int,
    before: str,
    continuing: bool = False,
    printed_later: set[str] | frozenset[str] = frozenset(),
) -> tuple[int, int, list[tuple[str, str]]] | None:
    """Start, end and bodies of a run of numbered footnotes in `block`, if any.

    A run closing the block is looked for first (from the end), then one inside the block,
    ending where the running text resumes. A block that opens with the next body right after
    the bodies just taken (`continuing`) goes on with them even if its marker was lost. A body
    `printed_later` as a block of its own is looked for only where it opens the block.
    """
    starts = [m for m in BODY_START_RE.finditer(block) if int(m.group(1)) == expected]
    starts = [m for m in starts if may_be_marker(block, m.start(1), m.end(1))]
    if str(expected) in printed_later:
        starts = [m for m in starts if m.start(1) == 0]
    results = []
    for closing in (True, False):
        for start in reversed(starts) if closing else starts:
            found = collect_run(block, start=start.start(1), first=expected, closing=closing)
            lost_marker = continuing and closing and start.start(1) == 0
            # A marker stands within a few pages before its body: long texts are not read whole.
            preceding = before[-MARKER_WINDOW:] + "\n\n" + block[: start.start()]
            if found and (
                lost_marker
                or has_marker(preceding, str(expected))
                or weakly_marked(preceding[-PAGE_WINDOW:], expected)
            ):
                end, run = found
                results.append((start.start(), end, run))
                break
    if len(results) == 2 and results[1][1] <= results[0][0]:
        # In text whose line breaks were lost, an earlier page's bodies come before the run
        # that closes the block: take the earlier one first.
        return results[1]
    return results[0] if results else None


def find_repeated_run(
    block: str, *, known: dict[str, str]
) -> tuple[int, int, list[tuple[str, str]]] | None:
    """A run of bodies repeating the number of a footnote already found, after a full stop: a
    note printed again at the foot of a later page (the last page's, after the last paragraph)."""
    for start in BODY_START_RE.finditer(block):
        if start.group(1) not in known or block[: start.start()].rstrip()[-1:] not in ".;":
            continue
        if not may_be_marker(block, start.start(1), start.end(1)):
            continue
        for closing in (True, False):
            found = collect_run(
                block, start=start.start(1), first=int(start.group(1)), closing=closing
            )
            if found:
                end, run = found
                return start.start(), end, run
    return None


def collect_run(
    block: str, *, start: int, first: int, closing: bool
) -> tuple[int, list[tuple[str, str]]] | None:
    """End and bodies first, first+1, ... from `start`, or None if implausible.

    A closing run goes to the end of the block; another ends at the first full stop after its
    last body where the running text resumes (a lower-case word, a paragraph number, an opener).
    """
    if closing and len(block) - start > RUN_MAX:
        return None
    run: list[tuple[str, str]] = []
    number, position = first, start
    while True:
        following = None
        for match in BODY_START_RE.finditer(block, position + len(str(number)) + 1):
            if int(match.group(1)) == number + 1 and block[: match.start()].rstrip()[-1:] in ".)":
                following = match
                break
        if following:
            end = following.start()
        elif closing:
            end = len(block)
        else:
            end = resumption(block, position + len(str(number)) + 1)
            if end is None:
                return None
        body = block[position + len(str(number)) : end].strip()
        whole_block = closing and position == 0 and end == len(block)
        limit = BLOCK_BODY_MAX if whole_block else BODY_MAX
        if not body or len(body) > limit or OPERATIVE_INSIDE_RE.search(body):
            return None
        run.append((str(number), body))
        if not following:
            return end, run
        number, position = number + 1, following.start()


def resumption(block: str, start: int) -> int | None:
    """Where the running text resumes after a footnote body starting at `start`, or None."""
    candidates = [
        match
        for match in NUMBER_END_RESUME_RE.finditer(block, start, start + BODY_MAX + 2)
        if is_operative_verb(match.group(1)) or is_preambular_opener(match.group(1))
    ]
    for match in RESUME_RE.finditer(block, start, start + BODY_MAX + 2):
        if candidates and candidates[0].start() < match.start():
            break
        word = match.group(1)
        if word is None or is_preambular_opener(word) or is_operative_verb(word):
            return match.start() + 1
        if word.lower() in MODIFIERS:
            return match.start() + 1
    return candidates[0].start() + 1 if candidates else None


def find_star_body(block: str, *, text: str) -> tuple[int, str, str] | None:
    """An asterisk footnote body closing a page, when an asterisk marker appears in the text."""
    matches = list(STAR_BODY_RE.finditer(block))
    if not matches:
        return None
    match = matches[-1]
    body = block[match.end() :].strip()
    if len(body) > BODY_MAX or not body.endswith((".", ")")) or not STAR_MARKER_RE.search(text):
        return None
    return match.start(), match.group(1), body


def may_be_marker(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] can be a footnote marker (not an article or a date)."""
    before = WORD_BEFORE_RE.search(text[max(0, start - 40) : start])
    after = WORD_AFTER_RE.search(text[end : end + 40])
    spaced = before is not None and before.group(0) != before.group(1)
    if before and before.group(1).lower() in NOT_MARKER_BEFORE and spaced:
        return False  # "paragraph 4", but "decision6" (glued) is a marker
    if start and text[start - 1] == ".":
        # "Rev.1", "L.3", "No.5" are parts of symbols; a marker after a full stop ends a word.
        # A capitalized word ending a sentence ("the 1972 Protocol.1") may carry one too, unless
        # it is a part of a symbol ("/Rev.1", "Corr.1").
        window = text[max(0, start - 30) : start - 1]
        word = LAST_WORD_RE.search(window)
        if not word or len(word.group(0)) < 4:
            return False
        if not word.group(0).islower() and (
            not word.group(0).istitle()
            or word.group(0) in SYMBOL_WORDS
            or window[word.start() - 1 : word.start()] in ("/", ".")
        ):
            return False
    if text[end : end + 1] == "," and text[end + 1 : end + 2].isdigit():
        return False  # "1,614": a number with a thousands separator
    if LIST_BEFORE_RE.search(text[max(0, start - 3) : start]) and LIST_AFTER_RE.match(
        text[end : end + 8]
    ):
        return False
    if POST_COUNT_AFTER_RE.match(text[end : end + 40]):
        return False  # "1 P-5, 1 P-4": posts counted by grade
    return not (after and after.group(1).lower() in NOT_MARKER_AFTER)


def has_marker(text: str, marker: str) -> bool:
    """Whether `marker` appears in `text` as a footnote marker."""
    return any(
        match.group(1) == marker and may_be_marker(text, match.start(1), match.end(1))
        for match in NUMBER_TOKEN_RE.finditer(text)
    )


def weakly_marked(text: str, number: int) -> bool:
    """Whether note `number` is marked where a marker could stand but after a word that usually
    numbers things ("the Convention 1 and", "the Goals 6 in"), the next note's marker being
    found as a marker: enough to take the body."""
    marker = str(number)
    return any(match.group(1) == marker for match in NUMBER_TOKEN_RE.finditer(text)) and has_marker(
        text, str(number + 1)
    )


def replace_inline_markers(
    text: str, *, keys: dict[str, str], placed: frozenset[str] | set[str] = frozenset()
) -> str:
    """Replace the numbers standing as markers of known footnotes with sentinels of their keys.

    Markers run in order through the text: a note's marker stands after the previous note's and
    before the next note's (`marker_window`). A note whose marker is `placed` already
    ("Tlatelolco9" on its page) takes another number only where it reads as a marker (glued, or
    after punctuation) after the name it marked first ("Treaty of Tlatelolco, 9"), never a
    number after a word ("in accordance with action 9 of the Final Document") nor one after
    another word ("available, 8 have")."""
    text = GLUED_YEAR_RE.sub(lambda m: replace_glued_year(m, keys=keys), text)
    numbers = [match for match in NUMBER_TOKEN_RE.finditer(text) if match.group(1) in keys]
    candidates = [m for m in numbers if may_be_marker(text, m.start(1), m.end(1))]
    order = sorted(keys, key=lambda key: int(key) if key.isdigit() else 0)
    spots = {marker: text.find(sentinel(keys[marker])) for marker in order}
    chosen: dict[str, list[re.Match[str]]] = {}
    for marker in order:
        floor, ceiling = marker_window(marker, order=order, spots=spots, chosen=chosen, text=text)
        options = [m for m in candidates if m.group(1) == marker]
        # A number after a bare word ("of which 11 resulted") only when nothing likelier is there.
        in_order = [m for m in options if floor <= m.start() < ceiling]
        likely = [m for m in in_order if marker_rank(text, m)]
        ranked = [m for m in options if marker_rank(text, m)]
        if marker in placed:
            # A note is marked again only after the name it marked first ("the Convention
            # against Transnational Organized Crime, 1" each time it is named).
            named = word_before(text, spots[marker])
            chosen[marker] = [m for m in ranked if named and word_before(text, m.start()) == named]
        else:
            chosen[marker] = likely or in_order or ranked
    for marker in order:
        if chosen[marker] or spots[marker] >= 0:
            continue
        # A note marked only after a word that usually numbers things ("the Convention 1 and",
        # "the Goals 6 in"): the one such number between its neighbours' markers, a page apart.
        floor, ceiling = marker_window(marker, order=order, spots=spots, chosen=chosen, text=text)
        named = [m for m in numbers if m.group(1) == marker and floor <= m.start() < ceiling]
        near = ceiling - floor <= PAGE_WINDOW
        if (
            near
            and len(named) == 1
            and (is_numbering_name(text, named[0]) or is_counting_marker(text, named[0]))
        ):
            chosen[marker] = named
    taken = sorted((m for ms in chosen.values() for m in ms), key=lambda m: m.start())
    for match in reversed(taken):
        text = text[: match.start()] + sentinel(keys[match.group(1)]) + text[match.end() :]
    return STAR_MARKER_RE.sub(
        lambda m: sentinel(keys[m.group(1)]) if m.group(1) in keys else m.group(0), text
    )


def marker_window(
    marker: str,
    *,
    order: list[str],
    spots: dict[str, int],
    chosen: dict[str, list[re.Match[str]]],
    text: str,
) -> tuple[int, int]:
    """Where the marker of note `marker` may stand: after the earlier notes' markers and before
    the later notes' (each note's sentinel, or the first number chosen for it)."""
    index = order.index(marker)
    floor, ceiling = 0, len(text)
    for earlier in order[:index]:
        starts = [m.start() for m in chosen.get(earlier, [])]
        if spots[earlier] >= 0:
            starts.append(spots[earlier])
        if starts:
            floor = max(floor, min(starts))
    for later in order[index + 1 :]:
        starts = [m.start() for m in chosen.get(later, [])]
        if spots[later] >= 0:
            starts.append(spots[later])
        if starts:
            ceiling = min(ceiling, min(starts))
    return floor, ceiling


def word_before(text: str, index: int) -> str | None:
    """The word (letters only, in lower case) before `index`, punctuation and spaces between."""
    word = LAST_NAME_RE.search(text[max(0, index - 40) : index])
    return word.group(1).lower() if word else None


def is_numbering_name(text: str, match: re.Match[str]) -> bool:
    """Whether a number follows a capitalized word that usually numbers things ("the
    Convention 1", "the Sustainable Development Goals 6"), a space between."""
    before = WORD_BEFORE_RE.search(text[max(0, match.start(1) - 40) : match.start(1)])
    return (
        before is not None
        and before.group(0) != before.group(1)
        and before.group(1)[:1].isupper()
        and before.group(1).lower() in NOT_MARKER_BEFORE
    )


def is_counting_marker(text: str, match: re.Match[str]) -> bool:
    """Whether a number after punctuation and a space reads as a count only by the noun after it
    ("Financing for Development, 38 States expressed")."""
    after = WORD_AFTER_RE.search(text[match.end(1) : match.end(1) + 40])
    return (
        marker_rank(text, match) == 1
        and after is not None
        and after.group(1).lower() in COUNTED_NOUNS
    )


def marker_rank(text: str, match: re.Match[str]) -> int:
    """How surely a number is a marker: glued to the word before (2), after punctuation and a
    space (1), after a word and a space ("of which 11 resulted", 0)."""
    before = text[max(0, match.start(1) - 2) : match.start(1)]
    if not before.endswith(" "):
        return 2
    return 1 if before[:1] in ',;:.)\u201d\u2019"' else 0


def replace_glued_year(match: re.Match[str], *, keys: dict[str, str]) -> str:
    """A year with a glued marker ("of 19712") as the year and the marker's sentinel, when the
    marker is a known footnote's and no counting word follows ("in 20151 cases" stays)."""
    marker = match.group(2)
    after = WORD_AFTER_RE.search(match.string[match.end() : match.end() + 40])
    if marker not in keys or (after and after.group(1).lower() in NOT_MARKER_AFTER):
        return match.group(0)
    return match.group(1) + sentinel(keys[marker])


def collect_footnotes(text: str, *, bodies: dict[str, str]) -> tuple[Footnote, ...]:
    """The footnotes whose markers appear in `text`, once each, in order."""
    seen: list[str] = []
    for match in SENTINEL_RE.finditer(text):
        if match.group(1) not in seen and match.group(1) in bodies:
            seen.append(match.group(1))
    return tuple(Footnote(marker=key.split("#")[0], text=bodies[key]) for key in seen)


def strip_sentinels(text: str) -> str:
    """Text without footnote sentinels."""
    return SENTINEL_RE.sub("", text)


def strip_unprinted_markers(text: str) -> str:
    """A decision statement's text without the markers of notes its record does not print: a
    number glued after a word's comma before a lower-case word ("Justice Council,10 appointed")."""
    return UNPRINTED_MARKER_RE.sub(",", text)
