"""Who made a change in the admin is linked to the user list only for those who may open it:
a librarian, who may not, got 403 from the history's "Changed by" and a topic decision's
librarian; an administrator keeps the link."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from role_users import make_user

from resolutions.models import DocumentTopic, Topic
from resolutions.roles import ADMINISTRATORS, LIBRARIANS
from resolutions.staff.services import decide_topic

pytestmark = pytest.mark.django_db

USER_LIST = "/admin/auth/user/"


@pytest.fixture
def decided(make_document) -> DocumentTopic:
    """A topic of a document that a librarian confirmed."""
    topic = Topic.objects.create(name="Ransomware extortion", slug="ransomware-extortion")
    link = DocumentTopic.objects.create(document=make_document(), topic=topic)
    decide_topic(link, status=DocumentTopic.Status.CONFIRMED, user=make_user(LIBRARIANS, "lib"))
    return link


def pages(link: DocumentTopic) -> list[str]:
    return [
        reverse("admin:resolutions_documenttopic_history", args=[link.pk]),
        reverse("admin:resolutions_documenttopic_change", args=[link.pk]),
        reverse("admin:resolutions_document_change", args=[link.document_id]),
    ]


def test_a_librarian_sees_who_decided_as_a_name(client, decided):
    client.force_login(decided.decided_by)
    for url in pages(decided):
        html = client.get(url).content.decode()
        assert USER_LIST not in html, url
        assert ">lib<" in html.replace("\n", "").replace(" ", ""), url


def test_an_administrator_keeps_the_link_in_the_history(client, decided):
    administrator = make_user(ADMINISTRATORS, "admin")
    administrator.user_permissions.add(
        Permission.objects.get(codename="view_documenttopic", content_type__app_label="resolutions")
    )
    client.force_login(administrator)
    history = client.get(pages(decided)[0]).content.decode()
    assert f'href="{USER_LIST}{decided.decided_by.pk}/change/"' in history
