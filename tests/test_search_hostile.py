"""Hostile parameters on every search address: a page or a 400 with a message, never a 500.

A fixed list of known troublemakers (NUL bytes, control characters, invalid UTF-8, tsquery
operators, unbalanced quotes, huge and negative numbers, very long and repeated values), then
Hypothesis drawing arbitrary text into every parameter.
"""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_fixtures import archive  # noqa: F401 - registers the fixture

from bench.hostile_requests import NASTY, SEARCH_ENDPOINTS, SEARCH_PARAMS, raw

pytestmark = pytest.mark.django_db


def check(response) -> None:
    """A page, a feed, an export or a 400 with a reason; anything else fails."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code in (200, 400, 404), response.status_code
    if response.status_code == 400:
        assert json.loads(content)["errors"]
    elif response.status_code == 404:  # the API pages strictly: a page past the last
        assert json.loads(content)["code"] == "page_out_of_range"
    elif response["Content-Type"].startswith("application/atom+xml"):
        ET.fromstring(content)  # well-formed: no control character reached the XML
    elif response["Content-Type"].startswith("application/json"):
        json.loads(content)


@pytest.mark.parametrize("endpoint", SEARCH_ENDPOINTS)
def test_known_troublemakers_never_break_a_search(client, archive, endpoint):
    for name in SEARCH_PARAMS:
        for value in NASTY:
            check(client.get(f"{endpoint}?{name}={raw(value)}"))
    # Repeated parameters, many values, every parameter at once.
    check(client.get(endpoint + "?" + "&".join(f"body=B{n}" for n in range(200))))
    check(client.get(endpoint + "?" + "&".join(f"{name}=%00" for name in SEARCH_PARAMS)))
    check(client.get(endpoint + "?q=a&q=b&page=2&page=x&sort=oldest&sort=newest"))
    # A value kept from a list cut short by a bad one is checked as any other.
    for name, kept in (("voted", "0"), ("doc_type", "nonsense"), ("voted", "mexico:no")):
        check(client.get(f"{endpoint}?{name}={kept}&{name}=%1B"))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    endpoint=st.sampled_from(SEARCH_ENDPOINTS),
    params=st.dictionaries(
        st.sampled_from(SEARCH_PARAMS),
        st.lists(st.text(max_size=60), min_size=1, max_size=3),
        max_size=4,
    ),
)
def test_arbitrary_text_in_any_parameter_never_breaks_a_search(client, archive, endpoint, params):
    query = "&".join(
        f"{name}={quote(value, safe='', errors='surrogatepass')}"
        for name, values in params.items()
        for value in values
    )
    check(client.get(f"{endpoint}?{query}"))


def test_control_characters_in_q_never_reach_the_feed(client, archive):
    response = client.get("/search/feed/?q=migrants%07%1b%00")
    root = ET.fromstring(response.content)
    title = root.find("{http://www.w3.org/2005/Atom}title").text
    assert "migrants" in title and "\x07" not in title and "\x00" not in title


def test_a_value_kept_from_a_cut_list_is_checked_and_the_fault_said(client, archive):
    """`voted=0&voted=ESC`: the control character stops the list, and the value kept before it
    is still checked (it names no country): the page says what was wrong and filters nothing."""
    response = client.get("/search/?voted=0&voted=%1B")
    assert response.status_code == 200
    assert "control characters are not allowed" in response.content.decode()
    assert response.context["results"].page.paginator.count == 3
