"""Compare parses with hand-made gold files: `python -m resolutions.parsing.evaluate DIR`.

Every `NAME.gold.json` in each directory is compared with the parse of the file `NAME.*` beside
it. Paragraphs match when kind, number and text (up to case, punctuation and spacing) match;
a verb counts as right when its paragraph matches and the verb is the gold one. References and
sponsors are compared as sets; metadata field by field.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import parse_file
from .types import ParseError

PUNCTUATION_RE = re.compile(r"[^\w\s]")
SPACE_RE = re.compile(r"\s+")
METADATA_KEYS = ("symbol", "body", "doc_type", "number", "title", "date", "year", "sponsors")


def normalize(text: str) -> str:
    """Text compared up to case, punctuation and spacing."""
    return SPACE_RE.sub(" ", PUNCTUATION_RE.sub("", text.lower())).strip()


def paragraph_key(paragraph: dict) -> tuple[str, str | None, str]:
    """What makes two paragraphs the same: kind, number and normalized text."""
    return (paragraph["kind"], paragraph["number"], normalize(paragraph["text"]))


def reference_key(reference: dict) -> str:
    """A reference as a comparable string."""
    return json.dumps(reference, sort_keys=True)


@dataclass
class Score:
    """Counts for one document (or the sum of several)."""

    paragraphs_parsed: int = 0
    paragraphs_gold: int = 0
    paragraphs_matched: int = 0
    verbs_right: int = 0
    references_parsed: int = 0
    references_gold: int = 0
    references_matched: int = 0
    metadata_right: int = 0
    metadata_total: int = 0
    sponsors_parsed: int = 0
    sponsors_gold: int = 0
    sponsors_matched: int = 0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def paragraph_f1(self) -> float:
        """F1 of paragraph matches."""
        return f1(self.paragraphs_matched, self.paragraphs_parsed, self.paragraphs_gold)

    @property
    def verb_accuracy(self) -> float:
        """Share of gold paragraphs found with the right verb."""
        return self.verbs_right / self.paragraphs_gold if self.paragraphs_gold else 1.0

    @property
    def reference_f1(self) -> float:
        """F1 of references as sets."""
        return f1(self.references_matched, self.references_parsed, self.references_gold)

    @property
    def sponsor_f1(self) -> float:
        """F1 of sponsor names as sets."""
        return f1(self.sponsors_matched, self.sponsors_parsed, self.sponsors_gold)

    @property
    def metadata_accuracy(self) -> float:
        """Share of metadata fields equal to the gold."""
        return self.metadata_right / self.metadata_total if self.metadata_total else 1.0


def f1(matched: int, parsed: int, gold: int) -> float:
    """The harmonic mean of precision and recall; 1.0 when both sides are empty."""
    if parsed == 0 and gold == 0:
        return 1.0
    if matched == 0:
        return 0.0
    precision, recall = matched / parsed, matched / gold
    return 2 * precision * recall / (precision + recall)


def score(parsed: dict, gold: dict) -> Score:
    """Compare one parse with its gold structure."""
    result = Score()
    parsed_keys = Counter(paragraph_key(p) for p in parsed["paragraphs"])
    gold_keys = Counter(paragraph_key(p) for p in gold["paragraphs"])
    result.paragraphs_parsed = sum(parsed_keys.values())
    result.paragraphs_gold = sum(gold_keys.values())
    result.paragraphs_matched = sum((parsed_keys & gold_keys).values())
    verbs = Counter((paragraph_key(p), p["verb"]) for p in parsed["paragraphs"])
    gold_verbs = Counter((paragraph_key(p), p["verb"]) for p in gold["paragraphs"])
    result.verbs_right = sum((verbs & gold_verbs).values())
    parsed_refs = {reference_key(r) for r in parsed["references"]}
    gold_refs = {reference_key(r) for r in gold["references"]}
    result.references_parsed, result.references_gold = len(parsed_refs), len(gold_refs)
    result.references_matched = len(parsed_refs & gold_refs)
    for key in METADATA_KEYS:
        left, right = parsed.get(key), gold.get(key)
        if key == "sponsors":
            left, right = set(left or ()), set(right or ())
            result.sponsors_parsed, result.sponsors_gold = len(left), len(right)
            result.sponsors_matched = len(left & right)
        result.metadata_total += 1
        result.metadata_right += left == right
    return result


def source_of(gold_path: Path) -> Path | None:
    """The document file beside a gold file (same name, any other extension)."""
    stem = gold_path.name[: -len(".gold.json")]
    for candidate in sorted(gold_path.parent.glob(f"{stem}.*")):
        if candidate != gold_path and not candidate.name.endswith(".json"):
            return candidate
    return None


def evaluate(directories: list[Path]) -> list[tuple[str, Score | None]]:
    """Scores of every gold-annotated document in the directories (None where parsing failed)."""
    results: list[tuple[str, Score | None]] = []
    for directory in directories:
        for gold_path in sorted(directory.glob("*.gold.json")):
            source = source_of(gold_path)
            name = f"{directory.name}/{gold_path.name[: -len('.gold.json')]}"
            if source is None:
                results.append((name, None))
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            try:
                parsed = parse_file(source.read_bytes(), filename=source.name).to_dict()
            except ParseError:
                results.append((name, None))
                continue
            results.append((name, score(parsed, gold)))
    return results


def format_table(results: list[tuple[str, Score | None]]) -> str:
    """A Markdown table: one row per document and the overall (micro-averaged) figures."""
    width = max([len(name) for name, _ in results] + [len("overall")])
    header = f"| {'document':{width}s} | paras | para F1 | verb acc | ref F1 | metadata |"
    lines = [header, "|" + "-" * (width + 2) + "|------:|--------:|---------:|-------:|---------:|"]
    total = Score()
    for name, result in results:
        if result is None:
            lines.append(f"| {name:{width}s} | failed to parse or no source file |")
            continue
        total.add(result)
        lines.append(row(name, result, width))
    lines.append(row("overall", total, width))
    lines.append(f"\nsponsor F1 (names as sets, all documents): {total.sponsor_f1:.3f}")
    return "\n".join(lines)


def row(name: str, result: Score, width: int) -> str:
    """One table row."""
    return (
        f"| {name:{width}s} | {result.paragraphs_gold:5d} | {result.paragraph_f1:7.1%} "
        f"| {result.verb_accuracy:8.1%} | {result.reference_f1:6.1%} "
        f"| {result.metadata_accuracy:8.1%} |"
    )


def main(argv: list[str]) -> int:
    """Print the table for the directories named on the command line; 2 on bad usage."""
    if not argv:
        print("usage: python -m resolutions.parsing.evaluate DIR [DIR ...]", file=sys.stderr)
        return 2
    directories = [Path(arg) for arg in argv]
    missing = [str(d) for d in directories if not d.is_dir()]
    if missing:
        print(f"not a directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = evaluate(directories)
    if not results:
        print("no NAME.gold.json files found", file=sys.stderr)
        return 2
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
