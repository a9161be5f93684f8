"""Draw a round (2, 3, ...) of paragraph pairs to label (provenance of labelled_pairs.json).

Run by hand on the unpacked shared corpus (the product never reads it), e.g. round 3:

    python tests/lineage/data/sample_pairs.py /tmp/un-texts ../shared/corpus/MANIFEST.tsv \
        out.json 3 20261206

Seeds: round 2 20261205, round 3 20261206, then one a round to round 16 20261219; round 17
20261222, round 18 20261223, round 19 20261224, round 20 20261225, round 21 20261229, round 22
20261232, round 23 20261234, round 24 20261235. The distinct texts depend on the parser of the
day: rounds 2 and 3
had 31,186, rounds 4 to 7 30,719, rounds 8 to 10 30,561, round 11 30,490, round 12 30,519, round
13 30,479, round 14 30,466, rounds 15 and 16 30,467, round 17 29,553, rounds 18 to 20 29,986,
rounds 21 to 24 29,783 (the parser has changed since round 2, which is no longer reproduced byte
for byte).

Every file is split into paragraphs by resolutions.parsing.parse_file; preambular and operative
paragraphs of five words or more are kept and grouped by text (spaces aside). Candidate pairs of
distinct texts come from MinHash LSH (3-word shingles of lineage.text's tokens, 64 affine
permutations, 32 bands of 2 rows); each is given its word similarity (Indel over the tokens) and
its stratum (0.1 wide). Seeded sampling draws PER_STRATUM pairs from each stratum from 0.2 to
1.0 and RANDOM pairs of unrelated texts with the same opening word, leaving out the pairs of the
earlier rounds; round 2 (seed SEED) drew with the generator that subsampled the large buckets,
later rounds with a generator of their own seed. Each text is placed at a random occurrence,
the two in different files (a pair whose texts occur in one file only is left out, and so is a
random pair of an earlier round or drawn twice, which the random draw does not check). The sample
is drawn without looking at the family decision's answers.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Indel

from resolutions.lineage.text import crc32, shingles_of, tokens_of
from resolutions.parsing import ParseError, parse_file

SEED = 20261205
NUM_PERM = 64
BAND_ROWS = 2
PER_STRATUM = 18
RANDOM = 16
MAX_BUCKET = 400
LABELLED = Path(__file__).with_name("labelled_pairs.json")
STRATA = [f"{i / 10:.1f}-{(i + 1) / 10:.1f}" for i in range(10)]


def _signature(tokens: list[str], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    shingles = shingles_of(tokens, size=3)
    hashes = np.fromiter((crc32(s.encode()) for s in shingles), dtype=np.uint64)
    return ((hashes.reshape(-1, 1) * a + b) % np.uint64(4294967311)).min(axis=0)


def _texts(corpus: Path) -> dict[str, list[tuple[str, int]]]:
    """Each kept paragraph text (spaces collapsed) and its occurrences (file, index)."""
    where: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in sorted(corpus.glob("*.txt")):
        try:
            document = parse_file(path.read_bytes(), filename=path.name)
        except ParseError:
            continue
        for index, paragraph in enumerate(document.paragraphs):
            text = " ".join(paragraph.text.split())
            if paragraph.kind in ("preambular", "operative") and len(tokens_of(text)) >= 5:
                where[text].append((path.name, index))
    return where


def distinct(pair: dict) -> bool:
    """Whether the two sides come from different files (a text found in one file only may not)."""
    return pair["a"]["file"] != pair["b"]["file"]


def main(corpus: Path, manifest: Path, out: Path, round_: int, seed: int) -> None:
    rng = random.Random(SEED)
    rows = {row["file"]: row for row in csv.DictReader(manifest.open(), delimiter="\t")}
    seen = {
        frozenset((" ".join(p["a"]["text"].split()), " ".join(p["b"]["text"].split())))
        for p in json.loads(LABELLED.read_text())["pairs"]
        if p.get("round", 1) < round_
    }
    where = _texts(corpus)
    texts = sorted(where)
    tokens = [tokens_of(t) for t in texts]
    generator = np.random.RandomState(SEED)
    a = generator.randint(1, 1 << 31, NUM_PERM).astype(np.uint64).reshape(1, -1)
    b = generator.randint(0, 1 << 31, NUM_PERM).astype(np.uint64).reshape(1, -1)
    signatures = np.stack([_signature(t, a, b) for t in tokens])
    candidates: set[tuple[int, int]] = set()
    for band in range(NUM_PERM // BAND_ROWS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        values = signatures[:, band * BAND_ROWS : (band + 1) * BAND_ROWS]
        for i, row in enumerate(values):
            buckets[row.tobytes()].append(i)
        for members in buckets.values():
            if len(members) > MAX_BUCKET:
                members = rng.sample(members, MAX_BUCKET)
            candidates.update(combinations(sorted(members), 2))
    strata: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    for i, j in sorted(candidates):
        score = Indel.normalized_similarity(tokens[i], tokens[j])
        strata[STRATA[min(int(score * 10), 9)]].append((i, j, score))
    population = {name: len(pairs) for name, pairs in sorted(strata.items())}
    if seed != SEED:
        rng = random.Random(seed)
    openings: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        openings[t[0]].append(i)
    drawn: list[tuple[str, int, int, float]] = []
    for name in STRATA[2:]:
        pool = [p for p in strata[name] if frozenset((texts[p[0]], texts[p[1]])) not in seen]
        drawn += [(name, i, j, s) for i, j, s in rng.sample(pool, PER_STRATUM)]
    pairs_of_candidates = {(i, j) for i, j in candidates}
    while len(drawn) < len(STRATA[2:]) * PER_STRATUM + RANDOM:
        word = rng.choice(sorted(w for w, members in openings.items() if len(members) > 1))
        i, j = sorted(rng.sample(openings[word], 2))
        if (i, j) not in pairs_of_candidates:
            drawn.append(("random", i, j, Indel.normalized_similarity(tokens[i], tokens[j])))
    pairs = []
    for number, (name, i, j, score) in enumerate(drawn):
        first = rng.choice(where[texts[i]])
        others = [o for o in where[texts[j]] if o[0] != first[0]] or where[texts[j]]
        second = rng.choice(others)
        sides = []
        for (file, index), text in ((first, texts[i]), (second, texts[j])):
            row = rows[file]
            sides.append(
                {
                    "file": file,
                    "sha256": row["sha256"],
                    "symbol": row["symbol"],
                    "index": index,
                    "text": text,
                }
            )
        pairs.append(
            {
                "draw": number,
                "stratum": name,
                "similarity": round(score, 3),
                "a": sides[0],
                "b": sides[1],
            }
        )
    order = list(range(len(pairs)))
    rng.shuffle(order)
    kept = []
    for k in order:
        key = frozenset((pairs[k]["a"]["text"], pairs[k]["b"]["text"]))
        if distinct(pairs[k]) and key not in seen:
            kept.append(pairs[k])
            seen.add(key)
    out.write_text(
        json.dumps(
            {"population": population, "pairs": kept},
            ensure_ascii=False,
            indent=1,
        )
    )
    print(f"{len(texts)} texts, {len(candidates)} candidate pairs, {population}")


if __name__ == "__main__":
    main(
        Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    )
