"""Draft links' title matching: the choice difflib's ratio over every candidate would make,
found without comparing titles that cannot reach it, among the candidates of one group only."""

from __future__ import annotations

import difflib
import random

from resolutions.draft_links import DRAFT, RESOLUTION, Candidate, Title, by_group, most_similar

WORDS = [
    "strengthening",
    "international",
    "cooperation",
    "against",
    "corruption",
    "piracy",
    "crime",
]


def candidate(pk: int, title: str, *, session: str = "70", year: int | None = 2015) -> Candidate:
    return Candidate(pk, DRAFT, 1, session, year, title, None, False)


def exhaustive(title: str, candidates: list[Candidate]) -> int | None:
    """The candidate of highest ratio at or above 0.9, the last of equals: every pair compared."""
    best, best_ratio = None, 0.9
    normal = " ".join(title.lower().split())
    for c in candidates:
        ratio = difflib.SequenceMatcher(None, normal, " ".join(c.title.lower().split())).ratio()
        if ratio >= best_ratio:
            best, best_ratio = c.pk, ratio
    return best


def test_the_count_bound_is_difflibs_quick_ratio():
    rng = random.Random(7)
    for _ in range(300):
        a, b = (" ".join(rng.choices(WORDS, k=rng.randint(0, 6))) for _ in range(2))
        assert Title.of(a).bound(Title.of(b)) == difflib.SequenceMatcher(None, a, b).quick_ratio()


def test_the_most_similar_title_is_the_one_every_comparison_would_choose():
    rng = random.Random(11)
    base = "Strengthening international cooperation against corruption"
    for _ in range(200):
        titles = [
            base + rng.choice(["", ".", "!", " and crime", "s"])
            if rng.random() < 0.6
            else " ".join(rng.choices(WORDS, k=rng.randint(1, 8)))
            for _ in range(rng.randint(0, 12))
        ]
        candidates = [candidate(pk, title) for pk, title in enumerate(titles, start=1)]
        assert most_similar(Title.of(base), candidates) == exhaustive(base, candidates)


def test_of_equally_similar_titles_the_last_is_chosen():
    title = "Combating piracy and armed robbery at sea"
    same = [candidate(pk, title + ".") for pk in (4, 2, 9)]
    assert most_similar(Title.of(title), same) == 9


def test_candidates_are_grouped_by_session_and_by_year_in_their_order():
    drafts = [
        candidate(1, "a", session="70", year=2015),
        candidate(2, "b", session="", year=2015),
        candidate(3, "c", session="70", year=2016),
    ]
    groups = by_group(drafts)
    assert [c.pk for c in groups[(DRAFT, 1, "session", "70")]] == [1, 3]
    assert [c.pk for c in groups[(DRAFT, 1, "year", 2015)]] == [1, 2]
    assert (RESOLUTION, 1, "session", "70") not in groups
