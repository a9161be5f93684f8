"""The real UN Digital Library: skipped unless UNDL_TOKEN is set (see docs/catalogue.md).

    UNDL_TOKEN=... make test PYTEST_ARGS="tests/catalogue/test_live.py -q"

It checks the assumptions the client makes about the API (paging by search_id, MARCXML pages)
with two requests five seconds apart.
"""

import os

import pytest

from resolutions.catalogue.client import UndlClient
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
