"""Common words' lists (resolutions/term_impacts.py) and the relevance pages ranked from them
(rows.bounded_documents): the lists stay true through ingest and edits, and a page they prove is
the page ranking every match gives."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_oracle import document_ids, paragraph_ids
from test_search_oracle import WORDS, requests, varied_archive  # noqa: F401

from bench.honesty import score_shortfall
from resolutions import ranking, term_impacts
from resolutions.ingest import IngestSource, ingest_document
from resolutions.models import CommonTerm, Paragraph, TermImpact
from resolutions.parsing.types import ParsedDocument, ParsedParagraph
from resolutions.search import read_search, rows, search
from resolutions.search import sql as statements
from resolutions.search.sql import Match, fetch

PER_PAGE = 4


def true_scores() -> dict[tuple[str, int], tuple[float, float]]:
    """Every common word's score in every document holding it, and its best paragraph's,
    computed anew."""
    statement = term_impacts._scores(statements.TRUE, statements.TRUE)
    return {(word, pk): (score, best) for word, pk, score, best in fetch(statement, {})}


def assert_lists_hold() -> None:
    """Each kept row has the document's true scores; no document left out is above a floor."""
    scores = true_scores()
    kept = {
        (i.lexeme, i.document_id): (i.score, i.paragraph_score) for i in TermImpact.objects.all()
    }
    floors = {c.lexeme: (c.floor, c.paragraph_floor) for c in CommonTerm.objects.all()}
    assert kept, "no document scores kept"
    for key, both in kept.items():
        assert both == pytest.approx(scores[key])
    for (word, pk), (score, best) in scores.items():
        if (word, pk) not in kept:
            assert score <= floors[word][0] + 1e-12, (word, pk)
            assert best <= floors[word][1] + 1e-12, (word, pk)


@pytest.fixture
def short_lists(varied_archive, monkeypatch):  # noqa: F811
    """Every word of the archive common, six documents kept for each: the lists are short, so
    pages must be proven by the bound, or left to the exact ranking."""
    monkeypatch.setattr(term_impacts, "KEEP", 6)
    term_impacts.rebuild(common_documents=2, keep=6)
    return varied_archive


def test_the_rebuild_keeps_each_common_words_best_documents(short_lists):
    assert CommonTerm.objects.filter(lexeme="traffick").exists()
    assert CommonTerm.objects.filter(floor__gt=0).exists()
    assert_lists_hold()


def resolution(number: str, *, title: str, text: str) -> ParsedDocument:
    """An ECOSOC resolution of 2024 with one operative paragraph."""
    return ParsedDocument(
        symbol=f"E/RES/{number}",
        body="ECOSOC",
        doc_type="resolution",
        number=number,
        title=title,
        date="2024-07-01",
        year=2024,
        paragraphs=(ParsedParagraph("operative", "1", "Urges", text),),
    )


def test_the_lists_stay_true_after_an_edit_and_an_ingest(short_lists):
    # An edit that makes a document the best for "firearms": saving it refreshes the rows.
    paragraph = Paragraph.objects.filter(document__status="published").first()
    paragraph.text = "firearms " * 40
    paragraph.save()
    assert TermImpact.objects.filter(lexeme="firearm", document_id=paragraph.document_id).exists()
    # An ingest of a document whose title and text are all "corruption": it enters that list.
    parsed = resolution("2024/99", title="Corruption corruption", text="Urges corruption " * 30)
    result = ingest_document(parsed, source=IngestSource.from_bytes(b"x", filename="x.txt"))
    assert TermImpact.objects.filter(lexeme="corrupt", document=result.document).exists()
    assert_lists_hold()


def refreshes(queries: CaptureQueriesContext) -> int:
    """How many statements wrote a document's kept rows."""
    return sum("INSERT INTO resolutions_termimpact" in q["sql"] for q in queries.captured_queries)


def test_a_write_of_many_rows_refreshes_each_document_once(short_lists):
    document_id = Paragraph.objects.values_list("document_id", flat=True).first()
    paragraphs = list(Paragraph.objects.filter(document_id=document_id)[:3])
    assert len(paragraphs) == 3
    with CaptureQueriesContext(connection) as queries, term_impacts.one_refresh_per_document():
        for paragraph in paragraphs:
            paragraph.text = "firearms " * 40
            paragraph.save()
        assert refreshes(queries) == 0
    assert refreshes(queries) == 1
    assert TermImpact.objects.filter(lexeme="firearm", document_id=document_id).exists()
    assert_lists_hold()
    parsed = resolution("2024/98", title="Firearms", text="Urges firearms " * 30)
    with CaptureQueriesContext(connection) as queries:
        ingest_document(parsed, source=IngestSource.from_bytes(b"y", filename="y.txt"))
    assert refreshes(queries) == 1
    assert_lists_hold()


def test_a_block_that_fails_refreshes_nothing(short_lists):
    paragraph = Paragraph.objects.first()
    with (
        CaptureQueriesContext(connection) as queries,
        pytest.raises(RuntimeError),
        term_impacts.one_refresh_per_document(),
    ):
        paragraph.save()
        raise RuntimeError("the write failed")
    assert refreshes(queries) == 0


@pytest.mark.parametrize("query", ["trafficking", "corruption", "victims"])
def test_a_proven_page_is_the_page_ranking_every_match_gives(short_lists, monkeypatch, query):
    """One word is bounded by its list itself: the page of the
    lists' heads is proven, and it is the exact ranking's."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    match = Match(read_search({"q": query}, view="documents"))
    served = rows.bounded_documents(match, offset=0, limit=PER_PAGE)
    assert served is not None and served.proven, "the lists proved no page"
    assert served.ids == rows.exact_documents(match, sort="relevance", offset=0, limit=PER_PAGE)[1]


@pytest.mark.parametrize("query", ["trafficking", "corruption", "victims"])
def test_a_proven_paragraph_page_is_the_page_ranking_every_paragraph_gives(
    short_lists, monkeypatch, query
):
    """The lists of each document's best paragraph prove a page of paragraphs: it is the
    exact ranking's."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    match = Match(read_search({"q": query, "view": "paragraphs"}))
    served = rows.bounded_paragraphs(match, offset=0, limit=PER_PAGE)
    assert served is not None and served.proven, "the lists proved no page"
    exact = rows.exact_paragraphs(match, sort="relevance", offset=0, limit=PER_PAGE)[1]
    assert served.ids == exact


@pytest.mark.parametrize("view", ["documents", "paragraphs"])
def test_rounds_score_each_document_once_and_keep_the_exact_page(short_lists, monkeypatch, view):
    """Growing the scored set fourfold from one document, each round scores only its new
    documents and those holding the best rows so far: every page proven is the exact
    ranking's, and a document is scored again only while it holds one of the best rows."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(rows, "FIRST_DEPTH", 1)
    paragraphs = view == "paragraphs"
    scorer = "_scored_candidate_paragraphs" if paragraphs else "_scored_candidates"
    real = getattr(rows, scorer)
    rounds: list[tuple[list[int], list]] = []

    def recorded(match, candidates, limit):
        found = real(match, candidates, limit)
        rounds.append((candidates, found))
        return found

    monkeypatch.setattr(rows, scorer, recorded)
    exact_rows = rows.exact_paragraphs if paragraphs else rows.exact_documents
    several = 0
    for query in ("trafficking corruption", "victims or migrants", "trafficking", "victims"):
        match = Match(read_search({"q": query, "view": view}))
        rounds.clear()
        served = rows.bounded_documents(match, offset=0, limit=1, paragraphs=paragraphs)
        if served is not None and served.proven:
            assert served.ids == exact_rows(match, sort="relevance", offset=0, limit=1)[1]
        several += len(rounds) > 1
        for (earlier, best), (later, _) in pairwise(rounds):
            again = set(earlier) & set(later)
            assert again <= {document for *_, document in best}, query
    assert several, "no page took more than one round"


@pytest.mark.parametrize("view", ["documents", "paragraphs"])
@pytest.mark.parametrize("query", ["trafficking", "trafficking corruption", "corruption -victims"])
def test_rows_beating_every_unlisted_document_prove_the_page_from_the_whole_lists(
    short_lists, monkeypatch, query, view
):
    """Past the largest scored set, a page that would be left to the exact ranking is proven
    by scoring every listed document when its rows already beat any document in no list. The
    listed documents' bounds are made ten times looser (bounds still), so that no smaller set
    proves the page: the page is then the exact ranking's."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(rows, "FIRST_DEPTH", 1)
    monkeypatch.setattr(rows, "MOST_SCORED", 1)
    monkeypatch.setattr(rows, "UNPROVEN_DEPTH", 0)
    read_heads = rows._list_heads

    def looser(*args, **kwargs):
        heads = read_heads(*args, **kwargs)
        reach = {pk: 10 * bound for pk, bound in heads.reach.items()}
        return rows.ListHeads(reach, heads.outside, heads.holders)

    monkeypatch.setattr(rows, "_list_heads", looser)
    paragraphs = view == "paragraphs"
    match = Match(read_search({"q": query, "view": view}))
    words, factor, _ = rows._query_words(match)
    heads = looser(match, words, factor, paragraphs=paragraphs)
    served = rows.bounded_documents(match, offset=0, limit=2, paragraphs=paragraphs)
    exact = (rows.exact_paragraphs if paragraphs else rows.exact_documents)(
        match, sort="relevance", offset=0, limit=2
    )[1]
    listed = len({*heads.reach, *heads.holders})
    if served is not None and served.proven:
        assert served.ids == exact
        assert served.compared == listed
    elif served is not None:
        # Only a page of documents with no word excluded is served unproven, and says so.
        assert not paragraphs and "-" not in query
    else:
        best = exact_rows_scores(match, paragraphs)
        assert len(best) < 2 or best[-1] <= heads.outside * (1 + 1e-9)


def exact_rows_scores(match: Match, paragraphs: bool) -> list[float]:
    """The scores of the best two rows over every listed document."""
    scorer = rows._scored_candidate_paragraphs if paragraphs else rows._scored_candidates
    words, factor, _ = rows._query_words(match)
    heads = rows._list_heads(match, words, factor, paragraphs=paragraphs)
    return [score for _pk, score, _d in scorer(match, sorted({*heads.reach, *heads.holders}), 2)]


def test_paragraphs_are_ranked_exactly_until_their_lists_are_built(short_lists, monkeypatch):
    """Lists kept before the paragraph scores were (a paragraph floor of None) bound no
    paragraph: the paragraph view ranks every match."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    CommonTerm.objects.update(paragraph_floor=None)
    match = Match(read_search({"q": "trafficking", "view": "paragraphs"}))
    assert rows.bounded_paragraphs(match, offset=0, limit=PER_PAGE) is None
    assert rows.bounded_documents(Match(read_search({"q": "trafficking"})), offset=0, limit=1)


def test_a_page_the_lists_cannot_prove_is_left_to_the_exact_ranking(short_lists):
    """Past the lists' length nothing is proven."""
    match = Match(read_search({"q": "trafficking"}, view="documents"))
    assert rows.bounded_documents(match, offset=8, limit=PER_PAGE) is None


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=requests,
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=2),
    view=st.sampled_from(["documents", "paragraphs"]),
    within=st.sampled_from(["document", "paragraph"]),
)
def test_relevance_from_the_lists_agrees_with_the_oracle(
    short_lists, monkeypatch, params, words, view, within
):
    """Past the exact limit, a relevance search over common words is the oracle's, page by
    page, whether the lists proved it or the exact ranking took over; a page the lists could
    not prove says so, and holds matching documents only."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    params = {key: value for key, value in params.items() if value not in ("", [])}
    params.update(view=view, sort="relevance", q=" ".join(words), within=within)
    request = read_search(params)
    results = search(params, per_page=PER_PAGE)
    expected = paragraph_ids(request) if view == "paragraphs" else document_ids(request)
    number = results.page.number
    shown = [row.pk for row in results.rows]
    oracle_page = expected[(number - 1) * PER_PAGE : number * PER_PAGE]
    if any(notice.startswith("Relevance was computed within") for notice in results.notices):
        assert len(shown) == len(oracle_page) and set(shown) <= set(expected)
    else:
        assert shown == oracle_page


def test_an_uncommon_word_brings_all_its_documents_along(short_lists, monkeypatch):
    """A word without a list adds every document holding it to the candidates, and nothing to
    the bound: a page of it with a common word is still the exact ranking's when proven."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    TermImpact.objects.filter(lexeme="firearm").delete()
    CommonTerm.objects.filter(lexeme="firearm").delete()
    alone = Match(read_search({"q": "firearms"}, view="documents"))
    assert rows.bounded_documents(alone, offset=0, limit=PER_PAGE) is None
    match = Match(read_search({"q": "trafficking or firearms"}, view="documents"))
    served = rows.bounded_documents(match, offset=0, limit=PER_PAGE)
    assert served is not None
    exact = rows.exact_documents(match, sort="relevance", offset=0, limit=PER_PAGE)[1]
    if served.proven:
        assert served.ids == exact
    else:
        assert set(served.ids) <= set(document_ids(read_search({"q": "trafficking or firearms"})))


@pytest.mark.parametrize(
    "query",
    [
        "trafficking or corruption -victims",
        "migrants or cybercrime or drugs -firearms",
        "victims -trafficking -corruption",
    ],
)
def test_alternatives_beside_excluded_words_score_no_more_than_their_words(
    short_lists, monkeypatch, query
):
    """Words joined by "or" beside excluded words are bounded by the sum of the words' own
    scores (no factor for several words): every matching document's exact score is within it,
    and a page the lists serve is proven and the exact ranking's (an excluded word allows no
    unproven page)."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    match = Match(read_search({"q": query}, view="documents"))
    words, factor, unproven_allowed = rows._query_words(match)
    assert factor == 1.0 and not unproven_allowed
    matching = document_ids(read_search({"q": query}))
    assert matching, "the query matches nothing"
    scores = true_scores()
    for pk, score, _document in rows._scored_candidates(match, matching, len(matching)):
        assert score <= sum(scores.get((word, pk), (0.0,))[0] for word in words) * (1 + 1e-9), pk
    served = rows.bounded_documents(match, offset=0, limit=PER_PAGE)
    if served is not None:
        exact = rows.exact_documents(match, sort="relevance", offset=0, limit=PER_PAGE)[1]
        assert served.proven and served.ids == exact


def unprovable_pages(monkeypatch) -> Callable[..., rows.ListHeads]:
    """Make every list's bounds ten times looser (bounds still), so that no scored set proves a
    page; the looser reading of the lists."""
    read_heads = rows._list_heads

    def looser(*args, **kwargs) -> rows.ListHeads:
        heads = read_heads(*args, **kwargs)
        reach = {pk: 10 * bound for pk, bound in heads.reach.items()}
        return rows.ListHeads(reach, 10 * heads.outside, heads.holders)

    monkeypatch.setattr(rows, "_list_heads", looser)
    return looser


def test_an_uncommon_excluded_word_allows_a_page_within_the_lists(short_lists, monkeypatch):
    """An excluded word with a list (common) allows no unproven page; without one it takes few
    documents out of the lists' order, so a page the lists cannot prove is served from the
    documents compared, says so, and holds matching documents only."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(rows, "FIRST_DEPTH", 1)
    unprovable_pages(monkeypatch)
    query = "victims -drugs"
    assert not rows._query_words(Match(read_search({"q": query}, view="documents")))[2]
    assert not search({"q": query, "sort": "relevance"}, per_page=1).ranked_within
    TermImpact.objects.filter(lexeme="drug").delete()
    CommonTerm.objects.filter(lexeme="drug").delete()
    assert rows._query_words(Match(read_search({"q": query}, view="documents")))[2]
    results = search({"q": query, "sort": "relevance"}, per_page=1)
    shown = [row.pk for row in results.rows]
    assert results.ranked_within
    assert any(n.startswith("Relevance was computed within") for n in results.notices)
    assert len(shown) == 1 and set(shown) <= set(document_ids(read_search({"q": query})))


def test_a_deeper_unproven_page_compares_more_documents(short_lists, monkeypatch):
    """A page the lists cannot prove is ranked within `UNPROVEN_DEPTH` documents for each row
    up to its last (or every listed one), not within the same few as the first page: deep
    pages of the fixed window matched the exact ranking no better than chance."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(rows, "FIRST_DEPTH", 1)
    monkeypatch.setattr(rows, "MOST_SCORED", 1)
    monkeypatch.setattr(rows, "UNPROVEN_DEPTH", 2)
    looser = unprovable_pages(monkeypatch)
    match = Match(read_search({"q": "trafficking"}, view="documents"))
    heads = looser(match, ["traffick"], 1.0, paragraphs=False)
    listed = len({*heads.reach, *heads.holders})
    assert listed >= 6, "too few listed documents to tell the windows apart"
    for offset in (0, 2):
        served = rows.bounded_documents(match, offset=offset, limit=1)
        assert served is not None and not served.proven, offset
        assert served.compared >= min(listed, 2 * (offset + 1)), offset
    exact = rows.exact_documents(match, sort="relevance", offset=0, limit=listed)[1]
    assert served.ids and served.ids[0] in exact


def test_a_document_leading_by_its_title_is_compared_though_in_no_list(short_lists, monkeypatch):
    """The exact ranking's first document, taken out of every list (as a document whose title
    names the query while its words are spread thin), is still compared on an unproven page:
    the documents whose titles rank highest are scored in every round."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(rows, "FIRST_DEPTH", 1)
    monkeypatch.setattr(rows, "MOST_SCORED", 1)
    monkeypatch.setattr(rows, "UNPROVEN_DEPTH", 0)
    match = Match(read_search({"q": "trafficking"}, view="documents"))
    first = rows.exact_documents(match, sort="relevance", offset=0, limit=1)[1][0]
    assert first in rows._title_leaders(match), "the first document's title holds no query word"
    read_heads = rows._list_heads

    def without_first(*args, **kwargs) -> rows.ListHeads:
        heads = read_heads(*args, **kwargs)
        reach = {pk: 10 * bound for pk, bound in heads.reach.items() if pk != first}
        return rows.ListHeads(reach, 10 * heads.outside, heads.holders)

    monkeypatch.setattr(rows, "_list_heads", without_first)
    served = rows.bounded_documents(match, offset=0, limit=1)
    assert served is not None and not served.proven
    assert served.ids == [first]


def test_the_score_shortfall_tells_the_exact_page_from_a_poorer_one(short_lists):
    """bench.honesty.score_shortfall: 0 for the exact ranking's own documents, and the share by
    which a page of lower-ranked documents falls below them."""
    match = Match(read_search({"q": "trafficking"}, view="documents"))
    ranked = rows.exact_documents(match, sort="relevance", offset=0, limit=100)[1]
    top, last = ranked[:2], ranked[-2:]
    scores = {pk: score for pk, score, _d in rows._scored_candidates(match, ranked, len(ranked))}
    assert min(scores[pk] for pk in last) < min(scores[pk] for pk in top)
    assert score_shortfall(match, top, top) == 0
    expected = 1 - min(scores[pk] for pk in last) / min(scores[pk] for pk in top)
    assert score_shortfall(match, last, top) == pytest.approx(expected)


def test_a_phrase_or_two_wanted_words_keep_the_factor_for_several_words(short_lists):
    """Only single words that need no other wanted word beside them go without the factor."""
    for query in ("trafficking corruption -victims", '"trafficking in persons" or migrants'):
        match = Match(read_search({"q": query}, view="documents"))
        assert rows._query_words(match)[1] == ranking.SEVERAL_WORDS_BOUND, query
