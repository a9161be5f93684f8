"""The search of `/search/`, the API, the feeds and the exports, defined once.

Modules, each importing only those listed before it:

- `values`: raw GET values read safely; `citations`: typed symbols and citations;
  `boolean`: a query's words combined over whole documents;
- `types`: what a search hands back (`SearchResults`, `FacetValue`);
- `facets`: the facet registry, every filter declared once;
- `request`: the request read and validated (`read_search`, `InvalidSearch`);
- `ranking`: how relevant a paragraph and a document are (one definition of the scores);
- `sql`: the request's conditions as SQL (`Match`), composed with `psycopg.sql`;
- `counts`: the match set's size and facet counts; `rows`: one page of ids;
- `snippets`: best paragraphs and highlights; `review`: what the reader is told;
- `results`: `search()`; `exports`: whole result sets and citation lookups.
"""

from .citations import citation_keys, parse_citation
from .exports import (
    EXPORT_MAX_ROWS,
    export_document_ids,
    export_documents,
    export_paragraphs,
    find_documents_by_citation,
)
from .facets import FACETS, VISIBLE_TOPIC_STATUSES, facet_names
from .request import PER_PAGE, SORTS, VIEWS, WITHIN, InvalidSearch, SearchRequest, read_search
from .results import (
    matching_document_ids,
    results_of,
    search,
    search_documents,
    search_paragraphs,
)
from .review import ensure_known, unknown_value_notices
from .snippets import BEST_PARAGRAPHS, highlighted, plain
from .types import START_SEL, STOP_SEL, FacetValue, SearchResults

__all__ = [
    "BEST_PARAGRAPHS",
    "EXPORT_MAX_ROWS",
    "FACETS",
    "PER_PAGE",
    "SORTS",
    "START_SEL",
    "STOP_SEL",
    "VIEWS",
    "VISIBLE_TOPIC_STATUSES",
    "WITHIN",
    "FacetValue",
    "InvalidSearch",
    "SearchRequest",
    "SearchResults",
    "citation_keys",
    "ensure_known",
    "export_document_ids",
    "export_documents",
    "export_paragraphs",
    "facet_names",
    "find_documents_by_citation",
    "highlighted",
    "matching_document_ids",
    "parse_citation",
    "plain",
    "read_search",
    "results_of",
    "search",
    "search_documents",
    "search_paragraphs",
    "unknown_value_notices",
]
