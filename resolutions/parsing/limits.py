"""Ceilings on what one file may cost to read, checked before and while it is parsed.

A small file can unpack to gigabytes (a zip bomb named `.docx`), hold a million paragraphs or
thousands of PDF pages. `parse_within_limits` refuses such files with a one-line reason before
the expensive work starts; the process running it adds a memory and time ceiling of its own
(resolutions/parse_sandbox.py). Pure Python: the limits come in as arguments.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from . import parse
from .extract import detect_format, extract_text
from .types import ParsedDocument, ParseError

MEGABYTE = 1024 * 1024
# The XML of a Word document is read in pieces of this size to count its paragraphs.
XML_CHUNK = 1024 * 1024
DOCUMENT_XML = "word/document.xml"
WORD_PARAGRAPH_RE = re.compile(rb"<w:p[\s/>]")
# Bytes kept from one piece to the next: enough for `<!DOCTYPE` cut in two.
TAIL_BYTES = 8
# A member this small cannot make a bomb whatever its ratio (styles compress very well).
RATIO_FLOOR_BYTES = MEGABYTE
# UTF-8 spends at most four bytes on a character.
MAX_BYTES_PER_CHARACTER = 4


PDF_ENCRYPTED = (
    "the PDF is encrypted in a way that cannot be read: upload a copy without encryption"
)


class LimitExceeded(ParseError):
    """A file over one of the ceilings; the message names it in words."""


@dataclass(frozen=True)
class ParseLimits:
    """The ceilings for one file (the settings of the same names, in upper case)."""

    max_unzipped_bytes: int = 100 * MEGABYTE
    max_compression_ratio: int = 100
    max_pdf_pages: int = 1000
    max_paragraphs: int = 10_000
    max_document_characters: int = 5_000_000


def parse_within_limits(data: bytes, *, filename: str, limits: ParseLimits) -> ParsedDocument:
    """Parse a file's bytes, refusing it as soon as it goes over a limit."""
    check_source(data, filename=filename, limits=limits)
    text = extract_text(data, filename=filename)
    check_characters(len(text), limits)
    parsed = parse(text, source_name=filename, prepared=True)
    if len(parsed.paragraphs) > limits.max_paragraphs:
        raise LimitExceeded(too_many("paragraphs", len(parsed.paragraphs), limits.max_paragraphs))
    return parsed


def check_source(data: bytes, *, filename: str, limits: ParseLimits) -> None:
    """The checks that need no parsing: what a Word file unpacks to, a PDF's pages, text size."""
    if not data.strip():
        return  # the parser says "empty file"
    kind = detect_format(data, filename=filename)
    if kind == "docx":
        check_word_file(data, limits)
    elif kind == "pdf":
        check_pdf(data, limits)
    elif len(data) > limits.max_document_characters * MAX_BYTES_PER_CHARACTER:
        check_characters(len(data) // MAX_BYTES_PER_CHARACTER, limits)


def check_characters(count: int, limits: ParseLimits) -> None:
    if count > limits.max_document_characters:
        raise LimitExceeded(too_many("characters of text", count, limits.max_document_characters))


def too_many(what: str, count: int, limit: int) -> str:
    """`the file has 1,000,000 paragraphs; at most 10,000 are accepted`."""
    return f"the file has {count:,} {what}; at most {limit:,} are accepted"


def check_word_file(data: bytes, limits: ParseLimits) -> None:
    """Refuse a Word file that unpacks too big or too compressed, or holds too many paragraphs.

    The sizes come from the zip directory; Python's zipfile never unpacks more than a member
    declares, so a lying directory cannot make the parser read more than was checked here.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > limits.max_unzipped_bytes:
                raise LimitExceeded(
                    f"the Word file unpacks to {unpacked / MEGABYTE:,.0f} MB;"
                    f" at most {limits.max_unzipped_bytes / MEGABYTE:,.0f} MB are accepted"
                )
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
                    raise LimitExceeded(
                        f"the Word file is compressed {ratio:,.0f} times (a zip bomb?);"
                        f" at most {limits.max_compression_ratio} times is accepted"
                    )
            names = {member.filename for member in members}
            if not {"[Content_Types].xml", DOCUMENT_XML} <= names:
                raise ParseError("damaged Word file: parts of the document are missing")
            paragraphs = 0
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as xml:
                        paragraphs += scan_word_xml(xml, count=member.filename == DOCUMENT_XML)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        if isinstance(error, ParseError):
            raise
        raise ParseError("damaged Word file: it cannot be unpacked") from error
    if paragraphs > limits.max_paragraphs:
        raise LimitExceeded(too_many("paragraphs", paragraphs, limits.max_paragraphs))


def scan_word_xml(xml: io.BufferedIOBase, *, count: bool) -> int:
    """Read a part of a Word file piece by piece: refuse declared entities (XXE, billion laughs:
    Word never writes a DOCTYPE), and count its paragraph elements (`<w:p>`) when asked."""
    paragraphs, tail = 0, b""
    while chunk := xml.read(XML_CHUNK):
        window = tail + chunk
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise ParseError(
                "the Word file declares XML entities, which Word never writes: refused as unsafe"
            )
        if count:
            # A tag cut between pieces is completed by the kept tail; matches lying wholly in
            # the tail were counted with the previous piece.
            paragraphs += len(WORD_PARAGRAPH_RE.findall(window, max(len(tail) - 4, 0)))
        tail = window[-TAIL_BYTES:]
    return paragraphs


def check_pdf_opens(reader: object) -> None:
    """An encrypted PDF is read only when it opens without a password."""
    from pypdf.errors import DependencyError

    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError) as error:
        raise ParseError(PDF_ENCRYPTED) from error
    if not opened:
        raise ParseError("the PDF is password-protected: upload a copy without a password")


def check_pdf(data: bytes, limits: ParseLimits) -> None:
    """Refuse a password-protected PDF, and one with more pages than the limit."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            check_pdf_opens(reader)
        pages = len(reader.pages)
    except ParseError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        if isinstance(error, DependencyError):
            raise ParseError(PDF_ENCRYPTED) from error
        raise ParseError("damaged PDF: its structure cannot be read") from error
    if pages > limits.max_pdf_pages:
        raise LimitExceeded(too_many("pages", pages, limits.max_pdf_pages))
