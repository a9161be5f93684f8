"""How relevant a paragraph and a document are to a query: the one definition of the ranking.

A paragraph's score is its cover density (`ts_rank_cd`: how many times, and how close together,
the query's words occur), divided by one plus the logarithm of its length (normalisation 1),
times the weight of its kind: an operative paragraph, where a body decides, counts more than a
preambular one, which recalls. The paragraph's verb (weight A of its vector) counts a little
more than its other words (B).

A document's score adds up three things: its title's cover density (`TITLE_WEIGHT`, the title
names the subject), its best paragraph's score, and a saturating share of all its matching
paragraphs' scores (`SPREAD_WEIGHT * ln(1 + sum)`), so that a text that treats the subject at
length ranks above one that mentions it once. Measured against hand judgments by
`make evaluate-ranking` (bench/judged/, docs/performance.md).
"""

from __future__ import annotations

from psycopg import sql

# ts_rank_cd's weights of the vector's labels {D, C, B, A}: A the verb, B the text.
LABEL_WEIGHTS = "{0.1, 0.2, 0.4, 0.5}"
# Normalisation 1: the score divided by 1 + log(the paragraph's length in words).
NORMALISATION = 1
KIND_WEIGHTS = {"operative": 1.0, "preambular": 0.6, "other": 0.8}
TITLE_WEIGHT = 2.0
SPREAD_WEIGHT = 0.5


def cover_density(vector: sql.Composable, query: sql.Composable) -> sql.Composed:
    """ts_rank_cd of a vector, with the label weights and the length normalisation."""
    return sql.SQL("ts_rank_cd({}::real[], {}, {}, {})").format(
        sql.Literal(LABEL_WEIGHTS), vector, query, sql.Literal(NORMALISATION)
    )


def kind_weight(kind: sql.Composable) -> sql.Composable:
    if not KIND_WEIGHTS:
        return sql.SQL("1.0")
    cases = sql.SQL(" ").join(
        sql.SQL("WHEN {} THEN {}").format(sql.Literal(k), sql.Literal(w))
        for k, w in KIND_WEIGHTS.items()
    )
    return sql.SQL("(CASE {} {} ELSE 1.0 END)").format(kind, cases)


def paragraph_score(row: str, query: sql.Composable) -> sql.Composed:
    """A paragraph row's score (double precision)."""
    return sql.SQL("({} * {})::float8").format(
        cover_density(sql.Identifier(row, "search_vector"), query),
        kind_weight(sql.Identifier(row, "kind")),
    )


def document_score(
    title: sql.Composable, best: sql.Composable, total: sql.Composable
) -> sql.Composed:
    """A document's score from its title's cover density, its best paragraph's score and the
    sum of its paragraphs' scores."""
    return sql.SQL("({} * {}::float8 + {} + {} * ln(1 + {}))").format(
        sql.Literal(TITLE_WEIGHT), title, best, sql.Literal(SPREAD_WEIGHT), total
    )


# How much more a query of several words can score than the sum of its words' scores alone.
# ts_rank_cd adds, for each cover (a stretch holding the query), the harmonic mean of its words'
# label weights (at most A's, 0.5) over one plus its other words; each cover starts at its own
# occurrence of a wanted word, which the word alone counts at its label's weight (at least B's,
# 0.4, the lowest a paragraph or title vector carries). The document's score grows no faster than
# its parts (max, sum and ln(1 + x) are subadditive), so it is bounded by 0.5 / 0.4 times the sum
# of its words' scores. For one word alone, or words joined only by "or" (beside excluded words
# or not), each occurrence is its own cover: the bound is the sum itself.
SEVERAL_WORDS_BOUND = 0.5 / 0.4
