"""The parser's output: frozen dataclasses named as in the gold JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BODY_CODES: tuple[str, ...] = (
    "GA",
    "ECOSOC",
    "SC",
    "HRC",
    "CCPCJ",
    "CND",
    "COP-UNTOC",
    "COSP-UNCAC",
    "CONGRESS",
    "OTHER",
)
DOC_TYPES: tuple[str, ...] = (
    "resolution",
    "decision",
    "draft_resolution",
    "amendment",
    "report",
    "other",
)
PARAGRAPH_KINDS: tuple[str, ...] = ("preambular", "operative", "other")


class ParseError(ValueError):
    """A file that cannot be turned into a document; the message is one line for the user."""


@dataclass(frozen=True)
class Footnote:
    """A footnote body, linked to the marker printed in its paragraph."""

    marker: str
    text: str


@dataclass(frozen=True)
class ParsedParagraph:
    """One paragraph as printed, without page furniture or footnote markers."""

    kind: str
    number: str | None
    verb: str | None
    text: str
    footnotes: tuple[Footnote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The paragraph in the contract's shape."""
        return {"kind": self.kind, "number": self.number, "verb": self.verb, "text": self.text}


@dataclass(frozen=True)
class ParsedReference:
    """A citation of a UN resolution (type "resolution") or document symbol (type "document").

    `paragraph_index` is the position of the citing paragraph in `ParsedDocument.paragraphs`,
    or None where the citation sits outside them (title, footnote of no paragraph, annex).
    `cited_text` is the text as printed, e.g. "General Assembly resolution 66/128".
    """

    type: str
    body: str | None = None
    number: str | None = None
    symbol: str | None = None
    cited_text: str = ""
    paragraph_index: int | None = None

    @property
    def key(self) -> str:
        """A normalized key: the document symbol, or BODY + " " + number for a resolution."""
        if self.type == "document":
            return self.symbol or ""
        return f"{self.body} {self.number}"

    def to_dict(self) -> dict[str, Any]:
        """The reference in the contract's shape."""
        if self.type == "document":
            return {"type": "document", "symbol": self.symbol}
        return {"type": "resolution", "body": self.body, "number": self.number}


@dataclass(frozen=True)
class ParsedDocument:
    """A whole parsed document; `to_dict()` gives exactly the gold JSON shape."""

    symbol: str | None
    body: str
    doc_type: str
    number: str | None
    title: str | None
    date: str | None
    year: int | None
    sponsors: tuple[str, ...] = ()
    paragraphs: tuple[ParsedParagraph, ...] = ()
    references: tuple[ParsedReference, ...] = ()
    session: str | None = None
    agenda_item: str | None = None
    language: str = "en"
    text: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The document in the contract's shape (as in `shared/seeds/*.gold.json`)."""
        return {
            "symbol": self.symbol,
            "body": self.body,
            "doc_type": self.doc_type,
            "number": self.number,
            "title": self.title,
            "date": self.date,
            "year": self.year,
            "sponsors": list(self.sponsors),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "references": [r.to_dict() for r in self.references],
        }
