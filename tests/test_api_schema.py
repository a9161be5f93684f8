"""The OpenAPI document is valid, and every endpoint it documents answers what it says: the
success of each operation on the test archive, its 400 for a bad parameter, its 404."""
# ruff: noqa: F811 - the `archive` fixture is imported from search_fixtures and used as an argument

from __future__ import annotations

import re

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from search_fixtures import archive  # noqa: F401 - registers the fixture

from resolutions.addressees import ADDRESSEES
from resolutions.lineage.matching import match_document

pytestmark = pytest.mark.django_db

OPENAPI_URL = "/api/v1/openapi.json"


@pytest.fixture
def spec(client) -> dict:
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    return response.json()


def operations(spec: dict) -> list[tuple[str, dict]]:
    return [(path, item["get"]) for path, item in spec["paths"].items() if "get" in item]


def assert_matches(spec: dict, operation: dict, response) -> None:
    """The response's status is documented and its JSON body matches that status's schema."""
    documented = operation["responses"]
    status = str(response.status_code)
    assert status in documented, f"{operation['operationId']}: undocumented {status}"
    assert response["Content-Type"].startswith("application/json")
    schema = documented[status]["content"]["application/json"]["schema"]
    validator = OAS31Validator({**schema, "components": spec["components"]})
    errors = [error.message for error in validator.iter_errors(response.json())]
    assert not errors, f"{operation['operationId']} {status}: {errors[:3]}"


def test_openapi_document_is_valid(spec):
    validate(spec)
    assert spec["info"]["version"] == "1"
    assert {"/api/v1/search/", "/api/v1/documents/{pk}/", "/api/v1/sponsors/"} <= set(spec["paths"])


def test_every_paragraph_representation_documents_its_addressees(spec):
    schemas = spec["components"]["schemas"]
    paragraphs = [s for s in schemas.values() if "anchor" in s.get("properties", {})]
    assert len(paragraphs) >= 3  # in a document, found by a search, on its own
    for paragraph in paragraphs:
        field = paragraph["properties"]["addressees"]
        assert "addressees" in paragraph["required"], paragraph["title"]
        assert set(field["items"]["enum"]) == set(ADDRESSEES)
        assert "secretary_general: the Secretary-General" in field["description"]


def concrete(path: str, archive) -> str:
    """The path of a documented operation with real values for its parameters."""
    paragraph = archive["smuggling"].paragraphs.get(number="2")
    values = {
        "/paragraphs/{pk}/": {"pk": paragraph.pk},
        "/topics/{slug}/": {"slug": "migration"},
        "/countries/{slug}/": {"slug": "italy"},
        "/bodies/{code}/": {"code": "ECOSOC"},
        "/by-symbol/{symbol}/": {"symbol": "E/RES/2014/23"},
    }
    for suffix, names in values.items():
        if path.endswith(suffix):
            return path.format(**names)
    return path.format(pk=archive["smuggling"].pk)


def test_every_documented_endpoint_answers_as_documented(client, spec, archive):
    for document in archive.values():
        match_document(document.pk)  # the lineage: paragraphs' addressees are filled in
    checked = []
    for path, operation in operations(spec):
        url = concrete(path, archive)
        has_query = any(p["in"] == "query" for p in operation.get("parameters", []))
        for params in [{}, {"q": "migrants"}, {"q": "migrants", "view": "paragraphs"}]:
            ok = client.get(url, params if has_query else {})
            assert ok.status_code == 200, url
            assert_matches(spec, operation, ok)
        if has_query:
            assert_matches(spec, operation, client.get(url, {"per_page": "0"}))
            assert_matches(spec, operation, client.get(url, {"page": "999"}))
        if "{" in path:
            missing = re.sub(r"\{\w+\}", "999999", path)  # no such id, code, slug or symbol
            assert_matches(spec, operation, client.get(missing))
        checked.append(path)
    assert len(checked) == len(operations(spec)) >= 15
