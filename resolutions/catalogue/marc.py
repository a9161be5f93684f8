"""MARCXML of the UN Digital Library: split pages into records, read them, repair their text.

Pure Python (pymarc, ftfy), never imports django. A page is split into its records as bytes
first, so one bad record (not UTF-8, cut off, no id) is reported on its own and the rest of the
page goes on. Text is repaired where it is mojibake (UTF-8 once read as Latin-1) and brought to
Unicode NFC, so `Français` arrives in one form whatever form the catalogue sent.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

import ftfy
import pymarc

MARC_NS = "http://www.loc.gov/MARC21/slim"
# A record element, with or without a namespace prefix, as bytes.
RECORD_RE = re.compile(rb"<(?:(\w+):)?record\b[^>]*>.*?</(?:\w+:)?record\s*>", re.DOTALL)
RECORD_START_RE = re.compile(rb"<(?:\w+:)?record\b[^>]*>")
CONTROL_001_RE = re.compile(rb"<(?:\w+:)?controlfield\s+tag=\"001\"\s*>\s*(\d+)\s*<")
# An OAI-PMH answer's error ("idDoesNotExist") and the MARC record inside its <metadata>.
OAI_ERROR_RE = re.compile(rb"<(?:\w+:)?error\b[^>]*code=\"(\w+)\"[^>]*>([^<]*)<")
OAI_METADATA_RE = re.compile(rb"<(?:\w+:)?metadata\b[^>]*>(.*)</(?:\w+:)?metadata\s*>", re.DOTALL)
# Characters that only mojibake of UTF-8 read as Latin-1 puts side by side.
MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


class RecordError(ValueError):
    """A record that cannot be imported; the message is one line saying why."""


@dataclass(frozen=True)
class RawRecord:
    """One record's bytes as received, with the id read from them ("" when it has none)."""

    record_id: str
    data: bytes


@dataclass
class PageSplit:
    """The records of a page, and what could not be made a record (a cut-off tail)."""

    records: list[RawRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def split_page(page: bytes) -> PageSplit:
    """The records of a MARCXML page as raw bytes, in order; a truncated tail is a problem."""
    split = PageSplit()
    end = 0
    for match in RECORD_RE.finditer(page):
        data = match.group(0)
        split.records.append(RawRecord(record_id=record_id_of(data), data=data))
        end = match.end()
    tail = page[end:]
    if RECORD_START_RE.search(tail):
        found = record_id_of(tail)
        where = f"record {found}" if found else "a record without an id"
        split.problems.append(f"truncated page: {where} is cut off before </record>")
    elif not split.records and page.strip() and b"<collection" not in page and b"<?xml" not in page:
        split.problems.append("not MARCXML: no <record> element")
    return split


def oai_record(answer: bytes) -> bytes:
    """The MARCXML record of an OAI-PMH GetRecord answer, as a one-record page; RecordError
    says what the repository answered instead."""
    error = OAI_ERROR_RE.search(answer)
    if error:
        code, text = (part.decode("utf-8", "replace").strip() for part in error.groups())
        raise RecordError(f"the OAI-PMH repository answered {code}: {text or 'no reason given'}")
    metadata = OAI_METADATA_RE.search(answer)
    inner = RECORD_RE.search(metadata[1]) if metadata else None
    if inner is None:
        raise RecordError("the OAI-PMH answer holds no MARCXML record")
    return b'<collection xmlns="%s">%s</collection>' % (MARC_NS.encode(), inner[0])


def record_id_of(data: bytes) -> str:
    """The 001 of a record's bytes, read without parsing them ("" when absent)."""
    match = CONTROL_001_RE.search(data)
    return match.group(1).decode("ascii") if match else ""


def read_record(raw: RawRecord) -> tuple[pymarc.Record, list[str]]:
    """Parse one record's bytes; returns the record, repaired, and notes on what was repaired.

    Raises RecordError for bytes that are not UTF-8 or not a well-formed MARCXML record.
    """
    try:
        raw.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"not UTF-8: byte 0x{raw.data[exc.start]:02x} at offset {exc.start}"
        ) from None
    data = raw.data
    if b"xmlns" not in data.split(b">", 1)[0]:
        data = re.sub(rb"^<(\w+:)?record\b", f'<record xmlns="{MARC_NS}"'.encode(), data, count=1)
    try:
        records = pymarc.parse_xml_to_array(io.BytesIO(data), strict=False)
    except Exception as exc:  # expat and pymarc raise several kinds for malformed XML
        raise RecordError(f"malformed XML: {str(exc).splitlines()[0]}") from None
    if len(records) != 1 or records[0] is None:
        raise RecordError("malformed XML: not one MARC record")
    record = records[0]
    return record, repair_record(record)


def repair_record(record: pymarc.Record) -> list[str]:
    """Repair every subfield in place; returns one note per kind of repair made."""
    mojibake = normalized = False
    for data_field in record.get_fields():
        if data_field.is_control_field():
            continue
        subfields = []
        for subfield in data_field.subfields:
            value = subfield.value
            fixed = ftfy.fix_encoding(value) if MOJIBAKE_RE.search(value) else value
            mojibake |= fixed != value
            nfc = unicodedata.normalize("NFC", fixed)
            normalized |= nfc != fixed
            subfields.append(pymarc.Subfield(subfield.code, nfc))
        data_field.subfields = subfields
    notes = []
    if mojibake:
        notes.append("repaired mojibake (UTF-8 read as Latin-1)")
    if normalized:
        notes.append("normalised text to Unicode NFC")
    return notes
