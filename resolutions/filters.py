"""The search filters: one django-filter filter per facet, over documents or paragraphs.

Both FilterSets read the same parameters (the public, stable names of `/search/` and `/api/`):
`q`, `body`, `year_min`, `year_max`, `topic`, `verb`, `doc_type`, `sponsor`, `kind`, `cites`.
Repeated parameters (`body=GA&body=ECOSOC`) mean "any of these". A value that does not
validate (`year_min=abc`) is left out and reported in `form.errors`; the search still runs.

`q`, `verb` and `kind` speak of paragraphs. On documents they must hold for one and the same
paragraph ("an operative paragraph that urges and mentions financial investigations"), so
`DocumentFilter` applies them together as one `EXISTS` over the paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, OuterRef, Q, QuerySet

from .citations import (
    DECISION_SERIES,
    RESOLUTION_SERIES,
    normalize_number,
    normalize_symbol,
    number_key,
)
from .models import (
    SEARCH_CONFIG,
    Document,
    DocumentTopic,
    Paragraph,
    Reference,
    Sponsorship,
)

# Topics a librarian has not turned down are shown and filterable.
VISIBLE_TOPIC_STATUSES = (DocumentTopic.Status.CONFIRMED, DocumentTopic.Status.SUGGESTED)
# Parameters that speak of one paragraph rather than of its document.
PARAGRAPH_KEYS = ("q", "verb", "kind")
# A hard ceiling on repeated values of one parameter: more is a mistake or abuse.
MAX_VALUES = 20


def search_query(q: str) -> SearchQuery:
    """PostgreSQL's web-search syntax: "a phrase", or, -word."""
    return SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)


class MultipleValueField(forms.Field):
    """A repeatable GET parameter (`?body=GA&body=ECOSOC`): a list of non-empty strings."""

    widget = forms.SelectMultiple

    def to_python(self, value: object) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        cleaned: list[str] = []
        for item in value:  # type: ignore[union-attr]
            item = str(item).strip()
            if item and item not in cleaned:
                cleaned.append(item[:120])
        return cleaned[:MAX_VALUES]


class MultipleValueFilter(django_filters.Filter):
    """Any of several values (`field__in`); no values, no filtering."""

    field_class = MultipleValueField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)


class YearField(forms.IntegerField):
    """A year: whole number between 1900 and 2100."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


_CITATION_BODY_NAMES = {
    "GA": "GA",
    "A": "GA",
    "GENERAL ASSEMBLY": "GA",
    "ECOSOC": "ECOSOC",
    "E": "ECOSOC",
    "ECONOMIC AND SOCIAL COUNCIL": "ECOSOC",
    "SC": "SC",
    "S": "SC",
    "SECURITY COUNCIL": "SC",
    "HRC": "HRC",
    "HUMAN RIGHTS COUNCIL": "HRC",
    "CCPCJ": "CCPCJ",
    "COMMISSION ON CRIME PREVENTION AND CRIMINAL JUSTICE": "CCPCJ",
    "CND": "CND",
    "COMMISSION ON NARCOTIC DRUGS": "CND",
    "COP-UNTOC": "COP-UNTOC",
    "COP": "COP-UNTOC",
    "COSP-UNCAC": "COSP-UNCAC",
    "COSP": "COSP-UNCAC",
}
_SYMBOL_RE = re.compile(r"^[A-Za-z]{1,10}(?:/[A-Za-z0-9.\-()]+)+$")
_NUMBER_RE = re.compile(
    r"^(?:(?P<body>[A-Za-z][A-Za-z \-]*?)\s+)?"
    r"(?:(?P<kind>resolution|decision|res\.?|dec\.?)\s*)?"
    r"(?P<number>\d{1,4}/\d{1,4}(?:\s*[A-Z])?)$",
    re.IGNORECASE,
)


def parse_citation(text: str) -> dict | None:
    """Read a typed symbol or citation: `{"symbols": [...], "body": code|None, "number": ...}`.

    "E/RES/2014/23" is a symbol; "resolution 66/128", "ECOSOC 2014/23", "GA res. 66/128" are a
    body (when named) and a number, with the symbols such a resolution would carry. Anything
    else (ordinary words) is None.
    """
    text = " ".join(text.split())
    if not text or len(text) > 120:
        return None
    if _SYMBOL_RE.match(text):
        symbol = normalize_symbol(text)
        return {"symbols": [symbol], "keys": [symbol], "body": None, "number": None}
    match = _NUMBER_RE.match(text)
    if not match:
        return None
    body_name = (match["body"] or "").strip().upper()
    if body_name in {"RESOLUTION", "DECISION", "RES", "DEC"}:
        body_name = ""
    if body_name.endswith(" RESOLUTION") or body_name.endswith(" DECISION"):
        body_name = body_name.rsplit(" ", 1)[0]
    body = None
    if body_name:
        body = _CITATION_BODY_NAMES.get(body_name)
        if body is None:
            return None
    number = normalize_number(match["number"])
    decision = (match["kind"] or "").lower().startswith("dec")
    if body:
        key = number_key(body, number, decision=decision)
        symbols = [key] if "/" in key.split(" ")[0] and key.startswith(("A/", "E/", "S/")) else []
        keys = [key]
    else:
        # "resolution 66/128" names no body: any body whose resolutions carry such a symbol.
        series = DECISION_SERIES if decision else RESOLUTION_SERIES
        symbols = [f"{prefix}{number}" for prefix in series.values()]
        keys = list(symbols)
    return {"symbols": symbols, "keys": keys, "body": body, "number": number}


def citation_keys(text: str) -> list[str]:
    """The keys a cited document may be filed under: the text itself, and what it reads as."""
    text = " ".join(text.split())
    keys = [text]
    parsed = parse_citation(text)
    if parsed:
        keys += [key for key in parsed["keys"] if key not in keys]
    return keys


def _any_iexact(field: str, values: Iterable[str]) -> Q:
    condition = Q()
    for value in values:
        condition |= Q(**{f"{field}__iexact": value})
    return condition


def cites_condition(value: str) -> Q:
    """The references that cite the document named by symbol, citation key or number."""
    keys = citation_keys(value)
    cited = (
        _any_iexact("cited_key", keys)
        | _any_iexact("cited_document__symbol", keys)
        | _any_iexact("cited_document__citation_key", keys)
    )
    parsed = parse_citation(value)
    if parsed and parsed["number"]:
        by_number = Q(cited_number__iexact=parsed["number"])
        if parsed["body"]:
            by_number &= Q(cited_body=parsed["body"])
        cited |= by_number
    return cited


class DocumentFilter(django_filters.FilterSet):
    """Filters over published documents; paragraph parameters hold for one paragraph."""

    # Where the document is, seen from the filtered model: "" here, "document__" on paragraphs.
    document_prefix = ""
    # The outer column that holds the document id, for EXISTS subqueries.
    document_ref = "pk"

    q = django_filters.CharFilter(method="filter_paragraph_noop", label="Search")
    body = MultipleValueFilter(field_name="body__code", label="Body")
    year_min = YearFilter(field_name="year", lookup_expr="gte", label="From year")
    year_max = YearFilter(field_name="year", lookup_expr="lte", label="To year")
    topic = MultipleValueFilter(method="filter_topic", label="Topic")
    verb = MultipleValueFilter(method="filter_paragraph_noop", label="Verb")
    doc_type = MultipleValueFilter(field_name="doc_type", label="Document type")
    sponsor = MultipleValueFilter(method="filter_sponsor", label="Sponsor")
    kind = MultipleValueFilter(method="filter_paragraph_noop", label="Paragraph kind")
    cites = django_filters.CharFilter(method="filter_cites", label="Cites")

    class Meta:
        model = Document
        fields: list[str] = []

    # --- document-level filters ---

    def filter_topic(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        """Documents with any of the topics, unless a librarian rejected it there."""
        links = DocumentTopic.objects.filter(
            document=OuterRef(self.document_ref),
            topic__slug__in=value,
            status__in=VISIBLE_TOPIC_STATUSES,
        )
        return queryset.filter(Exists(links))

    def filter_sponsor(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        """Documents any of the countries sponsored."""
        sponsorships = Sponsorship.objects.filter(
            document=OuterRef(self.document_ref), country__slug__in=value
        )
        return queryset.filter(Exists(sponsorships))

    def filter_cites(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Documents that cite the given one, named by symbol or citation key."""
        references = Reference.objects.filter(
            cites_condition(value), citing_document=OuterRef(self.document_ref)
        )
        return queryset.filter(Exists(references))

    def filter_paragraph_noop(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        """`q`, `verb` and `kind` are applied together in `filter_queryset`."""
        return queryset

    # --- paragraph-level filters, together ---

    def paragraph_condition(self, data: dict) -> Q:
        """What one paragraph must satisfy: the query, a verb, a kind (those that are set)."""
        condition = Q()
        if data.get("q"):
            # Uses index: paragraph_search_gin
            condition &= Q(search_vector=search_query(data["q"]))
        if data.get("verb"):
            condition &= Q(verb__in=data["verb"])
        if data.get("kind"):
            condition &= Q(kind__in=data["kind"])
        return condition

    def apply_paragraph_filters(self, queryset: QuerySet, data: dict) -> QuerySet:
        """A document qualifies through one paragraph; the query alone may match its title."""
        if not any(data.get(key) for key in PARAGRAPH_KEYS):
            return queryset
        paragraphs = Paragraph.objects.filter(
            self.paragraph_condition(data), document=OuterRef("pk")
        )
        condition = Q(Exists(paragraphs))
        if data.get("q") and not data.get("verb") and not data.get("kind"):
            # Uses index: document_title_search_gin
            condition |= Q(title_search=search_query(data["q"]))
        return queryset.filter(condition)

    def cleaned(self, *, exclude: Iterable[str] = ()) -> dict:
        """The valid parameters, less those excluded (a facet counts without its own filter)."""
        self.errors  # noqa: B018 - validates the form once
        excluded = set(exclude)
        return {
            key: value
            for key, value in self.form.cleaned_data.items()
            if key not in excluded and value not in (None, "", [])
        }

    def filter_queryset(self, queryset: QuerySet, *, exclude: Iterable[str] = ()) -> QuerySet:
        """Every valid filter but those excluded; paragraph parameters as one condition."""
        data = self.cleaned(exclude=exclude)
        for name, value in data.items():
            if name not in PARAGRAPH_KEYS:
                queryset = self.filters[name].filter(queryset, value)
        return self.apply_paragraph_filters(queryset, data)

    def queryset_without(self, *keys: str) -> QuerySet:
        """The base queryset filtered by every active filter except `keys`."""
        return self.filter_queryset(self.queryset.all(), exclude=keys)


class ParagraphFilter(DocumentFilter):
    """The same parameters over paragraphs of published documents."""

    document_prefix = "document__"
    document_ref = "document_id"

    body = MultipleValueFilter(field_name="document__body__code", label="Body")
    year_min = YearFilter(field_name="document__year", lookup_expr="gte", label="From year")
    year_max = YearFilter(field_name="document__year", lookup_expr="lte", label="To year")
    doc_type = MultipleValueFilter(field_name="document__doc_type", label="Document type")

    class Meta:
        model = Paragraph
        fields: list[str] = []

    def apply_paragraph_filters(self, queryset: QuerySet, data: dict) -> QuerySet:
        """Each paragraph is its own row: the conditions apply to it directly."""
        return queryset.filter(self.paragraph_condition(data))
