"""Metadata: symbol, body, doc_type, number, title, date, year, session, agenda item, sponsors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .bodies import BODY_NAME_RE, DECISION_PART, body_code, body_in, body_of_symbol
from .countries import canonical_country
from .dates import MONTH_PATTERN, MONTHS
from .references import NUMBER_PART, SYMBOL_RE, normalize_number
from .types import BODY_CODES, DOC_TYPES
from .verbs import MODIFIERS, is_preambular_opener

# "20 December 2017", "December 20, 2017"; days listed before their month ("on 20 and 24
# December 2017", meetings held on each): the first.
DATE_RE = re.compile(
    rf"\b(\d{{1,2}})(?:(?:,[ ]|[ ]and[ ])\d{{1,2}})*[ ]({MONTH_PATTERN})[ ,]+(\d{{4}})\b"
    rf"|\b({MONTH_PATTERN})[ ](\d{{1,2}}),?[ ](\d{{4}})\b"
)
ADOPTION_RE = re.compile(
    rf"(?:(?:\d{{1,4}}(?:st|nd|rd|th)[ ]+(?:\(\w+\)[ ]+)?(?:plenary[ ]+)?meeting[ ,]+(?:on[ ]+)?"
    rf"|adopted[ ]by[ ]the[ ][A-Z][\w ,]{{3,120}}?[ ]on[ ]"
    rf"|\bOn[ ](?=\d{{1,2}}[ ](?:{MONTH_PATTERN})[ ]\d{{4}},[ ]the[ ][^.;:]{{0,200}}?[ ]decided\b)"
    rf"|(?:^|\n\n)On[ ](?=\d{{1,2}}[ ](?:{MONTH_PATTERN})[ ]\d{{4}},[ ]the[ ]))"
    rf"(?=\d{{1,2}}[ ](?:{MONTH_PATTERN})|(?:{MONTH_PATTERN})[ ]\d)"
    # A text adopted over plenary meetings, one day each: "At its 74th and 76th plenary
    # meetings, on 20 and 24 December 2017, respectively".
    rf"|\d{{1,4}}(?:st|nd|rd|th)[ ]+plenary[ ]+meetings,?[ ]+on[ ]+"
    rf"(?=\d{{1,2}}(?:(?:,[ ]|[ ]and[ ])\d{{1,2}})+[ ](?:{MONTH_PATTERN})))"
)
# A date right after the symbol that opens the text ("S/2021/523 3 June 2021 Draft Resolution").
SYMBOL_DATE_RE = re.compile(
    rf"^\s*(?:{SYMBOL_RE.pattern})\s+(?=\d{{1,2}}[ ](?:{MONTH_PATTERN})[ ]\d{{4}}\b)"
)
DISTR_RE = re.compile(r"Distr\.?:?[ ]*(?:General|Limited|Restricted|Special)?[ ,]*", re.IGNORECASE)
HEADING_NUMBER_RE = re.compile(
    rf"(?:^|[\s\]*])(?:(?P<body>ECOSOC|CCPCJ|CND|HRC)[ ]+)?"
    rf"(?P<kind>Resolution|Decision|RESOLUTION|DECISION)[ ]+(?P<number>{NUMBER_PART})(?![\w/])"
)
# A heading line naming the body: "General Assembly decision 74/413", "... decision 72/414 A and B",
# "... decision 73/547 A, B and C", "... decision 73/408 A-C".
BODY_HEADING_RE = re.compile(
    rf"^[ \t]*(?P<body>{BODY_NAME_RE.pattern})[ ]+(?P<kind>resolution|decision)[ ]+"
    rf"(?P<number>{NUMBER_PART}(?:(?:,[ ][A-Z])*[ ]and[ ][A-Z]|-[A-Z])?)\.?[ \t]*$",
    re.MULTILINE,
)
LEADING_NUMBER_RE = re.compile(rf"(?:^|(?<=[\s\]*]))(?P<number>{NUMBER_PART})\.[ ]+(?=[A-Z])")
DRAFT_RE = re.compile(r"\b(?:revised[ ]+)?draft[ ]+(resolution|decision)\b", re.IGNORECASE)
SPONSORS_RE = re.compile(
    r"([^:\n]{3,3000}?):[ ]*\**[ ]*(?:amendments?[ ]+to[ ]+(?:the[ ]+)?)?"
    r"(?:revised[ ]+|amended[ ]+)?draft[ ]+(?:resolution|decision)",
    re.IGNORECASE,
)
# The heading of an amendment: "Russian Federation:* amendment to draft resolution A/80/L.18"
# (or "... to draft resolution 6 recommended by the Second Committee in its report ...").
AMENDMENT_RE = re.compile(
    r":[ ]*\**[ ]*amendments?[ ]+to[ ]+(?:the[ ]+)?(?:revised[ ]+)?draft[ ]+(?:resolution|decision)"
    r"[^\n]*",
    re.IGNORECASE,
)
# A note of the Secretariat or an officer ("Organization of work" over "Note by the Chair"), not
# a draft though printed in the L series; its title is the block above that line.
NOTE_HEAD_RE = re.compile(r"(?:^|\n\n)([^\n]{3,300})\n\nNote[ ]by[ ]the[ ][A-Z][\w-]*")
REPORT_TITLE_RE = re.compile(
    r"\b(?:Draft[ ])?Report[ ](?:of|on)[ ][^\n]{5,400}?(?=[ ](?:[IVX]{1,4}|[A-H]|1)\.[ ][A-Z]|\n|$"
    r"|[ ](?:Economic[ ]and[ ]Social[ ]Council[ ]|General[ ]Assembly[ ])?Official[ ]Records\b"
    r"|[ ]Chapter[ ][IVX]{1,5}\b|[ ]Supplement[ ]No\.)"
)
OFFICIAL_RECORDS_RE = re.compile(r"\bOfficial[ ]Records,[ ](\d{4})\b[^\n]{0,40}?Supplement[ ]No\.")
# A chapter heading, not "Acting under Chapter VII of the Charter".
CHAPTER_RE = re.compile(r"(?:^|\s)(?<![a-z][ ])Chapter[ ][IVX]{1,5}\b(?![ ]+of\b)")
RESOLUTION_ADOPTED_RE = re.compile(
    r"\b(Resolution|Decision)s?[ ]+adopted[ ]+by[ ]+the[ ]+"
    r"([A-Z][\w ]{3,120}?)(?=[ ]+(?:on|at|\[|\())",
    re.IGNORECASE,
)
# The cover line of one adopted resolution ("Resolution adopted by the General Assembly on 4
# December 2024"): a report's agenda-item title over it ("Report of the ... Commission") does not
# make the document a report.
RESOLUTION_COVER_RE = re.compile(r"\bResolution[ ]+adopted[ ]+by[ ]+the[ ]+[A-Z]")
SESSION_RE = re.compile(
    r"\b((?:[A-Z][a-z]+(?:-[a-z]+)?|\d{4}|\d{1,2}(?:st|nd|rd|th))[ ]"
    r"(?:regular[ ]|special[ ]|resumed[ ]|substantive[ ])?session)\b"
)
AGENDA_RE = re.compile(
    r"\b(?:Agenda[ ]item|Item)[ ](\d{1,3}(?:[ ]?\([a-z]{1,3}\))?(?:[ ]?\([ivx]{1,5}\))?)"
)
JOINED_RE = re.compile(
    r"(?:(?:Subsequently|Later|Thereafter|In[ ]addition),[ ]+)?([A-Z][^.:;\n]{1,2000}?)[ ]+"
    r"(?:also[ ]+|subsequently[ ]+|later[ ]+)?joined[ ]+in[ ]+sponsoring\b"
)
# A placeholder for a number not yet given: "L.__", "80/___", "L.xx", "L.…".
PLACEHOLDER_RE = re.compile(r"[./]?(?:_{2,}|[xX]{2,}(?!\w)|\u2026|\.{3})")
# A heading's number is followed by its title or a line's end, a number cited in the title by a
# lower-case word ("under GA decision 74/544 entitled ...", "resolution 75/290 B on the ..."); a
# draft's heading line names who submits it ("Draft resolution submitted by the President"). A
# blank line parts the heading from the title, unless a lower-case word follows it: a title
# wrapped over two of a PDF's blocks ("... on the fight" / "against tuberculosis").
TITLE_ANCHOR_RE = re.compile(
    r"\d{1,4}/(?:_{2,}|[xX]{2,})\.[ ]|"
    rf"(?:{NUMBER_PART})\.[ ]|(?:Resolution|Decision)[ ]+(?:{NUMBER_PART})"
    r"(?![ ]+(?-i:(?:[A-Z]{1,2}[ ]+)?[a-z]))\s"
    r"|draft[ ]+(?:resolution|decision)\b(?:[ ]+submitted[ ]+by\b[^\n]*)?|\]"
    r"|\n\n(?![ ]*(?-i:[a-z]))"
    r"|\badopted[ ]by[ ]the[ ][^\n]{3,160}?\d{4}(?![\w/])",
    re.IGNORECASE,
)
# A place-and-date line closing the head ("The Hague, 12 May 2023", "Vienna, Austria, 12-16
# October 2020"): where and when the text was adopted, not its title.
PLACE_DATE_RE = re.compile(
    rf"(?:^|\s)((?:[A-Z][\w.'\u2019-]*[ ]?){{1,4}}(?:,[ ](?:[A-Z][\w.'\u2019-]*[ ]?){{1,4}})?,[ ]"
    rf"\d{{1,2}}(?:[-\u2013]\d{{1,2}})?[ ](?:{MONTH_PATTERN})[ ]\d{{4}})\s*$"
)
# Lines that may close a decision's head after its title: "Agenda item 31", a part's heading
# ("A", also printed with a full stop: "A.", or "DECISION A").
HEAD_END_LINES_RE = re.compile(rf"(?:\n\n(?:Agenda[ ]items?[ ][^\n]{{1,60}}|{DECISION_PART}))+$")
# The heading of a resolution's first part ("I" or "A" over its title, or "A Budget
# appropriations for 2026" on one line) closing the head.
PART_HEADING_END_RE = re.compile(r"\n\n(?:(?:[IVX]{1,5}|A)\.?\n\n|A[ ](?=[A-Z]))[^\n]{1,300}$")
# A comma before the closing "and" ("Nigeria,* and Thailand", the star taken out) splits too.
SPLIT_COMMAS_RE = re.compile(r"\s*,\s*(?:and\s+)?")
AND_RE = re.compile(r"\s+and\s+")
PARENTHESES_RE = re.compile(r"\([^()]{0,200}\bbehalf\b[^()]{0,200}\)|\*")
SPACE_RE = re.compile(r"\s+")
ISO_DATE_RE = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
BRACKET_SPACE_RE = re.compile(r"(?<=\()[ ]+|[ ]+(?=\))")
TITLE_MAX = 400
# A body's enacting formula ("The Security Council,") opens the text, never a title.
ENACTING_FORMULA_RE = re.compile(rf"The (?:{BODY_NAME_RE.pattern})[,:]\s")
# The formula on a line of its own ends the title's part of the head: printed without its comma
# in a draft without preamble ("The General Assembly" over "1. Recalls ...") or over an
# unnumbered paragraph ("The General Assembly" / "Adopts the following Pact for the Future"),
# or over a section's heading ("The General Assembly," / "I" / "Enterprise resource planning").
FORMULA_LINE_RE = re.compile(rf"\n\s*The (?:{BODY_NAME_RE.pattern}),?[ ]*(?:\n|$)")
# A block's first words, to tell a preambular paragraph in a head without enacting formula.
BLOCK_START_RE = re.compile(r"\n\n[ ]*([A-Z][a-z]+)(?:[ ]([a-z]+))?")


@dataclass(frozen=True)
class Metadata:
    """Everything known about a document apart from its paragraphs and references."""

    symbol: str | None
    body: str
    doc_type: str
    number: str | None
    title: str | None
    date: str | None
    year: int | None
    sponsors: tuple[str, ...]
    session: str | None
    agenda_item: str | None


def find_symbol(head: str) -> str | None:
    """The document's own symbol: the first symbol of the head not cited in brackets, nor one
    whose last part is a placeholder ("A/C.3/80/L.__", "A/RES/80/___")."""
    for match in SYMBOL_RE.finditer(head):
        symbol = match.group(0).rstrip(".")
        opened = head[: match.start()]
        if opened.count("(") > opened.count(")") or opened.count("[") > opened.count("]"):
            continue
        if PLACEHOLDER_RE.match(head, match.end()):
            continue
        if "/" in symbol and any(ch.isdigit() for ch in symbol):
            return symbol
    return None


def find_number(head: str, *, symbol: str | None) -> tuple[str | None, str | None, str | None]:
    """The resolution or decision number, the heading's kind and the body named with it."""
    named = BODY_HEADING_RE.search(head)
    if named:
        number = normalize_number(named.group("number"))
        return number, named.group("kind"), body_code(named.group("body"))
    heading = HEADING_NUMBER_RE.search(head)
    if heading:
        return (
            normalize_number(heading.group("number")),
            heading.group("kind").lower(),
            heading.group("body"),
        )
    leading = LEADING_NUMBER_RE.search(head)
    if leading:
        return normalize_number(leading.group("number")), None, None
    if symbol and "/RES/" in symbol:
        return normalize_number(symbol.split("/RES/", 1)[1]), "resolution", None
    if symbol and "/DEC/" in symbol:
        return normalize_number(symbol.split("/DEC/", 1)[1]), "decision", None
    return None, None, None


def find_body(
    *, intro_body: str | None, head: str, symbol: str | None, heading_body: str | None
) -> str:
    """The body that adopted or issued the document."""
    if intro_body:
        code = body_code(intro_body) or body_in(intro_body)
        if code:
            return code
    adopted = RESOLUTION_ADOPTED_RE.search(head)
    if adopted and body_in(adopted.group(2)):
        return body_in(adopted.group(2)) or "OTHER"
    if heading_body:
        return (
            heading_body
            if heading_body in BODY_CODES
            else body_code(heading_body.upper()) or "OTHER"
        )
    if symbol and body_of_symbol(symbol):
        return body_of_symbol(symbol) or "OTHER"
    return body_in(head) or "OTHER"


def find_doc_type(
    *, head: str, symbol: str | None, heading_kind: str | None, has_intro: bool
) -> str:
    """resolution, decision, draft_resolution, amendment, report or other."""
    if AMENDMENT_RE.search(head):
        return "amendment"
    draft = DRAFT_RE.search(head)
    if draft is None and NOTE_HEAD_RE.search(head):
        return "other"
    if (
        heading_kind is None
        and not (symbol and "/L." in symbol)
        and not RESOLUTION_COVER_RE.search(head)
        and is_report_head(head)
    ):
        # A report recommending a draft ("1. The Commission recommends ... the following draft
        # resolution") is still a report: its head names it or opens a chapter.
        return "report"
    if draft or (symbol and "/L." in symbol):
        return (
            "draft_resolution" if not draft or draft.group(1).lower() == "resolution" else "other"
        )
    if heading_kind == "decision" or (symbol and "/DEC/" in symbol):
        return "decision"
    if (
        heading_kind == "resolution"
        or (symbol and "/RES/" in symbol)
        or has_intro
        or RESOLUTION_ADOPTED_RE.search(head)
    ):
        return "resolution"
    if REPORT_TITLE_RE.search(head):
        return "report"
    return "other"


def is_report_head(head: str) -> bool:
    """Whether a head (the text before paragraph 1) is a report's: a "Report of/on ..." title,
    the Official Records supplement it is printed in, or a chapter heading."""
    return bool(
        REPORT_TITLE_RE.search(head) or OFFICIAL_RECORDS_RE.search(head) or CHAPTER_RE.search(head)
    )


def find_title(head: str, *, doc_type: str) -> str | None:
    """The title: the words between the last heading element and the enacting formula (an
    agenda-item line or a part letter closing the head is not part of it)."""
    head = HEAD_END_LINES_RE.sub("", head.rstrip())
    formula = FORMULA_LINE_RE.search(head)
    head = head[: formula.start()] if formula else head[: preamble_start(head)]
    if doc_type == "report":
        report = REPORT_TITLE_RE.search(head)
        return clean_title(report.group(0)) if report else None
    if doc_type == "other":
        note = NOTE_HEAD_RE.search(head)
        return clean_title(note.group(1)) if note else None
    if doc_type == "amendment":
        # The title of the draft amended, printed under the amendment's heading.
        heading = AMENDMENT_RE.search(head)
        return clean_title(head[heading.end() :]) if heading else None
    head = PART_HEADING_END_RE.sub("", head.rstrip())
    place = PLACE_DATE_RE.search(head)
    if place:
        head = head[: place.start(1)].rstrip()
    anchors = list(TITLE_ANCHOR_RE.finditer(head))
    start = anchors[-1].end() if anchors else 0
    title = clean_title(head[start:])
    if title and TITLE_ANCHOR_RE.fullmatch(f"{title}\n"):
        return None  # a heading alone ("Resolution 10/1" over "The Hague, 12 May 2023")
    if title is not None or len(anchors) < 2:
        return title
    # Nothing after the last anchor: the title follows the number ("2016/19. Title") before the
    # lines that close the heading, as in a compilation ("Resolution 2016/19", "[on the ...]").
    for before, after in zip(reversed(anchors[:-1]), reversed(anchors[1:]), strict=True):
        segment = head[before.end() : after.start()].strip()
        if LEADING_NUMBER_RE.match(before.group(0) + "X") and segment:
            return clean_title(segment)
    return None


def preamble_start(head: str) -> int | None:
    """Where a preamble printed without its enacting formula opens in a head (its first block
    opening with a preambular opener and closing with a comma: "78/225. Enhancing the
    contributions ..." / "Reaffirming its resolution 70/1 ...,"), or None."""
    for block in BLOCK_START_RE.finditer(head):
        end = head.find("\n\n", block.end())
        first, second = block.groups()
        opener = is_preambular_opener(first) or (
            first.lower() in MODIFIERS and second is not None and is_preambular_opener(second)
        )
        if opener and head[block.start() : end if end >= 0 else None].rstrip().endswith(","):
            return block.start()
    return None


def clean_title(title: str) -> str | None:
    """A title without surrounding punctuation and spaces (nor spaces inside its brackets:
    "(First Committee )"), or None if implausible (too long, or an enacting formula and the
    paragraphs after it, when the head was cut after them)."""
    title = BRACKET_SPACE_RE.sub("", SPACE_RE.sub(" ", title)).strip(" .,*_\n")
    if ENACTING_FORMULA_RE.match(title):
        return None
    return title if 0 < len(title) <= TITLE_MAX else None


def find_date(text: str, *, head: str, first: bool = False) -> str | None:
    """The adoption date where stated, else the document's date, as ISO text; with `first`
    (a decision stated in prose, adopted at one meeting or several) the first date stated."""
    for source in (text, head) if first else (text[-3000:], head):
        found = list(ADOPTION_RE.finditer(source))
        # The meeting line ("61st plenary meeting 4 December 2023") before an adoption the
        # text cites ("the decision adopted by the Conference on 29 May 2009").
        meetings = [match for match in found if "meeting" in match.group(0)]
        adopted = (meetings if meetings and not first else found)[:1]
        if adopted:
            return iso_date(source, start=adopted[0].end())
    distr = DISTR_RE.search(head)
    if distr:
        date = iso_date(head, start=distr.end(), window=80)
        if date:
            return date
    dated = SYMBOL_DATE_RE.match(head)
    return iso_date(head, start=dated.end()) if dated else None


def find_issue_date(head: str) -> str | None:
    """A report's or draft's date: the issue date of its cover ("Distr.: General 4 September
    2014"); the meetings it reports on are not its adoption."""
    distr = DISTR_RE.search(head)
    return iso_date(head, start=distr.end(), window=80) if distr else None


def report_body(head: str, *, symbol: str | None) -> str | None:
    """The body whose report it is: a joint symbol of a commission's or conference's series
    beside the Council's or Assembly's ("E/2019/30 E/CN.15/2019/15") names it."""
    if not symbol:
        return None
    for joint in joint_symbols(head, symbol=symbol):
        code = body_of_symbol(joint)
        if code and code not in ("ECOSOC", "GA"):
            return code
    return None


def joint_symbols(head: str, *, symbol: str) -> list[str]:
    """The symbols printed right after the document's own one, separated by spaces only."""
    start = head.find(symbol)
    if start < 0:
        return []
    found = []
    position = start + len(symbol)
    while True:
        match = (
            SYMBOL_RE.match(head, position + 1) if head[position : position + 1].isspace() else None
        )
        if not match:
            return found
        found.append(match.group(0).rstrip("."))
        position = match.end()


def iso_date(text: str, *, start: int, window: int = 40) -> str | None:
    """The first date written in text[start:start + window], in ISO form."""
    match = DATE_RE.search(text, start, start + window)
    if not match:
        return None
    if match.group(1):
        day, month, year = match.group(1), match.group(2), match.group(3)
    else:
        month, day, year = match.group(4), match.group(5), match.group(6)
    month_number = MONTHS.index(month.lower()) + 1
    if not 1 <= int(day) <= 31:
        return None
    return f"{int(year):04d}-{month_number:02d}-{int(day):02d}"


def find_sponsors(head: str) -> tuple[str, ...]:
    """Canonical names of the States sponsoring a draft, from "A, B and C: draft resolution"."""
    match = SPONSORS_RE.search(head)
    return sponsors_in(match.group(1)) if match else ()


def joined_sponsors(notes: Iterable[str]) -> tuple[str, ...]:
    """States that joined in sponsoring later, from a note ("Subsequently, Estonia and Peru
    joined in sponsoring the draft resolution")."""
    names: list[str] = []
    for note in notes:
        for match in JOINED_RE.finditer(note):
            names.extend(sponsors_in(match.group(1)))
    return tuple(names)


def sponsors_in(listing: str) -> tuple[str, ...]:
    """Canonical names of the States in a list ("A, B and C")."""
    listing = PARENTHESES_RE.sub("", " ".join(listing.split()))
    items = [item for item in SPLIT_COMMAS_RE.split(listing.strip()) if item]
    sponsors: list[str] = []
    for item in reversed(items):
        names = split_country_item(item, leftmost=False)
        if names is None:
            # The first sponsor, run together with the heading before it in one-line text.
            sponsors[:0] = split_country_item(item, leftmost=True) or []
            break
        sponsors[:0] = names
    return tuple(dict.fromkeys(sponsors))


def split_country_item(item: str, *, leftmost: bool) -> list[str] | None:
    """The States named by one comma-separated item ("Paraguay and the United States"), or None."""
    name = canonical_country(item)
    if name:
        return [name]
    parts = AND_RE.split(item)
    for cut in range(1, len(parts)):
        left, right = " and ".join(parts[:cut]), " and ".join(parts[cut:])
        right_name = canonical_country(right)
        left_name = canonical_country(left) or (trailing_country(left) if leftmost else None)
        if right_name and (left_name or leftmost):
            return [left_name, right_name] if left_name else [right_name]
    name = trailing_country(item) if leftmost else None
    return [name] if name else None


def trailing_country(text: str) -> str | None:
    """The canonical name of the longest State name ending `text`, the heading before it run
    together with it ("14 June 2023 United Arab Emirates")."""
    words = text.split()
    for start in range(1, len(words)):
        name = canonical_country(" ".join(words[start:]))
        if name:
            return name
    return None


def find_session(head: str) -> str | None:
    """The session named in the head ("Thirtieth session", "2014 session")."""
    match = SESSION_RE.search(head)
    return match.group(1) if match else None


def find_agenda_item(head: str) -> str | None:
    """The agenda item named in the head ("6 (a)")."""
    match = AGENDA_RE.search(head)
    return match.group(1) if match else None


def read_metadata(
    text: str,
    *,
    head: str,
    intro_body: str | None,
    labels: Mapping[str, str] | None = None,
    notes: Iterable[str] = (),
) -> Metadata:
    """All metadata of a document from its cleaned text and head; fields stated by front matter
    or labelled header lines (`labels`) come first; a draft's notes may name later sponsors."""
    labels = labels or {}
    symbol = labels.get("symbol") or find_symbol(head)
    number, heading_kind, heading_body = find_number(head, symbol=symbol)
    doc_type = find_doc_type(
        head=head, symbol=symbol, heading_kind=heading_kind, has_intro=intro_body is not None
    )
    body = find_body(intro_body=intro_body, head=head, symbol=symbol, heading_body=heading_body)
    if doc_type in ("draft_resolution", "amendment", "report", "other") and heading_kind is None:
        number = None
    if is_container_symbol(symbol, number=number, doc_type=doc_type):
        # A resolution printed in a compilation or report ("E/2016/INF/2/Add.1" over
        # "2016/19. Title"): the container's symbol is not the resolution's.
        symbol = None
    if symbol is None and number and doc_type in ("resolution", "decision"):
        symbol = derive_symbol(body, number, doc_type=doc_type)
    if doc_type == "report":
        date = find_issue_date(head)
    elif doc_type in ("draft_resolution", "amendment"):
        # A draft is not adopted: an adoption it cites ("adopted by the Conference on 29 May
        # 2009") is not its date, its issue date is.
        date = find_issue_date(head) or find_date(text, head=head)
    else:
        date = find_date(text, head=head, first=doc_type == "decision")
    place = PLACE_DATE_RE.search(HEAD_END_LINES_RE.sub("", head.rstrip()))
    date = (
        labelled_date(labels.get("date", ""))
        or date
        or (iso_date(place.group(1), start=0, window=200) if place else None)
    )
    if doc_type == "resolution" and not (symbol or number or date):
        # Nothing shows it adopted (no symbol, number, adoption line or date): the bare text of
        # a draft, as drafts are circulated without a heading.
        doc_type = "draft_resolution"
    year = int(date[:4]) if date else None
    records = OFFICIAL_RECORDS_RE.search(head) if doc_type == "report" else None
    if year is None and records:
        year = int(records.group(1))
    if doc_type == "report":
        body = report_body(head, symbol=symbol) or body
    is_draft = doc_type == "other" and DRAFT_RE.search(head) is not None  # a draft decision
    meta = Metadata(
        symbol=symbol,
        body=body,
        doc_type=doc_type,
        number=number,
        title=find_title(head, doc_type="draft_resolution" if is_draft else doc_type),
        date=date,
        year=year,
        sponsors=tuple(dict.fromkeys((*find_sponsors(head), *joined_sponsors(notes))))
        if doc_type in ("draft_resolution", "amendment") or is_draft
        else (),
        session=find_session(head),
        agenda_item=find_agenda_item(head),
    )
    return with_labels(meta, labels)


def is_container_symbol(symbol: str | None, *, number: str | None, doc_type: str) -> bool:
    """Whether the head's symbol belongs to the publication a numbered resolution or decision
    is printed in rather than to the resolution itself."""
    if not symbol or not number or doc_type not in ("resolution", "decision"):
        return False
    if any(part in symbol for part in ("/RES/", "/DEC/", "/L.")):
        return False
    return number.split(" ")[0] not in symbol


def container_symbols(head: str, *, meta: Metadata) -> tuple[str, ...]:
    """The symbol of the publication the document is printed in, which it does not cite."""
    symbol = find_symbol(head)
    if (
        symbol
        and symbol != meta.symbol
        and is_container_symbol(symbol, number=meta.number, doc_type=meta.doc_type)
    ):
        return (symbol,)
    return ()


def derive_symbol(body: str, number: str, *, doc_type: str = "resolution") -> str | None:
    """The symbol under which `body` issues resolution (or decision) `number`, where the series
    is regular; the Security Council takes no decisions under a symbol of their own."""
    prefixes = {"GA": "A/", "ECOSOC": "E/", "HRC": "A/HRC/", "SC": "S/"}
    if body not in prefixes or (doc_type == "decision" and body == "SC"):
        return None
    return f"{prefixes[body]}{'DEC' if doc_type == 'decision' else 'RES'}/{number}"


def with_labels(meta: Metadata, labels: Mapping[str, str]) -> Metadata:
    """Metadata with the other fields that front matter or labelled header lines state."""
    if not labels:
        return meta
    body = labels.get("body", "")
    code = body if body in BODY_CODES else body_code(body) if body else None
    doc_type = labels.get("doc_type")
    agenda = (
        find_agenda_item(f"Agenda item {labels['agenda_item']}")
        if "agenda_item" in labels
        else None
    )
    return replace(
        meta,
        body=code or meta.body,
        doc_type=doc_type if doc_type in DOC_TYPES else meta.doc_type,
        title=clean_title(labels["title"]) if labels.get("title") else meta.title,
        sponsors=sponsors_in(labels["sponsors"]) if labels.get("sponsors") else meta.sponsors,
        session=labels.get("session") or meta.session,
        agenda_item=agenda or meta.agenda_item,
    )


def labelled_date(value: str) -> str | None:
    """A stated date ("2023-12-19", "19 December 2023", "December 19, 2023") in ISO form."""
    if ISO_DATE_RE.fullmatch(value.strip()):
        return value.strip()
    return iso_date(value, start=0, window=len(value)) if value else None
