"""`/api/v1/bodies/`, `/topics/`, `/countries/`, `/sponsors/`: the vocabularies, each entry
with its published documents counted and the address of their list."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from ..models import Body, Country, Topic
from ..selectors import (
    bodies_with_counts,
    countries_with_counts,
    sponsors_with_counts,
    topics_with_counts,
)
from .errors import LIST_ERRORS, ONE_ERRORS
from .pagination import PageParams, paginate
from .representations import absolute, api_url, documents_url
from .schemas import BodyOut, BodyPage, CountryOut, CountryPage, TopicDetail, TopicPage

router = Router()


def body_out(request: HttpRequest, body: Body) -> dict[str, Any]:
    return {
        "code": body.code,
        "name": body.name,
        "description": body.description,
        "document_count": body.n,
        "url": absolute(request, body.get_absolute_url()),
        "api_url": api_url(request, "body", body.code),
        "documents_url": documents_url(request, body=body.code),
    }


def topic_out(request: HttpRequest, topic: Topic) -> dict[str, Any]:
    parent = topic.parent
    return {
        "slug": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "parent": {"slug": parent.slug, "name": parent.name} if parent else None,
        "document_count": topic.n,
        "url": absolute(request, topic.get_absolute_url()),
        "api_url": api_url(request, "topic", topic.slug),
        "documents_url": documents_url(request, topic=topic.slug),
    }


def country_out(request: HttpRequest, country: Country) -> dict[str, Any]:
    return {
        "slug": country.slug,
        "name": country.name,
        "iso3": country.iso3,
        "aliases": list(country.aliases),
        "document_count": country.n,
        "url": absolute(request, country.get_absolute_url()),
        "api_url": api_url(request, "country", country.slug),
        "documents_url": documents_url(request, sponsor=country.slug),
    }


@router.get(
    "/bodies/", response={200: BodyPage, **LIST_ERRORS}, url_name="body_list", tags=["bodies"]
)
def list_bodies(request: HttpRequest, paging: Query[PageParams]) -> dict[str, Any]:
    """Every issuing body, by code, with its number of published documents."""
    fields, rows = paginate(request, bodies_with_counts(), paging)
    return {**fields, "results": [body_out(request, body) for body in rows]}


@router.get(
    "/bodies/{code}/", response={200: BodyOut, **ONE_ERRORS}, url_name="body", tags=["bodies"]
)
def get_body(request: HttpRequest, code: str) -> dict[str, Any]:
    """One issuing body by its code (GA, ECOSOC, CCPCJ, ...)."""
    return body_out(request, get_object_or_404(bodies_with_counts(), code=code))


@router.get(
    "/topics/", response={200: TopicPage, **LIST_ERRORS}, url_name="topic_list", tags=["topics"]
)
def list_topics(request: HttpRequest, paging: Query[PageParams]) -> dict[str, Any]:
    """Every topic of the vocabulary, by name, with the published documents it covers."""
    fields, rows = paginate(request, topics_with_counts(), paging)
    return {**fields, "results": [topic_out(request, topic) for topic in rows]}


@router.get(
    "/topics/{slug:slug}/",
    response={200: TopicDetail, **ONE_ERRORS},
    url_name="topic",
    tags=["topics"],
)
def get_topic(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One topic, with its narrower topics."""
    topic = get_object_or_404(topics_with_counts(), slug=slug)
    children = topic.children.order_by("name").only("slug", "name")
    return {
        **topic_out(request, topic),
        "children": [{"slug": child.slug, "name": child.name} for child in children],
    }


@router.get(
    "/countries/",
    response={200: CountryPage, **LIST_ERRORS},
    url_name="country_list",
    tags=["countries"],
)
def list_countries(request: HttpRequest, paging: Query[PageParams]) -> dict[str, Any]:
    """Every country, by name, with its other spellings and the documents it sponsored."""
    fields, rows = paginate(request, countries_with_counts(), paging)
    return {**fields, "results": [country_out(request, country) for country in rows]}


@router.get(
    "/countries/{slug:slug}/",
    response={200: CountryOut, **ONE_ERRORS},
    url_name="country",
    tags=["countries"],
)
def get_country(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One country by its slug."""
    return country_out(request, get_object_or_404(countries_with_counts(), slug=slug))


@router.get(
    "/sponsors/",
    response={200: CountryPage, **LIST_ERRORS},
    url_name="sponsor_list",
    tags=["countries"],
)
def list_sponsors(request: HttpRequest, paging: Query[PageParams]) -> dict[str, Any]:
    """The countries that sponsored at least one published document, by name."""
    fields, rows = paginate(request, sponsors_with_counts(), paging)
    return {**fields, "results": [country_out(request, country) for country in rows]}
