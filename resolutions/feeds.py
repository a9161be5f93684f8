"""Atom feeds of searches: follow a question, get the newest matching documents first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import search as selectors
from .models import Document

FEED_ITEMS = 50


@dataclass(frozen=True)
class FollowedSearch:
    """A feed's search: the parameters (for links) and the request as understood."""

    params: QueryDict
    request: selectors.SearchRequest


class SearchFeed(Feed):
    """`/search/feed/?<the parameters of /search/>`: the newest matching documents."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FollowedSearch:
        params = request.GET.copy()
        # A feed follows what is new, whatever order the page was sorted in.
        params["sort"] = "newest"
        params.pop("page", None)
        params.pop("view", None)
        return FollowedSearch(params, selectors.read_search(params, view="documents"))

    def title(self, obj: FollowedSearch) -> str:
        query = obj.request.query
        described = f"“{query}”" if query else "all documents"
        filters = [f.label.lower() for f in selectors.FACETS if obj.request.active(f.key)]
        if filters:
            described += " (filtered by " + ", ".join(filters) + ")"
        return f"UN Crime-Prevention Resolutions Archive: {described}"

    def subtitle(self, obj: FollowedSearch) -> str:
        return "The newest documents matching this search."

    def link(self, obj: FollowedSearch) -> str:
        query = obj.params.copy()
        query.pop("sort", None)
        encoded = query.urlencode()
        return reverse("resolutions:search") + (f"?{encoded}" if encoded else "")

    def feed_url(self, obj: FollowedSearch) -> str:
        encoded = obj.params.urlencode()
        return reverse("resolutions:search_feed") + (f"?{encoded}" if encoded else "")

    def items(self, obj: FollowedSearch) -> list[Document]:
        results = selectors.results_of(obj.request, per_page=FEED_ITEMS, with_facets=False)
        return results.rows

    def item_title(self, item: Document) -> str:
        return f"{item.label}: {item.title}"

    def item_description(self, item: Document) -> str:
        parts = [f"{item.body.name}, {item.get_doc_type_display().lower()}"]
        if item.date:
            parts.append(item.date.strftime("%-d %B %Y"))
        for paragraph in item.best_paragraphs:
            snippet = selectors.plain(paragraph.snippet)
            parts.append(f"¶ {paragraph.number or paragraph.position}: {snippet}")
        return "\n".join(parts)

    def item_link(self, item: Document) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Document) -> str:
        return f"document-{item.pk}"

    def item_updateddate(self, item: Document):
        return None

    def item_pubdate(self, item: Document):
        if item.date:
            return datetime.combine(item.date, time(), tzinfo=UTC)
        return None
