"""Paragraph alignment of two versions (pure) and the comparison page (real texts, real HTTP)."""

import pytest

from resolutions.lineage.alignment import align, summary
from resolutions.models import Document

OLD = [
    "Recalling its resolutions on conventional arms control at the regional level",
    "Requests the Conference on Disarmament to consider the formulation of principles",
    "Decides to include the item in the provisional agenda of its eightieth session",
    "Stresses the role of women in arms control discussions and negotiations",
    "Invites Member States to share their views on confidence-building measures",
]
NEW = [
    "Recalling its resolutions on conventional arms control at the regional level",
    "Stresses the role of women in arms control discussions and negotiations",
    "Requests the Disarmament Commission to consider the formulation of principles",
    "Welcomes new initiatives by regional organizations in Africa and Asia",
    "Decides to include the item in the provisional agenda of its eighty-first session",
]


def test_alignment_finds_unchanged_changed_moved_added_and_removed():
    rows = align(OLD, NEW)
    assert [(r.status, r.old, r.new) for r in rows] == [
        ("unchanged", 0, 0),
        ("moved", 3, 1),
        ("changed", 1, 2),
        ("added", None, 3),
        ("changed", 2, 4),
        ("removed", 4, None),
    ]
    assert summary(rows) == {"unchanged": 1, "changed": 2, "moved": 1, "added": 1, "removed": 1}


def test_alignment_of_empty_and_unrelated_texts():
    assert align([], []) == []
    assert summary(align(OLD, [])) == {
        "unchanged": 0,
        "changed": 0,
        "moved": 0,
        "added": 0,
        "removed": 5,
    }
    rows = align(OLD[:2], ["Decides to remain seized of the matter."])
    assert [r.status for r in rows] == ["added", "removed", "removed"]


@pytest.mark.django_db
def test_draft_and_adopted_are_compared_and_linked_both_ways(client, ingest_text):
    draft = ingest_text("A_C.1_80_L.8")
    adopted = ingest_text("A_RES_80_29")
    adopted.refresh_from_db()
    assert adopted.draft == draft
    url = f"/language/compare/{draft.pk}/{adopted.pk}/"
    for document in (draft, adopted):
        assert f'href="{url}"' in client.get(document.get_absolute_url()).content.decode()
    html = client.get(url).content.decode()
    assert "<dt>Unchanged</dt><dd>13</dd>" in html
    assert "<dt>Added</dt><dd>0</dd>" in html
    assert "A/RES/80/29 lists no sponsors; A/C.1/80/L.8 was sponsored by" in html
    assert "Pakistan" in html


@pytest.mark.django_db
def test_previous_year_against_draft_shows_changes(client, ingest_text):
    old = ingest_text("A_RES_79_26")
    draft = ingest_text("A_C.1_80_L.8")
    html = client.get(f"/language/compare/{old.pk}/{draft.pk}/").content.decode()
    # Recalled resolutions, the Commission and the session numbers changed in 2025.
    assert "<dt>Unchanged</dt><dd>9</dd>" in html
    assert "<dt>Changed</dt><dd>4</dd>" in html
    assert "Conference on" in html and "<ins>" in html
    assert "Added in A/C.1/80/L.8" in html


@pytest.mark.django_db
def test_texts_with_nothing_in_common_get_a_message(client, make_document, make_paragraph):
    draft = make_document(doc_type=Document.DocType.DRAFT_RESOLUTION)
    make_paragraph(draft, "Urges States to ratify the Convention against Corruption")
    adopted = make_document(draft=draft)
    make_paragraph(adopted, "Decides to remain seized of the matter")
    response = client.get(f"/language/compare/{draft.pk}/{adopted.pk}/")
    assert response.status_code == 200
    assert "have no paragraph in common" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_or_missing_documents_are_404(client, ingest_text):
    arms = ingest_text("A_RES_80_29")
    other = ingest_text("A_RES_79_26")
    Document.objects.filter(pk=other.pk).update(status=Document.Status.DRAFT)
    assert client.get(f"/language/compare/{arms.pk}/{other.pk}/").status_code == 404
    assert client.get(f"/language/compare/{arms.pk}/999999/").status_code == 404
