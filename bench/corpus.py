"""A deterministic synthetic corpus: the sample documents' paragraphs recombined into many.

Pure Python (no django). `synthetic_documents(pool, docs=N, seed=S)` yields N `ParsedDocument`s,
the same ones for the same pool and seed: bodies, document types, years 1990-2025, symbols shaped
as each body's real ones (A/RES/55/12, E/RES/2014/23, E/CN.15/2019/L.4, "CND decision 58/1" for
a body without a symbol series), sponsors from the country table, a topic per document that
replaces the samples' own ("smuggling of migrants" becomes "cybercrime", ...) with a skewed
frequency, rare terms in a few documents, and citations of earlier synthetic documents.

The text is the samples' text, so the words, their frequencies and the paragraph lengths are
those of real resolutions; the corpus is built for search, not for the parser (a separate
benchmark, `benchmark_ingest`, measures parsing).
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resolutions.citations import DECISION_SERIES, RESOLUTION_SERIES
from resolutions.parsing import parse
from resolutions.parsing.countries import COUNTRIES
from resolutions.parsing.types import ParsedDocument, ParsedParagraph, ParsedReference
from resolutions.samples import seed_documents

# The original filename every benchmark document carries: how `--reuse` recognizes the corpus.
FILENAME_PREFIX = "bench-"
DEFAULT_SEED = 20250101

BODY_NAMES = {
    "GA": "General Assembly",
    "ECOSOC": "Economic and Social Council",
    "SC": "Security Council",
    "HRC": "Human Rights Council",
    "CCPCJ": "Commission on Crime Prevention and Criminal Justice",
    "CND": "Commission on Narcotic Drugs",
    "COP-UNTOC": "Conference of the Parties to the Organized Crime Convention",
    "COSP-UNCAC": "Conference of the States Parties to the Convention against Corruption",
    "CONGRESS": "United Nations Congress on Crime Prevention and Criminal Justice",
    "OTHER": "Other bodies",
}
# How often each body issues a document, and its first year.
BODY_WEIGHTS = {
    "GA": 25,
    "ECOSOC": 20,
    "CCPCJ": 15,
    "CND": 10,
    "HRC": 9,
    "COP-UNTOC": 7,
    "COSP-UNCAC": 6,
    "SC": 4,
    "CONGRESS": 2,
    "OTHER": 2,
}
FIRST_YEAR = {"HRC": 2006, "CCPCJ": 1992, "COP-UNTOC": 2004, "COSP-UNCAC": 2006}
YEARS = (1990, 2025)
DOC_TYPE_WEIGHTS = {
    "resolution": 55,
    "decision": 10,
    "draft_resolution": 15,
    "report": 15,
    "other": 5,
}
# The subject that replaces the samples' own, with the people it concerns; the first are the
# most frequent (weights 1/rank), so some topics are common and others rare.
TOPICS: tuple[tuple[str, str], ...] = (
    ("smuggling of migrants", "smuggled migrants"),
    ("trafficking in persons", "victims of trafficking"),
    ("corruption", "whistle-blowers"),
    ("drug trafficking", "people who use drugs"),
    ("illicit trafficking in firearms", "victims of armed violence"),
    ("cybercrime", "victims of online fraud"),
    ("money-laundering", "financial intelligence units"),
    ("terrorism", "victims of terrorism"),
    ("violence against women", "women and girls"),
    ("juvenile justice", "children in conflict with the law"),
    ("trafficking in cultural property", "looted antiquities"),
    ("wildlife and forest crime", "protected species"),
    ("piracy and armed robbery at sea", "seafarers"),
    ("prison overcrowding", "prisoners"),
    ("kidnapping", "hostages"),
    ("economic fraud and identity-related crime", "victims of identity theft"),
    ("trafficking in falsified medical products", "patients"),
    ("crimes that affect the environment", "affected communities"),
    ("illicit financial flows", "asset recovery practitioners"),
    ("restorative justice", "victims and offenders"),
)
TITLE_PATTERNS = (
    "Strengthening international cooperation in combating {topic}",
    "Technical assistance for implementing the international instruments against {topic}",
    "Preventing and countering {topic}",
    "Follow-up to the plan of action against {topic}",
    "Protecting {people} and preventing {topic}",
    "Strengthening the criminal justice response to {topic}",
)
REPORT_TITLES = (
    "Report of the Secretary-General on {topic}",
    "Report on the meeting of the working group on {topic}",
    "Report of the expert group meeting on {topic}",
)
# Rare terms: each goes into about one document in `RARE_EVERY`, appended to a paragraph.
RARE_CLAUSES = (
    "including offences committed by means of ransomware",
    "including the illegal trade in pangolin scales",
    "including informal value transfer systems such as hawala",
    "including the misuse of cryptocurrency mixers",
    "including the sextortion of children online",
    "including the trafficking of rhinoceros horn",
)
RARE_EVERY = 250
# Documents cite among the latest resolutions and decisions generated before them.
CITABLE_WINDOW = 2000
# Words the samples use for their own subject, replaced by the document's topic.
SUBJECT_RE = re.compile(r"\b(?:the )?smuggling of migrants\b|\bmigrant smuggling\b")
PEOPLE_RE = re.compile(r"\bsmuggled migrants\b")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
]


@dataclass(frozen=True)
class ParagraphPool:
    """The sample paragraphs by kind: preambular and operative of resolutions, others of reports."""

    preambular: tuple[ParsedParagraph, ...]
    operative: tuple[ParsedParagraph, ...]
    other: tuple[ParsedParagraph, ...]

    @property
    def size(self) -> int:
        return len(self.preambular) + len(self.operative) + len(self.other)


def read_pool(texts: Iterable[tuple[str, str]]) -> ParagraphPool:
    """Parse (name, text) pairs and keep their paragraphs by kind (verbs kept where parsed)."""
    preambular: list[ParsedParagraph] = []
    operative: list[ParsedParagraph] = []
    other: list[ParsedParagraph] = []
    for name, text in texts:
        for paragraph in parse(text, source_name=name).paragraphs:
            if not paragraph.text.strip():
                continue
            if paragraph.kind == "preambular" and paragraph.verb:
                preambular.append(paragraph)
            elif paragraph.kind == "operative" and paragraph.verb:
                operative.append(paragraph)
            else:
                other.append(paragraph)
    if not (preambular and operative and other):
        raise ValueError("the samples need preambular, operative and other paragraphs")
    return ParagraphPool(tuple(preambular), tuple(operative), tuple(other))


def read_sample_pool(folder: Path) -> ParagraphPool:
    """The pool of the seed documents of a samples folder (the `.txt` files with a gold file)."""
    paths = seed_documents(folder)
    return read_pool((path.name, path.read_text(encoding="utf-8")) for path in paths)


@dataclass
class _Citable:
    """An earlier synthetic resolution or decision that later documents may cite."""

    body: str
    number: str
    decision: bool
    date: datetime.date


@dataclass
class _State:
    """What the generator remembers across documents: numbering and what can be cited."""

    counters: dict[str, int] = field(default_factory=dict)
    citable: list[_Citable] = field(default_factory=list)

    def next_number(self, prefix: str) -> int:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return self.counters[prefix]


def synthetic_documents(
    pool: ParagraphPool, *, docs: int, seed: int = DEFAULT_SEED
) -> Iterator[ParsedDocument]:
    """`docs` documents, the same for the same pool and seed; one at a time (memory stays flat)."""
    rng = random.Random(seed)
    state = _State()
    bodies, body_weights = zip(*BODY_WEIGHTS.items(), strict=True)
    doc_types, type_weights = zip(*DOC_TYPE_WEIGHTS.items(), strict=True)
    topic_weights = [1 / (rank + 1) for rank in range(len(TOPICS))]
    country_names = [country.name for country in COUNTRIES]
    for index in range(docs):
        body = rng.choices(bodies, body_weights)[0]
        doc_type = rng.choices(doc_types, type_weights)[0]
        year = rng.randint(max(YEARS[0], FIRST_YEAR.get(body, YEARS[0])), YEARS[1])
        date = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        topic, people = rng.choices(TOPICS, topic_weights)[0]
        yield build_document(
            index,
            rng=rng,
            pool=pool,
            state=state,
            body=body,
            doc_type=doc_type,
            date=date,
            topic=topic,
            people=people,
            countries=country_names,
        )


def build_document(
    index: int,
    *,
    rng: random.Random,
    pool: ParagraphPool,
    state: _State,
    body: str,
    doc_type: str,
    date: datetime.date,
    topic: str,
    people: str,
    countries: list[str],
) -> ParsedDocument:
    """One synthetic document: identity, title, paragraphs, sponsors and citations."""
    symbol, number, session = identity(rng, state=state, body=body, doc_type=doc_type, date=date)
    if doc_type in {"report", "other"}:
        title = rng.choice(REPORT_TITLES).format(topic=topic, people=people)
        paragraphs = report_paragraphs(rng, pool=pool, topic=topic, people=people)
        references: list[ParsedReference] = []
    else:
        title = rng.choice(TITLE_PATTERNS).format(topic=topic, people=people)
        title = title[0].upper() + title[1:]
        short = doc_type == "decision"
        paragraphs, references = resolution_paragraphs(
            rng,
            pool=pool,
            state=state,
            topic=topic,
            people=people,
            body=body,
            short=short,
            countries=countries,
            year=date.year,
        )
    if rng.randrange(RARE_EVERY // 10) == 0:
        # About one document in RARE_EVERY gets each rare clause (there are several).
        clause = rng.choice(RARE_CLAUSES) if rng.randrange(10) < len(RARE_CLAUSES) else ""
        if clause:
            at = rng.randrange(len(paragraphs))
            paragraphs[at] = with_clause(paragraphs[at], clause)
    sponsors: tuple[str, ...] = ()
    if doc_type == "draft_resolution" or (doc_type == "resolution" and rng.random() < 0.3):
        sponsors = tuple(rng.sample(countries, rng.randint(1, 25)))
    if number and doc_type in {"resolution", "decision"}:
        state.citable.append(_Citable(body, number, doc_type == "decision", date))
        if len(state.citable) > 2 * CITABLE_WINDOW:
            del state.citable[:-CITABLE_WINDOW]  # memory stays flat; only the window is cited
    text = "\n\n".join([title, *(p.text for p in paragraphs)])
    return ParsedDocument(
        symbol=symbol,
        body=body,
        doc_type=doc_type,
        number=number,
        title=title,
        date=date.isoformat(),
        year=date.year,
        sponsors=sponsors,
        paragraphs=tuple(paragraphs),
        references=tuple(references),
        session=session,
        text=text,
    )


def identity(
    rng: random.Random, *, state: _State, body: str, doc_type: str, date: datetime.date
) -> tuple[str | None, str | None, str]:
    """Symbol, number and session as the body prints them; numbers count up per series."""
    year = date.year
    session = {
        "GA": year - 1945,
        "ECOSOC": year,
        "HRC": (year - 2006) * 3 + rng.randint(1, 3),
        "CCPCJ": year - 1991,
        "CND": year - 1957,
        "COP-UNTOC": (year - 2004) // 2 + 1,
        "COSP-UNCAC": (year - 2006) // 2 + 1,
        "CONGRESS": (year - 1990) // 5 + 8,
        "SC": year,
        "OTHER": year,
    }[body]
    session_label = str(session)
    if doc_type in {"resolution", "decision"}:
        decision = doc_type == "decision"
        series = (DECISION_SERIES if decision else RESOLUTION_SERIES).get(body)
        if body == "SC":
            n = state.next_number("S/RES/")
            number = f"{n} ({year})"
            return f"S/RES/{number}", number, session_label
        prefix = f"{body}/{'D' if decision else 'R'}/{session}"
        number = f"{session}/{state.next_number(prefix)}"
        # Bodies without a symbol series are cited by body and number ("CND decision 58/1").
        return (f"{series}{number}" if series else None), number, session_label
    draft = doc_type == "draft_resolution"
    prefix = {
        "GA": f"A/C.3/{session}/" if draft else f"A/{session}/",
        "ECOSOC": f"E/{year}/",
        "SC": f"S/{year}/",
        "HRC": f"A/HRC/{session}/",
        "CCPCJ": f"E/CN.15/{year}/",
        "CND": f"E/CN.7/{year}/",
        "COP-UNTOC": f"CTOC/COP/{year}/",
        "COSP-UNCAC": f"CAC/COSP/{year}/",
        "CONGRESS": f"A/CONF.{200 + session}/",
        "OTHER": f"UNODC/{year}/",
    }[body]
    if draft and body != "SC":
        prefix += "L."
    elif doc_type == "other":
        prefix += "CRP."
    return f"{prefix}{state.next_number(prefix)}", None, session_label


def localize(paragraph: ParsedParagraph, *, topic: str, people: str) -> ParsedParagraph:
    """The paragraph about the document's topic instead of the samples' own."""
    text = SUBJECT_RE.sub(topic, paragraph.text)
    text = PEOPLE_RE.sub(people, text)
    if text == paragraph.text:
        return paragraph
    return ParsedParagraph(
        paragraph.kind, paragraph.number, paragraph.verb, text, paragraph.footnotes
    )


def with_clause(paragraph: ParsedParagraph, clause: str) -> ParsedParagraph:
    """The paragraph with a clause added before its closing punctuation."""
    text = paragraph.text.rstrip()
    end = text[-1] if text and text[-1] in ";,." else ""
    text = f"{text[: len(text) - len(end)]}, {clause}{end}"
    return ParsedParagraph(
        paragraph.kind, paragraph.number, paragraph.verb, text, paragraph.footnotes
    )


def numbered(paragraph: ParsedParagraph, number: str | None) -> ParsedParagraph:
    """The paragraph with the number it has at its new place."""
    return ParsedParagraph(
        paragraph.kind, number, paragraph.verb, paragraph.text, paragraph.footnotes
    )


def report_paragraphs(
    rng: random.Random, *, pool: ParagraphPool, topic: str, people: str
) -> list[ParsedParagraph]:
    """30 to 60 numbered paragraphs of a report, drawn from the samples' report paragraphs."""
    count = rng.randint(30, 60)
    return [
        numbered(localize(rng.choice(pool.other), topic=topic, people=people), str(n))
        for n in range(1, count + 1)
    ]


def resolution_paragraphs(
    rng: random.Random,
    *,
    pool: ParagraphPool,
    state: _State,
    topic: str,
    people: str,
    body: str,
    short: bool,
    countries: list[str],
    year: int,
) -> tuple[list[ParsedParagraph], list[ParsedReference]]:
    """Preambular then numbered operative paragraphs (decisions are short), with citations."""
    if short:
        n_pre, n_op = rng.randint(0, 3), rng.randint(3, 10)
    else:
        n_pre, n_op = rng.randint(8, 20), rng.randint(15, 35)
    paragraphs = [
        localize(rng.choice(pool.preambular), topic=topic, people=people) for _ in range(n_pre)
    ]
    references: list[ParsedReference] = []
    if state.citable:
        recent = state.citable[-CITABLE_WINDOW:]
        for cited in rng.sample(recent, min(rng.randint(0, 4), len(recent))):
            paragraph, reference = citing_paragraph(cited, body=body, topic=topic)
            references.append(
                ParsedReference(
                    type="resolution",
                    body=cited.body,
                    number=cited.number,
                    cited_text=reference,
                    paragraph_index=len(paragraphs),
                )
            )
            paragraphs.append(paragraph)
    operative = [
        localize(rng.choice(pool.operative), topic=topic, people=people) for _ in range(n_op)
    ]
    if not short and rng.random() < 0.5:
        host = rng.choice(countries)
        operative.insert(
            rng.randrange(len(operative) + 1),
            ParsedParagraph(
                "operative",
                None,
                "expresses",
                f"Expresses its appreciation to the Government of {host} for hosting the "
                f"{rng.choice(ORDINALS)} meeting of experts on {topic} in {year}, and invites "
                "Member States to consider its recommendations;",
            ),
        )
    paragraphs += [numbered(p, str(n)) for n, p in enumerate(operative, start=1)]
    return paragraphs, references


def citing_paragraph(cited: _Citable, *, body: str, topic: str) -> tuple[ParsedParagraph, str]:
    """A preambular paragraph recalling an earlier resolution or decision, and its citation."""
    kind = "decision" if cited.decision else "resolution"
    owner = "its" if cited.body == body else f"{BODY_NAMES[cited.body]}"
    reference = f"{owner} {kind} {cited.number}"
    when = f"{cited.date.day} {MONTHS[cited.date.month - 1]} {cited.date.year}"
    text = f"Recalling {reference} of {when} on {topic},"
    return ParsedParagraph("preambular", None, "recalling", text, ()), reference
