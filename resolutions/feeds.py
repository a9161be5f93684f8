"""Atom feeds of documents: of a search, and of a body, topic or country page.

Valid RFC 4287: the feed names its author (the archive) and each entry its own (the issuing
body); every entry has `updated` (when the archive last changed the document) and `published`
(its date, else when it was added); entry ids are the documents' absolute URLs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import search
from .document_display import document_heading, paragraph_place
from .models import Body, Country, Document, Topic
from .selectors import body_documents, country_documents, topic_documents

FEED_ITEMS = 50
ARCHIVE_NAME = "UN Crime-Prevention Resolutions Archive"


def published_at(document: Document) -> dt.datetime:
    """When a document was issued (noon UTC of its date), else when it entered the archive."""
    if document.date:
        return dt.datetime.combine(document.date, dt.time(12), tzinfo=dt.UTC)
    return document.created_at


class ArchiveFeed(Feed):
    """What every feed of the archive shares: Atom, and the archive as the feed's author."""

    feed_type = Atom1Feed
    author_name = ARCHIVE_NAME


class DocumentFeed(ArchiveFeed):
    """A feed whose entries are documents (body and dates loaded with them)."""

    def item_title(self, item: Document) -> str:
        return document_heading(item)

    def item_description(self, item: Document) -> str:
        parts = [f"{item.body.name}, {item.get_doc_type_display().lower()}"]
        if item.date:
            parts.append(item.date.strftime("%-d %B %Y"))
        return "\n".join(parts)

    def item_link(self, item: Document) -> str:
        return item.get_absolute_url()

    def item_author_name(self, item: Document) -> str:
        return item.body.name

    def item_pubdate(self, item: Document) -> dt.datetime:
        return published_at(item)

    def item_updateddate(self, item: Document) -> dt.datetime:
        return item.updated_at


@dataclass(frozen=True)
class FollowedSearch:
    """A feed's search: the parameters (for links) and the request as understood."""

    params: QueryDict
    request: search.SearchRequest


# What a search's feed leaves out of the search: a feed lists documents, newest first, from the
# first (see docs/search.md, "The feed of a search").
NOT_FOLLOWED = ("sort", "page", "view")


def followed_params(params: QueryDict) -> QueryDict:
    """The parameters of a search that its feed follows (query, filters, `within`)."""
    followed = params.copy()
    for name in NOT_FOLLOWED:
        followed.pop(name, None)
    return followed


def search_feed_url(params: QueryDict) -> str:
    """The address of the feed of the search with these parameters."""
    encoded = followed_params(params).urlencode()
    return reverse("resolutions:search_feed") + (f"?{encoded}" if encoded else "")


class SearchFeed(DocumentFeed):
    """`/search/feed/?<the parameters of /search/>`: the newest matching documents, newest
    first whatever the search's own `sort`."""

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FollowedSearch:
        params = followed_params(request.GET)
        newest = params.copy()
        newest["sort"] = "newest"
        return FollowedSearch(params, search.read_search(newest, view="documents"))

    def title(self, obj: FollowedSearch) -> str:
        query = obj.request.query
        described = f"“{query}”" if query else "all documents"
        filters = [f.label.lower() for f in search.FACETS if obj.request.active(f.key)]
        if filters:
            described += " (filtered by " + ", ".join(filters) + ")"
        return f"{ARCHIVE_NAME}: {described}"

    def subtitle(self, obj: FollowedSearch) -> str:
        return (
            f"The {FEED_ITEMS} newest documents matching this search, newest first, "
            "whatever order the search page is sorted in."
        )

    def link(self, obj: FollowedSearch) -> str:
        encoded = obj.params.urlencode()
        return reverse("resolutions:search") + (f"?{encoded}" if encoded else "")

    def feed_url(self, obj: FollowedSearch) -> str:
        return search_feed_url(obj.params)

    def items(self, obj: FollowedSearch) -> list[Document]:
        results = search.results_of(obj.request, per_page=FEED_ITEMS, with_facets=False)
        documents = results.rows
        # The search loads only what its pages show: the entries' timestamps in one more query.
        stamps = {
            pk: (created, updated)
            for pk, created, updated in Document.objects.filter(
                pk__in=[d.pk for d in documents]
            ).values_list("pk", "created_at", "updated_at")
        }
        for document in documents:
            document.created_at, document.updated_at = stamps[document.pk]
        return documents

    def item_description(self, item: Document) -> str:
        parts = [super().item_description(item)]
        for paragraph in item.best_paragraphs:
            place = paragraph_place(
                kind=paragraph.kind, number=paragraph.number, position=paragraph.position
            )
            parts.append(f"{place}: {search.plain(paragraph.snippet)}")
        return "\n".join(parts)


class EntityFeed(DocumentFeed):
    """The documents of a body, topic or country page, the most recently added first.

    A subclass names the model, the URL keyword that finds the entity, the reader of its
    documents and how the title relates them ("documents on Migration").
    """

    model: type[Body | Topic | Country]
    lookup: str
    documents: Callable[[Any], QuerySet[Document]]
    described: str

    def get_object(self, request: HttpRequest, **kwargs: str) -> Body | Topic | Country:
        return get_object_or_404(self.model, **{self.lookup: kwargs[self.lookup]})

    def title(self, obj: Body | Topic | Country) -> str:
        return f"{ARCHIVE_NAME}: documents {self.described} {obj}"

    def subtitle(self, obj: Body | Topic | Country) -> str:
        return f"Documents {self.described} {obj}, as they are added to the archive."

    def link(self, obj: Body | Topic | Country) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Body | Topic | Country) -> list[Document]:
        documents = self.documents(obj).select_related("body")
        return list(documents.order_by("-created_at", "-pk")[:FEED_ITEMS])


class BodyFeed(EntityFeed):
    """`/bodies/<code>/feed/`: what a body adopted."""

    model = Body
    lookup = "code"
    documents = staticmethod(body_documents)
    described = "adopted by"


class TopicFeed(EntityFeed):
    """`/topics/<slug>/feed/`: documents on a topic (confirmed or suggested)."""

    model = Topic
    lookup = "slug"
    documents = staticmethod(topic_documents)
    described = "on"


class CountryFeed(EntityFeed):
    """`/countries/<slug>/feed/`: documents a country sponsored."""

    model = Country
    lookup = "slug"
    documents = staticmethod(country_documents)
    described = "sponsored by"
