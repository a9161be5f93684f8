"""Atom feed of the documents citing a document, newest first: a feed reader announces new ones."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .models import Document, Reference
from .selectors import citations_of, get_published_document

FEED_LIMIT = 50


class CitedByFeed(Feed):
    """Published documents citing one document; each entry links to the citing paragraph."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, symbol: str | None = None, pk: int | None = None):
        return get_published_document(symbol=symbol, pk=pk)

    def title(self, obj: Document) -> str:
        return f"Documents citing {obj.label}"

    def subtitle(self, obj: Document) -> str:
        return f"New documents in the archive that cite {obj.label}: {obj.title}"

    def link(self, obj: Document) -> str:
        return obj.get_absolute_url() + "#cited-by"

    def items(self, obj: Document) -> list[Reference]:
        return list(
            citations_of(obj).order_by(
                F("citing_document__date").desc(nulls_last=True),
                "-citing_document__created_at",
                "-pk",
            )[:FEED_LIMIT]
        )

    def item_title(self, item: Reference) -> str:
        return f"{item.citing_document.label}: {item.citing_document.title}"

    def item_description(self, item: Reference) -> str:
        where = f" in {item.citing_paragraph.anchor}" if item.citing_paragraph else ""
        return f"{item.citing_document.body.name} cites {item.cited_key}{where}."

    def item_link(self, item: Reference) -> str:
        url = item.citing_document.get_absolute_url()
        return f"{url}#{item.citing_paragraph.anchor}" if item.citing_paragraph else url

    def item_guid(self, item: Reference) -> str:
        return f"reference-{item.pk}"

    def item_pubdate(self, item: Reference) -> dt.datetime:
        document = item.citing_document
        if document.date:
            return timezone.make_aware(dt.datetime.combine(document.date, dt.time(12)), dt.UTC)
        return document.created_at

    def item_updateddate(self, item: Reference) -> dt.datetime:
        return item.citing_document.updated_at
