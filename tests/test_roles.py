"""Roles: every protected address, tried by every role, anonymous included."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from role_users import ALL_ROLES, ANONYMOUS, make_user

from resolutions.models import Country, Document, DocumentTopic, IngestRun, Reference, Topic
from resolutions.roles import (
    ADMINISTRATORS,
    LIBRARIANS,
    ROLE_PERMISSIONS,
    ROLES,
    UPLOADERS,
)

pytestmark = pytest.mark.django_db

STAFF = {UPLOADERS, LIBRARIANS, ADMINISTRATORS}
CURATORS = {LIBRARIANS}
ADDERS = {UPLOADERS, LIBRARIANS}


@dataclass(frozen=True)
class Address:
    name: str
    args: tuple[str, ...] = ()
    method: str = "get"
    allowed: frozenset[str] = frozenset()
    data: dict = field(default_factory=dict)
    # What an uploader outside `allowed` gets (404: not even told the document exists).
    uploader_refused: int = 403

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.name}"


ADDRESSES = [
    Address("staff:home", allowed=frozenset(STAFF)),
    Address("staff:upload", allowed=frozenset(ADDERS)),
    Address("staff:upload_batch", ("own_batch",), allowed=frozenset(ADDERS)),
    Address(
        "staff:upload_batch", ("other_batch",), allowed=frozenset(CURATORS), uploader_refused=404
    ),
    Address("staff:documents", allowed=frozenset(ADDERS)),
    Address("staff:review", ("own_draft",), allowed=frozenset(ADDERS)),
    Address("staff:review", ("other_draft",), allowed=frozenset(CURATORS), uploader_refused=404),
    Address("staff:paragraphs", ("own_draft",), allowed=frozenset(CURATORS)),
    Address("staff:bulk_topics", allowed=frozenset(CURATORS)),
    Address("staff:topics", allowed=frozenset(CURATORS)),
    Address("staff:topic_edit", ("topic_pk",), allowed=frozenset(CURATORS)),
    Address("staff:countries", allowed=frozenset(CURATORS)),
    Address("staff:country_edit", ("country_pk",), allowed=frozenset(CURATORS)),
    Address("staff:citations", allowed=frozenset(CURATORS)),
    Address("staff:history", ("document", "own_draft"), allowed=frozenset(CURATORS)),
    Address("staff:history", ("topic", "topic_pk"), allowed=frozenset(CURATORS)),
    Address("staff:deleted", allowed=frozenset(CURATORS)),
    Address("staff:upload", method="post", allowed=frozenset(ADDERS)),
    Address("staff:review", ("own_draft",), "post", frozenset(ADDERS), {"title": "x"}),
    Address("staff:publish", ("own_draft",), "post", frozenset(CURATORS)),
    Address("staff:withdraw", ("own_draft",), "post", frozenset(CURATORS)),
    Address("staff:discard", ("own_draft",), "post", frozenset(ADDERS)),
    Address("staff:discard", ("other_draft",), "post", frozenset(CURATORS), uploader_refused=404),
    Address("staff:paragraphs", ("own_draft",), "post", frozenset(CURATORS)),
    Address("staff:decide_topic", ("link",), "post", frozenset(CURATORS), {"status": "confirmed"}),
    Address("staff:bulk_topics", method="post", allowed=frozenset(CURATORS)),
    Address("staff:topics", method="post", allowed=frozenset(CURATORS), data={"name": "New"}),
    Address("staff:topics_merge", method="post", allowed=frozenset(CURATORS)),
    Address("staff:topic_edit", ("topic_pk",), "post", frozenset(CURATORS), {"name": "Renamed"}),
    Address("staff:countries", method="post", allowed=frozenset(CURATORS), data={"name": "Z"}),
    Address("staff:countries_merge", method="post", allowed=frozenset(CURATORS)),
    Address("staff:country_edit", ("country_pk",), "post", frozenset(CURATORS), {"name": "Y"}),
    Address("staff:citation_resolve", ("reference",), "post", frozenset(CURATORS)),
    Address("staff:revert", ("topic", "topic_record"), "post", frozenset(CURATORS)),
    Address("staff:restore", ("deleted",), "post", frozenset(CURATORS)),
    Address("admin:auth_user_changelist", allowed=frozenset({ADMINISTRATORS})),
    Address("admin:auth_user_add", allowed=frozenset({ADMINISTRATORS})),
]


@pytest.fixture
def world(make_document, make_paragraph):
    """One of each object the staff pages act on; names for the addresses' arguments."""
    uploader = make_user(UPLOADERS, "owner")
    someone = make_user(UPLOADERS, "someone-else")
    own = make_document(status=Document.Status.DRAFT, uploaded_by=uploader)
    make_paragraph(own, "Urges Member States to act.")
    other = make_document(status=Document.Status.DRAFT, uploaded_by=someone)
    topic = Topic.objects.create(name="Role test topic", slug="role-test-topic")
    topic.name = "Role test topic, renamed"
    topic.save()
    country = Country.objects.create(name="Roleland", slug="roleland")
    link = DocumentTopic.objects.create(document=own, topic=topic)
    reference = Reference.objects.create(
        citing_document=own, ref_type="resolution", cited_key="A/RES/1/1"
    )
    own_batch = IngestRun.objects.create(started_by="upload by owner", user=uploader)
    other_batch = IngestRun.objects.create(started_by="upload by someone-else", user=someone)
    gone = make_document()
    gone_pk = gone.pk
    gone.delete()
    return {
        "owner": uploader,
        "own_draft": own.pk,
        "other_draft": other.pk,
        "topic_pk": topic.pk,
        "topic_record": topic.history.earliest().history_id,
        "country_pk": country.pk,
        "link": link.pk,
        "reference": reference.pk,
        "deleted": gone_pk,
        "own_batch": own_batch.pk,
        "other_batch": other_batch.pk,
    }


def test_the_migration_created_each_role_with_exactly_its_permissions():
    for role, perms in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(perms), role


def test_roles_do_not_overlap_beyond_their_tasks():
    uploader, librarian, administrator = (set(ROLE_PERMISSIONS[r]) for r in ROLES)
    assert not any(perm.startswith("auth.") for perm in uploader | librarian)
    assert not any(perm.startswith("resolutions.") for perm in administrator)
    assert "resolutions.change_document" not in uploader


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("address", ADDRESSES, ids=str)
def test_every_protected_address_with_every_role(client, world, role, address):
    if role == UPLOADERS:
        client.force_login(world["owner"])
    elif role != ANONYMOUS:
        client.force_login(make_user(role))
    args = [world.get(arg, arg) for arg in address.args]
    url = reverse(address.name, args=args)

    response = getattr(client, address.method)(url, address.data)

    if role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"].startswith(("/accounts/login/", "/admin/login/"))
    elif role in address.allowed:
        assert response.status_code in {200, 302, 400}
        if response.status_code == 302:
            assert "/login/" not in response["Location"]
    elif address.name.startswith("admin:") and response.status_code == 302:
        # The admin sends users without its staff flag to its own sign-in.
        assert response["Location"].startswith("/admin/login/")
        assert role != ADMINISTRATORS
    elif role == UPLOADERS:
        assert response.status_code == address.uploader_refused
    else:
        assert response.status_code == 403


def test_a_librarians_document_form_offers_no_user_lookup(client, make_document):
    """The document's uploader is shown, not looked up: the user list is the administrators'."""
    librarian = make_user(LIBRARIANS)
    client.force_login(librarian)
    document = make_document(uploaded_by=librarian)
    page = client.get(reverse("admin:resolutions_document_change", args=[document.pk]))
    assert page.status_code == 200
    assert "/admin/auth/user/" not in page.content.decode()
    assert librarian.username in page.content.decode()


def test_anonymous_researchers_read_published_documents_only(client, make_document):
    published = make_document()
    draft = make_document(status=Document.Status.DRAFT)

    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_login_page_signs_staff_in(client):
    make_user(LIBRARIANS, "librarian", password="x-Pass-1234")

    page = client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": "librarian", "password": "x-Pass-1234"})

    assert "csrfmiddlewaretoken" in page.content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("staff:home")
    assert client.get(reverse("staff:home")).status_code == 200
