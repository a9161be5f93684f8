"""Segmenting: the head, preambular and operative (or numbered) paragraphs in order, the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bodies import BARE_INTRO_RE, BODY_NAME_RE, DECISION_PART, INTRO_RE
from .dates import MONTH_PATTERN
from .verbs import MODIFIERS, is_operative_verb, is_preambular_opener, normalize_word, present_form

SENTINELS = r"(?:\ue000[^\ue001\ue000]{1,8}\ue001)*"
NUMBERED_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,3})\.[ ](?=[^\s\d.])")
FIRST_NUMBERED_RE = re.compile(r"(?:(?<=\s)|^)1\.[ ](?=[A-Z*_])")
PREAMBLE_SPLIT_RE = re.compile(
    rf"[,;:.]{SENTINELS}(?:[ ]|\n\n)+(?=([A-Z][a-z]+(?:-[a-z]+)?)(?:[ ]([a-z]+))?)"
)
FIRST_WORDS_RE = re.compile(r"^\W{0,3}([A-Za-z][a-z]+(?:-[a-z]+)?)(?:[ ]([a-z]+))?")
# Two capitalized words opening a block: a name going on ("Illicit Small Arms ...").
NAME_START_RE = re.compile(r"^([A-Z][a-z]+)[ ]([A-Z][a-z]+)\b")
# A resolution's number and its date opening a block: an enumeration a page break cut.
CITED_NUMBER_START_RE = re.compile(r"\d{1,4}/\d{1,4}(?:[ ][A-Z](?:[ ]and[ ][A-Z])?)?[ ]of[ ]")
# A footnote's number and its text, left in the running text: "4 Adopted under the UNFCCC ...",
# "14 E/CN.17/2002/PC.2/3, annex." (never a date: "13 November 2012, 68/8 of ...").
NOTE_BODY_START_RE = re.compile(rf"\d{{1,3}}[ ]+(?!(?:{MONTH_PATTERN})\b)[A-Z]")
SUBPARAGRAPH_START_RE = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)[ ]")
# A draft decision's lettered operative paragraphs after a colon: "...: (a) Expresses ...".
LETTERED_RE = re.compile(r"(?:^|(?<=\n\n))\(([a-z])\)\s+")
END_MARKERS_RE = re.compile(
    r"(?:\b\d{1,3}(?:st|nd|rd|th)[ ]+(?:\(resumed\)[ ]+)?(?:plenary[ ]+)?meeting\b"
    r"|(?:^|\n\n|(?<=[.;]) )Annex(?:es)?(?:[ ][IVX]{1,5})?(?=[ \n]|$)"
    r"|(?:^|\n\n)\*[ ]\*[ ]\*"
    r"|\n\nThe (?:meeting|session) rose at)"
)
# The heading of the next resolution or decision printed after this one (resolutions printed one
# after another in a report): the rest of the text is another document.
NEXT_HEADING_RE = re.compile(
    r"(?:^|\n\n|(?<=[.;])[ ])(?:Resolution|Decision)[ ]+\d{1,4}/\d{1,4}(?![\w/])"
    r"(?![ ]+(?:of|and|was|is)\b)"
)
# Ends of the resolution that open a block: "36th plenary meeting", "55th (resumed) plenary
# meeting", "Annex".
BLOCK_END_RE = re.compile(
    r"\n\n(?:\d{1,3}(?:st|nd|rd|th)[ ]+(?:\(resumed\)[ ]+)?(?:plenary[ ]+)?meeting\b"
    r"|Annex(?:es)?(?:[ ][IVX]{1,5})?(?=[ \n]|$))"
)
# A text the resolution adopts and prints after it, without an annex: "Adopts the following
# political declaration on ...:" / its title / "1. We, the States Members ...".
ADOPTED_TEXT_RE = re.compile(
    rf"(?:^|\n)[ ]*(?:Adopts|Approves)[ ]the[ ]following[ ][^\n]{{1,400}}:{SENTINELS}[ ]*\n"
)
ANNEX_RE = re.compile(r"(?:^|\n\n|(?<=[.;]) )Annex(?:[ ][IVX]{1,5})?(?=[ \n]|$)")
# An instrument's first article opening a block, over its heading ("Article 1" / "Scope of
# application", or on one line): an annex that holds a convention or a statute, whose numbers
# count the paragraphs of each article.
FIRST_ARTICLE_RE = re.compile(r"\n\nArticle[ ]+(?:1|I)(?=[ ]*(?:\n|$)|[ ]+[A-Z])")
TRAILING_HEADING_RE = re.compile(
    r"(?<=[.;:,])(?:[ ]+(?:(?:[IVXL]{1,5}|[A-H])\.[ ]+[A-Z][^.;:\n]{0,150}"
    r"|Chapter[ ][IVXL]{1,5}[ ]+[A-Z\u201c\"][^.;:\n]{0,250})){1,3}$"
)
# The first instruction of an amendment opening a block: "Delete ...", "After operative
# paragraph 3, insert ...", "In operative paragraph 5, replace ...".
INSTRUCTION_START_RE = re.compile(
    r"(?:^|(?<=\n\n))(?=(?:After|Before|In|At[ ]the[ ]end[ ]of|Delete|Insert|Replace|Add|Amend"
    r"|Renumber|Move)\b)(?=[^\n]{0,300}?\b(?i:delete|insert|replace|add|amend|renumber|move)\b)"
)
# The formula of a draft that the text recommends, alone in its block after "the adoption of the
# following draft resolution:" ("The General Assembly,"): the draft's opening, no paragraph.
FORMULA_ALONE_RE = re.compile(rf"The (?:{BODY_NAME_RE.pattern}),")
# A lettered or roman item's marker just before a phrase shaped like an enacting formula.
ITEM_MARKER_END_RE = re.compile(r"\([a-z]{1,4}\)[ \t]*$")
# A section heading printed between paragraphs: "I" / "II. Strengthening ..." / "A. Deliberations".
# "II. International cooperation", or the numeral alone on its line ("I" before paragraph 1).
SECTION_HEADING_RE = re.compile(r"^(?:[IVXL]{1,5}|[A-H])\.?(?:[ ]+[A-Z][^.;:]{0,150})?$")
# A section's numeral opening a block, alone or before its title ("II Strategic capital review").
SECTION_NUMERAL_RE = re.compile(
    r"(?:^|(?<=\n\n))[ \t]*[IVX]{1,6}\.?(?:[ \t]+(?=[A-Z])|[ \t]*(?:\n|$))"
)
NOT_NUMBER_BEFORE_RE = re.compile(
    r"(?:paragraphs?|para\.|articles?|No\.|Nos\.|chapter|section|annex|items?|rules?|page"
    r"|vol\.|footnote|and|to)[ ]*$",
    re.IGNORECASE,
)
PARTICIPLE_FOLLOWERS = frozenset({"by", "that", "at", "with", "of", "about", "to", "in", "on"})
# The statement opening a decision: "At its 48th plenary meeting, on 23 July 2019, the Council",
# "The Commission on Narcotic Drugs decided", or dated on a day or days ("On 17 and 18 June
# 2020, the General Assembly ... elected").
DECISION_START_RE = re.compile(
    r"(?:^|(?<=\n\n)|(?<=[.:]\s))"
    rf"(?:At[ ]its[ ]|At[ ]the[ ](?:[\w()]+[ ]){{1,3}}?meeting|The[ ](?:{BODY_NAME_RE.pattern})"
    r"|On[ ]\d{1,2}(?:(?:,[ ]|[ ]and[ ]|[ ]?[-\u2013][ ]?)\d{1,2})*"
    rf"[ ](?:{MONTH_PATTERN})[ ]\d{{4}},[ ]the[ ])"
    r"|(?<=\s)At[ ]its[ ](?=[^,.;:]{0,80}?meeting)"
)
# A later sentence of a statement that is a decision of its own: "The Commission also decided";
# or an election's account of the membership, a paragraph of its own even when printed without a
# break before it ("Pursuant to paragraphs 4 (a) to (d) of resolution 60/180, 28 States have
# already been elected ...", "As a result, as of 6 March 2018, the Committee on Conferences is
# composed of ...").
STATEMENT_SPLIT_RE = re.compile(
    rf"[.]({SENTINELS})[ ]+(?=The[ ](?:Commission|Council|Conference|Assembly|Congress)\b"
    r"[^.;:]{0,80}?\b(?:decided|took[ ]note|requested|approved|adopted|elected)\b"
    r"|As[ ]a[ ]result,[^.;:]{0,80}?\bis[ ]composed[ ]of\b"
    r"|Pursuant[ ]to[ ]paragraphs?[ ][^.;:]{0,80}?\bhave[ ]already[ ]been[ ](?:elected|selected)\b)"
)
# The heading of a draft printed in a report: "Draft resolution", "Draft resolution II".
DRAFT_HEADING_RE = re.compile(
    r"(?:^|(?<=\s))Draft[ ](?:resolution|decision)(?:[ ][IVXL]{1,5})?(?=\s)"
)
DRAFT_HEADING_SPAN = 600
CHAPTER_HEADING_RE = re.compile(r"Chapter[ ][IVXL]{1,5}")
# An item of a numbered list (an agenda) inside a statement: "1. ...", "Item 1. ...".
LIST_ITEM_RE = re.compile(r"^(?:Item[ ]+)?\d{1,3}\.[ ]")
# Within a statement: the meeting of a later sentence ("At its 48th plenary meeting").
# Also after the body's name: "The General Assembly, at its 44th plenary meeting, ..., and the
# Security Council, at its 8092nd meeting, ..., proceeded ... to elect". Or another body's
# meeting named in a listed document ("the report of the Chairs ... on their 29th meeting").
STATEMENT_MEETING_BEFORE_RE = re.compile(
    r"\b[Aa]t[ ](?:its|the)[ ](?:\(\w+\)[ ])?$|\bthe[ ]$|\btheir[ ]$"
)
# A note naming the volume that will publish the decision: not part of it, nor a citation.
PUBLICATION_NOTE_RE = re.compile(
    r"(?:The[ ](?:final[ ])?(?:text|version)[ ]of[ ]|Decision[ ]+\d+/\d+,[ ]in[ ]section\b)"
)
# Blocks of a statement that are no paragraph: part headings ("A", "A.", "DECISION B"), cited
# documents ("(See A/72/PV.75)", also with a note in it: "(See A/71/PV.84; Mr. X (Iraq) was
# replaced ...)", or without "See": "(A/72/487, A/72/PV.67)"), notes on the names listed
# ("* Term of office ...", "† Designated as Chair ..."), notes listed without markers after the
# rule ("See decision 73/413 A." / "See S/2020/76.").
STATEMENT_ASIDE_RE = re.compile(
    rf"{DECISION_PART}$|\((?:See[ ]|(?=[A-Z]{{1,6}}/))(?:[^()]|\([^()]*\))*\)$"
    r"|[*\u2020\u2021]+[ ]|See[ ](?:decisions?[ ]|resolutions?[ ]|[A-Z]{1,6}/|[A-Z][a-z]+[ ])"
)
# The note on the publication opening a sentence, closing a block of notes ("... in 2020. The
# final version of decisions adopted ... will be contained in document A/74/49 (Vol. II) ...").
PUBLICATION_SENTENCE_RE = re.compile(rf"(?:^|(?<=[.;])[ ]+){PUBLICATION_NOTE_RE.pattern}")
# A part letter opening a block, on a line of its own or joined to the statement's first line
# ("B." over "At its 80th meeting ...", "B. At its 80th meeting ...", "B At its 80th ...").
PART_LETTER_LINE_RE = re.compile(
    r"^[ \t]*(?:[A-H]\.?[ \t]*\n|[A-H]\.[ \t]+|[A-H][ \t]+(?=At[ ]its[ ]))(?=[ \t]*[A-Z])"
)
# A part of a decision after the annex of the part before: its heading ("B", "DECISION B", with
# the note on its publication) on a block of its own, then its statement ("At its 64th ...").
NEXT_PART_RE = re.compile(rf"\n\n{DECISION_PART}{SENTINELS}[ ]*\n\n(?=At[ ]its[ ])")
# The next part's letter after the sentence closing a part, its line break lost: "... of Outer
# Space. B At its 55th plenary meeting, ...".
PART_SPLIT_RE = re.compile(rf"[.]({SENTINELS})[ ]+(?=[A-H][ ]+At[ ]its[ ][^,.;:]{{0,80}}?meeting)")
# A draft decision stated in one sentence without the formula's comma: "The General Assembly
# approves the proposed programme of work ...".
FORMULA_STATEMENT_RE = re.compile(rf"(?:^|(?<=\n\n))The[ ](?:{BODY_NAME_RE.pattern})[ ]([a-z]+s)\b")
ADOPTION_PREFIX_RE = re.compile(r"At[ ]its[ ][^,.;:]{0,80}?meeting,?(?:[ ]on[ ][^,.;:]{0,40},?)?")
# The paragraph that closes a Council text: what follows it without a number (an annex whose
# heading the extraction lost) is not part of it.
SEIZED_END_RE = re.compile(
    rf"\bremains?[ ](?:actively[ ]|fully[ ])?seized[ ]of[ ]the[ ]matter[.]{SENTINELS}"
)
# A heading after the last preambular paragraph's comma, its line break lost: ", Measures".
PREAMBLE_END_HEADING_RE = re.compile(r",[ ]+([A-Z][a-z]+)((?:[ ](?:[A-Za-z][a-z]*))*)\s*$")
PREAMBLE_HEADING_WORDS_MAX = 6
HEADING_BLOCK_MAX = 160
# The title of a text adopted after "Adopts the following outcome document ...:" runs longer.
TITLE_BLOCK_MAX = 300
STATEMENT_HEADING_MAX = 40  # "Section A", "Part II": not an item of a list
JUMP_MAX = 3
TABLE_ROWS_MIN = 3
# A capitalized noun spelled as an operative verb ("States", "Requests") read by what follows it:
# a possessive, the noun phrase going on ("States parties", "States of"), or a verb of the clause
# it is the subject of ("States were called upon", "States must", "States recognized").
NOUN_READING_RE = re.compile(
    r"([A-Z][a-z]+)(?:[\u2019'](?:s\b)?|[ ](?:(?:is|are|was|were|has|have|had|shall|should|will"
    r"|would|may|might|must|can|cannot|could|parties|of)\b|([a-z]+ed)\b))"
)


@dataclass
class Piece:
    """A paragraph as cut from the text, before its verb and footnotes are read."""

    kind: str
    number: str | None
    text: str
    statement: bool = False
    instruction: bool = False  # an amendment's instruction ("Delete operative paragraph 3.")
    # The body named by the enacting formula of a draft embedded in a report ("General Assembly").
    citing: str | None = None
    # The verb of the lead the formula goes on into ("Resolves that:"), which the paragraph
    # completes ("1. The Working Capital Fund shall be established ...").
    lead: str | None = None


@dataclass
class EmbeddedDraft:
    """A draft resolution (or decision) printed inside a report: from its heading ("Draft
    resolution I") to where the report's numbering resumes."""

    start: int
    intro: re.Match[str]
    numbered: list[re.Match[str]]
    end: int


@dataclass
class Segments:
    """The text cut into head, paragraphs and tail, with warnings about the cut."""

    head: str
    pieces: list[Piece]
    tail: str
    warnings: list[str] = field(default_factory=list)


def find_intro(text: str) -> re.Match[str] | None:
    """The enacting formula ("The General Assembly,") before an opener, ahead of paragraph 1;
    never the formula of a draft that a decision's statement transmits in its annex."""
    first = FIRST_NUMBERED_RE.search(text)
    end = first.start() if first else len(text)
    formulas = sorted(
        [*INTRO_RE.finditer(text, 0, end), *BARE_INTRO_RE.finditer(text, 0, end)],
        key=lambda match: match.start(),
    )
    for match in formulas:
        if annexed(text, match.start()):
            return None
        rest = text[match.end() :].lstrip()
        rest = after_section_heading(rest) if find_section(rest, 0, 1) is not None else rest
        following = FIRST_WORDS_RE.match(strip_leading_sentinels(rest.lstrip()))
        if NUMBERED_RE.match(rest) or LETTERED_RE.match(rest):
            return match
        if following and (
            is_preambular_opener(following.group(1))
            or is_operative_verb(following.group(1))
            or following.group(1).lower() in MODIFIERS
        ):
            return match
    return None


def find_section(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the first section heading between `start` and `end` opens: a block opening with a
    roman numeral, alone or before its title, that reads as a heading ("II Strategic capital
    review"; "I" / "Legislative activities")."""
    for numeral in SECTION_NUMERAL_RE.finditer(text, start, len(text) if end is None else end):
        block = text[numeral.start() :].split("\n\n", 1)[0]
        if is_heading_block(block.replace("\n", " "), longest=TITLE_BLOCK_MAX):
            return numeral.start()
    return None


def after_section_heading(text: str) -> str:
    """The text after the section heading that opens it: the numeral and its title in one block
    ("II Strategic capital review"), or the numeral alone and the title's blocks after it."""
    blocks = text.lstrip("\n").split("\n\n")
    titles = 1
    if SECTION_HEADING_RE.fullmatch(blocks[0].strip()) and len(blocks[0].strip()) <= 6:
        while titles < min(3, len(blocks) - 1) and is_heading_block(
            blocks[titles].replace("\n", " "), longest=TITLE_BLOCK_MAX
        ):
            titles += 1
    return "\n\n".join(blocks[titles:])


def section_pieces(text: str) -> list[Piece]:
    """The paragraphs of sections without numbered paragraphs of their own, each after its
    heading ("II Conditions of service ..." / "Recalling ...," / "Takes note ...;")."""
    starts: list[int] = []
    position: int | None = 0
    while position is not None:
        position = find_section(text, position if not starts else starts[-1] + 1)
        if position is not None:
            starts.append(position)
    bounds = starts if starts[:1] == [0] else [0, *starts]
    pieces: list[Piece] = []
    for index, start in enumerate(bounds):
        end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
        chunk = text[start:end]
        pieces.extend(split_preamble(after_section_heading(chunk) if start in starts else chunk))
    return pieces


def annexed(text: str, position: int) -> bool:
    """Whether `position` lies in an annex that follows a decision's statement ("At its 110th
    plenary meeting, ..., decided to transmit the draft decision contained in the annex ...")."""
    statement = DECISION_START_RE.search(text, 0, position)
    return bool(statement and ANNEX_RE.search(text, statement.end(), position))


def strip_leading_sentinels(text: str) -> str:
    """Text without the footnote sentinels that open it."""
    return re.sub(rf"^{SENTINELS}\s*", "", text)


def segment_text(
    text: str, *, numbered_kind: str, decision: bool = False, amendment: bool = False
) -> Segments:
    """Cut text into head, paragraphs and tail; numbered paragraphs get `numbered_kind`.

    A decision with neither enacting formula nor numbered paragraphs is a statement ("At its
    48th plenary meeting, ..., the Council took note of ..."): each of its blocks is one
    unnumbered operative paragraph, its lettered items staying inside. So are an amendment's
    instructions, the paragraph they quote ("..., reading: ...") inside the instruction.
    """
    warnings: list[str] = []
    if amendment:
        instruction = INSTRUCTION_START_RE.search(text)
        segments = (
            segment_statement(text, start=instruction.start(), warnings=warnings)
            if instruction
            else segment_text(text, numbered_kind="operative")  # "1. Replace ...; 2. In ..."
        )
        for piece in segments.pieces:
            piece.kind, piece.statement, piece.instruction = "operative", False, True
        return segments
    intro = find_intro(text)
    if numbered_kind == "other" and not decision and intro is None:
        drafts = find_embedded_drafts(text)
        if drafts:
            return segment_report(text, drafts=drafts, warnings=warnings)
    body_start = intro.end() if intro else 0
    numbered = find_numbered(
        text,
        start=body_start,
        strict_start=intro is None,
        warnings=warnings,
        verbs=numbered_kind == "operative",
    )
    if intro and numbered_kind == "operative":
        lettered = find_lettered(
            text, start=body_start, end=numbered[0].start() if numbered else None
        )
        if lettered and not (numbered and opens_with_verb(text, numbered[0])):
            numbered = lettered  # numbers after them belong to a list they announce
    if intro and not numbered and text[intro.end() : intro.end() + 3].strip()[:1].islower():
        # A decision in one sentence after the formula: "The General Assembly, recalling ...,
        # decides to include ...".
        return segment_statement(text, start=intro.start(), warnings=warnings)
    if intro is None and not numbered:
        stated = next(
            (m for m in FORMULA_STATEMENT_RE.finditer(text) if is_operative_verb(m.group(1))), None
        )
        if stated:
            return segment_statement(text, start=stated.start(), warnings=warnings)
    if decision and intro is None:
        statement = DECISION_START_RE.search(text)
        if statement and (
            not numbered
            or (
                statement.start() < numbered[0].start()
                and not (
                    opens_with_verb(text, numbered[0]) and not annexed(text, numbered[0].start())
                )
            )
        ):
            return segment_statement(text, start=statement.start(), warnings=warnings)
    if (
        intro is not None
        and numbered
        and BLOCK_END_RE.search(text, intro.end(), numbered[0].start())
    ):
        # Unnumbered paragraphs, then the meeting line or "Annex": the numbered paragraphs are
        # the annex's ("Adopts the political declaration ... contained in the annex" / "16th
        # plenary meeting" / "Annex" / ... "1. Reaffirm ...").
        numbered = []
    if intro is None:
        body_start = numbered[0].start() if numbered else len(text)
        preamble_end = body_start
    else:
        preamble_end = numbered[0].start() if numbered else len(text)
    end_marker = END_MARKERS_RE.search(text, numbered[-1].end() if numbered else body_start)
    body_end = end_marker.start() if end_marker else len(text)
    text_end = len(text)
    following = NEXT_HEADING_RE.search(text, numbered[-1].end() if numbered else body_start)
    if following and following.start() < body_end:
        body_end = text_end = following.start()
    if numbered:
        # An annex with numbered paragraphs of its own follows the resolution's last paragraph.
        block_end = BLOCK_END_RE.search(text, numbered[0].end(), numbered[-1].start())
        if block_end:
            body_end = block_end.start()
    numbered = [match for match in numbered if match.start() < body_end]
    if numbered and numbered_kind == "operative":
        closing = SEIZED_END_RE.search(text, numbered[-1].end(), body_end)
        if closing:
            body_end = closing.end()
    pieces: list[Piece] = []
    if intro is not None:
        preamble = text[body_start : min(preamble_end, body_end)]
        if find_section(preamble) is not None:
            pieces.extend(section_pieces(preamble))
        else:
            if numbered:
                preamble = drop_preamble_heading(preamble)
            pieces.extend(split_preamble(preamble))
    lead = lead_verb(intro)
    dropped: list[str] = []  # headings between paragraphs: no text, but their citations count
    for index, match in enumerate(numbered):
        end = numbered[index + 1].start() if index + 1 < len(numbered) else body_end
        content = text[match.end() : end]
        section = find_section(content) if numbered_kind == "operative" else None
        if section is not None and section_pieces(content[section:]):
            # Sections of their own follow: their preambles and unnumbered paragraphs.
            pieces.append(Piece(kind=numbered_kind, number=match.group(1), text=content[:section]))
            pieces.extend(section_pieces(content[section:]))
            continue
        part = INTRO_RE.search(content) if numbered_kind == "operative" else None
        if part and ITEM_MARKER_END_RE.search(content, 0, part.start()):
            part = None  # "(a) The International Law Fellowship Programme, with ...": an item
        if part and not opens_part(content[: part.start()]):
            part = None  # "... its session in The Hague, looks forward to ...": a place
        if part:
            pieces.append(
                Piece(
                    kind=numbered_kind,
                    number=match.group(1),
                    text=kept_and_dropped(content[: part.start()], dropped),
                    lead=lead,
                )
            )
            pieces.extend(split_preamble(content[part.end() :]))
            lead = lead_verb(part)
            continue
        pieces.append(
            Piece(
                kind=numbered_kind,
                number=match.group(1),
                text=kept_and_dropped(content, dropped),
                lead=lead,
            )
        )
    if intro is not None:
        mark_recommended_draft(pieces, text[body_start:preamble_end])
    if numbered and ADOPTED_TEXT_RE.search(text, body_start, numbered[0].start()):
        # The numbered paragraphs are the adopted text's, as an annexed declaration's are.
        for piece in pieces:
            if piece.number is not None:
                piece.kind, piece.lead = "other", None
    pieces.extend(annex_pieces(text, start=body_end, warnings=warnings))
    return Segments(
        head=text[:body_start],
        pieces=[p for p in pieces if p.text.strip()],
        tail="\n\n".join([text[body_end:text_end], *dropped]),
        warnings=warnings,
    )


def kept_and_dropped(content: str, dropped: list[str]) -> str:
    """A paragraph's text without the headings printed after it, which go to `dropped`."""
    kept = drop_trailing_headings(content)
    rest = content.rstrip()
    if rest.startswith(kept) and rest[len(kept) :].strip():
        dropped.append(rest[len(kept) :].strip())
    return kept


def find_embedded_drafts(text: str) -> list[EmbeddedDraft]:
    """Drafts recommended in a report: a "Draft resolution" heading, then an enacting formula
    ("The General Assembly,"), preambular paragraphs, and operative paragraphs numbered from 1,
    each opening with an operative verb; the draft ends at the first number out of that sequence
    (the report's numbering resuming) or at the next draft's heading."""
    drafts: list[EmbeddedDraft] = []
    for intro in INTRO_RE.finditer(text):
        if drafts and intro.start() < drafts[-1].end:
            continue
        heading = None
        for heading in DRAFT_HEADING_RE.finditer(text, max(0, intro.start() - DRAFT_HEADING_SPAN)):
            if heading.start() >= intro.start():
                heading = None
                break
            following = DRAFT_HEADING_RE.search(text, heading.end(), intro.start())
            if following is None:
                break
        if heading is None or heading.start() >= intro.start():
            continue
        numbered: list[re.Match[str]] = []
        end = len(text)
        next_heading = DRAFT_HEADING_RE.search(text, intro.end())
        limit = next_heading.start() if next_heading else len(text)
        for match in NUMBERED_RE.finditer(text, intro.end(), limit):
            if NOT_NUMBER_BEFORE_RE.search(text[max(0, match.start() - 15) : match.start()]):
                continue
            if int(match.group(1)) == len(numbered) + 1 and opens_with_verb(text, match):
                numbered.append(match)
                continue
            if numbered and int(match.group(1)) != len(numbered) + 1:
                end = match.start()
                break
        else:
            end = limit
        if numbered:
            drafts.append(
                EmbeddedDraft(start=heading.start(), intro=intro, numbered=numbered, end=end)
            )
    return drafts


def segment_report(text: str, *, drafts: list[EmbeddedDraft], warnings: list[str]) -> Segments:
    """A report's numbered paragraphs (kind other) with the drafts it embeds in place, each
    draft's preambular and operative paragraphs listed with their own kinds."""
    masked = text
    for draft in drafts:
        masked = masked[: draft.start] + " " * (draft.end - draft.start) + masked[draft.end :]
    numbered = find_numbered(masked, start=0, strict_start=True, warnings=warnings, verbs=False)
    if not numbered or numbered[0].start() > drafts[0].start:
        return Segments(head=text, pieces=[], tail="", warnings=warnings)
    placed: list[tuple[int, Piece]] = []
    for index, match in enumerate(numbered):
        end = numbered[index + 1].start() if index + 1 < len(numbered) else len(text)
        inside = [draft.start for draft in drafts if match.end() <= draft.start < end]
        content = text[match.end() : min([end, *inside])]
        placed.append(
            (
                match.start(),
                Piece(kind="other", number=match.group(1), text=drop_trailing_headings(content)),
            )
        )
    for draft in drafts:
        citing = draft.intro.group(1)
        pieces = split_preamble(text[draft.intro.end() : draft.numbered[0].start()])
        for index, match in enumerate(draft.numbered):
            stop = (
                draft.numbered[index + 1].start() if index + 1 < len(draft.numbered) else draft.end
            )
            pieces.append(
                Piece(
                    kind="operative",
                    number=match.group(1),
                    text=drop_trailing_headings(text[match.end() : stop]),
                )
            )
        for offset, piece in enumerate(pieces):
            piece.citing = citing
            placed.append((draft.intro.end() + offset, piece))
    placed.sort(key=lambda item: item[0])
    return Segments(
        head=text[: numbered[0].start()],
        pieces=[piece for _, piece in placed if piece.text.strip()],
        tail="",
        warnings=warnings,
    )


def annex_pieces(text: str, *, start: int, warnings: list[str]) -> list[Piece]:
    """The numbered paragraphs of the annexes after `start`, as paragraphs of kind other; not
    those of an annexed convention or statute, which count its articles' paragraphs."""
    annexes = list(ANNEX_RE.finditer(text, start))
    pieces: list[Piece] = []
    for index, annex in enumerate(annexes):
        end = annexes[index + 1].start() if index + 1 < len(annexes) else len(text)
        if FIRST_ARTICLE_RE.search(text, annex.end(), end):
            continue
        numbered = find_numbered(
            text[:end], start=annex.end(), strict_start=True, warnings=warnings, verbs=False
        )
        for position, match in enumerate(numbered):
            stop = numbered[position + 1].start() if position + 1 < len(numbered) else end
            content = drop_trailing_headings(text[match.end() : stop])
            pieces.append(Piece(kind="other", number=match.group(1), text=content))
    return pieces


def segment_statement(text: str, *, start: int, warnings: list[str]) -> Segments:
    """A decision's statement from `start`: one paragraph per block, up to an end marker; a part
    after the annex of the part before ("Annex" / list / "B" / "At its ...") goes on to its own
    end marker."""
    regions = statement_regions(text, start)
    pieces: list[Piece] = []
    set_aside: list[str] = []
    blocks = [
        part
        for region_start, region_end in regions
        for block in text[region_start:region_end].split("\n\n")
        for part in split_statement(block)
    ]
    listing = False  # a list or table announced by a colon: blocks without closing punctuation
    for index, block in enumerate(blocks):
        block = PART_LETTER_LINE_RE.sub("", block.lstrip("\n"))
        stripped = strip_leading_sentinels(block.strip())
        if not stripped or PUBLICATION_NOTE_RE.match(stripped):
            continue
        if STATEMENT_ASIDE_RE.match(strip_sentinels_end(stripped)):
            # Cited documents, notes: references, not paragraphs (the publication's volume no
            # citation).
            set_aside.append(before_publication_note(block))
            continue
        closed = strip_sentinels_end(stripped).endswith((".", ";", ",", ":"))
        if pieces and (
            continues_paragraph(stripped)
            or LIST_ITEM_RE.match(stripped)
            or strip_sentinels_end(pieces[-1].text).endswith(":")
            or (listing and (not closed or list_goes_on(pieces[-1].text, stripped)))
            or unfinished_statement(pieces[-1].text, stripped)
            or heads_list(stripped, blocks[index + 1 :])
        ):
            pieces[-1].text += "\n\n" + block
        else:
            pieces.append(Piece(kind="operative", number=None, text=block, statement=True))
        last = strip_sentinels_end(pieces[-1].text)
        listing = last.endswith(":") or (listing and (not closed or last.endswith(";")))
    # After an annex, too, the note naming the volume that will publish the decision is no
    # citation of it; an annex between parts stays in the tail, whose citations are the
    # document's.
    outside = [
        text[end:following_start]
        for (_, end), (following_start, _) in zip(
            regions, [*regions[1:], (len(text), 0)], strict=True
        )
    ]
    after = [before_publication_note(block) for part in outside for block in part.split("\n\n")]
    tail = "\n\n".join([*set_aside, *after])
    return Segments(head=text[:start], pieces=pieces, tail=tail, warnings=warnings)


def before_publication_note(block: str) -> str:
    """A block of notes up to the sentence naming the volume that will publish the decision."""
    note = PUBLICATION_SENTENCE_RE.search(block)
    return block[: note.start()] if note else block


def statement_regions(text: str, start: int) -> list[tuple[int, int]]:
    """The stretches of a decision's statement: from `start` to its end marker and, where that
    marker is an annex followed by another part ("B" / "At its ..."), each later part's."""
    regions = [(start, statement_end(text, start))]
    while re.match(r"\s*Annex", text[regions[-1][1] :]):
        part = NEXT_PART_RE.search(text, regions[-1][1])
        if part is None:
            break
        regions.append((part.end(), statement_end(text, part.end())))
    return regions


def heads_list(block: str, following: list[str]) -> bool:
    """Whether a statement's block is the heading of a numbered list set out after it ("Draft
    programme of work" over "1. Information and communications ..."), a note written out
    between the two passed over: part of the statement that announced the list ("... as set
    out below;")."""
    after = next(
        (text for part in following if (text := strip_leading_sentinels(part.strip()))), ""
    )
    return is_statement_heading(strip_sentinels_end(block)) and bool(LIST_ITEM_RE.match(after))


def list_goes_on(previous: str, block: str) -> bool:
    """Whether a list announced by a colon goes on into `block`: its item before ends with a
    semicolon ("Sunday, 22 September 2024: from 9 a.m. to 3 p.m.;" / "Monday, ...") and `block`
    opens no statement of its own ("At its ...", "On 11 August 2020, the ...")."""
    return strip_sentinels_end(previous).endswith(";") and not DECISION_START_RE.match(block)


def unfinished_statement(previous: str, block: str) -> bool:
    """Whether a statement's paragraph goes on into `block`: it ends with a comma ("..., on the
    recommendation of the Fifth Committee (A/75/683, para.6),") or with a heading ("Section A"),
    and `block` is a heading or opens with what was decided ("Decided to defer ...")."""
    last = strip_sentinels_end(previous)
    if not (last.endswith(",") or is_statement_heading(last.rsplit("\n\n", 1)[-1])):
        return False
    first = FIRST_WORDS_RE.match(block)
    decided = first is not None and present_form(normalize_word(first.group(1))) is not None
    return is_statement_heading(block) or decided


def is_statement_heading(block: str) -> bool:
    """A heading inside a decision's statement ("Section A"): short, a capital, no punctuation."""
    return (
        len(block) <= STATEMENT_HEADING_MAX
        and block[:1].isupper()
        and not re.search(r"[.,;:()]", block)
        and not DECISION_START_RE.match(block)
    )


def statement_end(text: str, start: int) -> int:
    """Where a decision's statement ends: the first end marker that is not the meeting of one of
    its own sentences ("At its 48th plenary meeting, on ...", "At the 65th plenary meeting")."""
    prefix = ADOPTION_PREFIX_RE.match(text, start)
    for marker in END_MARKERS_RE.finditer(text, prefix.end() if prefix else start):
        if not STATEMENT_MEETING_BEFORE_RE.search(
            text, max(0, marker.start() - 30), marker.start()
        ):
            return marker.start()
    return len(text)


def split_statement(block: str) -> list[str]:
    """A statement's block cut before each later sentence that states a decision of its own, and
    before a part's letter that opens the next part ("... Space. B At its 55th ...")."""
    parts, position = [], 0
    splits = [*STATEMENT_SPLIT_RE.finditer(block), *PART_SPLIT_RE.finditer(block)]
    for match in sorted(splits, key=lambda found: found.start()):
        parts.append(block[position : match.end(1)])
        position = match.end()
    parts.append(block[position:])
    return parts


def opens_with_verb(text: str, match: re.Match[str]) -> bool:
    """Whether the numbered paragraph at `match` opens with an operative verb."""
    following = FIRST_WORDS_RE.match(text[match.end() : match.end() + 60])
    if not following:
        return False
    first = following.group(1)
    if first.lower() in MODIFIERS and following.group(2):
        first = following.group(2)
    return is_operative_verb(first)


def strip_sentinels_end(text: str) -> str:
    """Text without the footnote sentinels and spaces that close it."""
    return re.sub(rf"{SENTINELS}\s*$", "", text.rstrip())


def find_numbered(
    text: str, *, start: int, strict_start: bool, warnings: list[str], verbs: bool
) -> list[re.Match[str]]:
    """Paragraph numbers in sequence (1, 2, 3...), ignoring numbered lists inside paragraphs."""
    candidates = [
        m
        for m in NUMBERED_RE.finditer(text, start)
        if not NOT_NUMBER_BEFORE_RE.search(text[max(0, m.start() - 15) : m.start()])
    ]
    accepted: list[re.Match[str]] = []
    expected = 1
    for position, match in enumerate(candidates):
        number = int(match.group(1))
        if (
            verbs
            and number == 1
            and accepted
            and (
                INTRO_RE.search(text, accepted[-1].end(), match.start())
                or find_section(text, accepted[-1].end(), match.start()) is not None
            )
        ):
            # A part of its own ("II", heading, "The Economic and Social Council,") restarts at 1,
            # and so does a section with a preamble and numbering of its own ("II" / "Strategic
            # capital review" / "Recalling ..." / "1. Takes note ...").
            expected = 1
        if number == expected:
            accepted.append(match)
            expected += 1
        elif (
            verbs
            and accepted
            and number == expected - 1
            and candidates[position - 1] is accepted[-1]
            and re.search(rf"[;.]{SENTINELS}\s*$", text[accepted[-1].end() : match.start()])
            and is_strong_start(text, match, verbs=verbs)
        ):
            # A draft's second paragraph printed with the same number, right after the first
            # ("...; 1. Welcomes ..."); not a section's numbering restarting ("1. ... 2. ... 3.").
            warnings.append(f"operative paragraph {number} printed twice")
            accepted.append(match)
        elif (
            accepted
            and expected < number <= expected + JUMP_MAX
            and is_strong_start(text, match, verbs=verbs)
        ):
            warnings.append(
                f"{'operative' if verbs else 'paragraph'} numbering jumps "
                f"from {expected - 1} to {number}"
            )
            accepted.append(match)
            expected = number + 1
    return accepted


def lead_verb(formula: re.Match[str] | None) -> str | None:
    """The verb of the lead a formula goes on into ("Resolves that:"), in lower case."""
    return formula.group("lead").lower() if formula and formula.group("lead") else None


def opens_part(before: str) -> bool:
    """Whether an enacting formula after this text opens a part of its own: it follows a closed
    sentence or a heading ("...;" / "II" / "The Economic and Social Council,"), never words
    running on in the middle of one."""
    if not before.strip() or "\n" in before[len(before.rstrip()) :]:
        return True
    return strip_sentinels_end(before).endswith((".", ";", ":"))


def find_lettered(text: str, *, start: int, end: int | None) -> list[re.Match[str]]:
    """Lettered operative paragraphs ((a), (b), ...) in sequence, the first right after a colon,
    each opening with an operative verb: a draft decision's paragraphs when it has no numbered
    ones ("...: (a) Expresses its profound gratitude ...; (b) Endorses ...")."""
    found: list[re.Match[str]] = []
    for match in LETTERED_RE.finditer(text, start, len(text) if end is None else end):
        if match.group(1) != chr(ord("a") + len(found)) or not opens_with_verb(text, match):
            continue
        if not found and not strip_sentinels_end(text[: match.start()]).endswith(":"):
            return []
        found.append(match)
    return found


def is_strong_start(text: str, match: re.Match[str], *, verbs: bool) -> bool:
    """Whether a number out of sequence opens a paragraph: an opener follows or a block starts."""
    following = FIRST_WORDS_RE.match(text[match.end() : match.end() + 60])
    if verbs:
        return bool(
            following
            and (is_operative_verb(following.group(1)) or following.group(1).lower() in MODIFIERS)
        )
    return match.start() == 0 or text[max(0, match.start() - 2) : match.start()] == "\n\n"


def mark_recommended_draft(pieces: list[Piece], preamble: str) -> None:
    """The paragraphs after a recommended draft's formula ("Recommends ... the adoption of the
    following draft resolution:" / "The General Assembly,") are the draft's: its body cites in
    them ("its resolution 56/119" is the Assembly's)."""
    offset = 0
    for block in preamble.split("\n\n"):
        formula = FORMULA_ALONE_RE.fullmatch(strip_leading_sentinels(block).strip())
        if formula:
            name = formula.group(0)[len("The ") : -1]
            for piece in pieces[len(split_preamble(preamble[:offset])) :]:
                piece.citing = name
            return
        offset += len(block) + 2


def split_preamble(preamble: str) -> list[Piece]:
    """Preambular paragraphs: cut at blocks and where a known opener follows a comma."""
    cuts = [0]
    position = 0
    blocks = preamble.split("\n\n")
    if len(blocks) > 1:
        preamble = "\n\n".join(
            b
            for index, b in enumerate(blocks)
            if not is_section_heading(b)
            and not is_preamble_heading(b, blocks[:index])
            and not FORMULA_ALONE_RE.fullmatch(strip_leading_sentinels(b).strip())
        )
    previous = ""
    for block in preamble.split("\n\n"):
        stripped = strip_leading_sentinels(block)
        if (
            position
            and stripped
            and not continues_paragraph(stripped)
            and not continues_after_break(previous, stripped)
        ):
            cuts.append(position)
        position += len(block) + 2
        if stripped.strip():
            previous = block
    one_line = "\n\n" not in preamble.strip()
    for match in PREAMBLE_SPLIT_RE.finditer(preamble):
        if (
            opens_preambular(match.group(1), match.group(2))
            or opens_unnumbered_operative(preamble[match.end() :])
            or (one_line and looks_like_opener(match.group(1), match.group(2)))
        ):
            cuts.append(match.end())
    cuts = sorted(set(cuts))
    pieces = []
    for index, cut in enumerate(cuts):
        end = cuts[index + 1] if index + 1 < len(cuts) else len(preamble)
        content = preamble[cut:end]
        if content.strip():
            pieces.append(Piece(kind=preamble_kind(content), number=None, text=content))
    return pieces


def drop_preamble_heading(preamble: str) -> str:
    """The preamble without a heading run on after its last paragraph's comma ("Acting under
    Chapter VII of the Charter of the United Nations, Measures" before paragraph 1): a few
    words, the first capitalized and no opener, without closing punctuation."""
    heading = PREAMBLE_END_HEADING_RE.search(preamble)
    if heading is None:
        return preamble
    words = [heading.group(1), *heading.group(2).split()]
    if len(words) > PREAMBLE_HEADING_WORDS_MAX or opens_preambular(
        words[0], words[1] if len(words) > 1 else None
    ):
        return preamble
    return preamble[: heading.start() + 1]


def is_preamble_heading(block: str, before: list[str]) -> bool:
    """Whether a block of the preamble is an unnumbered heading ("Prevention of Illicit Exports
    of Petroleum" before paragraph 1): a short capitalized block without closing punctuation,
    after a paragraph that closed, opening with no known opener; after "Adopts the following
    outcome document ...:" the title of the text adopted, which may be longer."""
    previous = next((b for b in reversed(before) if b.strip()), "")
    words = FIRST_WORDS_RE.match(strip_leading_sentinels(block.strip()))
    introduced = strip_sentinels_end(previous).endswith(":")
    return bool(
        previous
        and strip_sentinels_end(previous).endswith((",", ";", ":", "."))
        and is_heading_block(block, longest=TITLE_BLOCK_MAX if introduced else HEADING_BLOCK_MAX)
        and words
        and not opens_preambular(words.group(1), words.group(2))
        and not is_operative_verb(words.group(1))
    )


def continues_paragraph(block: str) -> bool:
    """Whether a block carries on the paragraph before it (page break mid-sentence, subitem, an
    enumeration of resolutions going on: "71/160 of 16 December 2016, 73/24 of ...")."""
    return (
        block[:1].islower()
        or block[:1] in ",;:)"
        or bool(SUBPARAGRAPH_START_RE.match(block) or CITED_NUMBER_START_RE.match(block))
    )


def continues_after_break(previous: str, block: str) -> bool:
    """Whether a block carries on a paragraph that a page break cut mid-sentence ("... the United
    Nations Office on" / "Drugs and Crime ..."): the block before has no closing punctuation and
    this one opens with a digit or with no known opener (a noun spelled as a verb is none:
    "... by Member" / "States of the Declaration"); after a comma, with such a noun
    ("... held in Vienna from 14 to 25 June 1993," / "States were called upon ...")."""
    if previous and strip_sentinels_end(previous).endswith(","):
        return reads_as_noun(block) or runs_on_as_name(block)
    if not previous or strip_sentinels_end(previous).endswith((";", ":", ".")):
        return False
    if block[:1].isdigit():  # a date or a number: "... 67/4 of" / "13 November 2012, 68/8 of ..."
        return not NOTE_BODY_START_RE.match(block)
    words = FIRST_WORDS_RE.match(block)
    if not words:
        return False
    return not (
        opens_preambular(words.group(1), words.group(2))
        or (is_operative_verb(words.group(1)) and not reads_as_noun(block))
        or (is_heading_block(previous) and not opens_with_opener(previous))
    )


def runs_on_as_name(block: str) -> bool:
    """Whether a block after a comma carries on a name a page break cut ("... to Identify and
    Trace, in a Timely and Reliable Manner," / "Illicit Small Arms and Light Weapons ..."): two
    capitalized words, the first no opener, known or apparent, and no operative verb."""
    name = NAME_START_RE.match(block)
    if name is None:
        return False
    first, second = name.group(1), name.group(2)
    return not (
        opens_preambular(first, second)
        or looks_like_opener(first, second)
        or is_operative_verb(first)
    )


def opens_with_opener(block: str) -> bool:
    """Whether a block opens with a known preambular opener ("Noting with satisfaction ..."): a
    paragraph, however short the page break left it, never a heading."""
    words = FIRST_WORDS_RE.match(strip_leading_sentinels(block.strip()))
    return bool(words and opens_preambular(words.group(1), words.group(2)))


def opens_preambular(first: str, second: str | None) -> bool:
    """Whether capitalized words after a comma open a new preambular paragraph."""
    if is_preambular_opener(first):
        return True
    return first.lower() in MODIFIERS and second is not None and is_preambular_opener(second)


def opens_unnumbered_operative(text: str) -> bool:
    """Whether a capitalized operative verb opening `text` (after a comma) opens an unnumbered
    operative paragraph (a decision's "..., Decides to convene ..."): not a noun of the same
    spelling ("..., States were called upon ...")."""
    words = FIRST_WORDS_RE.match(text)
    if words is None:
        return False
    first = words.group(1)
    return (
        first.endswith("s")
        and is_operative_verb(first)
        and not is_preambular_opener(first)
        and not reads_as_noun(text)
    )


def reads_as_noun(text: str) -> bool:
    """Whether a capitalized word spelled as an operative verb opening `text` is a noun: a
    possessive ("States' capacities", the apostrophe curly or straight), a noun phrase going on
    ("States parties", "States of the Declaration") or the subject of a verb ("States were
    called upon", "States must ensure", "States recognized that")."""
    noun = NOUN_READING_RE.match(text)
    return bool(
        noun
        and is_operative_verb(noun.group(1))
        and (noun.group(2) is None or present_form(noun.group(2)) is not None)
    )


def looks_like_opener(first: str, second: str | None) -> bool:
    """Whether an opener missing from the vocabulary starts here: a participle ("Looking
    forward", "Building on") or an adjective of feeling ("Heartened by") before a small word."""
    if second is None or second in ("and", "or", "nor"):
        return False
    word = first.lower()
    if word.endswith("ing") and len(word) >= 6:
        return True
    return word.endswith("ed") and len(word) >= 6 and second in PARTICIPLE_FOLLOWERS


def preamble_kind(text: str) -> str:
    """Preambular, or operative for an unnumbered paragraph opening with an operative verb."""
    words = FIRST_WORDS_RE.match(strip_leading_sentinels(text.lstrip()))
    if words and not is_preambular_opener(words.group(1)):
        first = words.group(1)
        if first.lower() in MODIFIERS and words.group(2):
            first = words.group(2)
        if is_operative_verb(first) and not is_preambular_opener(first):
            return "operative"
    return "preambular"


def drop_trailing_headings(text: str) -> str:
    """Remove section headings printed between a paragraph and the next one."""
    blocks = text.rstrip().split("\n\n")
    rows = blocks[1:]
    if (
        strip_sentinels_end(blocks[0]).endswith(":")
        and len(rows) >= TABLE_ROWS_MIN
        and all(map(is_heading_block, rows))
        and any(re.search(r"\d", row) for row in rows)
    ):
        # The rows of a table the paragraph announces ("... set out in the table below:" /
        # "Organizational unit Title of post ..." / "Financial services ... 1 P-5" / "Total 4"),
        # not the heading and title of a text that follows ("Resolution 28/1" / "Improving ...").
        return text.rstrip()
    while len(blocks) > 1 and (
        is_heading_block(blocks[-1])
        or (
            # A sub-heading of a few lines ("Analytical Support and Sanctions Monitoring Team
            # pursuant to resolutions 1526 (2004) and 2253 (2015) ...") after a closed paragraph.
            strip_sentinels_end(blocks[-2]).endswith((".", ";"))
            and is_heading_block(blocks[-1], longest=TITLE_BLOCK_MAX)
        )
    ):
        blocks.pop()
    if len(blocks) > 2 and CHAPTER_HEADING_RE.fullmatch(blocks[-2].strip()):
        # A chapter's heading and its title, however long ("Chapter II" / "Thematic ...").
        blocks[-2:] = []
    text = "\n\n".join(blocks)
    return TRAILING_HEADING_RE.sub("", text.rstrip())


def is_section_heading(block: str) -> bool:
    """Whether a block is a numbered section heading ("II. International cooperation")."""
    block = block.strip()
    return len(block) <= HEADING_BLOCK_MAX and bool(SECTION_HEADING_RE.match(block))


def is_heading_block(block: str, *, longest: int = HEADING_BLOCK_MAX) -> bool:
    """Whether a block is a short heading (capitalized, no closing punctuation before its
    markers); a block in lower case carries on the paragraph a page break cut."""
    block = strip_sentinels_end(block.strip())
    return (
        len(block) <= longest
        and not block[:1].islower()
        and not block.endswith((".", ";", ":", ","))
        and not SUBPARAGRAPH_START_RE.match(block)
    )
