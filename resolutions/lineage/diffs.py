"""Word-level diffs: runs of kept, deleted and inserted words, for <del>/<ins> markup."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

WORD_RE = re.compile(r"\S+")
# Straight and curly quotes, brackets and stops around a word.
PUNCTUATION = ".,;:()\"'\u201c\u201d\u2018\u2019"


@dataclass(frozen=True)
class DiffRun:
    """Consecutive words that were kept ("equal"), deleted or inserted."""

    op: Literal["equal", "delete", "insert"]
    text: str


def _key(word: str) -> str:
    """Words compare without case and surrounding punctuation ("Nations," == "nations")."""
    return word.strip(PUNCTUATION).lower()


def word_diff(old: str, new: str) -> list[DiffRun]:
    """The runs that turn `old` into `new`, word by word (difflib, no junk heuristic)."""
    old_words, new_words = WORD_RE.findall(old), WORD_RE.findall(new)
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in old_words], [_key(w) for w in new_words], autojunk=False
    )
    runs: list[DiffRun] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(DiffRun("equal", " ".join(new_words[j1:j2])))
            continue
        if i2 > i1:
            runs.append(DiffRun("delete", " ".join(old_words[i1:i2])))
        if j2 > j1:
            runs.append(DiffRun("insert", " ".join(new_words[j1:j2])))
    return runs
