"""UN document symbols: one spelling for the archive, one join key for every variant.

Pure Python. The catalogue spells the same document `S/RES/2538 (2020)` (191) and
`S/RES/2538(2020)` (791); old vote data writes `R/73/187` for `A/RES/73/187`; resolutions carry
suffixes (`A/RES/54/260 B`), drafts revisions (`/Rev.1`), reports corrigenda and addenda, and the
catalogue brackets an implied series (`[ST/DPI/PRESS/]SG/SM/283`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Placeholders the catalogue writes where a record has no symbol.
NO_SYMBOL = frozenset({"", "***", "-", "--"})
SPACES_RE = re.compile(r"\s+")
BRACKETED_SERIES_RE = re.compile(r"^\[[^\]]*\]\s*")
SLASH_SPACES_RE = re.compile(r"\s*/\s*")
# "R/73/187" in GA roll-call data is A/RES/73/187.
ROLL_CALL_RE = re.compile(r"^R/(\d+)/(.+)$", re.IGNORECASE)
# A Security Council number carries its year: "2538 (2020)", however spaced.
SC_YEAR_RE = re.compile(r"^(S/RES/\d+)\s*\(\s*(\d{4})\s*\)", re.IGNORECASE)
# Revisions, corrigenda, addenda, amendments, summaries: kept as separate parts of the key.
AMENDMENT_RE = re.compile(
    r"/(rev|corr|add|amend|summary|sum|part|crp|wp)\.?\s*(\d*)", re.IGNORECASE
)
# A resolution's part letter: "A/RES/54/260B", "A/RES/54/260 B".
SUFFIX_RE = re.compile(r"^(.*/RES/[\w./-]*?\d)\s*([A-Z])$", re.IGNORECASE)
KEY_DROP_RE = re.compile(r"[\s.\-\u2013]+")


@dataclass(frozen=True)
class SymbolParts:
    """A symbol split into its base, its part letter and its revisions or additions."""

    base: str
    suffix: str = ""
    amendments: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The join key: upper case, no spaces or dots, suffix and amendments as parts."""
        key = KEY_DROP_RE.sub("", self.base.upper())
        if self.suffix:
            key += f"+{self.suffix.upper()}"
        for amendment in self.amendments:
            key += "/" + KEY_DROP_RE.sub("", amendment.upper())
        return key


def clean_symbol(raw: str | None) -> str:
    """The archive's spelling of a symbol ("" for none).

    Spaces collapsed and none around slashes, an implied bracketed series dropped, `R/` roll-call
    symbols written out, a Security Council year spaced as printed: "S/RES/2538 (2020)".
    """
    symbol = SPACES_RE.sub(" ", (raw or "").strip())
    if symbol in NO_SYMBOL:
        return ""
    symbol = BRACKETED_SERIES_RE.sub("", symbol)
    symbol = SLASH_SPACES_RE.sub("/", symbol)
    if match := ROLL_CALL_RE.match(symbol):
        symbol = f"A/RES/{match[1]}/{match[2]}"
    if match := SC_YEAR_RE.match(symbol):
        symbol = f"{match[1]} ({match[2]}){symbol[match.end() :]}"
    if match := SUFFIX_RE.match(symbol):
        symbol = f"{match[1]} {match[2]}"
    return symbol


def split_symbol(raw: str | None) -> SymbolParts:
    """The parts of a symbol in any spelling; an empty base when there is no symbol."""
    symbol = clean_symbol(raw)
    amendments = tuple(
        f"{kind.capitalize()}.{number}" if number else kind.capitalize()
        for kind, number in AMENDMENT_RE.findall(symbol)
    )
    base = AMENDMENT_RE.sub("", symbol)
    suffix = ""
    if match := SUFFIX_RE.match(base):
        base, suffix = match[1], match[2]
    return SymbolParts(base=base, suffix=suffix, amendments=amendments)


def symbol_key(raw: str | None) -> str:
    """The join key of a symbol in any spelling ("" for none): equal keys, same document."""
    parts = split_symbol(raw)
    return parts.key if parts.base else ""


def undocs_url(symbol: str) -> str:
    """The address of a document on undocs.org, the UN's symbol resolver."""
    return f"https://undocs.org/{symbol}"
