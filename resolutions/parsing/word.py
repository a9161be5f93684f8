"""Text of a Word (.docx) document: its paragraphs and tables in order, its notes written out where
their markers stand ("Development, (footnote: General Assembly resolution 70/1.)"), as the corpus
writes a decision's notes, and note markers typed as raised digits (a note repeated without a
Word note of its own: "Rights6", "beyond;5") left out."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from .types import ParseError

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

NOTES_PART = "/word/footnotes.xml"
# A raised number standing alone in its run: a note's marker typed as text.
TYPED_MARKER_RE = re.compile(r"\d{1,3}")
MARKER_STYLES = ("FootnoteReference", "EndnoteReference")
# A note's text that the written-out form "(footnote: ...)" can hold: brackets nested once at most.
ONE_LEVEL_RE = re.compile(r"[^()]*(?:\([^()]*\)[^()]*)*")


def extract_docx(data: bytes) -> str:
    """Text of a Word document, one paragraph per block, tables (a block per row) in place."""
    import docx
    import docx.table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several types on damaged files
        raise ParseError("damaged Word file: its document cannot be read") from error
    notes = word_notes(document)
    blocks: list[str] = []
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(item, docx.table.Table):
            blocks.extend(
                " ".join(
                    "\n".join(paragraph_text(p, notes) for p in cell.paragraphs)
                    for cell in row.cells
                )
                for row in item.rows
            )
        else:
            blocks.append(paragraph_text(item, notes))
    return "\n\n".join(block for block in blocks if block.strip())


def word_notes(document: Document) -> dict[str, str]:
    """The document's footnotes by id, each one line of text (its own marker left out)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    part = next(
        (p for p in document.part.package.iter_parts() if str(p.partname) == NOTES_PART), None
    )
    if part is None:
        return {}
    notes: dict[str, str] = {}
    for note in parse_xml(part.blob).iterchildren(qn("w:footnote")):
        paragraphs = [Paragraph(p, None) for p in note.iterchildren(qn("w:p"))]
        text = " ".join(" ".join(p.text.split()) for p in paragraphs).strip()
        if text:
            notes[note.get(qn("w:id"))] = text
    return notes


def paragraph_text(paragraph: Paragraph, notes: dict[str, str]) -> str:
    """A paragraph's text with its notes written out and typed markers left out."""
    from docx.text.hyperlink import Hyperlink

    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        for run in item.runs if isinstance(item, Hyperlink) else (item,):
            note = note_of(run, notes)
            if note is not None:
                parts.append(f" (footnote: {note})")
            elif not is_typed_marker(run):
                parts.append(run.text)
    return "".join(parts)


def note_of(run: Run, notes: dict[str, str]) -> str | None:
    """The text of the note whose marker this run is, if any, in a form the written-out note can
    hold (brackets nested deeper turned square)."""
    from docx.oxml.ns import qn

    reference = run._r.find(qn("w:footnoteReference"))
    if reference is None or reference.get(qn("w:id")) not in notes:
        return None
    text = notes[reference.get(qn("w:id"))]
    if not ONE_LEVEL_RE.fullmatch(text):
        text = text.replace("(", "[").replace(")", "]")
    return text


def is_typed_marker(run: Run) -> bool:
    """Whether a run is a note marker typed as text: a number alone, raised or in the note
    reference style."""
    from docx.oxml.ns import qn

    if not TYPED_MARKER_RE.fullmatch(run.text):
        return False
    properties = run._r.rPr
    if properties is None:
        return False
    raised = properties.find(qn("w:vertAlign"))
    style = properties.find(qn("w:rStyle"))
    return (raised is not None and raised.get(qn("w:val")) == "superscript") or (
        style is not None and style.get(qn("w:val")) in MARKER_STYLES
    )
