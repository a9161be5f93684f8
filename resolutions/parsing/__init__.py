"""The document parser: text (or a file's bytes) in, a ParsedDocument out; never imports django."""

from __future__ import annotations

import re
from dataclasses import replace

from .bodies import BODY_NAME_RE, body_code, body_in
from .clean import clean_text, remove_running_headers
from .dates import MONTH_PATTERN
from .extract import (
    extract_html,
    extract_text,
    looks_like_html,
    looks_like_markdown,
    strip_markdown,
)
from .footnotes import (
    collect_footnotes,
    separate_footnotes,
    strip_sentinels,
    strip_unprinted_markers,
)
from .labels import read_labels
from .metadata import Metadata, container_symbols, joint_symbols, read_metadata
from .references import find_references
from .segment import (
    DECISION_START_RE,
    FIRST_NUMBERED_RE,
    PUBLICATION_NOTE_RE,
    find_intro,
    segment_text,
    strip_leading_sentinels,
)
from .types import (
    BODY_CODES,
    DOC_TYPES,
    Footnote,
    ParsedDocument,
    ParsedParagraph,
    ParsedReference,
    ParseError,
)
from .verbs import (
    extract_verb,
    instruction_verb,
    is_known_opener,
    is_operative_verb,
    normalize_word,
    statement_verb,
)

__all__ = [
    "BODY_CODES",
    "DOC_TYPES",
    "Footnote",
    "ParseError",
    "ParsedDocument",
    "ParsedParagraph",
    "ParsedReference",
    "parse",
    "parse_file",
]

SPACE_RE = re.compile(r"\s+")
SUBJECT_LINE_RE = re.compile(r"(?:^|(?<=\s))We,[ ]the[ ][^.;:]{3,300}?,(?=\s)")
DECLARATION_TITLE_RE = re.compile(
    r"(?:[A-Z][\w\u2019'-]*[ ]){0,3}Declaration\b[^\n]{0,300}?(?=\s*$)"
)
MEETING_DATES_RE = re.compile(
    rf"\b\d{{1,2}}(?:[-\u2013]\d{{1,2}})?[ ](?:{MONTH_PATTERN})[ ](\d{{4}})\b"
)
TRAILING_HEADING_RE = re.compile(
    r"([;.:])[ ]+[A-Z][\w\u2019'-]*(?:[ ](?:[A-Za-z][\w\u2019'-]*|of|and|the)){0,10}$"
)
FIRST_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\u2019'-]*")
HEAD_GUESS_CHARS = 4000
MIN_TEXT_CHARS = 20


def parse_file(data: bytes, *, filename: str = "") -> ParsedDocument:
    """Parse a file's bytes in any supported format (plain text, Markdown, HTML, PDF, .docx)."""
    text = extract_text(data, filename=filename)
    return parse(text, source_name=filename, prepared=True)


def parse(text: str, *, source_name: str = "", prepared: bool = False) -> ParsedDocument:
    """Parse a document's text: clean, footnotes, segments, verbs, metadata, references."""
    if not isinstance(text, str) or len(text.strip()) < MIN_TEXT_CHARS:
        raise ParseError("empty document: no text to parse")
    try:
        return parse_text(text if prepared else prepare_text(text))
    except ParseError:
        raise
    except RecursionError as error:
        raise ParseError(
            f"document too deeply nested to parse{': ' + source_name if source_name else ''}"
        ) from error


def prepare_text(text: str) -> str:
    """Markup (HTML, Markdown) reduced to plain text."""
    if looks_like_html(text):
        return extract_html(text)
    if looks_like_markdown(text):
        return strip_markdown(text)
    return text


def parse_text(text: str) -> ParsedDocument:
    """The stages in order on plain text."""
    labels, text = read_labels(text)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise ParseError("no document text left after removing page debris")
    draft_intro = find_intro(cleaned)
    first = FIRST_NUMBERED_RE.search(cleaned)
    head_end = draft_intro.start() if draft_intro else first.start() if first else HEAD_GUESS_CHARS
    statement = None if draft_intro else DECISION_START_RE.search(cleaned, 0, head_end)
    draft_head = cleaned[: statement.start() if statement else head_end]
    draft_meta = read_metadata(
        cleaned, head=draft_head, intro_body=draft_intro.group(1) if draft_intro else None
    )
    cleaned = remove_running_headers(
        cleaned, symbol=draft_meta.symbol, title=draft_meta.title, after=len(draft_head)
    )
    marked, bodies = separate_footnotes(cleaned)
    intro = find_intro(marked)
    first = FIRST_NUMBERED_RE.search(marked)
    # A declaration's subject line ("We, the Heads of State ...,") stands for the formula.
    subject = (
        None
        if intro or draft_meta.doc_type in ("report", "decision")
        else SUBJECT_LINE_RE.search(marked, 0, first.start() if first else 0)
    )
    numbered_kind = (
        "operative"
        if intro or subject or draft_meta.doc_type in ("resolution", "draft_resolution", "decision")
        else "other"
    )
    segments = segment_text(
        marked,
        numbered_kind=numbered_kind,
        decision=draft_meta.doc_type == "decision",
        amendment=draft_meta.doc_type == "amendment",
    )
    head = strip_sentinels(segments.head[: intro.start()] if intro else segments.head)
    meta = read_metadata(
        strip_sentinels(marked),
        head=head,
        intro_body=intro.group(1) if intro else statement_body(segments.pieces),
        labels=labels,
        notes=bodies.values(),
    )
    citing: list[str | None] = []
    paragraphs, warnings = build_paragraphs(
        segments.pieces, bodies=bodies, citing=citing, first_person=subject is not None
    )
    if subject:
        meta = declaration_metadata(meta, head=head[: subject.start()])
    warnings[:0] = segments.warnings
    references = find_references(
        reference_chunks(head, paragraphs, segments.tail, bodies=bodies),
        own_body=meta.body,
        own_symbol=meta.symbol,
        own_number=meta.number,
        joint_symbols=(
            *(joint_symbols(head, symbol=meta.symbol) if meta.symbol else ()),
            *container_symbols(head, meta=meta),
        ),
        citing_bodies={
            index: code
            for index, name in enumerate(citing)
            if name and (code := body_code(name) or body_in(name))
        },
    )
    if not paragraphs:
        warnings.append("no paragraphs found")
    return ParsedDocument(
        symbol=meta.symbol,
        body=meta.body,
        doc_type=meta.doc_type,
        number=meta.number,
        title=meta.title,
        date=meta.date,
        year=meta.year,
        sponsors=meta.sponsors,
        paragraphs=tuple(paragraphs),
        references=references,
        session=meta.session,
        agenda_item=meta.agenda_item,
        text=SPACE_RE.sub(" ", strip_sentinels(marked)).strip(),
        warnings=tuple(warnings),
    )


def declaration_metadata(meta: Metadata, *, head: str) -> Metadata:
    """A declaration's title ("Kyoto Declaration on ...", the line over its subject) and, with no
    date stated, the year of the meeting it was adopted at ("Kyoto, Japan, 7-12 March 2021")."""
    title = DECLARATION_TITLE_RE.search(head)
    held = MEETING_DATES_RE.search(head)
    return replace(
        meta,
        title=meta.title or (SPACE_RE.sub(" ", title.group(0)).strip() if title else None),
        year=meta.year or (int(held.group(1)) if held else None),
    )


def statement_body(pieces: list) -> str | None:
    """The body named in a decision's statement ("..., the Commission ... decided")."""
    if not pieces or not pieces[0].statement:
        return None
    named = BODY_NAME_RE.search(pieces[0].text[:400])
    return named.group(0) if named else None


def build_paragraphs(
    pieces: list,
    *,
    bodies: dict[str, str],
    citing: list[str | None] | None = None,
    first_person: bool = False,
) -> tuple[list[ParsedParagraph], list[str]]:
    """Paragraphs with their verbs and footnotes, and warnings about unknown openers; `citing`
    receives, for each paragraph, the body of the draft it belongs to (None if the document's)."""
    paragraphs: list[ParsedParagraph] = []
    warnings: list[str] = []
    for index, piece in enumerate(pieces):
        text = SPACE_RE.sub(
            " ", strip_sentinels(strip_leading_sentinels(piece.text.strip()))
        ).strip()
        if piece.number and index + 1 < len(pieces) and pieces[index + 1].number:
            # A section heading printed before the next numbered paragraph ("...; Reporting").
            text = TRAILING_HEADING_RE.sub(r"\1", text)
        if piece.statement:
            text = strip_unprinted_markers(text)
        if not text:
            continue
        verb = (
            # Read with its blocks: a verb opening one after a heading is the statement's.
            statement_verb(strip_unprinted_markers(strip_sentinels(piece.text.strip())))
            if piece.statement
            else instruction_verb(text)
            if piece.instruction
            else extract_verb(text, kind=piece.kind, first_person=first_person)
        )
        first = FIRST_WORD_RE.search(text)
        first_word = normalize_word(first.group(0)) if first else ""
        if piece.lead and not is_printed_verb(first_word):
            verb = piece.lead  # "Resolves that:" / "1. The Working Capital Fund shall be ..."
        if (
            verb
            and not piece.statement
            and not piece.instruction
            and first_word
            and not is_known_opener(first_word)
            and not is_known_opener(verb.split()[0])
            and not first_person
        ):
            label = (
                f"paragraph {piece.number}"
                if piece.number
                else f"{piece.kind} paragraph {len(paragraphs) + 1}"
            )
            warnings.append(f"unknown opening word {verb!r} in {label}")
        if citing is not None:
            citing.append(piece.citing)
        paragraphs.append(
            ParsedParagraph(
                kind=piece.kind,
                number=piece.number,
                verb=verb,
                text=text,
                footnotes=collect_footnotes(piece.text, bodies=bodies),
            )
        )
    return paragraphs, warnings


def is_printed_verb(word: str) -> bool:
    """Whether a paragraph's first word (normalized) is an operative verb as printed, in the
    third person ("requests"); "direct" of "Direct expenses of ..." is not."""
    return word.endswith("s") and is_operative_verb(word)


def reference_chunks(
    head: str, paragraphs: list[ParsedParagraph], tail: str, *, bodies: dict[str, str]
) -> list[tuple[str, int | None]]:
    """Every piece of text that may cite something, with the index of its paragraph (or None)."""
    chunks: list[tuple[str, int | None]] = [(head, None)]
    # A note on where the decision is published ("[Footnote: Decision 77/538, in section B.4 of
    # the Official Records ...]") names the volume, which the document does not cite.
    linked = {body for body in bodies.values() if PUBLICATION_NOTE_RE.match(body)}
    for index, paragraph in enumerate(paragraphs):
        chunks.append((paragraph.text, index))
        for footnote in paragraph.footnotes:
            if footnote.text not in linked:
                linked.add(footnote.text)
                chunks.append((footnote.text, index))
    chunks.extend((body, None) for body in bodies.values() if body not in linked)
    chunks.append((strip_sentinels(tail), None))
    return chunks
