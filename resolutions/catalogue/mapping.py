"""A MARC record of the UN Digital Library mapped onto the parse contract's metadata.

Pure Python, never imports django: a repaired pymarc record in, a frozen `CatalogueEntry` (a
document) or `VotingEntry` (a voting record) out. What each tag holds is in docs/catalogue.md.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

import pymarc

from ..parsing.countries import country_by_name
from .marc import RecordError
from .symbols import clean_symbol, symbol_key

# 856 $y is the language's own name; NFC (marc.repair_record) makes one spelling of each.
LANGUAGES: dict[str, str] = {
    "english": "en",
    "français": "fr",
    "español": "es",
    "русский": "ru",
    "العربية": "ar",
    "中文": "zh",
    "deutsch": "de",
}
# The six official languages, in the UN's order.
OFFICIAL_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
# 993 first indicator: what the linked document is to this one.
LINK_KINDS: dict[str, str] = {
    "1": "resolution",
    "2": "draft",
    "3": "committee_report",
    "4": "meeting_record",
}
# Symbol series, longest first: the issuing body's code in the archive.
BODY_SERIES: tuple[tuple[str, str], ...] = (
    ("A/HRC/", "HRC"),
    ("A/CONF.", "OTHER"),
    ("A/", "GA"),
    ("E/CN.15/", "CCPCJ"),
    ("E/CN.7/", "CND"),
    ("E/CN.", "OTHER"),
    ("E/", "ECOSOC"),
    ("S/", "SC"),
    ("CTOC/COP/", "COP-UNTOC"),
    ("CAC/COSP/", "COSP-UNCAC"),
)
CONGRESS_RE = re.compile(r"Congress on (?:the )?Crime Prevention", re.IGNORECASE)
RESOLUTION_NUMBER_RE = re.compile(r"/RES/(.+)$")
DECISION_NUMBER_RE = re.compile(r"/DEC/(.+)$")
DRAFT_RE = re.compile(r"/L\.\d")
MEETING_RECORD_RE = re.compile(r"/(PV|SR)\.\d")
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SPONSOR_SPLIT_RE = re.compile(r",\s*|\s+and\s+")
ADDITIONAL_SPONSORS_RE = re.compile(r"^\s*Additional sponsors?\s*:\s*", re.IGNORECASE)
WITHOUT_VOTE_RE = re.compile(r"without (?:a )?vote|by consensus", re.IGNORECASE)
# "Adopted unanimously" is a vote taken (the Security Council's 15-0-0), not one dispensed with.
RECORDED_VOTE_RE = re.compile(r"recorded vote|unanimously|\d+-\d+-\d+", re.IGNORECASE)
TRAILING_PUNCTUATION_RE = re.compile(r"[\s:/;,]+$")
VOTES = {"Y": "yes", "N": "no", "A": "abstain"}


@dataclass(frozen=True)
class FileVersion:
    """A language version of the document (856): language code, link and size in bytes."""

    language: str
    url: str
    size: int | None
    label: str


@dataclass(frozen=True)
class Link:
    """A related document (993): what it is to this one, and its symbol."""

    kind: str
    symbol: str
    inferred: bool = False


@dataclass(frozen=True)
class Subject:
    """A subject heading: its label, its tag, and whether it is a UNBIS thesaurus term."""

    label: str
    tag: str
    unbis: bool


@dataclass(frozen=True)
class CatalogueEntry:
    """A document record, as the parse contract's metadata plus what only the catalogue has."""

    record_id: int
    symbol: str
    body: str
    doc_type: str
    number: str | None
    title: str
    date: str | None
    year: int | None
    publication_date: str | None
    sponsors: tuple[str, ...]
    session: str | None
    agenda_item: str | None
    record_type: str
    vote_note: str
    files: tuple[FileVersion, ...] = ()
    links: tuple[Link, ...] = ()
    subjects: tuple[Subject, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def key(self) -> str:
        """The symbol's join key."""
        return symbol_key(self.symbol)

    @property
    def outcome(self) -> str:
        """How it was adopted, as far as the vote note says: without_vote, recorded_vote or ""."""
        if RECORDED_VOTE_RE.search(self.vote_note):
            return "recorded_vote"
        if WITHOUT_VOTE_RE.search(self.vote_note):
            return "without_vote"
        return ""

    def contract(self) -> dict[str, Any]:
        """The parse contract's metadata fields (as ParsedDocument takes them)."""
        return {
            "symbol": self.symbol,
            "body": self.body,
            "doc_type": self.doc_type,
            "number": self.number,
            "title": self.title,
            "date": self.date,
            "year": self.year,
            "sponsors": self.sponsors,
            "session": self.session,
            "agenda_item": self.agenda_item,
        }


@dataclass(frozen=True)
class StateVote:
    """One State's vote (967): Y, N, A, or "" for non-voting; P/R on the Security Council."""

    position: int
    iso3: str
    name: str
    vote: str
    membership: str = ""


@dataclass(frozen=True)
class VotingEntry:
    """A voting record: the resolution voted on, the meeting, the totals and each State's vote."""

    record_id: int
    resolution_symbol: str
    meeting: str
    date: str | None
    yes: int
    no: int
    abstain: int
    non_voting: int
    total: int
    votes: tuple[StateVote, ...]
    draft: str = ""
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def key(self) -> str:
        """The join key of the resolution voted on."""
        return symbol_key(self.resolution_symbol)

    def counted(self) -> tuple[int, int, int, int, int]:
        """Yes, no, abstain, non-voting and total as counted from the States' votes."""
        votes = [v.vote for v in self.votes]
        return (
            votes.count("Y"),
            votes.count("N"),
            votes.count("A"),
            votes.count(""),
            len(votes),
        )


def subfield(record_field: pymarc.Field | None, code: str) -> str:
    """The first `code` subfield of a field, stripped ("" when absent)."""
    if record_field is None:
        return ""
    values = record_field.get_subfields(code)
    return values[0].strip() if values else ""


def first(record: pymarc.Record, tag: str, code: str) -> str:
    """The first `code` subfield of the first `tag` field that has one."""
    for record_field in record.get_fields(tag):
        if value := subfield(record_field, code):
            return value
    return ""


def record_id(record: pymarc.Record) -> int:
    """The 001 record id; RecordError when absent or not a number."""
    control = record.get_fields("001")
    value = control[0].data.strip() if control else ""
    if not value.isdigit():
        raise RecordError("no record id (001)")
    return int(value)


def is_voting_record(record: pymarc.Record) -> bool:
    """Voting Data records: 989 says so, or they carry 791 and per-State 967 votes."""
    kinds = {subfield(f, "a") for f in record.get_fields("989")}
    return "Voting Data" in kinds or bool(record.get_fields("791") and record.get_fields("967"))


def map_record(
    record: pymarc.Record, *, notes: tuple[str, ...] = ()
) -> CatalogueEntry | VotingEntry:
    """The entry for a repaired record: a document or a voting record."""
    if is_voting_record(record):
        return map_voting_record(record, notes=notes)
    return map_document(record, notes=notes)


def iso_date(value: str) -> tuple[str | None, int | None]:
    """A MARC date as (ISO date or None, year or None): 269 can be a bare year."""
    match = ISO_DATE_RE.match(value.strip())
    if not match:
        return None, None
    year = int(match[1])
    if not match[3]:
        return None, year
    try:
        return datetime.date(year, int(match[2]), int(match[3])).isoformat(), year
    except ValueError:
        return None, year


def map_document(record: pymarc.Record, *, notes: tuple[str, ...] = ()) -> CatalogueEntry:
    """A document record's entry; RecordError when it has no id or no symbol."""
    rid = record_id(record)
    symbol = clean_symbol(first(record, "191", "a"))
    if not symbol:
        raise RecordError("no document symbol (191 $a)")
    record_type = record_type_of(record)
    doc_type = doc_type_of(symbol, record_type)
    action_date, action_year = iso_date(first(record, "992", "a"))
    publication_date, publication_year = iso_date(first(record, "269", "a"))
    title_field = record.get_fields("245")
    title = title_of(title_field[0] if title_field else None) or symbol
    return CatalogueEntry(
        record_id=rid,
        symbol=symbol,
        body=body_of(symbol, record),
        doc_type=doc_type,
        number=number_of(symbol, doc_type),
        title=title,
        date=action_date or publication_date,
        year=action_year or publication_year,
        publication_date=publication_date,
        sponsors=sponsors_of(record) if doc_type == "draft_resolution" else (),
        session=first(record, "191", "c") or None,
        agenda_item=(first(record, "991", "b").strip("[]") or None),
        record_type=record_type,
        vote_note=first(record, "996", "a"),
        files=files_of(record),
        links=links_of(record),
        subjects=subjects_of(record),
        notes=notes,
    )


def record_type_of(record: pymarc.Record) -> str:
    """The most specific record type in 989 ("Resolutions", "Draft Resolutions and Decisions")."""
    for record_field in record.get_fields("989"):
        for code in ("c", "b", "a"):
            if value := subfield(record_field, code):
                return value
    return ""


def doc_type_of(symbol: str, record_type: str) -> str:
    """The archive's document type from the symbol, then the catalogue's record type."""
    upper = symbol.upper()
    if "/RES/" in upper:
        return "resolution"
    if "/DEC/" in upper:
        return "decision"
    if "Draft" in record_type:
        return "draft_resolution"
    if "Report" in record_type:
        return "report"
    return "other"


def number_of(symbol: str, doc_type: str) -> str | None:
    """A resolution's or decision's number from its symbol: A/RES/63/156 gives 63/156."""
    pattern = {"resolution": RESOLUTION_NUMBER_RE, "decision": DECISION_NUMBER_RE}.get(doc_type)
    match = pattern.search(symbol) if pattern else None
    return match[1] if match else None


def body_of(symbol: str, record: pymarc.Record) -> str:
    """The issuing body's code, from the symbol's series (crime congresses from 710)."""
    upper = symbol.upper()
    for prefix, code in BODY_SERIES:
        if upper.startswith(prefix):
            if prefix == "A/CONF." and any(
                CONGRESS_RE.search(subfield(f, "a")) for f in record.get_fields("710", "711")
            ):
                return "CONGRESS"
            return code
    return "OTHER"


def title_of(title_field: pymarc.Field | None) -> str:
    """245 $a without the trailing ISBD punctuation (" :", " /")."""
    return TRAILING_PUNCTUATION_RE.sub("", subfield(title_field, "a"))


def sponsors_of(record: pymarc.Record) -> tuple[str, ...]:
    """The sponsoring States of a draft, in printed order: 710 States, 245 $c, then 515.

    710 `$9 ms` marks States inconsistently, so every 710 name that is a State counts.
    """
    names: list[str] = [subfield(f, "a") for f in record.get_fields("710")]
    statement = first(record, "245", "c")
    names += SPONSOR_SPLIT_RE.split(statement)
    for note in record.get_fields("515"):
        text = subfield(note, "a")
        if ADDITIONAL_SPONSORS_RE.match(text):
            names += SPONSOR_SPLIT_RE.split(ADDITIONAL_SPONSORS_RE.sub("", text).rstrip("."))
    sponsors: dict[str, None] = {}
    for name in names:
        country = country_by_name(name.strip().rstrip("."))
        if country:
            sponsors.setdefault(country.name, None)
    return tuple(sponsors)


def files_of(record: pymarc.Record) -> tuple[FileVersion, ...]:
    """The language versions (856 with a link), one per language, official languages first."""
    files: dict[str, FileVersion] = {}
    for record_field in record.get_fields("856"):
        url = subfield(record_field, "u")
        label = subfield(record_field, "y")
        if not url:
            continue
        language = LANGUAGES.get(label.casefold(), language_from_url(url))
        size = subfield(record_field, "s")
        files.setdefault(
            language,
            FileVersion(
                language=language, url=url, size=int(size) if size.isdigit() else None, label=label
            ),
        )
    order = {code: index for index, code in enumerate(OFFICIAL_LANGUAGES)}
    return tuple(sorted(files.values(), key=lambda f: (order.get(f.language, 99), f.language)))


def language_from_url(url: str) -> str:
    """A language from a file name such as A_RES_63_156-DE.pdf ("other" when none)."""
    match = re.search(r"-([A-Z]{2})\.\w+$", url)
    return match[1].lower() if match else "other"


def links_of(record: pymarc.Record) -> tuple[Link, ...]:
    """The related documents (993); a blank indicator's kind is inferred from the symbol."""
    links: dict[str, Link] = {}
    for record_field in record.get_fields("993"):
        symbol = clean_symbol(subfield(record_field, "a"))
        if not symbol:
            continue
        kind = LINK_KINDS.get(record_field.indicator1.strip())
        inferred = kind is None
        links.setdefault(
            symbol_key(symbol),
            Link(kind=kind or kind_from_symbol(symbol), symbol=symbol, inferred=inferred),
        )
    return tuple(links.values())


def kind_from_symbol(symbol: str) -> str:
    """What a linked document is, from its symbol alone (older records leave 993 blank)."""
    upper = symbol.upper()
    if "/RES/" in upper or "/DEC/" in upper:
        return "resolution"
    if DRAFT_RE.search(upper):
        return "draft"
    if MEETING_RECORD_RE.search(upper):
        return "meeting_record"
    return "committee_report"


def subjects_of(record: pymarc.Record) -> tuple[Subject, ...]:
    """Subject headings: 650 (UNBIS terms when $2 is unbist), then 610, 611, 630 and 651."""
    subjects: dict[tuple[str, str], Subject] = {}
    for record_field in record.get_fields("650", "610", "611", "630", "651"):
        label = subfield(record_field, "a").rstrip(".")
        if not label:
            continue
        unbis = record_field.tag == "650" and "unbist" in record_field.get_subfields("2")
        subjects.setdefault(
            (record_field.tag, label), Subject(label=label, tag=record_field.tag, unbis=unbis)
        )
    return tuple(subjects.values())


def number_subfield(record_field: pymarc.Field | None, code: str) -> int:
    """A zero-padded count (996 $b015); RecordError when not a number."""
    value = subfield(record_field, code) or "0"
    if not value.isdigit():
        raise RecordError(f"996 ${code} is not a number: {value!r}")
    return int(value)


def map_voting_record(record: pymarc.Record, *, notes: tuple[str, ...] = ()) -> VotingEntry:
    """A voting record's entry; RecordError when it names no resolution."""
    rid = record_id(record)
    resolution = clean_symbol(first(record, "791", "a"))
    if not resolution:
        raise RecordError("voting record without the resolution's symbol (791 $a)")
    totals = record.get_fields("996")
    total_field = totals[0] if totals else None
    votes = []
    for index, vote_field in enumerate(record.get_fields("967"), start=1):
        order = subfield(vote_field, "a")
        vote = subfield(vote_field, "d").upper()
        if vote not in ("", *VOTES):
            raise RecordError(f"967 $d is not Y, N or A: {vote!r}")
        votes.append(
            StateVote(
                position=int(order) if order.isdigit() else index,
                iso3=subfield(vote_field, "c").upper(),
                name=subfield(vote_field, "e"),
                vote=vote,
                membership=subfield(vote_field, "b").upper(),
            )
        )
    date, _ = iso_date(first(record, "992", "a") or first(record, "269", "a"))
    return VotingEntry(
        record_id=rid,
        resolution_symbol=resolution,
        meeting=clean_symbol(first(record, "952", "a")),
        date=date,
        yes=number_subfield(total_field, "b"),
        no=number_subfield(total_field, "c"),
        abstain=number_subfield(total_field, "d"),
        non_voting=number_subfield(total_field, "e"),
        total=number_subfield(total_field, "f"),
        votes=tuple(votes),
        draft=clean_symbol(first(record, "993", "a")),
        notes=notes,
    )
