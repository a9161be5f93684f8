"""The real UN Digital Library: skipped unless UNDL_TOKEN is set (see docs/catalogue.md).

    UNDL_TOKEN=... make test PYTEST_ARGS="tests/catalogue/test_live.py -q"

It checks the assumptions the client makes about the API (paging by search_id, MARCXML pages,
OAI-PMH GetRecord) and the search syntax of the default query, a few requests five seconds apart.
"""

import os

import pytest

from resolutions.catalogue.client import UndlClient
from resolutions.catalogue.crawl import VOTING_RECORDS, build_query
from resolutions.catalogue.mapping import map_record
from resolutions.catalogue.marc import read_record, split_page

TOKEN = os.environ.get("UNDL_TOKEN", "")

pytestmark = pytest.mark.skipif(not TOKEN, reason="UNDL_TOKEN not set: live test skipped")


def test_the_live_api_pages_marcxml_and_a_single_record_maps():
    client = UndlClient(
        token=TOKEN, base_url=os.environ.get("UNDL_BASE_URL", "https://digitallibrary.un.org")
    )
    try:
        page = next(client.search('191__a:"A/RES/63/156"'))
        records = split_page(page.data).records
        assert records and page.records == len(records)
        single = split_page(client.record(644016)).records
        record, _ = read_record(single[0])
        entry = map_record(record)
        assert entry.symbol == "A/RES/63/156" and entry.date == "2008-12-18"
    finally:
        client.close()


def test_the_live_search_syntax_of_the_default_query():
    """The range, the voting-record and the agenda clauses the default query is built of."""
    client = UndlClient(
        token=TOKEN, base_url=os.environ.get("UNDL_BASE_URL", "https://digitallibrary.un.org")
    )
    try:
        dated = build_query(series=["A/RES/63/156"], date_from="2008-12-18", date_to="2008-12-18")
        page = next(client.search(dated))
        assert "644016" in {r.record_id for r in split_page(page.data).records}
        voting = f"{VOTING_RECORDS} AND 791__a:\"S/RES/2538(2020)\" AND 991__d:'PEACEKEEPING'"
        page = next(client.search(voting))
        assert "3879191" in {r.record_id for r in split_page(page.data).records}
    finally:
        client.close()
