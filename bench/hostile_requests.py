"""Hostile request values and the addresses they are sent to, for the tests and
`manage.py hardening_report`: the search's endpoints and parameters, every other public address
with the parameters it reads, path segments, and a fixed list of known-nasty values.
"""

from __future__ import annotations

from urllib.parse import quote

from resolutions.search.facets import PARAMS as FACET_PARAMS

# The search's addresses and every parameter they read (each facet's from the registry).
SEARCH_ENDPOINTS = (
    "/search/",
    "/api/search/",
    "/api/documents/",
    "/api/paragraphs/",
    "/search/feed/",
    "/search/export.csv",
    "/search/export.json",
)
SEARCH_PARAMS = ("q", *FACET_PARAMS, "sort", "view", "within", "page", "per_page")
# Values sent to every search parameter (a leading % is sent raw: invalid UTF-8 or a NUL).
NASTY = (
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "%FF%FE",  # sent raw: invalid UTF-8
    "'\"&|!:*()<>",
    '"unbalanced',
    "a & b | !c <-> d:*",
    "9223372036854775808",
    "-1",
    "0",
    "1e309",
    "x" * 5000,
    "<script>alert(1)</script>",
    "\ud7ff\ufffe\uffff",
    " ",
)


# Hostile path segments (sent raw) for addresses whose last segment is free text.
SEGMENTS = (
    "%00",
    "abc%00def",
    "%FF%FE",
    "x" * 3000,
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "9223372036854775808",
    "-1",
)
# Values sent raw in the query string of every other public address.
VALUES = (
    "%00",
    "a%00b",
    "%07%1B%5B31m",
    "%FF%FE",
    "'%22%26|!:*()%3C%3E",
    "9223372036854775808",
    "-1",
    "1e309",
    "x" * 5000,
)
# Each address with the parameters it reads; `{id}` and `{symbol}` are filled with a document's.
ADDRESSES = {
    "/documents/{symbol}/": ("cited_by_body", "cited_by_year"),
    "/documents/id/{id}/": ("cited_by_body", "cited_by_year"),
    "/documents/{symbol}/cite.ris": (),
    "/documents/{symbol}/cite.bib": (),
    "/documents/{symbol}/json/": (),
    "/documents/{symbol}/cited-by.atom": (),
    "/documents/{id}/original/": (),
    "/bodies/": ("page",),
    "/bodies/ECOSOC/": ("page",),
    "/bodies/ECOSOC/feed/": (),
    "/topics/": ("page",),
    "/countries/": ("page",),
    "/subjects/": ("page",),
    "/api/": (),
    "/api/v1/documents/{id}/": (),
    "/api/v1/documents/{id}/references/": ("page", "per_page"),
    "/api/v1/documents/{id}/cited-by/": ("page", "per_page"),
    "/api/v1/bodies/": ("page", "per_page"),
    "/api/v1/topics/": ("page", "per_page"),
    "/api/v1/countries/": ("page", "per_page"),
    "/api/v1/sponsors/": ("page", "per_page"),
    "/language/trace/": ("q",),
    "/language/api/trace/": ("q",),
    "/language/commitments/": ("body", "sponsor", "from", "to"),
    "/language/commitments.csv": ("body", "sponsor", "from", "to"),
    "/language/mandates/": ("who", "body", "status"),
}
# Addresses whose last path segment is free text: each hostile segment goes there.
SEGMENT_ADDRESSES = (
    "/documents/{}/",
    "/documents/{}/cite.ris",
    "/documents/{}/cited-by.atom",
    "/bodies/{}/",
    "/bodies/{}/feed/",
    "/topics/{}/",
    "/countries/{}/feed/",
    "/subjects/{}/",
    "/api/v1/documents/by-symbol/{}/",
    "/api/v1/bodies/{}/",
    "/api/v1/topics/{}/",
    "/language/families/{}/",
)


def raw(value: str) -> str:
    """A value as sent in a query string: percent-encoded unless it is already raw (`%..`)."""
    return value if value.startswith("%") else quote(value, safe="")
