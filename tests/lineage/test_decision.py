"""A wording's decision among its candidates: verifying them in order of word similarity, and only
until the decision is known, decides as verifying every one (no database)."""

import datetime
import json
import random
from pathlib import Path

from resolutions.lineage.matching import WORDINGS_KEPT, Candidate, decide, wording_read
from resolutions.lineage.series import other_series
from resolutions.lineage.verification import family_similarity, wording_of

LABELLED = json.loads((Path(__file__).parent / "data" / "labelled_pairs.json").read_text())
# The pairs of rounds 1 to 12: a fixed population, so that a later round does not change the draw.
PAIRS = [pair for pair in LABELLED["pairs"] if pair.get("round", 1) <= 12]
ORDER = (datetime.date(2010, 6, 1), 500)


def verifying_all(mine, wanted, candidates, order, title):
    """The decision as matching made it before: every candidate verified, then the best (ties:
    the oldest holder) and the top-scoring earlier wordings."""
    scores = {}
    for wid in wanted:
        other = candidates[wid]
        score = family_similarity(mine, other.wording)
        if score and not other_series(mine, other.wording, lambda o=other: (title, o.title)):
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
    sides = [pair["b"], *(p["b"] for p in others)]
    if rng.random() < 0.5:
        sides.append(pair["a"])
    sides += rng.sample(sides, 4)
    candidates = {}
    for wid, side in enumerate(sides, start=1):
        year = rng.choice((1990, 2005, 2010, 2010, 2015))
        order = (datetime.date(year, 6, 1), rng.choice((100, 500, 900)))
        wording = wording_of(side["text"])
        candidates[wid] = Candidate(wid, wording, 10_000 + wid, wid, order, side["title"])
    return candidates


def test_ranked_verification_decides_as_verifying_every_candidate():
    rng = random.Random(18)
    alike = 0
    for pair in rng.sample(PAIRS, 300):
        candidates = random_candidates(rng, pair, rng.sample(PAIRS, 20))
        wanted = rng.sample(sorted(candidates), len(candidates))
        mine = wording_of(pair["a"]["text"])
        title = pair["a"]["title"]
        best, earlier, top = decide(mine, wanted, candidates, ORDER, title)
        expected = verifying_all(mine, wanted, candidates, ORDER, title)
        assert (best, sorted(earlier), top) == expected
        alike += best is not None and best.wording.body != mine.body
    # Not only each text's own copy: other wordings were found verified too (50 of the 300 since
    # a note by the Secretary-General is no longer joined to another body's report).
    assert alike >= 50


def test_a_decision_with_nothing_alike_founds_a_family():
    mine = wording_of("Decides to remain seized of the matter.")
    other = Candidate(
        1, wording_of("Welcomes the report of the Secretary-General;"), 7, 3, ORDER, "Title"
    )
    assert decide(mine, [1, 2], {1: other}, ORDER, "Title") == (None, [], 0.0)


def test_a_recall_joins_the_recall_of_its_own_series_not_an_older_one_of_another():
    mine = wording_of("Recalling its resolution 78/66 of 4 December 2023,")
    treaty = "Comprehensive Nuclear-Test-Ban Treaty"
    terrorists = "Measures to prevent terrorists from acquiring weapons of mass destruction"
    held = datetime.date(2023, 12, 4)
    other = Candidate(
        1,
        wording_of("Recalling its resolution 77/75 of 7 December 2022,"),
        7,
        3,
        (held, 100),
        terrorists,
    )
    own = Candidate(
        2,
        wording_of("Recalling its resolution 77/94 of 7 December 2022,"),
        8,
        4,
        (held, 200),
        treaty,
    )
    later = (datetime.date(2024, 12, 2), 300)
    assert decide(mine, [1, 2], {1: other, 2: own}, later, treaty) == (own, [2], 1.0)
    # The same words in a document of the other series join the older recall, its own.
    assert decide(mine, [1, 2], {1: other, 2: own}, later, terrorists) == (other, [1], 1.0)


def test_a_wording_read_is_kept_for_the_next_matches():
    text = "Requests the Secretary-General to report on the implementation of the resolution;"
    first = wording_read(text)
    assert first == wording_of(text)
    assert wording_read(text) is first
    assert wording_read.cache_info().maxsize == WORDINGS_KEPT
