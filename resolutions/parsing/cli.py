"""Parse files from the command line without Django: `python -m resolutions.parsing PATH ...`.

The same output as `manage.py parse`, which uses these functions; this entry starts faster
because it loads neither Django nor the archive's apps.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ParsedDocument, ParseError, parse_file


def main(argv: list[str] | None = None) -> int:
    """Print each file's structure (or JSON); 1 if any file failed, else 0."""
    parser = argparse.ArgumentParser(prog="python -m resolutions.parsing")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    options = parser.parse_args(argv)
    failures = 0
    for path in options.paths:
        try:
            document = parse_path(Path(path))
        except ParseError as error:
            failures += 1
            print(f"{path}: {error}", file=sys.stderr)
            continue
        if options.json:
            print(render_json(document, indent=2 if len(options.paths) == 1 else None))
        else:
            print(render_summary(document, path=path))
    return 1 if failures else 0


def parse_path(path: Path) -> ParsedDocument:
    """Parse one file, turning file-system errors into ParseError."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(error.strerror or "cannot read file") from error
    return parse_file(data, filename=path.name)


def render_json(document: ParsedDocument, *, indent: int | None) -> str:
    """The document in the contract's JSON shape."""
    return json.dumps(document.to_dict(), ensure_ascii=False, indent=indent)


def render_summary(document: ParsedDocument, *, path: str) -> str:
    """A readable summary: metadata, counts, paragraphs with kinds, numbers and verbs, warnings."""
    kinds = {
        kind: sum(p.kind == kind for p in document.paragraphs)
        for kind in ("preambular", "operative", "other")
    }
    lines = [
        f"== {path}",
        f"symbol:    {document.symbol or '-'}",
        f"body:      {document.body}",
        f"doc_type:  {document.doc_type}",
        f"number:    {document.number or '-'}",
        f"title:     {document.title or '-'}",
        f"date:      {document.date or '-'}  year: {document.year or '-'}",
        f"session:   {document.session or '-'}  agenda item: {document.agenda_item or '-'}",
        f"sponsors:  {', '.join(document.sponsors) or '-'}",
        "paragraphs: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items() if count)
        or "paragraphs: 0",
        f"references: {len(document.references)}",
    ]
    for index, paragraph in enumerate(document.paragraphs):
        number = paragraph.number or "-"
        notes = f" [{len(paragraph.footnotes)} fn]" if paragraph.footnotes else ""
        lines.append(
            f"  {index:3d} {paragraph.kind:10s} {number:>4s}  "
            f"{paragraph.verb or '-':20s} {paragraph.text[:70]}{notes}"
        )
    for reference in document.references:
        lines.append(f"  ref {reference.key}")
    lines.extend(f"warning: {warning}" for warning in document.warnings)
    return "\n".join(lines)
