"""A document's citation for reference managers (RIS, BibTeX) and its parse-contract JSON."""

from __future__ import annotations

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
