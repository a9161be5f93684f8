"""A realistic benchmark corpus: the real UN texts of the shared corpus, re-issued over the years.

`realistic_documents(pool, docs=N, seed=S)` yields N `ParsedDocument`s, the same ones for the
same pool and seed, each the re-issue of a real text (`real_texts.py`, parsed once): its body,
kind, title, sponsors and citations, its paragraphs in their real lengths, in a year between 1990
and 2025. As agreed language is reused from one year's resolution to the next, a paragraph that
is in more than one real text is kept word for word, and any other with probability `VERBATIM`;
the rest are edited: 1 to `EDITS` words replaced by words drawn from the real texts' own word
frequencies (so the vocabulary and its Zipfian curve stay the real ones). `corpus_statistics`
measures the resemblance: distinct words, paragraph lengths and the share of paragraphs found
in more than one document, for the real texts and the generated.

Pure Python (no database); symbols are shaped as each body's real ones (`corpus.identity`).
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from resolutions.parsing import parse
from resolutions.parsing.types import ParsedDocument, ParsedParagraph

from .corpus import DEFAULT_SEED, YEARS, _State, identity
from .real_texts import RealText

# The share of a re-issued text's own paragraphs kept word for word (the rest are edited).
VERBATIM = 0.05
# How many words an edited paragraph has replaced: 1 to this many.
EDITS = 3
# The years a text is re-issued in: up to this many years before its own.
SPAN = YEARS[1] - YEARS[0]
WORD_RE = re.compile(r"[^\W\d_]+")
# The statistics of a generated corpus are taken on its first documents (memory stays flat).
STATISTICS_DOCUMENTS = 20_000


@dataclass(frozen=True)
class RealPool:
    """The parsed real texts, the paragraphs they share, and the real words' cumulative
    frequencies to draw from."""

    documents: tuple[ParsedDocument, ...]
    shared: frozenset[str]
    words: tuple[str, ...]
    cumulative: tuple[int, ...]

    def draw_word(self, rng: random.Random) -> str:
        """A word, drawn as often as it occurs in the real texts."""
        return self.words[bisect.bisect_right(self.cumulative, rng.randrange(self.cumulative[-1]))]


def read_real_pool(texts: Iterable[RealText]) -> RealPool:
    """Parse the real texts (those with a title or paragraphs) and count their words."""
    documents = []
    counts: Counter[str] = Counter()
    holders: Counter[str] = Counter()
    for text in texts:
        parsed = parse(text.text, source_name=text.file)
        if not parsed.paragraphs or not parsed.year:
            continue
        documents.append(parsed)
        holders.update({normalised(p.text) for p in parsed.paragraphs})
        for paragraph in parsed.paragraphs:
            counts.update(w.lower() for w in WORD_RE.findall(paragraph.text))
    if not documents:
        raise ValueError("no real text could be parsed into paragraphs")
    words = tuple(counts)
    return RealPool(
        tuple(documents),
        frozenset(text for text, n in holders.items() if n > 1),
        words,
        tuple(itertools.accumulate(counts[w] for w in words)),
    )


def normalised(text: str) -> str:
    """A paragraph's text with its spacing made uniform (how reuse is recognised)."""
    return " ".join(text.split())


def edited(paragraph: ParsedParagraph, *, rng: random.Random, pool: RealPool) -> ParsedParagraph:
    """The paragraph with 1 to EDITS of its words replaced by words drawn from the real texts."""
    spans = [m.span() for m in WORD_RE.finditer(paragraph.text)]
    if not spans:
        return paragraph
    text = paragraph.text
    # Replaced from the end, so that earlier spans stay where they are.
    for start, end in sorted(rng.sample(spans, min(rng.randint(1, EDITS), len(spans))))[::-1]:
        text = text[:start] + pool.draw_word(rng) + text[end:]
    return replace(paragraph, text=text)


def realistic_documents(
    pool: RealPool, *, docs: int, seed: int = DEFAULT_SEED
) -> Iterator[ParsedDocument]:
    """`docs` re-issued real texts, the same for the same pool and seed; one at a time."""
    rng = random.Random(seed)
    state = _State()
    for _ in range(docs):
        real = rng.choice(pool.documents)
        year = max(YEARS[0], real.year - rng.randint(0, SPAN))
        date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        paragraphs = tuple(
            p
            if normalised(p.text) in pool.shared or rng.random() < VERBATIM
            else edited(p, rng=rng, pool=pool)
            for p in real.paragraphs
        )
        symbol, number, session = identity(
            rng, state=state, body=real.body, doc_type=real.doc_type, date=date
        )
        title = real.title or ""
        yield replace(
            real,
            symbol=symbol,
            number=number,
            session=session,
            date=date.isoformat(),
            year=year,
            paragraphs=paragraphs,
            text="\n\n".join([title, *(p.text for p in paragraphs)]),
        )


@dataclass(frozen=True)
class CorpusStatistics:
    """What makes a corpus look like the real one, measured the same way on each."""

    documents: int
    paragraphs: int
    distinct_words: int
    length_percentiles: dict[int, int]
    mean_length: float
    reused_share: float


def corpus_statistics(documents: Iterable[ParsedDocument]) -> CorpusStatistics:
    """Distinct words (lower-cased letter runs), paragraph lengths in words (percentiles 10, 50,
    90, 99) and the share of paragraphs whose text is in more than one document."""
    words: set[str] = set()
    lengths: list[int] = []
    holders: dict[int, int] = {}
    texts: list[int] = []
    n_documents = 0
    for n_documents, document in enumerate(documents, start=1):
        for paragraph in document.paragraphs:
            found = WORD_RE.findall(paragraph.text)
            words.update(w.lower() for w in found)
            lengths.append(len(found))
            key = hash(normalised(paragraph.text))
            texts.append(key)
            if holders.get(key, n_documents) != n_documents:
                holders[key] = -1  # in another document too
            elif key not in holders:
                holders[key] = n_documents
    lengths.sort()
    reused = sum(1 for key in texts if holders[key] == -1)
    return CorpusStatistics(
        documents=n_documents,
        paragraphs=len(lengths),
        distinct_words=len(words),
        length_percentiles={q: _at(lengths, q / 100) for q in (10, 50, 90, 99)},
        mean_length=sum(lengths) / max(len(lengths), 1),
        reused_share=reused / max(len(texts), 1),
    )


def _at(values: Sequence[int], share: float) -> int:
    return values[min(int(share * len(values)), len(values) - 1)] if values else 0
