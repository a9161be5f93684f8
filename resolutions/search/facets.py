"""The facet registry: every filter of `/search/` declared once.

A facet says its URL parameters and label, how a value is validated, the SQL condition it puts
on a row, the SQL that counts its values, and how its values are shown. The request layer, the
match SQL, the facet counts, the pages, the API, the feeds, the exports and the benchmark all
read `FACETS`; adding a facet is adding an entry here.

Rows a condition is put on hold the columns that migration 0005 copies onto paragraphs
(`body_id`, `year`, `doc_type`) and a document id: a paragraph `p`, a document `d`, a row of the
match set `m` (a paragraph, or a document's facet group carrying its paragraphs' addressees:
search/counts.py). Paragraph facets (`verb`, `kind`, `addressee`) apply to paragraph rows and
facet groups alone. The vote outcome
and the UNBIS subject read the catalogue's tables (resolutions/catalogue, docs/catalogue.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf.locale import LANG_INFO
from psycopg import sql

from ..addressees import ADDRESSEES
from ..catalogue.models import Concept, ConceptKind, StateVoteChoice, VoteOutcome
from ..catalogue.thesaurus import NARROWER
from ..models import Country, DocType, ParagraphKind
from .citations import citation_keys, parse_citation
from .values import CleanError, Reread, clean_text, clean_year, kept_values

DOCUMENT = "document"
PARAGRAPH = "paragraph"
# Facets listing many values (topics, sponsors, verbs) show the most frequent.
FACET_LIMIT = 30
# Topics a librarian has not turned down are shown and filterable.
VISIBLE_TOPIC_STATUSES = ("confirmed", "suggested")


def _texts(name: str) -> sql.Composed:
    """A bound list of strings (typed: an empty list has no type of its own)."""
    return sql.SQL("{}::text[]").format(sql.Placeholder(name))


def _count_select(key: str, value: sql.Composable, label: sql.Composable) -> sql.Composed:
    return sql.SQL("SELECT {}::text AS facet, {}::text AS value, {}::text AS label").format(
        sql.Literal(key), value, label
    )


def _counted(unit: str, per_document: bool) -> sql.Composed:
    """How many of `unit`'s rows: its documents when it holds several rows a document."""
    if per_document:
        return sql.SQL("count(DISTINCT {}.document_id)").format(sql.Identifier(unit))
    return sql.SQL("count(*)")


def _grouped(
    unit: str,
    value: sql.Composable,
    where: sql.Composable,
    *,
    per_document: bool,
    source: sql.Composable | None = None,
) -> sql.Composed:
    """SELECT v, n: each value of `value` among `unit`'s rows passing `where` (read from `source`,
    by default `unit` alone), with its count of rows, or of documents. Documents are counted as
    distinct (value, document) pairs, which PostgreSQL hashes, where count(DISTINCT ...) sorts
    every row."""
    parts = {
        "value": value,
        "unit": sql.Identifier(unit),
        "source": source or sql.Identifier(unit),
        "where": where,
    }
    if not per_document:
        return sql.SQL(
            "SELECT {value} AS v, count(*) AS n FROM {source} WHERE {where} GROUP BY 1"
        ).format(**parts)
    return sql.SQL(
        "SELECT s.v, count(*) AS n FROM (SELECT DISTINCT {value} AS v, {unit}.document_id "
        "FROM {source} WHERE {where}) s GROUP BY 1"
    ).format(**parts)


def _as_shown(key: str, grouped: sql.Composable, limit: int | None) -> sql.Composed:
    """The facet rows of `grouped` (SELECT v, n) whose value is its own label: the `limit` most
    frequent, or all."""
    select = _count_select(key, sql.SQL("x.v"), sql.SQL("x.v"))
    if limit is None:
        return sql.SQL("({}, x.n FROM ({}) x)").format(select, grouped)
    return sql.SQL("({}, x.n FROM ({}) x ORDER BY x.n DESC, x.v LIMIT {})").format(
        select, grouped, limit
    )


@dataclass(frozen=True)
class Parameter:
    """One URL parameter of a facet as a typed interface (the API) declares it."""

    name: str
    description: str
    # "text" (any string), "year" (an integer year) or "choice" (one of `choices`).
    kind: str = "text"
    choices: tuple[str, ...] = ()
    repeatable: bool = True
    max_length: int = 200
    # A value as a reader would send it (the API page for people shows it).
    example: str = ""


@dataclass(frozen=True)
class Facet:
    """A filter: its parameter, label and level; subclasses say how it filters and counts."""

    key: str
    label: str
    level: str = DOCUMENT
    # What a value is, for a typed interface's documentation ("Topic slug"), and one value.
    help: str = ""
    example: str = ""
    # Values shown: the most frequent `limit`, or all.
    limit: int | None = None
    # Allowed values and their labels; None: any value, labels from the counts.
    choices: Mapping[str, str] | None = None
    counted: bool = True
    # (table, column) listing every value the archive knows, for values of no fixed list, and
    # which of the table's rows `t` count (None: all).
    vocabulary: tuple[str, str] | None = None
    vocabulary_rows: sql.Composable | None = None

    @property
    def params(self) -> tuple[str, ...]:
        """The URL parameters this facet reads."""
        return (self.key,)

    def parameters(self) -> tuple[Parameter, ...]:
        """The URL parameters with their types, for the API's schema."""
        help_text = f"{self.help or self.label}; repeatable (any of the values)."
        if self.choices is not None:
            choices = tuple(self.choices)
            return (
                Parameter(
                    self.key,
                    help_text,
                    kind="choice",
                    choices=choices,
                    example=self.example or choices[0],
                ),
            )
        return (Parameter(self.key, help_text, example=self.example),)

    def clean(self, data: Mapping[str, list[str]]) -> Any:
        """The valid value of this facet in the request, or None; CleanError says what is wrong."""
        values, problem = kept_values(data.get(self.key, []))
        if self.choices is not None:
            unknown = [value for value in values if value not in self.choices]
            if unknown:
                values = [value for value in values if value in self.choices]
                problem = problem or CleanError(f"no such value: {', '.join(unknown)}")
        if problem:
            raise CleanError(problem.message, usable=values or None)
        return values or None

    def bind(self, value: Any) -> dict[str, Any]:
        """The statement parameters of a value (None: not chosen)."""
        return {self.key: list(value or ())}

    def vocabulary_values(self, value: Any) -> list[str]:
        """The parts of a chosen value that must be in `vocabulary`."""
        return list(value or ())

    def known_condition(self) -> sql.Composed:
        """True of a row `t` of `vocabulary` that counts and holds the value `v`."""
        holds = sql.SQL("t.{} = v").format(sql.Identifier(self.vocabulary[1]))
        if self.vocabulary_rows is None:
            return holds
        return sql.SQL("{} AND {}").format(self.vocabulary_rows, holds)

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        raise NotImplementedError

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        """SELECT facet, value, label, n: the values among `unit` rows passing `where`, each
        counting rows, or with `per_document` (several rows a document) documents."""
        raise NotImplementedError

    def label_of(self, value: str, label: str) -> str:
        if self.choices is not None:
            return self.choices.get(value, value)
        return label

    def order(self, value: Any) -> tuple:
        """Sort key of a FacetValue: most frequent first, then by label."""
        return (-value.count, value.label if self.limit else value.value)

    def is_selected(self, value: str, chosen: Any) -> bool:
        return value in (chosen or ())

    def chosen_values(self, chosen: Any) -> list[str]:
        """Selected values to list even when no row has them (so they can be removed)."""
        return list(chosen or ())

    def described(self, chosen: Any) -> list[tuple[str, str]]:
        """(value, label) of each selected value, for the "filters in force" line."""
        return [(value, self.label_of(value, value)) for value in chosen or ()]


@dataclass(frozen=True)
class ColumnFacet(Facet):
    """A column of the row itself; with `lookup`, a foreign key read through another table."""

    column: str = ""
    # (table, code column, name column): the URL carries the code ("GA"), the row the id.
    lookup: tuple[str, str, str] | None = None

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        column = sql.Identifier(row, self.column)
        if self.lookup is None:
            return sql.SQL("{} = ANY({})").format(column, _texts(self.key))
        table, code, _name = self.lookup
        return sql.SQL("{} IN (SELECT id FROM {} WHERE {} = ANY({}))").format(
            column, sql.Identifier(table), sql.Identifier(code), _texts(self.key)
        )

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        column = sql.Identifier(unit, self.column)
        present = sql.SQL("{} AND {} IS NOT NULL").format(where, column)
        grouped = _grouped(unit, column, present, per_document=per_document)
        if self.lookup is None:
            return _as_shown(self.key, grouped, self.limit)
        table, code, name = self.lookup
        select = _count_select(self.key, sql.Identifier("t", code), sql.Identifier("t", name))
        return sql.SQL("({}, x.n FROM ({}) x JOIN {} t ON t.id = x.v)").format(
            select, grouped, sql.Identifier(table)
        )


@dataclass(frozen=True)
class VerbFacet(ColumnFacet):
    """Opening verbs: counted among operative paragraphs (preambular "recalling" would crowd out
    "urges"), except the verbs chosen, which count wherever they open a paragraph."""

    def clean(self, data: Mapping[str, list[str]]) -> Any:
        """Verbs as stored, lower case with single spaces: "Calls  upon" is "calls upon"."""
        typed = {key: values for key, values in data.items() if key != self.key}
        typed[self.key] = [" ".join(str(v).lower().split()) for v in data.get(self.key, [])]
        return super().clean(typed)

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        operative = sql.SQL(
            "{where} AND {verb} <> '' AND ({kind} = 'operative' OR {verb} = ANY({chosen}) "
            "OR cardinality({kinds}) > 0)"
        ).format(
            where=where,
            verb=sql.Identifier(unit, "verb"),
            kind=sql.Identifier(unit, "kind"),
            chosen=_texts("verb"),
            kinds=_texts("kind"),
        )
        return super().count_sql(unit, operative, per_document=per_document)


@dataclass(frozen=True)
class YearFacet(ColumnFacet):
    """A range of years: `year_min`, `year_max`, either open; counted per year."""

    @property
    def params(self) -> tuple[str, ...]:
        return ("year_min", "year_max")

    def parameters(self) -> tuple[Parameter, ...]:
        return (
            Parameter("year_min", "From this year.", kind="year", repeatable=False, example="2010"),
            Parameter(
                "year_max",
                "To this year, inclusive.",
                kind="year",
                repeatable=False,
                example="2015",
            ),
        )

    def clean(self, data: Mapping[str, list[str]]) -> Any:
        bounds: list[int | None] = []
        problem: CleanError | None = None
        for name in self.params:
            try:
                bounds.append(clean_year(data.get(name, []), name))
            except CleanError as error:
                bounds.append(None)
                problem = problem or error
        low, high = bounds
        value = None if low is None and high is None else (low, high)
        if problem is not None:
            raise CleanError(problem.message, usable=value, param=problem.param)
        if low is not None and high is not None and low > high:
            raise Reread(
                f"The years {low} to {high} run backwards: read as {high} to {low}.",
                usable=(high, low),
            )
        return value

    def bind(self, value: Any) -> dict[str, Any]:
        low, high = value or (None, None)
        return {"year_min": low, "year_max": high}

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        year = sql.Identifier(row, self.column)
        low, high = value
        bounds = []
        if low is not None:
            bounds.append(sql.SQL("{} >= {}").format(year, sql.Placeholder("year_min")))
        if high is not None:
            bounds.append(sql.SQL("{} <= {}").format(year, sql.Placeholder("year_max")))
        return sql.SQL(" AND ").join(bounds)

    def order(self, value: Any) -> tuple:
        return (int(value.value),)

    def is_selected(self, value: str, chosen: Any) -> bool:
        if not chosen:
            return False
        low, high = chosen
        return (low is None or int(value) >= low) and (high is None or int(value) <= high)

    def chosen_values(self, chosen: Any) -> list[str]:
        return []

    def described(self, chosen: Any) -> list[tuple[str, str]]:
        low, high = chosen
        text = str(low) if low == high else f"{low or '…'} to {high or '…'}"
        return [("", text)]


@dataclass(frozen=True)
class LinkFacet(Facet):
    """A value reached from the document through other tables (topics, sponsors, language)."""

    # FROM clause naming the document column `l.<document>` and the value table `v`.
    source: str = ""
    document: str = "document_id"
    # (alias, column) of the value the URL carries and of the label shown.
    value: tuple[str, str] = ("v", "slug")
    name: tuple[str, str] = ("v", "name")
    # An extra condition on the link (a topic a librarian rejected does not count).
    link_condition: sql.Composable | None = None
    labels: Callable[[str], str] | None = field(default=None, compare=False)

    def _where(self, condition: sql.Composable) -> sql.Composable:
        if self.link_condition is None:
            return condition
        return sql.SQL("{} AND {}").format(condition, self.link_condition)

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        chosen = sql.SQL("{} = ANY({})").format(sql.Identifier(*self.value), _texts(self.key))
        return sql.SQL("{} IN (SELECT l.{} FROM {} WHERE {})").format(
            document_id, sql.Identifier(self.document), sql.SQL(self.source), self._where(chosen)
        )

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        value, name = sql.Identifier(*self.value), sql.Identifier(*self.name)
        return sql.SQL(
            "({select}, {count} AS n FROM {unit} JOIN {source} ON l.{document} = {unit}.document_id"
            " WHERE {where} GROUP BY 2, 3 ORDER BY n DESC, 3 LIMIT {limit})"
        ).format(
            select=_count_select(self.key, value, name),
            count=_counted(unit, per_document),
            unit=sql.Identifier(unit),
            source=sql.SQL(self.source),
            document=sql.Identifier(self.document),
            where=self._where(where),
            limit=self.limit or FACET_LIMIT,
        )

    def label_of(self, value: str, label: str) -> str:
        return self.labels(value) if self.labels else super().label_of(value, label)


# A catalogued document's UNBIS concepts: (document_id, concept_id) of its subject headings.
_CATALOGUED = (
    "SELECT r.document_id, s.concept_id FROM catalogue_cataloguerecord r "
    "JOIN catalogue_recordsubject s ON s.record_id = r.id WHERE s.concept_id IS NOT NULL"
)


@dataclass(frozen=True)
class SubjectFacet(Facet):
    """UNBIS subjects of the catalogue (a concept's identifier): choosing a concept also matches
    the documents catalogued under any narrower one, and each concept counts them too.

    Counted are thesaurus concepts (not the domains and microthesauri above them, which would
    crowd the list), and any level chosen."""

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        below = sql.SQL(NARROWER).format(
            roots=sql.SQL(
                "SELECT c.id FROM catalogue_concept c WHERE c.identifier = ANY({})"
            ).format(_texts(self.key))
        )
        return sql.SQL(
            "{} IN (SELECT l.document_id FROM ({}) l WHERE l.concept_id IN ({}))"
        ).format(document_id, sql.SQL(_CATALOGUED), below)

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        # The thesaurus is walked up from the concepts in use (hundreds), not from each document;
        # rows are counted per document first, then summed under each concept above its subjects.
        above = sql.SQL(
            "WITH RECURSIVE above(concept_id, ancestor_id) AS ("
            "SELECT DISTINCT c.concept_id, c.concept_id FROM ({catalogued}) c "
            "WHERE c.document_id IN (SELECT document_id FROM {unit}) "
            "UNION SELECT above.concept_id, link.to_concept_id FROM above "
            "JOIN catalogue_concept_broader link ON link.from_concept_id = above.ancestor_id) "
            "SELECT DISTINCT c.document_id, above.ancestor_id AS concept_id "
            "FROM ({catalogued}) c JOIN above ON above.concept_id = c.concept_id"
        ).format(catalogued=sql.SQL(_CATALOGUED), unit=sql.Identifier(unit))
        return sql.SQL(
            "({select}, sum(u.n)::bigint AS n FROM (SELECT {unit}.document_id, {count} AS n "
            "FROM {unit} WHERE {where} GROUP BY 1) u JOIN ({above}) l ON l.document_id = "
            "u.document_id JOIN catalogue_concept v ON v.id = l.concept_id "
            "WHERE v.kind = {concept} OR v.identifier = ANY({chosen}) "
            "GROUP BY 2, 3 ORDER BY n DESC, 3 LIMIT {limit})"
        ).format(
            select=_count_select(self.key, sql.SQL("v.identifier"), sql.SQL("v.label")),
            count=_counted(unit, per_document),
            unit=sql.Identifier(unit),
            above=above,
            where=where,
            concept=sql.Literal(ConceptKind.CONCEPT.value),
            chosen=_texts(self.key),
            limit=self.limit or FACET_LIMIT,
        )

    def label_of(self, value: str, label: str) -> str:
        """The concept's English label (looked up for a chosen value no document counts)."""
        if label != value:
            return label
        return (
            Concept.objects.filter(identifier=value).values_list("label", flat=True).first()
            or value
        )


# How a State voted, as the URL says it ("mexico:no") and as 967 $d stores it ("N").
BALLOTS = {
    "yes": StateVoteChoice.YES.value,
    "no": StateVoteChoice.NO.value,
    "abstain": StateVoteChoice.ABSTAIN.value,
    "non-voting": StateVoteChoice.NON_VOTING.value,
}


@dataclass(frozen=True)
class StateVoteFacet(Facet):
    """Resolutions on which a State voted a given way in a recorded vote: `mexico:no` (a country
    slug and yes, no, abstain or non-voting); a filter, not counted."""

    counted: bool = False

    def parameters(self) -> tuple[Parameter, ...]:
        return (
            Parameter(
                self.key,
                "How a State voted in a recorded vote: country slug and yes, no, abstain or "
                "non-voting (mexico:no); repeatable (any of the values).",
                max_length=120,
                example="mexico:no",
            ),
        )

    @staticmethod
    def split(value: str) -> tuple[str, str]:
        country, _, ballot = value.rpartition(":")
        return country, ballot

    def clean(self, data: Mapping[str, list[str]]) -> Any:
        values, problem = kept_values(data.get(self.key, []))
        wrong = [v for v in values if not self.split(v)[0] or self.split(v)[1] not in BALLOTS]
        if wrong:
            values = [v for v in values if v not in wrong]
            problem = problem or CleanError(
                f"“{wrong[0][:60]}” is not a country and a vote, such as mexico:no "
                f"(yes, no, abstain or non-voting)."
            )
        if problem:
            raise CleanError(problem.message, usable=values or None)
        return values or None

    def bind(self, value: Any) -> dict[str, Any]:
        pairs = [self.split(v) for v in value or ()]
        return {self.key: [f"{country}:{BALLOTS[ballot]}" for country, ballot in pairs]}

    def vocabulary_values(self, value: Any) -> list[str]:
        return [self.split(v)[0] for v in value or ()]

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        return sql.SQL(
            "{} IN (SELECT v.document_id FROM catalogue_vote v "
            "JOIN catalogue_statevote s ON s.vote_id = v.id "
            "JOIN resolutions_country c ON c.id = s.country_id "
            "WHERE c.slug || ':' || s.choice = ANY({}))"
        ).format(document_id, _texts(self.key))

    def label_of(self, value: str, label: str) -> str:
        """ "Mexico voted no"."""
        slug, ballot = self.split(value)
        name = Country.objects.filter(slug=slug).values_list("name", flat=True).first()
        return f"{name or slug} voted {ballot}"


@dataclass(frozen=True)
class CitesFacet(Facet):
    """Documents citing the one named (symbol, citation key or number); a filter, not counted."""

    counted: bool = False

    def parameters(self) -> tuple[Parameter, ...]:
        return (
            Parameter(
                self.key,
                "Only documents citing this one (symbol or citation).",
                repeatable=False,
                max_length=120,
                example="A/RES/66/128",
            ),
        )

    def clean(self, data: Mapping[str, list[str]]) -> Any:
        return clean_text(data.get(self.key, []), limit=120) or None

    def bind(self, value: Any) -> dict[str, Any]:
        if not value:
            return {"cites_keys": [], "cites_number": None, "cites_body": None}
        parsed = parse_citation(value)
        number = parsed.number if parsed else None
        return {
            "cites_keys": [key.upper() for key in citation_keys(value)],
            "cites_number": number.upper() if number else None,
            "cites_body": parsed.body if parsed else None,
        }

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        keys = _texts("cites_keys")
        named = [
            sql.SQL("upper(r.cited_key) = ANY({})").format(keys),
            sql.SQL("upper(c.symbol) = ANY({})").format(keys),
            sql.SQL("upper(c.citation_key) = ANY({})").format(keys),
        ]
        parsed = parse_citation(value)
        if parsed and parsed.number:
            by_number = sql.SQL("upper(r.cited_number) = {}").format(
                sql.Placeholder("cites_number")
            )
            if parsed.body:
                by_number = sql.SQL("{} AND r.cited_body = {}").format(
                    by_number, sql.Placeholder("cites_body")
                )
            named.append(sql.SQL("({})").format(by_number))
        return sql.SQL(
            "{} IN (SELECT r.citing_document_id FROM resolutions_reference r "
            "LEFT JOIN resolutions_document c ON c.id = r.cited_document_id WHERE {})"
        ).format(document_id, sql.SQL(" OR ").join(named))

    def described(self, chosen: Any) -> list[tuple[str, str]]:
        return [(chosen, chosen)]


@dataclass(frozen=True)
class AddresseeFacet(Facet):
    """Whom an operative paragraph addresses (the lineage's `addressees` array, GIN-indexed); a
    paragraph addressing several counts under each."""

    level: str = PARAGRAPH
    table: str = "lineage_paragraphlineage"

    def _chosen(self) -> sql.Composed:
        # The column is varchar[]; && wants the same array type on both sides.
        return sql.SQL("{}::varchar[]").format(sql.Placeholder(self.key))

    def condition(self, row: str, document_id: sql.Composable, value: Any) -> sql.Composable:
        """Uses index: lineage_addressees_gin. A row of the match set `m` that is a facet group
        carries its paragraphs' addressees (search/counts.py)."""
        lineage = sql.SQL(
            "{} IN (SELECT l.paragraph_id FROM {} l WHERE l.addressees && {})"
        ).format(sql.Identifier(row, "id"), sql.Identifier(self.table), self._chosen())
        if row != "m":
            return lineage
        return sql.SQL("coalesce({} && {}, {})").format(
            sql.Identifier(row, "addressees"), self._chosen(), lineage
        )

    def count_sql(
        self, unit: str, where: sql.Composable, *, per_document: bool = False
    ) -> sql.Composed:
        # A facet group carries its paragraphs' addressees (search/counts.py); a paragraph's are
        # its lineage row's, looked up for the rows passing `where` only.
        addressed = sql.SQL(
            "{unit} CROSS JOIN unnest(coalesce({unit}.addressees, "
            "(SELECT l.addressees FROM {table} l WHERE l.paragraph_id = {unit}.id))) AS a(v)"
        ).format(unit=sql.Identifier(unit), table=sql.Identifier(self.table))
        grouped = _grouped(unit, sql.SQL("a.v"), where, per_document=per_document, source=addressed)
        return _as_shown(self.key, grouped, self.limit)


def language_name(code: str) -> str:
    """English name of a language code ("fr" -> "French")."""
    return LANG_INFO.get(code, {}).get("name", code)


FACETS: tuple[Facet, ...] = (
    ColumnFacet(
        "body",
        "Issuing body",
        help="Issuing body code (GA, ECOSOC, CCPCJ, ...)",
        example="ECOSOC",
        column="body_id",
        lookup=("resolutions_body", "code", "name"),
        vocabulary=("resolutions_body", "code"),
    ),
    YearFacet("year", "Year", column="year"),
    LinkFacet(
        "topic",
        "Topic",
        help="Topic slug",
        example="corruption",
        limit=FACET_LIMIT,
        vocabulary=("resolutions_topic", "slug"),
        source="resolutions_documenttopic l JOIN resolutions_topic v ON v.id = l.topic_id",
        link_condition=sql.SQL("l.status = ANY({})").format(
            sql.Literal(list(VISIBLE_TOPIC_STATUSES))
        ),
    ),
    LinkFacet(
        "sponsor",
        "Sponsor",
        help="Sponsoring country slug",
        example="italy",
        limit=FACET_LIMIT,
        vocabulary=("resolutions_country", "slug"),
        source="resolutions_sponsorship l JOIN resolutions_country v ON v.id = l.country_id",
    ),
    ColumnFacet("doc_type", "Document type", column="doc_type", choices=dict(DocType.choices)),
    VerbFacet(
        "verb",
        "Verb",
        help="A paragraph's opening verb, normalized (urges)",
        example="urges",
        level=PARAGRAPH,
        column="verb",
        limit=FACET_LIMIT,
        # A verb opening a published paragraph of any kind. Uses index: paragraph_kind_verb_idx
        # (every kind listed, so the index's leading column is bound).
        vocabulary=("resolutions_paragraph", "verb"),
        vocabulary_rows=sql.SQL("t.kind = ANY({}) AND t.published").format(
            sql.Literal(list(ParagraphKind.values))
        ),
    ),
    ColumnFacet(
        "kind",
        "Paragraph kind",
        level=PARAGRAPH,
        column="kind",
        choices=dict(ParagraphKind.choices),
        example="operative",
    ),
    LinkFacet(
        "language",
        "Language",
        help="Language code of the document (en)",
        example="en",
        source="resolutions_document l",
        document="id",
        value=("l", "language"),
        name=("l", "language"),
        labels=language_name,
        # The language of a published document.
        vocabulary=("resolutions_document", "language"),
        vocabulary_rows=sql.SQL("t.status = 'published'"),
    ),
    CitesFacet("cites", "Cites"),
    LinkFacet(
        "outcome",
        "Vote",
        help="How a resolution was adopted, as the UN Digital Library records it",
        example="recorded_vote",
        choices={value: label for value, label in VoteOutcome.choices if value},
        source="catalogue_cataloguerecord l",
        value=("l", "vote_outcome"),
        name=("l", "vote_outcome"),
        link_condition=sql.SQL("l.vote_outcome <> ''"),
    ),
    StateVoteFacet(
        "voted",
        "Voting State",
        vocabulary=("resolutions_country", "slug"),
    ),
    SubjectFacet(
        "subject",
        "UNBIS subject",
        help="UNBIS thesaurus concept id (1004763); its narrower concepts are included",
        example="1004763",
        limit=FACET_LIMIT,
        vocabulary=("catalogue_concept", "identifier"),
    ),
    AddresseeFacet(
        "addressee",
        "Addressed to",
        help="Whom an operative paragraph addresses (secretary_general, member_states, ...)",
        example="member_states",
        choices=ADDRESSEES,
    ),
)
BY_KEY: dict[str, Facet] = {facet.key: facet for facet in FACETS}
DOCUMENT_FACETS = tuple(facet for facet in FACETS if facet.level == DOCUMENT)
PARAGRAPH_FACETS = tuple(facet for facet in FACETS if facet.level == PARAGRAPH)
COUNTED = tuple(facet for facet in FACETS if facet.counted)
# Every URL parameter a facet reads.
PARAMS = tuple(name for facet in FACETS for name in facet.params)


def facet_names() -> dict[str, str]:
    """Label of each counted facet, by key (the page's headings, the API's documentation)."""
    return {facet.key: facet.label for facet in COUNTED}


def bound(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Statement parameters of every facet (empty lists and NULLs for those not chosen)."""
    params: dict[str, Any] = {}
    for facet in FACETS:
        params.update(facet.bind(filters.get(facet.key)))
    return params
