"""The hardening report's probes (bench/hardening.py) on the test database: the faults are
survived with nothing lost, and the hostile requests reach every listed address."""

from __future__ import annotations

import pytest

from bench import hardening
from bench.hostile_requests import ADDRESSES, SEARCH_ENDPOINTS, SEGMENT_ADDRESSES
from resolutions.models import Document

pytestmark = pytest.mark.django_db


def test_every_fault_is_survived_and_no_document_is_lost(settings, tmp_path, make_document):
    settings.MEDIA_ROOT = tmp_path / "media"
    kept = make_document()

    trials, lost = hardening.run_faults()

    assert [t.survived for t in trials] == [True] * len(hardening.FAULTS), trials
    assert lost == 0 and Document.objects.filter(pk=kept.pk).exists()
    assert "could not store the original file" in trials[0].detail


def test_the_hostile_requests_cover_every_listed_address(make_document):
    document = make_document()
    parameters = {parameter for parameter, _url in hardening.hostile_urls(document)}
    addresses = {parameter.split(" ")[0] for parameter in parameters}
    assert set(SEARCH_ENDPOINTS) | set(ADDRESSES) | set(SEGMENT_ADDRESSES) <= addresses
