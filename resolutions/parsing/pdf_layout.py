"""PDF text with its layout, read with pypdfium2: font sizes and positions tell the text apart.

- Pieces of text that pdfium returns as lines of their own but that sit on one row (a raised
  marker after a word, the words after it) are one line again.
- Lines repeated at the top or bottom of several pages (running headers, job numbers, page
  counters) are page furniture and dropped there (not elsewhere: the heading of the first page
  may repeat a line of the running title); so are lines in small print above a page's running
  text (a running title over two lines, its second line not repeated word for word).
- Lines in a smaller font below the last line of running text on a page are footnote bodies;
  each becomes a block opening with its number in superscript digits ("¹ See A/78/369.").
- Small digits raised above the line in the running text are footnote markers, written as
  superscript digits, so that the footnote stage ties each body to its paragraph.
- A hyphen at a line's end before a lower-case letter is the compound's own ("seventy-" /
  "ninth", "self-" / "determination"): the two lines are run on with it, so that the cleaning
  stage, which drops a line-end hyphen in wrapped plain text, leaves it in place. Only where the
  document writes the two halves as one word elsewhere ("resolu-" / "tion") did the hyphen split
  a word; that one is left for the cleaning stage to drop.
- A vertical gap wider than the usual line spacing, or a first line indented after a line that
  ends a sentence, opens a new block (a blank line). Indentation is measured from the left edge
  most lines of the page start at, not from the leftmost line (a masthead or a running header
  further left would make every line look indented).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from .dates import MONTH_PATTERN
from .types import ParseError

DATE_RE = re.compile(rf"\b(?:{MONTH_PATTERN})\b")
SUPERSCRIPT_DIGITS = str.maketrans(
    "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)
SMALL_FONT = 0.9  # a line whose font is below 0.9 of the body size is small print
MARKER_FONT = 0.85  # a raised digit below 0.85 of its line's size is a marker
MARKER_RISE = 0.2  # ... raised by a fifth of the body size above the baseline
NOTES_RULE_RE = re.compile(r"_{5,}$")  # the rule printed over a page's footnotes
BLOCK_GAP = 1.5  # a gap over 1.5 line spacings opens a block
INDENT = 8.0  # points of first-line indentation that open a block
EDGE_LINES = 3  # lines at the top and bottom of a page looked at for furniture
MIN_TEXT_CHARS = 20
MAX_PAGES = 500  # a resolution or a report chapter is far shorter; a bigger file is refused
SAMPLE_EVERY = 4  # characters other than digits: one in four measured
# pdfium's hyphen at a line's end: U+FFFE in a page's text, U+0002 read character by character
LINE_END_HYPHENS = ("\ufffe", "\x02")
WORD_SPACE_MIN = 0.2  # a word space is at least a fifth of the font size wide ...
HYPHEN_SPACE_MIN = 0.25  # ... and the space after a suspended hyphen ("cost- and") a quarter


@dataclass
class Line:
    """One line of a page: its characters with their sizes and positions."""

    chars: list[tuple[str, float, float]] = field(default_factory=list)  # (char, size, bottom)
    left: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    @property
    def text(self) -> str:
        return "".join(char for char, _, _ in self.chars).strip()

    @property
    def size(self) -> float:
        sizes = [size for char, size, _ in self.chars if not char.isspace() and size > 0]
        return statistics.median(sizes) if sizes else 0.0


@dataclass
class PageParts:
    """A page's running text, the end of a note begun on the page before, and its notes."""

    running: str
    carried: str
    notes: list[str]


def extract_pdf_layout(data: bytes) -> str:
    """The text of a PDF, laid out as described in the module's docstring."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise ParseError("encrypted PDF: remove the password first") from error
        raise ParseError(f"unreadable PDF: {message.splitlines()[0] if message else ''}") from error
    try:
        if len(document) > MAX_PAGES:
            raise ParseError(f"PDF of {len(document)} pages: over the {MAX_PAGES}-page limit")
        pages = [page_lines(document[index]) for index in range(len(document))]
    finally:
        document.close()
    sizes = Counter(
        round(size, 1) for lines in pages for line in lines for _, size, _ in line.chars if size
    )
    if not sizes:
        raise ParseError("no text layer (scanned?): run OCR first")
    body_size = sizes.most_common(1)[0][0]
    furniture = furniture_texts(pages)
    kept = [without_furniture(lines, furniture, body_size) for lines in pages]
    spacing = line_spacing(kept, body_size)
    parts = with_notes_carried_over([page_parts(lines, body_size, spacing) for lines in kept])
    text = "\n\n".join(
        "\n\n".join(part for part in (page.running, page.carried, *page.notes) if part)
        for page in parts
    )
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise ParseError("no text layer (scanned?): run OCR first")
    return joined_surrogates(text)


def joined_surrogates(text: str) -> str:
    """Characters outside the BMP, which pdfium gives as two UTF-16 halves when they are read one
    by one, as themselves; a half without its other half (no encoding stores it) as U+FFFD."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def page_lines(page) -> list[Line]:
    """The lines of a page, top to bottom, from its characters."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    handle = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    count = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, index)) for index in range(count))
    gaps = justification_gaps(handle, text)
    lines: list[Line] = []
    current = Line()
    for index in range(count):
        char = text[index]
        if char in "\r\n" or index in gaps:
            if char in "\r\n" and current.chars:
                lines.append(current)
                current = Line()
            continue
        if char.isdigit() or not current.chars or index % SAMPLE_EVERY == 0:
            # Digits (markers) always, other characters sampled: a line's size and baseline are
            # medians, and reading every character's box is what takes the time.
            raw.FPDFText_GetCharBox(handle, index, *box)
            size = raw.FPDFText_GetFontSize(handle, index)
            if not current.chars:
                current.left, current.top, current.bottom = left.value, top.value, bottom.value
            current.top = max(current.top, top.value)
            current.bottom = min(current.bottom, bottom.value)
        if char in LINE_END_HYPHENS:  # pdfium runs the next line on after it
            current.chars.append(("-", size, bottom.value))
            lines.append(current)
            current = Line()
            continue
        current.chars.append((char, size, bottom.value))
    if current.chars:
        lines.append(current)
    textpage.close()
    page.close()
    return rows([line for line in lines if line.text])


def justification_gaps(handle, text: str) -> set[int]:
    """Spaces pdfium adds between two pieces of one word that justification set apart
    ("importanc e", "mutua lly", "space -based", "Non- Proliferation"): added (not in the
    page's text), between lower-case letters or between a letter and a hyphen, and narrower
    than a word space (a fifth of the font size; a quarter beside a hyphen, where a suspended
    hyphen's space is no narrower: "cost- and time-effective")."""
    import ctypes

    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    gaps: set[int] = set()
    for index in range(1, len(text) - 1):
        before, after = text[index - 1], text[index + 1]
        hyphen = (before.isalpha() and after == "-") or (before == "-" and after.isalpha())
        if text[index] != " " or not (hyphen or (before.islower() and after.islower())):
            continue
        if raw.FPDFText_IsGenerated(handle, index) != 1:
            continue
        # The gap runs from the added space (set where the letter before ends its advance: the
        # box of an "f" or a "y" overhangs it) to where the next letter starts: its box, or its
        # origin where the box reaches back over the space (an italic "f": "Recalling further").
        raw.FPDFText_GetCharOrigin(handle, index, ctypes.byref(origin_x), ctypes.byref(origin_y))
        end = origin_x.value
        raw.FPDFText_GetCharBox(handle, index + 1, *box)
        raw.FPDFText_GetCharOrigin(
            handle, index + 1, ctypes.byref(origin_x), ctypes.byref(origin_y)
        )
        start = max(left.value, origin_x.value)
        narrowest = HYPHEN_SPACE_MIN if hyphen else WORD_SPACE_MIN
        if start - end < raw.FPDFText_GetFontSize(handle, index - 1) * narrowest:
            gaps.add(index)
    return gaps


def rows(lines: list[Line]) -> list[Line]:
    """Lines that sit on one row, each to the right of the one before, joined into one."""
    joined: list[Line] = []
    for line in lines:
        if joined and same_row(joined[-1], line):
            before = joined[-1]
            chars = before.chars
            if line.text.isdigit():  # a marker: against the word before it
                while chars and chars[-1][0].isspace():
                    chars = chars[:-1]
            elif not (chars[-1][0].isspace() or line.chars[0][0].isspace()):
                chars = [*chars, (" ", 0.0, before.bottom)]
            joined[-1] = Line(
                chars=chars + line.chars,
                left=before.left,
                top=max(before.top, line.top),
                bottom=min(before.bottom, line.bottom),
            )
        else:
            joined.append(line)
    return joined


def same_row(line: Line, other: Line) -> bool:
    """Whether `other` continues `line` on its row: further right, their heights overlapping
    by more than half of the smaller one."""
    overlap = min(line.top, other.top) - max(line.bottom, other.bottom)
    height = min(line.top - line.bottom, other.top - other.bottom)
    return other.left > line.left + 1 and height > 0 and overlap > height / 2


def furniture_key(text: str) -> str:
    """A line's text with its digits masked (page numbers and counters differ page to page),
    except in a date: "4 December 2023" closing the last page is no repeat of the first page's
    "6 December 2023"."""
    if DATE_RE.search(text):
        return text
    return "".join("#" if char.isdigit() else char for char in text)


def furniture_texts(pages: list[list[Line]]) -> set[str]:
    """Texts that open or close at least two pages and half of them: running headers, footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {furniture_key(line.text) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edges)
    needed = max(2, len(pages) // 2)
    return {text for text, count in counts.items() if count >= needed}


def without_furniture(lines: list[Line], furniture: set[str], body_size: float) -> list[Line]:
    """A page's lines without the furniture at its top and bottom and without small print
    above its running text."""
    edges = set(range(EDGE_LINES)) | set(range(len(lines) - EDGE_LINES, len(lines)))
    # Notes under the rule are no furniture, however alike: "4 A/78/322." on one page and
    # "8 A/78/320." on another are two notes, not one footer with its page's number.
    rule = next((index for index, line in enumerate(lines) if NOTES_RULE_RE.match(line.text)), None)
    body_top = max((line.top for line in lines if line.size >= body_size * SMALL_FONT), default=0)
    return [
        line
        for index, line in enumerate(lines)
        if not (
            index in edges
            and furniture_key(line.text) in furniture
            and (rule is None or index <= rule)
        )
        and not (line.size < body_size * SMALL_FONT and line.bottom > body_top)
    ]


def line_spacing(pages: list[list[Line]], body_size: float) -> float:
    """The usual gap between two lines of running text in the document.

    Gaps wider than two lines of text (the masthead's, a page's foot) are no line spacing: on a
    page of a few lines they would outnumber the lines' own and hide the gaps between blocks.
    """
    gaps = [
        above.bottom - below.top
        for lines in pages
        for above, below in pairwise(lines)
        if above.size >= body_size * SMALL_FONT and 0 < above.bottom - below.top < 2 * body_size
    ]
    return statistics.median(gaps) if gaps else body_size * 0.3


def page_parts(lines: list[Line], body_size: float, spacing: float) -> PageParts:
    """A page's running text and its footnote bodies, one block each."""
    last_body = max(
        (index for index, line in enumerate(lines) if line.size >= body_size * SMALL_FONT),
        default=-1,
    )
    body, foot = lines[: last_body + 1], lines[last_body + 1 :]
    return PageParts(running_text(body, body_size, spacing), *notes(foot))


def with_notes_carried_over(parts: list[PageParts]) -> list[PageParts]:
    """Pages' parts, a note's end printed first under the next page's rule, without a number
    ("corrigendum (E/2005/27 ...), chap. I, sect. D."), put back at the end of the note it
    finishes: left as a block of its own, it read as running text. Where the page before has no
    note, it stays first among its page's notes."""
    for before, page in pairwise(parts):
        if page.carried and before.notes:
            before.notes[-1] += "\n" + page.carried
            page.carried = ""
    return parts


def running_text(lines: list[Line], body_size: float, spacing: float) -> str:
    """Lines joined, blocks opened at wide gaps and indented first lines, markers raised."""
    if not lines:
        return ""
    margin = usual_left(lines)
    out = [marked_text(lines[0], body_size)]
    for above, line in pairwise(lines):
        gap = above.bottom - line.top
        ends_sentence = above.text.endswith((".", ";", ":", ","))
        indented = line.left > margin + INDENT and ends_sentence
        out.append("\n\n" if gap > spacing * BLOCK_GAP + 1 or indented else "\n")
        out.append(marked_text(line, body_size))
    return "".join(out)


def usual_left(lines: list[Line]) -> float:
    """The left edge most lines start at (ties: the leftmost)."""
    counts = Counter(round(line.left) for line in lines)
    return min(counts, key=lambda left: (-counts[left], left))


def marked_text(line: Line, body_size: float) -> str:
    """A line's text, small raised digits written as superscript digits (footnote markers)."""
    baseline = statistics.median(
        [bottom for char, size, bottom in line.chars if size >= body_size * SMALL_FONT]
        or [line.bottom]
    )
    parts = []
    for char, size, bottom in line.chars:
        raised = bottom > baseline + body_size * MARKER_RISE
        if char.isdigit() and size and size < body_size * MARKER_FONT and raised:
            parts.append(char.translate(SUPERSCRIPT_DIGITS))
        else:
            parts.append(char)
    return "".join(parts).strip()


def notes(lines: list[Line]) -> tuple[str, list[str]]:
    """Footnote bodies in small print: one block each, its number in superscript digits; and
    the unnumbered lines right under the rule, before any note, which end a note of the page
    before."""
    blocks: list[str] = []
    carried: list[str] = []
    under_rule = False
    for line in lines:
        text = line.text
        number = len(text) - len(text.lstrip("0123456789"))
        if number and number <= 3:
            marker = text[:number].translate(SUPERSCRIPT_DIGITS)
            blocks.append(f"{marker} {text[number:].strip()}")
        elif blocks:
            blocks[-1] += "\n" + text
        elif NOTES_RULE_RE.match(text):
            under_rule = True
        elif under_rule and not text.startswith("*"):
            carried.append(text)
        elif text.strip("_ "):
            blocks.append(text)
    return "\n".join(carried), [block for block in blocks if block.strip("_ ")]
