"""The sentence tracer: page and JSON, real texts, bad input answered with a clear message."""

import pytest

from resolutions.lineage.models import ParagraphLineage
from resolutions.models import Paragraph

pytestmark = pytest.mark.django_db

SENTENCE = "to seek the views of Member States on the subject"
CHANGED = (
    "Requests the Conference on Disarmament to consider the formulation of principles that can "
    "serve as a framework for regional agreements on conventional arms control"
)


@pytest.fixture
def archive(ingest_text):
    return [ingest_text(s) for s in ("A_RES_78_37", "A_RES_79_26", "A_RES_80_29", "A_RES_80_146")]


def test_a_sentence_inside_a_paragraph_is_found_in_every_year(client, archive):
    data = client.get("/language/api/trace/", {"q": SENTENCE}).json()
    assert len(data["families"]) == 1
    found = data["families"][0]["paragraphs"]
    assert [p["document"] for p in found] == ["A/RES/78/37", "A/RES/79/26", "A/RES/80/29"]
    assert all(p["similarity"] == 1.0 and p["part_of_paragraph"] for p in found)
    assert all(p["url"].endswith("#op3") for p in found)


def test_an_edited_paragraph_is_grouped_with_its_versions_and_diffed(client, archive):
    data = client.post("/language/api/trace/", {"q": CHANGED}).json()
    family = data["families"][0]
    assert [p["document"] for p in family["paragraphs"]] == [
        "A/RES/78/37",
        "A/RES/79/26",
        "A/RES/80/29",
    ]
    latest = family["paragraphs"][-1]
    assert {"op": "delete", "text": "Conference on"} in latest["diff"]
    assert latest["similarity"] < family["paragraphs"][0]["similarity"]


def test_the_page_shows_families_with_diffs(client, archive):
    response = client.post("/language/trace/", {"q": CHANGED})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wording first found in A/RES/78/37, para. 2 (2023)" in html
    assert "<del>" in html and "<ins>" in html
    assert client.get("/language/trace/").status_code == 200


def test_a_preambular_paragraph_is_named_by_its_place_as_everywhere_else(client, archive):
    # Preambular paragraphs have no printed number: without their place, two families first
    # found in one document had the same heading, and each version was named by its document only.
    noting = Paragraph.objects.get(
        document=archive[0], text__startswith="Noting with particular interest"
    )
    assert noting.kind == "preambular"
    html = client.post("/language/trace/", {"q": noting.text[:120]}).content.decode()
    place = f"A/RES/78/37, preamble, para. {noting.position}"
    assert f"Wording first found in {place} (2023)" in html
    assert f'<a href="{noting.get_absolute_url()}">{place}</a>' in html
    family = ParagraphLineage.objects.get(paragraph=noting).family_id
    assert place in client.get(f"/language/families/{family}/").content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Paste a sentence"),
        ("   ", "Paste a sentence"),
        ("Urges", "at least 4 words"),
        ("x" * 100_000, "100,000 characters long"),
        (
            "Просит Генерального секретаря представить доклад Генеральной Ассамблее",
            "not in English",
        ),
        (
            "Prie le Secrétaire général de lui présenter un rapport sur cette question lors de sa "
            "quatre-vingt-unième session",
            "does not look like English",
        ),
    ],
)
def test_bad_input_gets_a_clear_message(client, archive, text, message):
    response = client.post("/language/api/trace/", {"q": text})
    assert response.status_code == 400
    assert message in response.json()["error"]
    page = client.post("/language/trace/", {"q": text})
    # The page shows the form again with the reason (tests/browser: no failed load logged).
    assert page.status_code == 200 and message in page.content.decode()


def test_unknown_wording_finds_nothing(client, archive):
    data = client.get(
        "/language/api/trace/", {"q": "Welcomes the launch of a lunar observatory"}
    ).json()
    assert data == {"families": []}


def test_an_unpublished_version_is_neither_traced_nor_counted(client, archive):
    from resolutions.models import Document

    Document.objects.filter(symbol="A/RES/79/26").update(status=Document.Status.DRAFT)
    data = client.get("/language/api/trace/", {"q": SENTENCE}).json()
    found = [p["document"] for p in data["families"][0]["paragraphs"]]
    assert found == ["A/RES/78/37", "A/RES/80/29"]
    page = client.get("/language/trace/", {"q": SENTENCE}).content.decode()
    assert "A/RES/79/26" not in page and "A/RES/80/29" in page
