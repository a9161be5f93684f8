"""What the reader is told about a search: values the archive does not hold, a page past the end,
words that searched nothing, exclusions that left nothing out, a query in another script, and
"Did you mean"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from psycopg import sql

from ..letters import mostly_latin
from ..models import SEARCH_CONFIG
from .facets import FACETS
from .request import MAX_PAGE, InvalidSearch, SearchRequest
from .sql import TSQUERY, Match, fetch
from .types import Suggestion

# With this many results or fewer, misspelt words get a "Did you mean".
FEW_RESULTS = 2
# Words of a query (letters only; operators, quotes and the `or` keyword are kept as typed).
_WORD = re.compile(r"[^\W\d_]{3,40}")
# `-word` or `-"a phrase"` in the web-search syntax: what the reader wants left out.
_EXCLUDED = re.compile(r'(?:^|\s)-(?:"([^"]+)"?|([^\s"]+))')
# `NOT word` outside quotes: the Boolean NOT of other search engines, a stop word here.
_QUOTED = re.compile(r'"[^"]*"?')
_NOT = re.compile(r"(?:^|\s)NOT\s+-?([^\s\"()]+)")
# A letter or digit of any script: a query with none ("!!!", undecodable bytes) holds no word.
_LETTERS = re.compile(r"[^\W_]")
_PHRASE = sql.SQL("phraseto_tsquery({}::regconfig, t)").format(sql.Literal(SEARCH_CONFIG))


@dataclass
class Review:
    notices: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None


def unknown_values(request: SearchRequest) -> dict[str, list[str]]:
    """Chosen values of open vocabularies (bodies, topics, sponsors, verbs, ...) the archive does
    not hold."""
    checks = [f for f in FACETS if f.vocabulary and request.filters.get(f.key)]
    if not checks:
        return {}
    parts = [
        sql.SQL(
            "SELECT {key}, v FROM unnest({values}::text[]) v "
            "WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {known})"
        ).format(
            key=sql.Literal(facet.key),
            values=sql.Placeholder(facet.key),
            table=sql.Identifier(facet.vocabulary[0]),
            known=facet.known_condition(),
        )
        for facet in checks
    ]
    params = {facet.key: facet.vocabulary_values(request.filters[facet.key]) for facet in checks}
    unknown: dict[str, list[str]] = {}
    for key, value in fetch(sql.SQL(" UNION ALL ").join(parts), params):
        unknown.setdefault(key, []).append(value)
    return unknown


def _unknown_messages(unknown: dict[str, list[str]]) -> dict[str, list[str]]:
    labels = {facet.key: facet.label.lower() for facet in FACETS}
    return {
        key: [f"The archive has no {labels[key]} “{value}”." for value in values]
        for key, values in unknown.items()
    }


def unknown_value_notices(request: SearchRequest) -> list[str]:
    """A notice for each chosen body, topic, sponsor, verb, ... the archive does not hold."""
    unknown = _unknown_messages(unknown_values(request))
    return [message for messages in unknown.values() for message in messages]


def ensure_known(request: SearchRequest) -> None:
    """Raise InvalidSearch when a chosen body, topic, sponsor, verb, ... is not in the archive."""
    unknown = unknown_values(request)
    if unknown:
        raise InvalidSearch(_unknown_messages(unknown))


def excluded_terms(query: str) -> list[str]:
    """The words and phrases a query leaves out (`-word`, `-"a phrase"`)."""
    return [phrase or word for phrase, word in _EXCLUDED.findall(query)]


def query_notices(match: Match) -> list[str]:
    """A query of common words alone, and exclusions of words no document holds."""
    query = match.request.query
    if not query:
        return []
    statement = sql.SQL(
        "SELECT numnode({query}), ARRAY(SELECT t FROM unnest({terms}::text[]) t "
        "WHERE numnode({phrase}) > 0 AND NOT EXISTS (SELECT 1 FROM resolutions_paragraph p "
        "WHERE p.published AND p.search_vector @@ {phrase}))"
    ).format(query=TSQUERY, terms=sql.Placeholder("excluded"), phrase=_PHRASE)
    nodes, absent = fetch(statement, {"q": query, "excluded": excluded_terms(query)})[0]
    notices = []
    if not nodes and not _LETTERS.search(query):
        notices.append(f"“{query}” has no letters or digits: nothing was searched. Type a word.")
    elif not nodes:
        notices.append(
            f"“{query}” has only words too common to be searched for (such as “the”, “of”, "
            "“and”): nothing was searched. Add a more specific word."
        )
    notices += [f"No document contains “{term}”: “-{term}” leaves nothing out." for term in absent]
    return notices + not_notices(query)


def not_notices(query: str) -> list[str]:
    """`NOT word` read as the word alone (NOT is too common to search): say to write `-word`."""
    return [
        f"“NOT” is not an operator here: “{word}” was searched for. "
        f"To leave it out, write “-{word}”."
        for word in dict.fromkeys(_NOT.findall(_QUOTED.sub(" ", query)))
    ]


def suggestion(query: str) -> Suggestion | None:
    """The query with each word the archive does not hold replaced by the archive's nearest
    (pg_trgm similarity over `SearchWord`, the most frequent of equals, in a published
    paragraph: a draft's words are never offered); None when no word is replaced."""
    words = [
        w for w in dict.fromkeys(m.group().lower() for m in _WORD.finditer(query)) if w != "or"
    ]
    if not words:
        return None
    # Uses index: search_word_trgm
    statement = sql.SQL(
        "SELECT w, n.word FROM unnest({words}::text[]) w CROSS JOIN LATERAL ("
        "SELECT s.word FROM resolutions_searchword s WHERE s.word %% w AND EXISTS ("
        "SELECT 1 FROM resolutions_paragraph p WHERE p.published "
        "AND p.search_vector @@ plainto_tsquery({config}::regconfig, s.word) "
        "AND strpos(lower(p.text), s.word) > 0) ORDER BY "
        "similarity(s.word, w) DESC, s.frequency DESC, s.word LIMIT 1) n "
        "WHERE NOT EXISTS (SELECT 1 FROM resolutions_searchword k WHERE k.word = w)"
    ).format(words=sql.Placeholder("words"), config=sql.Literal(SEARCH_CONFIG))
    nearest = dict(fetch(statement, {"words": words}))
    if not nearest:
        return None
    corrected = _WORD.sub(lambda m: nearest.get(m.group().lower(), m.group()), query)
    return Suggestion(query=corrected)


def review(
    request: SearchRequest, match: Match, *, count: int, shown_page: int, ranked_among: int = 0
) -> Review:
    """Notices about how the request was answered, and a suggestion when little matched."""
    told = Review()
    if ranked_among:
        told.notices.append(
            f"Relevance was computed within the {ranked_among:,} documents in which these words "
            "weigh most, not over every match: one outside them could rank higher. Sort by "
            "newest or oldest to see every match in order."
        )
    told.notices += unknown_value_notices(request)
    told.notices += query_notices(match)
    if request.query and not count and not mostly_latin(request.query):
        told.notices.append(
            f"“{request.query}” is not written in Latin letters: the archive holds English "
            "texts, so search in English."
        )
    if request.query and count <= FEW_RESULTS:
        told.suggestion = suggestion(request.query)
    if request.page > shown_page:
        asked = str(request.page) if request.page <= MAX_PAGE else f"past {MAX_PAGE:,}"
        told.notices.append(
            f"There is no page {asked}: "
            + (f"this is the last page, {shown_page}." if count else "nothing matches.")
        )
    return told
