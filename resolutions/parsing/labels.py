"""Labelled header fields: YAML front matter and "Label: value" lines opening a document.

Copies of UN texts kept in repositories often open with front matter (`---` / `symbol: A/...` /
`---`) or with labelled lines ("Date: 3 November 2025", "Sponsors: Chile and Japan", "Agenda
item: 70 (b)"). Their values are the document's metadata as stated; the lines themselves are not
part of the text, so they are taken out before cleaning (else they run into the title).
"""

from __future__ import annotations

import re

FRONT_MATTER_RE = re.compile(r"\A\ufeff?\s*---[ \t]*\n(.{0,4000}?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
FIELD_RE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z_ -]{1,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$")
LIST_ITEM_RE = re.compile(r"^[ \t]*-[ \t]+(.+?)[ \t]*$")
# The labels read, by the field they give (lower case, spaces and hyphens as underscores).
FIELDS: dict[str, str] = {
    "symbol": "symbol",
    "document_symbol": "symbol",
    "title": "title",
    "date": "date",
    "body": "body",
    "organ": "body",
    "sponsor": "sponsors",
    "sponsors": "sponsors",
    "co_sponsors": "sponsors",
    "cosponsors": "sponsors",
    "author": "sponsors",
    "authors": "sponsors",
    "submitted_by": "sponsors",
    "agenda_item": "agenda_item",
    "item": "agenda_item",
    "session": "session",
    "doc_type": "doc_type",
    "type": "doc_type",
}
# Labelled lines are looked for in the opening lines only, before the text proper starts.
OPENING_LINES = 40
# A value carried on to the next line: a list of names ending in a comma or "and".
CONTINUED_RE = re.compile(r"(?:,|\band)$")


def read_labels(text: str) -> tuple[dict[str, str], str]:
    """The fields stated by front matter or labelled opening lines, and the text without them."""
    fields: dict[str, str] = {}
    front = FRONT_MATTER_RE.match(text)
    if front:
        fields.update(front_matter_fields(front.group(1)))
        text = text[front.end() :]
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        field = labelled_field(line) if index < OPENING_LINES else None
        if field is None:
            kept.append(line)
            index += 1
            continue
        name, value = field
        while CONTINUED_RE.search(value) and index + 1 < len(lines) and lines[index + 1].strip():
            index += 1
            value = f"{value} {lines[index].strip()}"
        fields.setdefault(name, value)
        index += 1
    return fields, "\n".join(kept) if len(kept) < len(lines) else text


def labelled_field(line: str) -> tuple[str, str] | None:
    """The field and value of one labelled line ("Date: 3 November 2025"), if it is one."""
    match = FIELD_RE.match(line)
    if not match or not match.group(2):
        return None
    name = FIELDS.get(re.sub(r"[ -]+", "_", match.group(1).strip().lower()))
    return (name, unquote(match.group(2))) if name else None


def front_matter_fields(block: str) -> dict[str, str]:
    """The known fields of a front matter block; a list ("[A, B]" or "- A" lines) joined by
    commas."""
    fields: dict[str, str] = {}
    current: str | None = None
    for line in block.split("\n"):
        item = LIST_ITEM_RE.match(line)
        if item and current:
            previous = fields.get(current)
            fields[current] = (
                f"{previous}, {unquote(item.group(1))}" if previous else unquote(item.group(1))
            )
            continue
        match = FIELD_RE.match(line)
        if not match:
            continue
        current = FIELDS.get(re.sub(r"[ -]+", "_", match.group(1).strip().lower()))
        if current:
            value = match.group(2)
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(unquote(part) for part in value[1:-1].split(","))
            if value:
                fields[current] = unquote(value)
    return fields


def unquote(value: str) -> str:
    """A value without the quotation marks around it."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
