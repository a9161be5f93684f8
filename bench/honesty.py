"""Is the page honest? Its first ten against an exact ranking, and the sample's estimate against
the exact count, per benchmark query.

- **Ranking**: the page's ten documents (or paragraphs) against the same ten places of the plain
  SQL that scores every match with `ts_rank_cd` as `resolutions/ranking.py` defines it
  and sorts them all (page N of ten a page: places (N - 1) * 10 + 1 onwards): top-10 overlap
  (shared ids / 10) and whether the first three are the same.
- **The alternative it replaced**: the same scores over only the `NEWEST_CANDIDATES` newest
  matching documents (what pages past the exact limit used to rank): its top-10 overlap.
- **Count**: the count the page shows, exact or "about N" (its size and whether it or the
  facets are estimates), against the exact count; the error in per cent. Until December 2026
  this was the sample's own estimate whether or not the page used it, so a rare word counted
  exactly (15 documents) was listed as the estimate "53".
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

from resolutions import ranking
from resolutions.search import rows, search
from resolutions.search.request import SearchRequest, read_search
from resolutions.search.sql import NEWEST, TSQUERY, Match, all_of, fetch

from .queries import Query

TOP = 10
# The former cap: past the exact limit, only this many of the newest matches were ranked.
NEWEST_CANDIDATES = 200


@dataclass(frozen=True)
class Honesty:
    """One query's figures: overlap and top-3 agreement (None when unranked), counts."""

    overlap: float | None
    same_top3: bool | None
    newest_overlap: float | None
    # The count the page shows, whether it ("about N") and the facets are estimates, the exact.
    shown: int
    count_estimated: bool
    facets_estimated: bool
    exact: int
    # Relevance computed within this many documents (unproven lists); 0: over every match.
    ranked_within: int = 0
    # How far the page's lowest document score falls below the exact ranking's on the same
    # places, as a share of it (0 when the page holds the exact scores; None for paragraphs).
    shortfall: float | None = None

    @property
    def estimated(self) -> bool:
        """Whether the page shows an estimate: its count, or the facets beside it."""
        return self.count_estimated or self.facets_estimated

    @property
    def error(self) -> float:
        return abs(self.shown - self.exact) / self.exact if self.exact else 0.0


def exact_top(match: Match, *, paragraphs: bool, offset: int = 0) -> list[int]:
    """The ten after `offset` by scoring every match with plain SQL (no probe, no sample, no
    walk)."""
    where = all_of([match.published("p"), match.text("p"), match.paragraphs("p")])
    score = ranking.paragraph_score("p", TSQUERY)
    documents = match.documents("d")
    if paragraphs:
        statement = sql.SQL(
            "SELECT p.id FROM resolutions_paragraph p JOIN resolutions_document d "
            "ON d.id = p.document_id WHERE {} AND {} "
            "ORDER BY {} DESC, d.date DESC NULLS LAST, p.document_id, p.position LIMIT {} OFFSET {}"
        ).format(where, documents, score, sql.Literal(TOP), sql.Literal(offset))
        return [r[0] for r in fetch(statement, match.params)]
    titles = sql.SQL("")
    if match.title_counts:
        titles = sql.SQL(
            " UNION ALL SELECT d.id, 0.0::float8 FROM resolutions_document d WHERE {}"
        ).format(all_of([match.published("d"), match.title("d"), documents]))
    statement = sql.SQL(
        "SELECT d.id FROM (SELECT s.document_id, max(s.r) AS best, sum(s.r) AS total FROM "
        "(SELECT p.document_id, {score} AS r FROM resolutions_paragraph p WHERE {where}{titles}) s "
        "GROUP BY s.document_id) g JOIN resolutions_document d ON d.id = g.document_id "
        "WHERE {documents} ORDER BY {order} DESC, d.date DESC NULLS LAST, d.id LIMIT {top} "
        "OFFSET {offset}"
    ).format(
        score=score,
        where=where,
        titles=titles,
        documents=documents,
        order=ranking.document_score(
            ranking.cover_density(sql.SQL("d.title_search"), TSQUERY),
            sql.SQL("g.best"),
            sql.SQL("g.total"),
        ),
        top=sql.Literal(TOP),
        offset=sql.Literal(offset),
    )
    return [r[0] for r in fetch(statement, match.params)]


def newest_candidates_top(match: Match) -> list[int]:
    """The top ten of the NEWEST_CANDIDATES newest matching documents, by the same scores."""
    where = all_of([match.mentions(), match.paragraphs("p")])
    score = ranking.paragraph_score("p", TSQUERY)
    statement = sql.SQL(
        "SELECT c.id FROM ({walk} LIMIT {cap}) c JOIN resolutions_document d ON d.id = c.id "
        "CROSS JOIN LATERAL (SELECT COALESCE(max({score}), 0) AS best, "
        "COALESCE(sum({score}), 0) AS total FROM resolutions_paragraph p "
        "WHERE p.document_id = d.id AND {where}) g "
        "ORDER BY {order} DESC, d.date DESC NULLS LAST, d.id LIMIT {top}"
    ).format(
        walk=rows._walk_documents(match, order=NEWEST),
        cap=sql.Literal(NEWEST_CANDIDATES),
        score=score,
        where=where,
        order=ranking.document_score(
            ranking.cover_density(sql.SQL("d.title_search"), TSQUERY),
            sql.SQL("g.best"),
            sql.SQL("g.total"),
        ),
        top=sql.Literal(TOP),
    )
    return [r[0] for r in fetch(statement, match.params)]


def honesty(query: Query) -> Honesty:
    """The page's first ten and count estimate against the exact ones."""
    request = read_search(query.params)
    match = Match(request)
    paragraphs = request.view == "paragraphs"
    overlap = same_top3 = newest_overlap = shortfall = None
    within = 0
    if request.query and request.sort == "relevance":
        results = search(query.params, per_page=TOP, with_facets=False)
        shown = [row.pk for row in results.rows]
        within = results.ranked_within
        # Page N of ten rows a page against the exact ranking's rows (N - 1) * 10 onwards.
        expected = exact_top(match, paragraphs=paragraphs, offset=(request.page - 1) * TOP)
        if not expected:
            return Honesty(None, None, None, *counted(query, match, request))
        overlap = len(set(shown) & set(expected)) / len(expected)
        same_top3 = shown[:3] == expected[:3]
        if not paragraphs:
            shortfall = score_shortfall(match, shown, expected)
        if not paragraphs and request.page == 1:
            capped = newest_candidates_top(match)
            newest_overlap = len(set(capped) & set(expected)) / max(len(expected), 1)
    return Honesty(
        overlap, same_top3, newest_overlap, *counted(query, match, request), within, shortfall
    )


def score_shortfall(match: Match, shown: list[int], expected: list[int]) -> float:
    """How far the lowest score among the documents shown falls below the lowest among the
    exact ranking's, as a share of the latter: near 0 where near-equal scores decide the order,
    large where the page misses better documents."""

    def lowest(ids: list[int]) -> float:
        return min(score for _pk, score, _document in rows._scored_candidates(match, ids, len(ids)))

    exact = lowest(expected)
    return max(0.0, (exact - lowest(shown)) / exact) if shown and exact > 0 else 0.0


def counted(query: Query, match: Match, request: SearchRequest) -> tuple[int, bool, bool, int]:
    """(the count the page shows, whether it is an estimate, whether its facets are, the exact
    count) of the request's documents or paragraphs."""
    results = search(query.params, per_page=TOP)
    if request.view == "paragraphs":
        exact = rows.exact_paragraphs(match, sort="newest", offset=0, limit=1)[0]
    elif request.by_paragraph:
        exact = rows.exact_count_documents(match)
    else:
        exact = rows.count_walk_documents(match)
    return results.total, results.count_is_estimate, results.facets_are_estimates, exact
