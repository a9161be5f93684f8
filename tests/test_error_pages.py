"""Error pages in production (DEBUG off): the archive's own pages, with its header and a way on,
never Django's bare "Not Found" text."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/topics/no-such-topic/", "/bodies/NOPE/", "/language/families/999999/"]
)
def test_a_missing_page_is_the_archives_own(client, url, settings):
    assert settings.DEBUG is False
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html and 'href="/search/"' in html


def test_a_page_the_role_does_not_allow_says_so(client):
    client.force_login(User.objects.create_user("reader"))
    response = client.get("/staff/topics/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Not allowed</h1>" in html and "role does not allow" in html
    assert 'class="site-header"' in html


def test_a_server_error_page_needs_neither_request_nor_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/search/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on the archive" in html and 'href="/search/"' in html


def test_a_request_that_cannot_be_read_is_answered_by_a_page_too(client):
    response = client.get("/search/", HTTP_HOST="not-this-archive.example")
    assert response.status_code == 400
    assert "<h1>This request cannot be read</h1>" in response.content.decode()
