"""The SQL search against the ORM oracle: random requests over a varied archive, same answers.

Hypothesis draws a query (words, phrases, `or`, `-word`), filters, a sort, a view and a page;
both paths must give the same rows in the same order, the same count and the same facet counts.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_oracle import document_ids, facet_counts, paragraph_ids

from resolutions.catalogue.models import (
    CatalogueRecord,
    Concept,
    RecordSubject,
    StateVote,
    Vote,
)
from resolutions.lineage.models import Family, ParagraphLineage
from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
    Topic,
)
from resolutions.search import read_search, search
from resolutions.search import sql as statements
from resolutions.search.facets import PARAMS as FACET_PARAMS

pytestmark = pytest.mark.django_db
WORDS = ["trafficking", "migrants", "corruption", "cybercrime", "victims", "firearms", "drugs"]
VERBS = ["urges", "requests", "invites", "recalling", "noting", ""]
BODIES = ["GA", "ECOSOC", "CCPCJ"]
TOPICS = ["migration", "bribery", "cyber"]
SPONSORS = ["italy", "mexico", "japan"]
ADDRESSEES = ["member_states", "secretary_general", "unodc"]
PER_PAGE = 4
# A small UNBIS tree: (identifier, kind, label, broader). TRAFFICKING IN PERSONS sits under two
# broader concepts, as UNBIS concepts may; 14 is a domain, 140401 and 140402 microthesauri.
THESAURUS = [
    ("14", "domain", "SOCIAL CONDITIONS", ()),
    ("140401", "microthesaurus", "NARCOTIC DRUGS MT", ("14",)),
    ("140402", "microthesaurus", "CRIME AND JUSTICE MT", ("14",)),
    ("1001", "concept", "CRIME", ("140402",)),
    ("1002", "concept", "ORGANIZED CRIME", ("1001",)),
    ("1003", "concept", "HUMAN RIGHTS", ()),
    ("1004", "concept", "TRAFFICKING IN PERSONS", ("1002", "1003")),
    ("1005", "concept", "DRUG TRAFFIC", ("140401", "1002")),
    ("1006", "concept", "NARCOTIC DRUGS", ("140401",)),
]
SUBJECTS = [identifier for identifier, *_ in THESAURUS]


@pytest.fixture
def varied_archive(db):
    """Thirty documents drawn from a seeded generator: bodies, years, types, languages, topics
    in every status, sponsors, paragraphs of every kind, citations; three drafts; catalogue
    records with vote outcomes and UNBIS subjects in a small polyhierarchy; recorded votes."""
    rng = random.Random(7)
    bodies = {code: Body.objects.get(code=code) for code in BODIES}
    topics = {
        s: Topic.objects.get_or_create(slug=s, defaults={"name": s.title()})[0] for s in TOPICS
    }
    countries = {
        s: Country.objects.get_or_create(slug=s, defaults={"name": s.title()})[0] for s in SPONSORS
    }
    concepts = {
        identifier: Concept.objects.create(identifier=identifier, kind=kind, label=label)
        for identifier, kind, label, _broader in THESAURUS
    }
    for identifier, _kind, _label, broader in THESAURUS:
        concepts[identifier].broader.set([concepts[b] for b in broader])
    documents = []
    # Its own generator, so the archive drawn before addressees existed stays the same.
    addressed = random.Random(11)
    for n in range(30):
        year = rng.choice([2001, 2005, 2010, 2010, 2015, None])
        document = Document.objects.create(
            symbol=f"E/RES/{year or 1999}/{n}",
            number=f"{year or 1999}/{n}",
            title=" ".join(rng.sample(WORDS, 2)) + f" resolution {n}",
            body=bodies[rng.choice(BODIES)],
            doc_type=rng.choice(["resolution", "resolution", "decision", "report"]),
            year=year,
            date=None if year is None or n % 4 == 0 else f"{year}-0{1 + n % 9}-1{n % 10}",
            language=rng.choice(["en", "en", "fr", "es"]),
            status="draft" if n % 10 == 9 else "published",
        )
        for position in range(1, rng.randint(1, 5) + 1):
            kind = rng.choice(["preambular", "operative", "operative", "other"])
            paragraph = Paragraph.objects.create(
                document=document,
                position=position,
                kind=kind,
                number=str(position) if kind == "operative" else "",
                verb=rng.choice(VERBS),
                text=" ".join(rng.choices(WORDS, k=rng.randint(2, 8))) + " of the member states.",
            )
            if kind == "operative":
                ParagraphLineage.objects.create(
                    paragraph=paragraph,
                    family=Family.objects.create(),
                    addressees=addressed.sample(ADDRESSEES, addressed.randint(0, 2)),
                )
        for slug in rng.sample(TOPICS, rng.randint(0, 2)):
            DocumentTopic.objects.create(
                document=document,
                topic=topics[slug],
                status=rng.choice(["confirmed", "suggested", "rejected"]),
            )
        for slug in rng.sample(SPONSORS, rng.randint(0, 2)):
            Sponsorship.objects.create(document=document, country=countries[slug])
        if n % 5 != 4:  # catalogued: an outcome or none, concepts and an unmatched heading
            record = CatalogueRecord.objects.create(
                record_id=1000 + n,
                symbol=document.symbol,
                symbol_key=f"KEY{n}",
                document=document,
                vote_outcome=rng.choice(["", "without_vote", "recorded_vote"]),
            )
            headings = rng.sample(SUBJECTS[3:], rng.randint(0, 3))
            for position, identifier in enumerate(headings, start=1):
                RecordSubject.objects.create(
                    record=record,
                    position=position,
                    tag="650",
                    label=concepts[identifier].label,
                    unbis=True,
                    concept=concepts[identifier],
                )
            RecordSubject.objects.create(
                record=record, position=9, tag="650", label="DARFUR (SUDAN)", unbis=True
            )
        if n % 3 == 0:  # a recorded vote: each State's ballot
            ballots = {slug: rng.choice(["Y", "N", "A", ""]) for slug in SPONSORS}
            vote = Vote.objects.create(
                record_id=5000 + n,
                resolution_symbol=document.symbol,
                resolution_key=f"KEY{n}",
                document=document,
                yes=sum(b == "Y" for b in ballots.values()),
                no=sum(b == "N" for b in ballots.values()),
                abstain=sum(b == "A" for b in ballots.values()),
                non_voting=sum(b == "" for b in ballots.values()),
                total=len(ballots),
            )
            for position, (slug, ballot) in enumerate(sorted(ballots.items()), start=1):
                StateVote.objects.create(
                    vote=vote,
                    position=position,
                    country=countries[slug],
                    name=slug.upper(),
                    choice=ballot,
                )
        documents.append(document)
    for citing in documents[5:12]:
        cited = documents[rng.randint(0, 4)]
        Reference.objects.create(
            citing_document=citing,
            ref_type="resolution",
            cited_key=cited.symbol,
            cited_number=cited.number,
            cited_body=cited.body.code,
            cited_document=cited,
        )
    return documents


def some(values: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), max_size=2, unique=True)


term = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f"-{w}"),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=2).map(lambda ws: f'"{" ".join(ws)}"'),
    st.just("or"),
)
# Each parameter of a search and the values drawn for it.
DRAWN = {
    "q": st.lists(term, max_size=3).map(" ".join),
    "body": some(BODIES),
    "topic": some(TOPICS),
    "sponsor": some(SPONSORS),
    "verb": some([v for v in VERBS if v]),
    "kind": some(["preambular", "operative", "other"]),
    "addressee": some(ADDRESSEES),
    "doc_type": some(["resolution", "decision", "report"]),
    "language": some(["en", "fr", "es"]),
    "year_min": st.sampled_from(["", "2005", "2010"]),
    "year_max": st.sampled_from(["", "2010", "2015"]),
    "outcome": some(["without_vote", "recorded_vote"]),
    "subject": some(SUBJECTS),
    "voted": some(
        [
            f"{slug}:{ballot}"
            for slug in SPONSORS
            for ballot in ("yes", "no", "abstain", "non-voting")
        ]
    ),
    "cites": st.sampled_from(["", "E/RES/2010/1", "E/RES/2005/2", "resolution 2001/3"]),
    "sort": st.sampled_from(["", "relevance", "newest", "oldest"]),
    "view": st.sampled_from(["documents", "paragraphs"]),
    "within": st.sampled_from(["", "document", "paragraph"]),
    "page": st.integers(min_value=1, max_value=4).map(str),
}
requests = st.fixed_dictionaries(DRAWN)
# Everything a search reads besides its facets (request.py).
OWN_PARAMS = {"q", "sort", "view", "within", "page"}


def test_the_drawn_requests_set_every_parameter_of_the_search():
    """A new facet is drawn here too, or this fails: the oracle must learn it."""
    assert set(DRAWN) == OWN_PARAMS | set(FACET_PARAMS)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=requests)
def test_the_sql_search_agrees_with_the_orm_oracle(varied_archive, params):
    params = {key: value for key, value in params.items() if value not in ("", [])}
    request = read_search(params)
    results = search(params, per_page=PER_PAGE)

    expected = paragraph_ids(request) if request.view == "paragraphs" else document_ids(request)
    assert results.count == len(expected)
    pages = max(-(-len(expected) // PER_PAGE), 1)
    number = min(request.page, pages)
    assert results.page.number == number
    shown = expected[(number - 1) * PER_PAGE : number * PER_PAGE]
    assert [row.pk for row in results.rows] == shown

    found = {
        key: {v.value: v.count for v in values if v.count} for key, values in results.facets.items()
    }
    assert found == facet_counts(request)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("list_limit", [statements.LIST_LIMIT, 0], ids=["listed", "tested"])
@given(params=requests)
def test_past_the_exact_limit_the_walk_and_the_sample_agree_with_the_oracle(
    varied_archive, monkeypatch, list_limit, params
):
    """With the limit at one paragraph every search takes the estimated path; the sample of a
    small archive is all of it, so the documents, the count and the facets are the oracle's.
    Over whole documents the matching documents are listed from the indexes, or (past the
    list's limit) each document is tested: both paths."""
    monkeypatch.setattr(statements, "EXACT_LIMIT", 1)
    monkeypatch.setattr(statements, "LIST_LIMIT", list_limit)
    params = {key: value for key, value in params.items() if value not in ("", [])}
    params.update(view="documents", page="1")
    request = read_search(params)
    results = search(params, per_page=100)
    expected = document_ids(request)
    if request.by_paragraph:
        assert results.count == len(expected)
        assert {row.pk for row in results.rows} == set(expected)
    else:
        assert [row.pk for row in results.rows] == expected
    found = {
        key: {v.value: v.count for v in values if v.count} for key, values in results.facets.items()
    }
    assert found == facet_counts(request)
