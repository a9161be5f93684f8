"""Atom feed of the documents citing a document, newest first: a feed reader announces new ones."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest

from .document_display import document_heading, paragraph_place
from .feeds import ArchiveFeed, published_at
from .models import Document, Reference
from .selectors import citations_of, get_published_document

FEED_LIMIT = 50


class CitedByFeed(ArchiveFeed):
    """Published documents citing one document; each entry links to the citing paragraph."""

    def get_object(self, request: HttpRequest, symbol: str | None = None, pk: int | None = None):
        return get_published_document(symbol=symbol, pk=pk)

    def title(self, obj: Document) -> str:
        return f"Documents citing {obj.label}"

    def subtitle(self, obj: Document) -> str:
        return f"New documents in the archive that cite {obj.label}: {obj.title}"

    def link(self, obj: Document) -> str:
        return obj.get_absolute_url() + "#cited-by"

    def items(self, obj: Document) -> list[Reference]:
        # In the page's order (the index's: undated ones last, by year, then the latest added).
        return list(citations_of(obj)[:FEED_LIMIT])

    def item_title(self, item: Reference) -> str:
        return document_heading(item.citing_document)

    def item_description(self, item: Reference) -> str:
        paragraph = item.citing_paragraph
        where = ""
        if paragraph:
            place = paragraph_place(
                kind=paragraph.kind, number=paragraph.number, position=paragraph.position
            )
            where = f" in {place}"
        return f"{item.citing_document.body.name} cites {item.cited_key}{where}."

    def item_link(self, item: Reference) -> str:
        url = item.citing_document.get_absolute_url()
        return f"{url}#{item.citing_paragraph.anchor}" if item.citing_paragraph else url

    def item_author_name(self, item: Reference) -> str:
        return item.citing_document.body.name

    def item_pubdate(self, item: Reference) -> dt.datetime:
        return published_at(item.citing_document)

    def item_updateddate(self, item: Reference) -> dt.datetime:
        return item.citing_document.updated_at
