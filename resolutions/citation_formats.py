"""A document's citation: for reference managers (RIS, BibTeX), in the legal styles OSCOLA and
Bluebook, and its parse-contract JSON."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .models import Document, Paragraph, Reference

PUBLISHER = "United Nations"
# Characters that BibTeX reads as commands or grouping; escaped in every value.
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in BIBTEX_SPECIAL))
UNSAFE_FILENAME_RE = re.compile(r"[^A-Za-z0-9.-]+")


def download_filename(document: Document, extension: str) -> str:
    """A safe file name from the symbol (or id): E/RES/2014/23 -> E_RES_2014_23.ris."""
    stem = UNSAFE_FILENAME_RE.sub("_", document.symbol or document.label or "").strip("_")
    return f"{stem or f'document-{document.pk}'}.{extension}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def ris_for_document(document: Document, *, url: str, topics: Iterable[str] = ()) -> str:
    """The document as one RIS record (type GOVDOC), lines ending CRLF as the format asks."""
    lines = [("TY", "GOVDOC"), ("TI", document.title), ("AU", document.body.name)]
    lines.append(("PB", PUBLISHER))
    if document.year:
        lines.append(("PY", str(document.year)))
    if document.date:
        lines.append(("DA", document.date.strftime("%Y/%m/%d")))
    if document.symbol:
        lines.append(("CN", document.symbol))
    if document.number:
        lines.append(("M1", document.number))
    lines.append(("M3", document.get_doc_type_display()))
    lines.append(("LA", document.language))
    lines.extend(("KW", topic) for topic in topics)
    lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def bibtex_escape(text: str) -> str:
    """A value safe inside BibTeX braces."""
    return BIBTEX_SPECIAL_RE.sub(lambda m: BIBTEX_SPECIAL[m.group()], _one_line(text))


def bibtex_key(document: Document) -> str:
    """A citation key from the symbol: E/RES/2014/23 -> E_RES_2014_23."""
    return download_filename(document, "x")[:-2].replace(".", "_")


def bibtex_for_document(document: Document, *, url: str, topics: Iterable[str] = ()) -> str:
    """The document as one BibTeX @misc entry; the body is a corporate author in double braces."""
    fields: list[tuple[str, str]] = [
        ("title", "{" + bibtex_escape(document.title) + "}"),
        ("author", "{" + bibtex_escape(document.body.name) + "}"),
        ("organization", bibtex_escape(PUBLISHER)),
    ]
    if document.year:
        fields.append(("year", str(document.year)))
    if document.date:
        fields.append(("date", document.date.isoformat()))
    if document.symbol:
        fields.append(("number", bibtex_escape(document.symbol)))
    elif document.number:
        fields.append(("number", bibtex_escape(document.number)))
    fields.append(("type", bibtex_escape(document.get_doc_type_display())))
    topics = list(topics)
    if topics:
        fields.append(("keywords", bibtex_escape(", ".join(topics))))
    fields.append(("url", url.replace("}", "%7D").replace("{", "%7B")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(document)},\n{body}\n}}\n"


# --- legal citation styles -----------------------------------------------------------------

# How each style names a body's resolutions: OSCOLA (4th ed., 6.2) and Bluebook (21st ed., 21.7).
OSCOLA_BODIES = {
    "GA": "UNGA",
    "SC": "UNSC",
    "ECOSOC": "ECOSOC",
    "HRC": "UNHRC",
    "CCPCJ": "CCPCJ",
    "CND": "CND",
    "COP-UNTOC": "COP-UNTOC",
    "COSP-UNCAC": "COSP-UNCAC",
}
BLUEBOOK_BODIES = {
    "GA": "G.A.",
    "SC": "S.C.",
    "ECOSOC": "E.S.C.",
    "HRC": "Human Rights Council",
    "CCPCJ": "Comm'n on Crime Prevention & Crim. Just.",
    "CND": "Comm'n on Narcotic Drugs",
}
BLUEBOOK_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
NUMBERED_TYPES = {"resolution": ("Res", "Res."), "decision": ("Dec", "Dec.")}


def _oscola_date(document: Document) -> str:
    if document.date:
        return f"{document.date.day} {document.date:%B %Y}"
    return str(document.year or "n.d.")


def _bluebook_date(date: dt.date | None, year: int | None) -> str:
    if date:
        return f"{BLUEBOOK_MONTHS[date.month - 1]} {date.day}, {date.year}"
    return str(year or "n.d.")


def oscola_for_document(document: Document) -> str:
    """OSCOLA: "UNGA Res 68/193 (18 December 2013) UN Doc A/RES/68/193".

    A resolution or decision is named by its body and number; any other document by its body
    and quoted title. The UN document symbol ends the citation when there is one.
    """
    body = document.body
    kind = NUMBERED_TYPES.get(document.doc_type)
    if kind and document.number:
        head = f"{OSCOLA_BODIES.get(body.code, body.name)} {kind[0]} {document.number}"
    else:
        head = f"{body.name}, '{_one_line(document.title)}'"
    citation = f"{head} ({_oscola_date(document)})"
    if document.symbol:
        citation += f" UN Doc {document.symbol}"
    return citation


def bluebook_for_document(document: Document) -> str:
    """Bluebook: "G.A. Res. 68/193, U.N. Doc. A/RES/68/193 (Dec. 18, 2013)."

    A resolution or decision is named by its body and number; any other document by its body
    and title.
    """
    body = document.body
    kind = NUMBERED_TYPES.get(document.doc_type)
    if kind and document.number:
        parts = [f"{BLUEBOOK_BODIES.get(body.code, body.name)} {kind[1]} {document.number}"]
    else:
        parts = [body.name, _one_line(document.title)]
    if document.symbol:
        parts.append(f"U.N. Doc. {document.symbol}")
    return f"{', '.join(parts)} ({_bluebook_date(document.date, document.year)})."


def _or_none(value: str | None) -> str | None:
    return value or None


def reference_dict(reference: Reference) -> dict[str, Any]:
    """A reference in the contract's shape."""
    if reference.ref_type == Reference.RefType.DOCUMENT:
        return {"type": "document", "symbol": reference.cited_key}
    return {
        "type": "resolution",
        "body": reference.cited_body or None,
        "number": reference.cited_number or None,
    }


def contract_dict(
    document: Document,
    *,
    paragraphs: Sequence[Paragraph],
    references: Sequence[Reference],
    sponsors: Sequence[str],
) -> dict[str, Any]:
    """The document in the parse contract's shape, as in samples/*.gold.json."""
    return {
        "symbol": _or_none(document.symbol),
        "body": document.body.code,
        "doc_type": document.doc_type,
        "number": _or_none(document.number),
        "title": document.title,
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "sponsors": list(sponsors),
        "paragraphs": [
            {
                "kind": p.kind,
                "number": _or_none(p.number),
                "verb": _or_none(p.verb),
                "text": p.text,
            }
            for p in paragraphs
        ],
        "references": [reference_dict(r) for r in references],
    }
