"""A wording's decision among its candidates: verifying them in order of word similarity, and only
until the decision is known, decides as verifying every one (no database)."""

import datetime
import json
import random
from pathlib import Path

from resolutions.lineage.matching import WORDINGS_KEPT, Candidate, decide, wording_read
from resolutions.lineage.verification import family_similarity, wording_of

LABELLED = json.loads((Path(__file__).parent / "data" / "labelled_pairs.json").read_text())
# The pairs of rounds 1 to 12: a fixed population, so that a later round does not change the draw.
PAIRS = [pair for pair in LABELLED["pairs"] if pair.get("round", 1) <= 12]
ORDER = (datetime.date(2010, 6, 1), 500)


def verifying_all(mine, wanted, candidates, order):
    """The decision as matching made it before: every candidate verified, then the best (ties:
    the oldest holder) and the top-scoring earlier wordings."""
    scores = {}
    for wid in wanted:
        score = family_similarity(mine, candidates[wid].wording)
        if score:
            scores[wid] = score
    best = min(
        scores,
        key=lambda wid: (-scores[wid], candidates[wid].order, candidates[wid].paragraph_id),
        default=None,
    )
    held = {wid: score for wid, score in scores.items() if candidates[wid].order < order}
    top = max(held.values(), default=0.0)
    earlier = sorted(wid for wid, score in held.items() if score == top)
    return (candidates[best] if best is not None else None), earlier, top


def random_candidates(rng, pair, others):
    """Candidates for one pair's first text: its second text, texts of other pairs, in half the
    cases its own text (which scores 1.0), and copies of some (ties of score), held before and
    after ORDER."""
    texts = [pair["b"]["text"], *(p["b"]["text"] for p in others)]
    if rng.random() < 0.5:
        texts.append(pair["a"]["text"])
    texts += rng.sample(texts, 4)
    candidates = {}
    for wid, text in enumerate(texts, start=1):
        year = rng.choice((1990, 2005, 2010, 2010, 2015))
        order = (datetime.date(year, 6, 1), rng.choice((100, 500, 900)))
        candidates[wid] = Candidate(wid, wording_of(text), 10_000 + wid, wid, order)
    return candidates


def test_ranked_verification_decides_as_verifying_every_candidate():
    rng = random.Random(18)
    alike = 0
    for pair in rng.sample(PAIRS, 300):
        candidates = random_candidates(rng, pair, rng.sample(PAIRS, 20))
        wanted = rng.sample(sorted(candidates), len(candidates))
        mine = wording_of(pair["a"]["text"])
        best, earlier, top = decide(mine, wanted, candidates, ORDER)
        expected = verifying_all(mine, wanted, candidates, ORDER)
        assert (best, sorted(earlier), top) == expected
        alike += best is not None and best.wording.body != mine.body
    # Not only each text's own copy: other wordings were found verified too.
    assert alike > 50


def test_a_decision_with_nothing_alike_founds_a_family():
    mine = wording_of("Decides to remain seized of the matter.")
    other = Candidate(1, wording_of("Welcomes the report of the Secretary-General;"), 7, 3, ORDER)
    assert decide(mine, [1, 2], {1: other}, ORDER) == (None, [], 0.0)


def test_a_wording_read_is_kept_for_the_next_matches():
    text = "Requests the Secretary-General to report on the implementation of the resolution;"
    first = wording_read(text)
    assert first == wording_of(text)
    assert wording_read(text) is first
    assert wording_read.cache_info().maxsize == WORDINGS_KEPT
