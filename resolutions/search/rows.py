"""One page of document or paragraph ids, in the asked order: bounded, exact, or walked by date.

Bounded (relevance over common words, `bounded_documents`): each common word's kept list
(`term_impacts`) bounds what a document can score, so only the documents that could reach the
page are scored. Exact: the whole match set is read once (a MATERIALIZED CTE over
`paragraph_search_gin`), ranked and paged, with its size; relevance falls back to it whenever the
lists cannot serve the page. Walked (browsing, or newest and
oldest first past `counts.EXACT_LIMIT`): documents are read newest (or oldest) first by index and
the walk stops once the page is full.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from psycopg import sql

from .. import ranking, term_impacts
from .boolean import AllOf, Leaf, Node, Not, documents_holding, leaves, parse_tsquery
from .sql import NEWEST, OLDEST, TRUE, TSQUERY, Match, all_of, any_of, fetch


def _window(limit: int, offset: int) -> sql.Composed:
    return sql.SQL("LIMIT {} OFFSET {}").format(sql.Literal(limit), sql.Literal(offset))


def _title_documents(match: Match, rank: sql.Composable) -> sql.Composable:
    """Documents matching by title alone, when titles count (no verb or kind chosen)."""
    if not (match.query and match.title_counts):
        return sql.SQL("")
    return sql.SQL(" UNION ALL SELECT d.id, {} FROM resolutions_document d WHERE {}").format(
        rank, all_of([match.published("d"), match.title("d"), match.documents("d")])
    )


def _paragraph_matches(match: Match) -> sql.Composable:
    return all_of(
        [match.published("p"), match.text("p"), match.paragraphs("p"), match.documents("p")]
    )


def exact_documents(match: Match, *, sort: str, offset: int, limit: int) -> tuple[int, list[int]]:
    """(count, [document ids]) of the page, from the whole match set."""
    if sort == "relevance" and match.query:
        order = sql.SQL("{} DESC, d.date DESC NULLS LAST, d.id").format(
            ranking.document_score(
                match.rank("d", "title_search"), sql.SQL("g.best"), sql.SQL("g.total")
            )
        )
    else:
        order = OLDEST if sort == "oldest" else NEWEST
    where = _paragraph_matches(match)
    if match.whole is not None and match.title_counts and match.query:
        # Every matching document has its zero row (titles): only the paragraphs holding a
        # wanted word can score above zero, the only ones worth scoring.
        where = all_of([where, match.mentions()])
    statement = sql.SQL(
        "WITH m AS MATERIALIZED (SELECT p.document_id, {rank} AS r FROM resolutions_paragraph p "
        "WHERE {where}{titles}), g AS (SELECT document_id, max(r) AS best, sum(r) AS total "
        "FROM m GROUP BY 1) "
        "SELECT d.id, count(*) OVER () FROM g JOIN resolutions_document d ON d.id = g.document_id "
        "ORDER BY {order} {window}"
    ).format(
        rank=match.rank("p"),
        where=where,
        titles=_title_documents(match, sql.SQL("0.0::float8")),
        order=order,
        window=_window(limit, offset),
    )
    rows = fetch(statement, match.params)
    if not rows and offset:
        return exact_count_documents(match), []
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


# Documents first scored exactly: four pages' worth, at least this many; then four times as
# many each round, up to MOST_SCORED, or for a deep page UNPROVEN_DEPTH times the rows it needs.
FIRST_DEPTH = 200
MOST_SCORED = 800
# An unproven page compares at least this many documents for each row up to its last: the
# first ten pages fit within MOST_SCORED; page 20 compares 1,600 (docs/performance.md, "Deep
# pages").
UNPROVEN_DEPTH = 8


def _query_words(match: Match) -> tuple[list[str], float, bool] | None:
    """The wanted words of a query, the bound's factor over the sum of their scores, and whether
    an unproven page may be served (no excluded word takes more than a few documents out of the
    lists' order: `_takes_out_few`); None when a word is a prefix or weighted (no list holds
    it)."""
    if not match.query:
        return None
    if match.whole is not None:
        node = match.whole.node
    else:
        node = parse_tsquery(fetch(sql.SQL("SELECT {}::text").format(TSQUERY), match.params)[0][0])
    if node is None:
        return None
    words: list[str] = []
    excluded: list[Leaf] = []
    for leaf, negated in leaves(node):
        if negated:
            excluded.append(leaf)
            continue
        for word, suffix in leaf.lexemes():
            if suffix:
                return None
            words.append(word)
    words = list(dict.fromkeys(words))
    if not words:
        return None
    factor = 1.0 if len(words) == 1 or _alternatives(node) else ranking.SEVERAL_WORDS_BOUND
    return words, factor, all(_takes_out_few(leaf) for leaf in excluded)


def _takes_out_few(excluded: Leaf) -> bool:
    """Whether an excluded word or phrase is uncommon: one of its words has no list and is in at
    most twice COMMON_DOCUMENTS documents (`_holders`, as for a wanted word). It then takes few
    documents out of the lists' order, and a page ranked within the documents of most reach is
    as good as for the wanted words alone; a common one ("-terrorism") might take out most of
    them. A prefix is taken as common."""
    words = [word for word, suffix in excluded.lexemes() if not suffix]
    statement = sql.SQL("SELECT lexeme FROM resolutions_commonterm WHERE lexeme = ANY(%(words)s)")
    listed = {row[0] for row in fetch(statement, {"words": words})}
    return any(word not in listed and _holders([word]) is not None for word in words)


def _alternatives(node: Node) -> bool:
    """Whether each wanted word of the query is a single word that needs no other wanted word
    beside it: words joined by "or", each perhaps with excluded words (`cybercrime or corruption
    -terrorism`, which reads `cybercrim | corrupt & !terror`). Each occurrence of a wanted word is
    then a cover of its own, as it is for the word alone (an excluded word, absent from the
    cover, satisfies its `!`), so the score is bounded by the sum of the words' scores."""
    if isinstance(node, Leaf):
        return len(node.lexemes()) == 1
    if isinstance(node, Not):
        return isinstance(node.node, Leaf)
    if isinstance(node, AllOf):
        wanted = [n for n in node.nodes if not isinstance(n, Not)]
        if len(wanted) != 1:
            return False
    return all(_alternatives(n) for n in node.nodes)


def _holders(words: list[str]) -> list[int] | None:
    """Every document holding one of these (uncommon) words in a paragraph or its title; None
    when they are in more than twice COMMON_DOCUMENTS (common since the lists were built)."""
    limit = 2 * term_impacts.COMMON_DOCUMENTS
    statement = sql.SQL(
        "SELECT array_agg(h.id), count(*) FROM (SELECT DISTINCT s.id "
        "FROM unnest(%(rare_words)s::text[]) w CROSS JOIN LATERAL ({holding}) s LIMIT {limit}) h"
    ).format(
        holding=documents_holding(term_impacts.word_query(sql.SQL("w")), paragraphs=TRUE),
        limit=sql.Literal(limit + 1),
    )
    ids, n = fetch(statement, {"rare_words": words})[0]
    return None if n > limit else list(ids or ())


# Documents whose titles weigh most for the query, scored in every round beside the lists' (a
# title counts twice in a document's score, ranking.py): documents sharing a title that names
# the query ("Promotion of international cooperation to ...") can lead the ranking while in no
# word's list (docs/performance.md, "Titles in no list").
TITLE_LEADERS = 100


def _title_leaders(match: Match) -> list[int]:
    """The `TITLE_LEADERS` documents whose titles rank highest for the query, when titles count.

    Uses index: document_title_search_gin"""
    if not match.title_counts:
        return []
    statement = sql.SQL(
        "SELECT d.id FROM resolutions_document d WHERE {} AND d.title_search @@ {} "
        "ORDER BY {} DESC, d.id LIMIT {}"
    ).format(
        all_of([match.published("d"), match.documents("d")]),
        TSQUERY,
        match.rank("d", "title_search"),
        sql.Literal(TITLE_LEADERS),
    )
    return [row[0] for row in fetch(statement, match.params)]


@dataclass(frozen=True)
class ListHeads:
    """What the common words' lists say of a query: each listed document's most possible score
    (its known word scores, and for a word whose list it is not in, that word's bound), the
    most a document in no list can score, and the documents always scored: those holding an
    uncommon word, and the title leaders (`_title_leaders`)."""

    reach: dict[int, float]
    outside: float
    holders: list[int]

    def by_reach(self) -> list[int]:
        return sorted(self.reach, key=lambda pk: (-self.reach[pk], pk))


# What bounds a document, and what bounds any paragraph of it: the list's score and floor.
_DOCUMENT_LIST = (sql.Identifier("score"), sql.Identifier("floor"))
_PARAGRAPH_LIST = (sql.Identifier("paragraph_score"), sql.Identifier("paragraph_floor"))


def _list_heads(
    match: Match, words: list[str], factor: float, *, paragraphs: bool = False
) -> ListHeads | None:
    """Read each common word's list (its documents passing the document filters), by the
    documents' scores or, for `paragraphs`, by their best paragraphs'; None without a common
    word, with an uncommon one in too many documents, or before the paragraph lists are built."""
    score, floor = _PARAGRAPH_LIST if paragraphs else _DOCUMENT_LIST
    statement = sql.SQL(
        "SELECT c.lexeme, c.{floor}, i.document_id, i.score, count(i.document_id) OVER w, "
        "min(i.score) OVER w FROM resolutions_commonterm c LEFT JOIN LATERAL ("
        "SELECT i.document_id, i.{score} AS score FROM resolutions_termimpact i "
        "JOIN resolutions_document d ON d.id = i.document_id "
        "WHERE i.lexeme = c.lexeme AND {documents} ORDER BY i.{score} DESC LIMIT {depth}) i "
        "ON TRUE WHERE c.lexeme = ANY(%(common_words)s) WINDOW w AS (PARTITION BY c.lexeme)"
    ).format(
        score=score,
        floor=floor,
        documents=all_of([match.published("d"), match.documents("d")]),
        depth=sql.Literal(term_impacts.KEEP),
    )
    rows = fetch(statement, {**match.params, "common_words": words})
    if not rows or any(row[1] is None for row in rows):
        return None
    known: dict[int, dict[str, float]] = {}
    bounds: dict[str, float] = {}
    for word, floor, pk, score, n, last in rows:
        # A list read to its depth bounds the rest by its last score; a shorter one by the floor.
        bounds[word] = max(last, floor) if n == term_impacts.KEEP else floor
        if pk is not None:
            known.setdefault(pk, {})[word] = score
    holders: list[int] = []
    uncommon = sorted(set(words) - set(bounds))
    if uncommon:
        found = _holders(uncommon)
        if found is None:
            return None
        holders = found  # each is scored: an uncommon word adds nothing to any bound
    reach = {
        pk: factor * sum(scores.get(word, bound) for word, bound in bounds.items())
        for pk, scores in known.items()
    }
    return ListHeads(reach, factor * sum(bounds.values()), holders)


def _candidate_documents(match: Match) -> sql.Composable:
    """A candidate `d` that may match: over whole documents, its text holds the query."""
    holds = match.holds("d") if match.whole is not None else TRUE
    return all_of([match.published("d"), match.documents("d"), holds])


def _candidate_paragraphs(match: Match) -> sql.Composable:
    """A candidate's paragraph `p` worth scoring: it holds a wanted word (over whole documents;
    the others score 0), or the query (within paragraphs)."""
    text = match.mentions() if match.whole is not None else match.text("p")
    return all_of([match.published("p"), match.paragraphs("p"), text])


# A scored row: its id, its exact score and its document's id (the document's own, for a document).
Scored = tuple[int, float, int]


def _scored_candidates(match: Match, candidates: list[int], limit: int) -> list[Scored]:
    """The best `limit` of the candidates that match, with their exact scores, in page order.
    Only paragraphs holding a wanted word are scored (the others score 0); a document is there
    by a zero row when titles count, else when a paragraph passes the chosen verb and kind."""
    if match.whole is None:
        # Within paragraphs a document is there by a matching paragraph, or its title.
        present = sql.SQL(
            "SELECT d.id, 0.0::float8 FROM c JOIN resolutions_document d ON d.id = c.id WHERE {}"
        ).format(match.title("d") if match.title_counts else sql.SQL("FALSE"))
    elif match.title_counts:
        present = sql.SQL("SELECT c.id, 0.0::float8 FROM c")
    else:
        present = sql.SQL(
            "SELECT c.id, 0.0::float8 FROM c WHERE EXISTS (SELECT 1 FROM resolutions_paragraph p "
            "WHERE p.document_id = c.id AND {} OFFSET 0)"
        ).format(match.paragraphs("p"))
    statement = sql.SQL(
        "WITH c AS MATERIALIZED (SELECT d.id FROM resolutions_document d "
        "WHERE d.id = ANY(%(candidates)s) AND {documents}), "
        "m AS MATERIALIZED (SELECT s.document_id, s.r FROM c CROSS JOIN LATERAL ("
        "SELECT p.document_id, {rank} AS r FROM resolutions_paragraph p "
        "WHERE p.document_id = c.id AND {paragraphs} OFFSET 0) s UNION ALL {present}), "
        "g AS (SELECT document_id, max(r) AS best, sum(r) AS total FROM m GROUP BY 1) "
        "SELECT d.id, {score} AS s, d.id "
        "FROM g JOIN resolutions_document d ON d.id = g.document_id "
        "ORDER BY s DESC, d.date DESC NULLS LAST, d.id LIMIT {limit}"
    ).format(
        documents=_candidate_documents(match),
        rank=match.rank("p"),
        paragraphs=_candidate_paragraphs(match),
        present=present,
        score=ranking.document_score(
            match.rank("d", "title_search"), sql.SQL("g.best"), sql.SQL("g.total")
        ),
        limit=sql.Literal(limit),
    )
    return fetch(statement, {**match.params, "candidates": candidates})


def _scored_candidate_paragraphs(match: Match, candidates: list[int], limit: int) -> list[Scored]:
    """The best `limit` matching paragraphs of the candidates, with their scores, in page order."""
    statement = sql.SQL(
        "WITH c AS MATERIALIZED (SELECT d.id, d.date FROM resolutions_document d "
        "WHERE d.id = ANY(%(candidates)s) AND {documents}) "
        "SELECT s.id, s.r, c.id FROM c CROSS JOIN LATERAL ("
        "SELECT p.id, p.position, {rank} AS r FROM resolutions_paragraph p "
        "WHERE p.document_id = c.id AND {paragraphs} OFFSET 0) s "
        "ORDER BY s.r DESC, c.date DESC NULLS LAST, c.id, s.position LIMIT {limit}"
    ).format(
        documents=_candidate_documents(match),
        rank=match.rank("p"),
        paragraphs=_candidate_paragraphs(match),
        limit=sql.Literal(limit),
    )
    return fetch(statement, {**match.params, "candidates": candidates})


@dataclass(frozen=True)
class Bounded:
    """A relevance page from the common words' lists: its ids, the documents compared, and
    whether the bound proved it the page ranking every match gives."""

    ids: list[int]
    compared: int
    proven: bool


def bounded_paragraphs(match: Match, *, offset: int, limit: int) -> Bounded | None:
    """As bounded_documents, for paragraphs, from the lists of each document's best paragraph
    for a word: a paragraph scores no more for the query than the factor times the sum of its
    document's best paragraph scores for the query's words."""
    return bounded_documents(match, offset=offset, limit=limit, paragraphs=True)


def bounded_documents(
    match: Match, *, offset: int, limit: int, paragraphs: bool = False
) -> Bounded | None:
    """The page of a relevance search over common words without scoring every match.

    The common words' lists give each listed document the most it can score; the documents
    that can score most (and every holder of an uncommon word) are scored exactly, and the
    page is proven when its last score is above what any document not scored can reach. The
    scored set grows fourfold until it is, up to `most_scored`; then a page of documents, with
    no verb or kind chosen and no common word excluded (the lists' order is then the documents'
    own, but for the few an uncommon excluded word takes out), is served unproven and says so
    (paragraphs tie too often for the lists' order to choose among them). Any other page whose
    rows beat every document in no list is proven by scoring every listed document. None when
    the lists cannot serve the page: the caller ranks every match."""
    read = _query_words(match)
    if read is None:
        return None
    words, factor, unproven_allowed = read
    wanted = offset + limit
    heads = _list_heads(match, words, factor, paragraphs=paragraphs)
    if heads is None:
        return None
    if not paragraphs:
        heads = replace(heads, holders=sorted({*heads.holders, *_title_leaders(match)}))
    order = heads.by_reach()
    rounds = _Rounds(match, heads, order, wanted, paragraphs)
    most = most_scored(wanted)
    size = max(min(4 * wanted, most), wanted, FIRST_DEPTH)
    while not rounds.proven_at(size):
        if size >= min(len(order), most) or not unproven_allowed:
            break  # a common excluded word takes listed documents out: more rarely proven
        size = min(4 * size, most)
    else:
        return rounds.page(offset, proven=True)
    if unproven_allowed and match.title_counts and not paragraphs and rounds.full:
        return rounds.page(offset, proven=False)
    if rounds.beats(heads.outside) and size < len(order) and rounds.proven_at(len(order)):
        # The page would otherwise rank every match; its rows already beat any document in no
        # list, so scoring the rest of the listed documents (at most KEEP a word) proves it.
        return rounds.page(offset, proven=True)
    return None


def most_scored(wanted: int) -> int:
    """The most documents scored for a page whose last row is the `wanted`th: `MOST_SCORED`, or
    `UNPROVEN_DEPTH` times `wanted` for a deep page, so that an unproven page ranks within as
    many documents a row as page ten does."""
    return max(MOST_SCORED, UNPROVEN_DEPTH * wanted)


@dataclass
class _Rounds:
    """Rounds of exact scoring over a query's listed documents, most reach first. Each round
    scores its new documents and those holding the best rows so far, not every candidate
    again: the best `wanted` rows of all candidates are the best of these."""

    match: Match
    heads: ListHeads
    order: list[int]  # the listed documents, most reach first
    wanted: int
    paragraphs: bool
    compared: set[int] = field(default_factory=set)
    best: list[Scored] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return len(self.best) == self.wanted

    def beats(self, bound: float) -> bool:
        """Whether the last of a full page of rows scores above `bound`."""
        return self.full and self.best[-1][1] > bound * (1 + 1e-9)

    def proven_at(self, size: int) -> bool:
        """Score the `size` documents of most reach (and the holders); whether that proves the
        page: its last row scores above what any document not scored can reach."""
        candidates = {*self.order[:size], *self.heads.holders}
        score = _scored_candidate_paragraphs if self.paragraphs else _scored_candidates
        again = {document for *_, document in self.best}
        self.best = score(self.match, sorted(candidates - self.compared | again), self.wanted)
        self.compared |= candidates
        rest = (self.heads.reach[pk] for pk in self.order[size : size + 1])
        reach = max([self.heads.outside, *rest])
        return self.beats(reach) if self.full else reach == 0

    def page(self, offset: int, *, proven: bool) -> Bounded:
        return Bounded([pk for pk, *_ in self.best[offset:]], len(self.compared), proven)


def exact_count_documents(match: Match) -> int:
    """The matching documents, counted exactly."""
    if not match.query:
        return count_walk_documents(match)
    titles = _title_documents(match, sql.SQL("0"))
    statement = sql.SQL(
        "SELECT count(DISTINCT document_id) FROM (SELECT p.document_id, 0 FROM "
        "resolutions_paragraph p WHERE {}{}) s"
    ).format(_paragraph_matches(match), titles)
    return fetch(statement, match.params)[0][0]


def _walk_documents(match: Match, *, order: sql.Composable) -> sql.Composed:
    """Matching document ids in `order`, document by document (stops when the caller's LIMIT is
    met)."""
    through: list[sql.Composable] = []
    if match.whole is not None:
        # The document is tested itself; a chosen verb or kind needs one of its paragraphs.
        through.append(match.holds("d"))
        if not match.title_counts:
            through.append(
                sql.SQL(
                    "EXISTS (SELECT 1 FROM resolutions_paragraph p WHERE p.document_id = d.id "
                    "AND {} OFFSET 0)"
                ).format(match.paragraphs("p"))
            )
        return sql.SQL("SELECT d.id FROM resolutions_document d WHERE {} ORDER BY {}").format(
            all_of([match.published("d"), match.documents("d"), *through]), order
        )
    if match.request.by_paragraph:
        # OFFSET 0 keeps the EXISTS a per-document probe of paragraph_unique_position that stops
        # at the first match, walked in date order, not a semi-join over every match.
        through.append(
            sql.SQL(
                "EXISTS (SELECT 1 FROM resolutions_paragraph p WHERE p.document_id = d.id "
                "AND {} OFFSET 0)"
            ).format(all_of([match.text("p"), match.paragraphs("p")]))
        )
    if match.query and match.title_counts:
        through.append(match.title("d"))
    return sql.SQL("SELECT d.id FROM resolutions_document d WHERE {} ORDER BY {}").format(
        all_of([match.published("d"), match.documents("d"), any_of(through) if through else TRUE]),
        order,
    )


def count_walk_documents(match: Match) -> int:
    """The matching documents counted on documents (browsing: cheap, exact)."""
    statement = sql.SQL("SELECT count(*) FROM ({}) s").format(
        _walk_documents(match, order=sql.SQL("1"))
    )
    return fetch(statement, match.params)[0][0]


def walk_documents(match: Match, *, sort: str, offset: int, limit: int) -> list[int]:
    """Document ids of one page newest (or oldest) first, walking documents by date until the
    page is full."""
    order = OLDEST if sort == "oldest" else NEWEST
    statement = sql.SQL("{} {}").format(_walk_documents(match, order=order), _window(limit, offset))
    return [r[0] for r in fetch(statement, match.params)]


def _paragraph_order(match: Match, sort: str) -> sql.Composable:
    if sort == "relevance" and match.query:
        return sql.SQL("m.r DESC, d.date DESC NULLS LAST, m.document_id, m.position")
    if sort == "oldest":
        return sql.SQL("d.date ASC NULLS LAST, m.document_id, m.position")
    return sql.SQL("d.date DESC NULLS LAST, m.document_id DESC, m.position")


def exact_paragraphs(match: Match, *, sort: str, offset: int, limit: int) -> tuple[int, list[int]]:
    """(count, [paragraph ids]) of the page, from the whole match set."""
    statement = sql.SQL(
        "WITH m AS MATERIALIZED (SELECT p.id, p.document_id, p.position, {rank} AS r "
        "FROM resolutions_paragraph p WHERE {where}) "
        "SELECT m.id, count(*) OVER () FROM m JOIN resolutions_document d ON d.id = m.document_id "
        "ORDER BY {order} {window}"
    ).format(
        rank=match.rank("p"),
        where=_paragraph_matches(match),
        order=_paragraph_order(match, sort),
        window=_window(limit, offset),
    )
    rows = fetch(statement, match.params)
    if not rows and offset:
        return exact_paragraphs(match, sort=sort, offset=0, limit=1)[0], []
    return (rows[0][1] if rows else 0), [r[0] for r in rows]


def walk_paragraphs(match: Match, *, sort: str, offset: int, limit: int) -> list[int]:
    """Paragraph ids of one page newest (or oldest) first, walking documents by date, their
    matching paragraphs in turn."""
    statement = sql.SQL(
        "SELECT p.id FROM resolutions_document d CROSS JOIN LATERAL (SELECT p.id, p.position "
        "FROM resolutions_paragraph p WHERE p.document_id = d.id AND {where} "
        "ORDER BY p.position) p WHERE {documents} ORDER BY {order}, p.position {window}"
    ).format(
        where=all_of([match.text("p"), match.paragraphs("p")]),
        documents=all_of([match.published("d"), match.documents("d")]),
        order=OLDEST if sort == "oldest" else NEWEST,
        window=_window(limit, offset),
    )
    return [r[0] for r in fetch(statement, match.params)]
