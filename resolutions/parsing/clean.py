"""Cleaning: web-page debris, page furniture and hard wrapping removed; blank lines part blocks."""

from __future__ import annotations

import re

from .dates import MONTH_PATTERN, MONTHS
from .references import SYMBOL_RE
from .verbs import is_known_opener, normalize_word, present_form

CHAR_FIXES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\f": "\n\n",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u2010": "-",
        "\u2011": "-",
    }
)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
TRANSCRIPT_RE = re.compile(
    r"^[ ]*(?:Transcription|Transcript|Document transcript|Full text)[ ]*:[ ]*$",
    re.MULTILINE | re.IGNORECASE,
)
DEBRIS_HEADING_RE = re.compile(
    r"^[ ]*(?:Similar documents|Related documents|Recommended documents|More documents"
    r"|Documents similar to this one|You (?:may|might) also like|Related searches"
    r"|Report this document|Download (?:PDF|file|document)"
    r"|Share this document|Recommend Documents|Popular documents|Comments)[ ]*:?[ ]*$",
    re.MULTILINE | re.IGNORECASE,
)
DOCUMENT_START_RE = re.compile(
    r"^[ ]*(?:United Nations\b|Distr\.|Resolution adopted|Resolution \d|Decision \d)", re.IGNORECASE
)
# Page furniture of UN documents.
JOB_NUMBER_RE = re.compile(
    r"(?:(?<=\s)\d{1,3}/\d{1,3}[ ]+|(?<=\s)\d{1,3}[ ]+)?"
    r"(?<![\w/.-])(?:V\.|GE\.)?\d{2}-\d{5}[ ]*(?:\([A-Z]\))?"
    r"(?:[ ]+\d{6}){0,2}(?:[ ]+\d{1,3}/\d{1,3}(?![\w/])|[ ]+\d{1,3}(?=[ ]*(?:\n|$)))?"
    r"(?![\w/-])"
)
# The rule over a page's notes; never a blank left for a date ("resolution 80/___ of ________").
RULE_RE = re.compile(r"(?:^|(?<=\s))(?<!\bof[ ])_{5,}(?=\s|$)")
BARCODE_RE = re.compile(r"\*\d{6,9}[A-Z]?\*")
# Also as some extractions misread it ("Pleese recycle", Security Council drafts of 2022-2023).
RECYCLE_RE = re.compile(
    r"\s*(?:\u2672|\u267b)?[ ]*Ple[ae]se recycle[ ]*(?:\u2672|\u267b)?", re.IGNORECASE
)
PAGE_COUNTER_END_RE = re.compile(r"(?<![\w/.])[ ]*(\d{1,3})/(\d{1,3})[ ]*$", re.MULTILINE)
PAGE_COUNTER_START_RE = re.compile(r"^[ ]*(\d{1,3})/(\d{1,3})(?![\w/.])[ ]*", re.MULTILINE)
PAGE_LABEL_RE = re.compile(
    r"^[ ]*(?:Page[ ]+\d{1,3}(?:[ ]+of[ ]+\d{1,3})?|-[ ]*\d{1,3}[ ]*-)[ ]*$",
    re.MULTILINE | re.IGNORECASE,
)
# A page number alone between blank lines (a header or footer without job number).
PAGE_NUMBER_BLOCK_RE = re.compile(r"(?<=\n)([ ]*\n)[ ]*\d{1,3}[ ]*(?=\n[ ]*\n)")
# Runs of stars left by emphasis or barcodes, and a list's star markers set apart from the names
# ("(Switzerland), ** Nabil KALKOUL", "IRELAND,*** UNITED STATES"): a run is taken whole, so that
# no star is left before the next name to open a note of its own. A note's own stars opening a
# line or following a sentence's end ("** Any changes to the list of sponsors ...") stay, so that
# the note is set aside.
STAR_RUN_RE = re.compile(r"(?<!\*)\*{2,}(?!\*)")
NOTE_OPENING_BEFORE_RE = re.compile(r"(?:^|\n|[.;:][ \t]+)[ \t]*$")
NOTE_OPENING_AFTER_RE = re.compile(r"[ \t]+[A-Z]")
# The heading of a list of notes (a web page's "Notes" before the footnote bodies).
NOTES_HEADING_RE = re.compile(r"^[ ]*(?:Notes|Footnotes|Endnotes)[ ]*:?[ ]*$", re.MULTILINE)
SPACES_RE = re.compile(r"[ ]{2,}")
# A date's day glued to the preposition before it, the extraction's lost space ("decisions ...,
# 67/561 of29 August 2013").
GLUED_DAY_RE = re.compile(rf"\b(of|on|dated)(?=\d{{1,2}}[ ](?:{MONTH_PATTERN})\b)")
HYPHEN_BREAK_RE = re.compile(r"(?<=[a-z])-[ ]*\n[ ]*(?=[a-z])")
# A line broken after a hyphen before a lower-case letter: a compound's ("seventy-" / "ninth"),
# a suspended one's ("low-" / "and middle-income"), or a word's split by the layout ("resolu-").
LINE_END_COMPOUND_RE = re.compile(r"([A-Za-z]+)-[ ]*\n[ ]*(?=([a-z]+))")
SUSPENDED_BEFORE = frozenset({"and", "or"})
SUSPENDED_AROUND = frozenset({"and", "or", "to"})
WORD_RE = re.compile(r"[a-z]+")
# A compound broken after its hyphen before a capital ("Counter-" / "Terrorism"): the hyphen stays.
HYPHEN_CAPITAL_BREAK_RE = re.compile(r"(?<=[A-Za-z]-)[ ]*\n[ ]*(?=[A-Z][a-z])")
HYPHEN_BLOCK_BREAK_RE = re.compile(r"(?<=[A-Za-z]-)\n\n(?=[A-Za-z][a-z])")
HYPHEN_END_RE = re.compile(r"[A-Za-z]-")
# A line broken after a hyphen or an en dash glued to a digit: a range ("2015\u2013" / "2030"), a
# compound ("18-" / "month", "COVID-19-" / "related") or a joint symbol ("WT/MIN(15)/48-" /
# "WT/L/982"), never a dash between clauses, which has its spaces.
DIGIT_DASH_BREAK_RE = re.compile(r"(?<=\d[-\u2013])[ ]*\n[ ]*(?=[A-Za-z0-9])")
# A hyphen with a space before it, after it or both, between two words; and a compound written
# whole ("Secretary-General").
SPACED_HYPHEN_RE = re.compile(r"\b([A-Za-z]+)(?:[ ]-[ ]?|-[ ])([A-Za-z]+)\b")
COMPOUND_RE = re.compile(r"\b[A-Za-z]+-[A-Za-z]+\b")
# A paragraph opening its line with a tab, a space before the tab or not (" \tAs a result, ...").
INDENTED_PARAGRAPH_RE = re.compile(r"(?<=[.;:])[ ]*\n[ ]*\t+(?=\S)")
LINE_BREAK_RE = re.compile(r"[ ]*\n[ ]*")
BLANK_LINES_RE = re.compile(r"\n[ ]*\n\s*")
CITATION_BEFORE_RE = re.compile(r"(?:resolutions?|decisions?|and|No\.|,)[ ]*$", re.IGNORECASE)
# After a cited number, also at a line's start: its date ("60/64 of 8 December 2005").
CITATION_AFTER_RE = re.compile(r"\s*(?:[A-Z][ ]+)?of[ ]")
DEBRIS_LINE_MAX = 300
RUNNING_TEXT_MIN = 150
RUNNING_TEXT_CHARS = 600
FURNITURE_LINE_MAX = 80
PAGE_TOP_LINES_MAX = 6
PAGE_TOP_LINE_MIN = 4
# A block of nothing but document symbols: the running header of a page ("E/2019/30
# E/CN.15/2019/15", or a compilation's "E/2005/INF/2/Add.1"); a citation always has words.
SYMBOLS_BLOCK_RE = re.compile(rf"(?:{SYMBOL_RE.pattern})(?:[ ]+(?:{SYMBOL_RE.pattern}))*")
# The running header of a report chapter: "Chapter I. Matters calling for action by the Economic
# and Social Council", printed alone on a line at each page top.
CHAPTER_HEADER_RE = re.compile(r"Chapter[ ]+[IVXLC]+\.?(?:[ ]+\S.{0,110})?")


def normalize_characters(text: str) -> str:
    """Unify line ends, spaces, ligatures and invisible characters; a line indented with a tab
    after a sentence's end opens a paragraph (a blank line is put before it)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = INDENTED_PARAGRAPH_RE.sub("\n\n", text).translate(CHAR_FIXES)
    return CONTROL_RE.sub(" ", text)


def cut_debris(text: str) -> str:
    """Drop a saved web page's debris: lists of similar documents before or after the document."""
    transcripts = list(TRANSCRIPT_RE.finditer(text))
    if transcripts:
        text = text[transcripts[-1].end() :]
    heading = DEBRIS_HEADING_RE.search(text)
    while heading:
        before, after = text[: heading.start()], text[heading.end() :]
        if len(before.strip()) > len(after.strip()) or not before.strip():
            text = before if before.strip() else skip_debris_list(after)
        else:
            text = skip_debris_list(after)
        heading = DEBRIS_HEADING_RE.search(text)
    return text


def skip_debris_list(text: str) -> str:
    """Skip the short lines of a list of links until the document proper starts."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if len(line) > DEBRIS_LINE_MAX or (index and DOCUMENT_START_RE.match(line)):
            return "\n".join(lines[index:])
    return ""


def remove_furniture(text: str) -> str:
    """Drop job numbers, barcodes, "Please recycle", page counters and page labels."""
    text = BARCODE_RE.sub(" ", text)
    text = RECYCLE_RE.sub(" ", text)
    text = JOB_NUMBER_RE.sub(" ", text)
    text = RULE_RE.sub(" ", text)
    text = PAGE_LABEL_RE.sub("", text)
    text = PAGE_COUNTER_END_RE.sub(drop_page_counter, text)
    text = PAGE_COUNTER_START_RE.sub(drop_page_counter, text)
    text = PAGE_NUMBER_BLOCK_RE.sub(r"\1", text)
    text = NOTES_HEADING_RE.sub("", text)
    return STAR_RUN_RE.sub(lambda run: run.group(0) if opens_note(run) else " ", text)


def opens_note(run: re.Match[str]) -> bool:
    """Whether a run of stars opens a note: at a line's start or after a sentence's end, before
    a capital."""
    text = run.string
    return bool(
        NOTE_OPENING_BEFORE_RE.search(text, max(0, run.start() - 20), run.start())
        and NOTE_OPENING_AFTER_RE.match(text, run.end())
    )


def is_page_furniture_line(line: str) -> bool:
    """Whether a line is nothing but page furniture (job number, page counter, barcode...)."""
    if not line.strip() or len(line) > FURNITURE_LINE_MAX:
        return False
    line = BARCODE_RE.sub(" ", line)
    line = RECYCLE_RE.sub(" ", line)
    # A leading space lets a page number opening the line go with the job number ("32  18-04526").
    line = JOB_NUMBER_RE.sub(" ", " " + line)
    line = PAGE_LABEL_RE.sub("", line)
    line = PAGE_COUNTER_END_RE.sub(drop_page_counter, line)
    return not line.strip()


def drop_page_break_lines(text: str) -> str:
    """Delete the lines of a page break printed between two lines of running text.

    PDF text extracted without blank lines (pypdf) puts the page's furniture (job number, page
    counter, barcode, "Please recycle") and the running header's symbols ("E/2018/30",
    "E/CN.15/2018/15" on lines of their own) between two lines of one paragraph; emptied, they
    would leave a blank line that cuts the paragraph in two. Symbol lines count only beside
    furniture and once the running text has started (above it they name the document).
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    furniture = [is_page_furniture_line(line) for line in lines]
    seen = 0
    started = [False] * len(lines)
    for index, line in enumerate(lines):
        started[index] = seen >= RUNNING_TEXT_CHARS
        seen += len(line) if not furniture[index] else 0
    mark_running_headers(lines, furniture, started)
    if not any(furniture):
        return text
    changed = True
    while changed:
        changed = False
        for index, line in enumerate(lines):
            if furniture[index] or not started[index]:
                continue
            beside = (index and furniture[index - 1]) or (
                index + 1 < len(lines) and furniture[index + 1]
            )
            if beside and SYMBOLS_BLOCK_RE.fullmatch(line.strip()):
                furniture[index] = changed = True
    # After the symbols: a table's first row under its repeated headings is no furniture.
    mark_page_top_repeats(lines, furniture, started)
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if not furniture[index]:
            kept.append(lines[index])
            index += 1
            continue
        run_end = index
        while run_end < len(lines) and furniture[run_end]:
            run_end += 1
        between = kept and kept[-1].strip() and run_end < len(lines) and lines[run_end].strip()
        if not between:
            kept.extend("" for _ in range(index, run_end))
        index = run_end
    return "\n".join(kept)


def mark_running_headers(lines: list[str], furniture: list[bool], started: list[bool]) -> None:
    """Mark as furniture the lines of a running header shaped like a report chapter's or a
    symbol ("Chapter I. Matters calling for action ...", "E/2018/28") once the running text has
    started, when the line repeats as a line of its own or sits beside page furniture (blank
    lines between allowed). A heading printed once at the top of a report is kept.
    """
    stripped = [SPACES_RE.sub(" ", line.strip()) for line in lines]
    counts: dict[str, int] = {}
    for line in stripped:
        if line:
            counts[line] = counts.get(line, 0) + 1
    for index, line in enumerate(stripped):
        if furniture[index] or not started[index] or not line:
            continue
        if not (CHAPTER_HEADER_RE.fullmatch(line) or SYMBOLS_BLOCK_RE.fullmatch(line)):
            continue
        if counts[line] > 1 or beside_furniture(stripped, furniture, index):
            furniture[index] = True


def mark_page_top_repeats(lines: list[str], furniture: list[bool], started: list[bool]) -> None:
    """Mark as furniture the lines printed again under the page furniture of several pages
    (a table's column headings "Date/time" / "Programme" at each page top): the lines after a
    run of furniture, up to a blank line, that repeat in that place on half the pages or more
    (two at least). The same words printed once elsewhere (the table's own heading) are kept."""
    stripped = [SPACES_RE.sub(" ", line.strip()) for line in lines]
    tops: list[list[int]] = []
    for index in range(1, len(lines)):
        if furniture[index] or not stripped[index] or not started[index]:
            continue
        before = index - 1
        while before >= 0 and not stripped[before]:
            before -= 1
        if before < 0 or not furniture[before]:
            continue
        top = []
        while index < len(lines) and stripped[index] and not furniture[index]:
            top.append(index)
            index += 1
            if len(top) == PAGE_TOP_LINES_MAX:
                break
        tops.append(top)
    counts: dict[str, int] = {}
    for top in tops:
        for index in top:
            counts[stripped[index]] = counts.get(stripped[index], 0) + 1
    repeated = max(2, (len(tops) + 1) // 2)  # on half the page tops at least
    for top in tops:
        for index in top:
            if counts[stripped[index]] < repeated or len(stripped[index]) < PAGE_TOP_LINE_MIN:
                break  # the page's own text begins
            furniture[index] = True


def beside_furniture(lines: list[str], furniture: list[bool], index: int) -> bool:
    """Whether the nearest non-blank line before or after line `index` is page furniture."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and not lines[other]:
            other += step
        if 0 <= other < len(lines) and furniture[other]:
            return True
    return False


def drop_page_counter(match: re.Match[str]) -> str:
    """Remove "2/5" when it reads as page 2 of 5 rather than a cited number."""
    page, total = int(match.group(1)), int(match.group(2))
    before = match.string[max(0, match.start() - 20) : match.start()]
    cited = CITATION_BEFORE_RE.search(before) or CITATION_AFTER_RE.match(match.string, match.end())
    if 0 < page <= total <= 999 and not cited:
        return ""
    return match.group(0)


def join_lines(text: str) -> str:
    """Rejoin hard-wrapped lines and hyphenated words; blank lines still separate blocks."""
    text = HYPHEN_CAPITAL_BREAK_RE.sub("", HYPHEN_BREAK_RE.sub("", with_compound_hyphens(text)))
    text = DIGIT_DASH_BREAK_RE.sub("", text)
    blocks = BLANK_LINES_RE.split(text)
    joined = (SPACES_RE.sub(" ", LINE_BREAK_RE.sub(" ", block)).strip() for block in blocks)
    return join_hyphen_breaks("\n\n".join(block for block in joined if block))


def with_compound_hyphens(text: str) -> str:
    """Lines broken after a hyphen before a lower-case letter run on with it, the hyphen a
    compound's ("seventy-ninth"; "low- and" before a suspended one's second word): UN documents
    are not hyphenated by their layout (in the corpus 2,162 of 2,168 such breaks are compounds').
    The break stays for the line-end rule, which drops the hyphen, where it splits a word the
    parser knows whole (an opener, a verb's past form, a month: "Reaffir-" / "ming", "consid-" /
    "ered", "Sept-" / "ember"), and in a text hyphenated by its layout, as other tools'
    extractions may be: one break there joins halves the document writes elsewhere as one word
    ("resolu-" / "tion" beside "resolution"); there only a compound written elsewhere with its
    hyphen keeps it ("self-determination")."""
    words = set(WORD_RE.findall(text.lower()))
    breaks = [
        match.group(1).lower() + match.group(2) for match in LINE_END_COMPOUND_RE.finditer(text)
    ]
    hyphenated = any(joined in words for joined in breaks)
    compounds = (
        {compound.lower() for compound in COMPOUND_RE.findall(text)} if hyphenated else set()
    )

    def run_on(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        joined = first.lower() + second
        if hyphenated and f"{first}-{second}".lower() not in compounds:
            return match.group(0)
        word = normalize_word(joined)
        if joined in MONTHS or is_known_opener(word) or present_form(word) is not None:
            return match.group(0)
        return f"{first}- " if second in SUSPENDED_BEFORE else f"{first}-"

    return LINE_END_COMPOUND_RE.sub(run_on, text)


def join_hyphen_breaks(text: str) -> str:
    """A compound hyphenated where page furniture was taken out ("Secretary-" / "General")
    written whole again: no block ends with a hyphen after a letter."""
    return HYPHEN_BLOCK_BREAK_RE.sub("", text)


def clean_text(text: str) -> str:
    """The cleaning stage: characters, debris, furniture, wrapping."""
    text = normalize_characters(text)
    text = cut_debris(text)
    text = drop_page_break_lines(text)
    text = remove_furniture(text)
    return join_spaced_hyphens(join_lines(GLUED_DAY_RE.sub(r"\1 ", text)))


def join_spaced_hyphens(text: str) -> str:
    """A compound whose hyphen the extraction printed with spaces ("Secretary - General",
    "conflict -affected") written whole, where the document writes it whole elsewhere, between
    two words in lower case ("conflict - affected", "non -state"), or glued to the word after it
    only ("Al -Qaida", "Iraqi -led"): a hyphen between spaces can also be a dash, which in the
    documents sits beside a name ("ICLEI - Local Governments"), and one glued to the word before
    it only a suspended hyphen ("Sparkassen- und Giroverband"). A suspended hyphen stays ("low-
    and middle-income", "country-owned and -driven", "one- to two-day")."""
    compounds = set(COMPOUND_RE.findall(text))

    def joined(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        compound = f"{first}-{second}"
        if compound in compounds:
            return compound
        lower = first[:1].islower() and second[:1].islower()
        glued_after = match.group(0) == f"{first} -{second}"
        suspended = first in SUSPENDED_AROUND or second in SUSPENDED_AROUND
        return compound if (lower or glued_after) and not suspended else match.group(0)

    return SPACED_HYPHEN_RE.sub(joined, text)


def remove_running_headers(text: str, *, symbol: str | None, title: str | None, after: int) -> str:
    """Drop running headers (symbol and title repeated at page tops) from blocks after `after`.

    In text whose line breaks were lost, the header sits inside a block: the symbol with the
    title, or the symbol alone (a document never cites its own symbol), is removed there too.
    """
    text = drop_symbol_blocks(text)
    marks = [mark for mark in (symbol, title) if mark and len(mark) >= 6]
    if not marks:
        return text
    if symbol and len(symbol) >= 6:
        text = text[:after] + inline_header_re(symbol, title).sub(header_gap, text[after:])
    blocks = text.split("\n\n")
    position = 0
    # A title printed once after the head, after a colon, heads what the text announces ("...
    # as set out below:" / the table's title); a running title is printed on every page.
    once = bool(title) and text.count(title, after) == 1
    for index, block in enumerate(blocks):
        if position > after:
            announced = once and blocks[index - 1].rstrip().endswith(":")
            blocks[index] = strip_header_marks(
                block, [mark for mark in marks if not (announced and mark == title)]
            )
        position += len(block) + 2
    return join_hyphen_breaks("\n\n".join(block for block in blocks if block.strip()))


def header_gap(match: re.Match[str]) -> str:
    """What stands for a running header taken out of a line: a space, or nothing inside a
    compound hyphenated at the page break ("Secretary-" / header / "General")."""
    hyphenated = match.string[max(0, match.start() - 2) : match.start()]
    following = match.string[match.end() : match.end() + 1]
    return "" if HYPHEN_END_RE.fullmatch(hyphenated) and following.isalpha() else " "


def drop_symbol_blocks(text: str) -> str:
    """Drop blocks of nothing but symbols once the running text has started (the first block
    of some length): above it they head the document and name it."""
    blocks = text.split("\n\n")
    started = False
    kept = []
    for block in blocks:
        if started and SYMBOLS_BLOCK_RE.fullmatch(block):
            continue
        started = started or len(block) >= RUNNING_TEXT_MIN
        kept.append(block)
    return "\n\n".join(kept)


def inline_header_re(symbol: str, title: str | None) -> re.Pattern[str]:
    """The running header inside running text: symbol and title in either order, or the symbol."""
    own = re.escape(symbol)
    forms = [own]
    if title and len(title) >= 6:
        name = r"[ ]".join(re.escape(word) for word in title.split())
        forms[:0] = [rf"{own}[ ]+{name}", rf"{name}[ ]+{own}"]
    return re.compile(rf"[ ]?(?<![\w/.-])(?:{'|'.join(forms)})(?![\w/-]|[ ]\(\d{{4}}\))[ ]?")


def strip_header_marks(block: str, marks: list[str]) -> str:
    """Remove the marks found at the start (then the end) of a block, in any order."""
    changed = True
    while changed:
        changed = False
        for mark in marks:
            if block.startswith(mark) and block[len(mark) : len(mark) + 1] in ("", " "):
                block = block[len(mark) :].lstrip()
                changed = True
            elif (
                block.endswith(mark)
                and block[-len(mark) - 1 : -len(mark)] in ("", " ")
                and len(block) > len(mark)
            ):
                block = block[: -len(mark)].rstrip()
                changed = True
    return block
