"""Every address in the URL map, tried by every role, with GET and with POST, CSRF enforced.

The addresses are read from the resolver, so an address added without a row here fails
`test_every_address_has_a_row`. Each row says what each role gets: public pages answer everyone
alike; staff pages send anonymous users to sign in and refuse other roles; the admin lets a
role see exactly the models its permissions name (resolutions/roles.py).

POSTs carry the CSRF token a browser would have (taken from the sign-in page); POSTs without
one are refused on every address that accepts POSTs (`test_posts_without_a_token_are_refused`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from role_users import ANONYMOUS, NO_ROLE, make_user
from simple_history.admin import SimpleHistoryAdmin

from resolutions.catalogue.models import CatalogueRecord, Concept, ImportRun, Vote
from resolutions.lineage.models import Family, ParagraphLineage
from resolutions.models import (
    Body,
    Country,
    Document,
    DocumentTopic,
    IngestRun,
    Reference,
    Sponsorship,
    Topic,
)
from resolutions.roles import ADMINISTRATORS, LIBRARIANS, ROLE_PERMISSIONS, UPLOADERS

pytestmark = pytest.mark.django_db

MEMBER = NO_ROLE  # signed in, in no role: what any self-registered account would be
ROLES = (ANONYMOUS, MEMBER, UPLOADERS, LIBRARIANS, ADMINISTRATORS)
SIGN_IN = "/accounts/login/"
ADMIN_SIGN_IN = "/admin/login/"
# A status, or "sign-in": a redirect to the sign-in page (a 302 whose Location is the login).
Expected = int | str
SIGN_IN_REDIRECT = "sign-in"
ADMIN_SIGN_IN_REDIRECT = "admin sign-in"


def all_routes() -> Iterator[tuple[str, str]]:
    """(name, route) of every address in the URL map; unnamed ones by their route."""

    def walk(patterns, prefix: str, namespace: str) -> Iterator[tuple[str, str]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                yield (f"{namespace}{pattern.name}" if pattern.name else route), route

    yield from walk(get_resolver().url_patterns, "", "")


@dataclass(frozen=True)
class Row:
    """What each role gets from one address, for GET and for POST."""

    args: tuple[str, ...]
    get: dict[str, Expected]
    post: dict[str, Expected]


def everyone(status: Expected) -> dict[str, Expected]:
    return dict.fromkeys(ROLES, status)


def public(args: tuple[str, ...] = (), *, get: int = 200, post: int = 405) -> Row:
    """An address anyone may read; a POST is refused as a method it does not take."""
    return Row(args, everyone(get), everyone(post))


def staff_page(
    allowed: set[str],
    args: tuple[str, ...] = (),
    *,
    get: Expected = 200,
    post: Expected = 405,
    uploader: int = 403,
    method_first: bool = False,
) -> Row:
    """A staff page: anonymous users are sent to sign in; roles outside `allowed` refused.

    `get`/`post` are what allowed roles get; an uploader outside `allowed` gets `uploader`
    (404 where even the object's existence is theirs not to know). With `method_first` a
    wrong method is refused (405) before the role is looked at.
    """

    def answers(ok: Expected) -> dict[str, Expected]:
        table: dict[str, Expected] = {ANONYMOUS: SIGN_IN_REDIRECT, MEMBER: 403}
        for role in (UPLOADERS, LIBRARIANS, ADMINISTRATORS):
            refused = uploader if role == UPLOADERS else 403
            # The role is checked before the method: a refused role never learns which it takes.
            table[role] = ok if role in allowed else refused
        if method_first and ok == 405:  # pages open to any signed-in user check it first
            table |= {role: 405 for role in ROLES if role != ANONYMOUS}
        return table

    return Row(args, answers(get), answers(post))


STAFF = {UPLOADERS, LIBRARIANS, ADMINISTRATORS}
ADDERS = {UPLOADERS, LIBRARIANS}
CURATORS = {LIBRARIANS}

ROWS: dict[str, Row] = {
    # --- sign-in ---
    "login": public(post=200),  # a POST without credentials shows the form again
    "logout": Row((), everyone(405), everyone(302)),  # Django signs out on POST only
    # --- the search and its exports and feed ---
    "resolutions:home": public(),
    "resolutions:search": public(),
    "resolutions:search_export_csv": public(),
    "resolutions:search_export_json": public(),
    "resolutions:search_export_ris": public(),
    "resolutions:search_export_bibtex": public(),
    "resolutions:search_feed": public(),
    # --- the first API, and the API v1 (no cookies used, so no CSRF: a POST is a wrong method) ---
    "resolutions:api_docs": public(),
    "resolutions:api_search": public(),
    "resolutions:api_documents": public(),
    "resolutions:api_document": public(("published",)),
    "resolutions:api_paragraphs": public(),
    # django-ninja's own pages: the root names no operation; the schema and its viewer are
    # static descriptions that answer any method.
    "api-v1:api-root": public(get=404, post=404),
    "api-v1:openapi-json": public(post=200),
    "api-v1:openapi-view": public(post=200),
    "api-v1:search": public(),
    "api-v1:document_list": public(),
    "api-v1:document": public(("published",)),
    "api-v1:document_by_symbol": public(("published_symbol",)),
    "api-v1:document_references": public(("published",)),
    "api-v1:document_cited_by": public(("published",)),
    "api-v1:paragraph_list": public(),
    "api-v1:paragraph": public(("paragraph",)),
    "api-v1:body_list": public(),
    "api-v1:body": public(("body",)),
    "api-v1:topic_list": public(),
    "api-v1:topic": public(("topic_slug",)),
    "api-v1:country_list": public(),
    "api-v1:country": public(("country_slug",)),
    "api-v1:sponsor_list": public(),
    # --- documents and their exports and feeds ---
    "resolutions:document": public(("published_symbol",)),
    "resolutions:document_by_id": public(("published",)),
    "resolutions:original": public(("published",)),
    "resolutions:document_ris": public(("published_symbol",)),
    "resolutions:document_by_id_ris": public(("published",)),
    "resolutions:document_bibtex": public(("published_symbol",)),
    "resolutions:document_by_id_bibtex": public(("published",)),
    "resolutions:document_json": public(("published_symbol",)),
    "resolutions:document_by_id_json": public(("published",)),
    "resolutions:document_cited_by": public(("published_symbol",)),
    "resolutions:document_by_id_cited_by": public(("published",)),
    "resolutions:document_cited_by_feed": public(("published_symbol",)),
    "resolutions:document_by_id_cited_by_feed": public(("published",)),
    # --- bodies, topics, countries, subjects ---
    "resolutions:body_list": public(),
    "resolutions:body": public(("body",)),
    "resolutions:body_feed": public(("body",)),
    "resolutions:topic_list": public(),
    "resolutions:topic": public(("topic_slug",)),
    "resolutions:topic_feed": public(("topic_slug",)),
    "resolutions:country_list": public(),
    "resolutions:country": public(("country_slug",)),
    "resolutions:country_feed": public(("country_slug",)),
    "catalogue:subject_list": public(),
    "catalogue:subject": public(("concept_identifier",)),
    # --- the lineage pages (the tracer takes a pasted text by POST as well) ---
    "lineage:family": public(("family",)),
    "lineage:trace": public(post=200),
    "lineage:trace_json": public(get=400, post=400),  # no text to trace: the reason, as JSON
    "lineage:commitments": public(),
    "lineage:commitments_csv": public(),
    "lineage:mandates": public(),
    "lineage:compare": public(("published", "published_too")),
    # --- staff pages ---
    "staff:home": staff_page(STAFF, method_first=True),
    "staff:upload": staff_page(ADDERS, post=400),  # a POST without a file: the reason, in words
    "staff:upload_batch": staff_page(ADDERS, ("own_batch",)),
    "staff:documents": staff_page(ADDERS),
    "staff:deleted": staff_page(CURATORS),
    "staff:restore": staff_page(CURATORS, ("deleted",), get=405, post=302),
    # Another uploader's draft: not even its existence is told (its own: tests/test_roles.py).
    "staff:review": staff_page(CURATORS, ("draft",), post=200, uploader=404),
    "staff:publish": staff_page(CURATORS, ("draft",), get=405, post=302),
    "staff:withdraw": staff_page(CURATORS, ("published",), get=405, post=302),
    # Uploaders may discard their own drafts: the method is refused before the ownership check.
    "staff:discard": Row(
        ("draft",),
        staff_page(CURATORS, get=405).get | {UPLOADERS: 405},
        staff_page(CURATORS, post=302, uploader=404).post,
    ),
    "staff:paragraphs": staff_page(CURATORS, ("draft",), post=400),  # no paragraphs sent
    "staff:decide_topic": staff_page(CURATORS, ("link",), get=405, post=302),
    "staff:topics": staff_page(CURATORS, post=200),
    "staff:topics_merge": staff_page(CURATORS, get=405, post=302),
    "staff:topic_edit": staff_page(CURATORS, ("topic",), post=200),
    "staff:bulk_topics": staff_page(CURATORS, post=200),
    "staff:countries": staff_page(CURATORS, post=200),
    "staff:countries_merge": staff_page(CURATORS, get=405, post=302),
    "staff:country_edit": staff_page(CURATORS, ("country",), post=200),
    "staff:citations": staff_page(CURATORS),
    "staff:citation_resolve": staff_page(CURATORS, ("reference",), get=405, post=302),
    "staff:history": staff_page(CURATORS, ("history_model", "topic"), method_first=True),
    "staff:revert": staff_page(
        CURATORS, ("history_model", "topic_record"), get=405, post=302, method_first=True
    ),
}


# --- the admin: its own sign-in, and per model exactly what the role's permissions name ---


def admin_site_row(*, get_ok: Expected, post_ok: Expected, args=()) -> Row:
    """An admin address any staff flag opens: members and uploaders go to its sign-in."""
    outside = {ANONYMOUS: ADMIN_SIGN_IN_REDIRECT, MEMBER: ADMIN_SIGN_IN_REDIRECT}
    outside[UPLOADERS] = ADMIN_SIGN_IN_REDIRECT
    inside = {LIBRARIANS: get_ok, ADMINISTRATORS: get_ok}
    inside_post = {LIBRARIANS: post_ok, ADMINISTRATORS: post_ok}
    return Row(args, outside | inside, outside | inside_post)


ADMIN_SITE_ROWS: dict[str, Row] = {
    "admin:index": admin_site_row(get_ok=200, post_ok=200),
    # An app's page: 404 to a role that may see none of its models.
    "admin:app_list": Row(
        ("resolutions",),
        admin_site_row(get_ok=200, post_ok=200).get | {ADMINISTRATORS: 404},
        admin_site_row(get_ok=200, post_ok=200).post | {ADMINISTRATORS: 404},
    ),
    "admin:autocomplete": admin_site_row(get_ok=403, post_ok=405),  # no field named: refused
    "admin:jsi18n": admin_site_row(get_ok=200, post_ok=405),
    "admin:password_change": admin_site_row(get_ok=200, post_ok=200),
    "admin:password_change_done": admin_site_row(get_ok=200, post_ok=405),
    "admin:view_on_site": admin_site_row(
        get_ok=302, post_ok=302, args=("document_type", "published")
    ),
    # The sign-in is open to all; staff already signed in are sent on to the index.
    "admin:login": Row((), everyone(200) | {LIBRARIANS: 302, ADMINISTRATORS: 302}, everyone(200)),
    # Signing out is a POST; a GET is refused to staff and redirected for everyone else.
    "admin:logout": Row((), everyone(302) | {LIBRARIANS: 405, ADMINISTRATORS: 405}, everyone(302)),
    # The admin's catch-all: an unknown address inside it is a 404, once signed in.
    "admin/(?P<url>.*)$": admin_site_row(get_ok=404, post_ok=404),
}


def role_may(role: str, permission: str) -> bool:
    return role in ROLE_PERMISSIONS and permission in ROLE_PERMISSIONS[role]


def admin_model_rows(model) -> dict[str, Row]:
    """The admin's addresses for one model, each role getting what its permissions name."""
    meta = model._meta
    prefix = f"admin:{meta.app_label}_{meta.model_name}"
    key = f"admin {meta.label_lower}"

    def by_permission(*actions: str, ok: Expected) -> dict[str, Expected]:
        table: dict[str, Expected] = {
            ANONYMOUS: ADMIN_SIGN_IN_REDIRECT,
            MEMBER: ADMIN_SIGN_IN_REDIRECT,
            UPLOADERS: ADMIN_SIGN_IN_REDIRECT,
        }
        for role in (LIBRARIANS, ADMINISTRATORS):
            held = any(role_may(role, f"{meta.app_label}.{a}_{meta.model_name}") for a in actions)
            table[role] = ok if held else 403
        return table

    rows = {
        # A POST to a list runs an action, each checking its own permission.
        f"{prefix}_changelist": Row(
            (), by_permission("view", "change", ok=200), by_permission("view", "change", ok=200)
        ),
        f"{prefix}_add": Row((), by_permission("add", ok=200), by_permission("add", ok=200)),
        f"{prefix}_change": Row(
            (key,), by_permission("view", "change", ok=200), by_permission("change", ok=200)
        ),
        f"{prefix}_delete": Row(
            (key,), by_permission("delete", ok=200), by_permission("delete", ok=200)
        ),
        f"{prefix}_history": Row(
            (key,), by_permission("view", "change", ok=200), by_permission("view", "change", ok=200)
        ),
    }
    # The admin's old address of an object, `<app>/<model>/<id>/`: a redirect to its change page
    # (which then asks for sign-in), whoever asks.
    rows[f"admin/{meta.app_label}/{meta.model_name}/<path:object_id>/"] = admin_site_row(
        get_ok=302, post_ok=302, args=(key,)
    )
    if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
        # django-simple-history: a record of the history, shown to whoever may view the object.
        rows[f"{prefix}_simple_history"] = Row(
            (key, f"admin history {meta.label_lower}"),
            by_permission("view", "change", ok=200),
            by_permission("change", ok=200),
        )
    return rows


def expected_rows() -> dict[str, Row]:
    """The whole table: the rows above, and the admin's per registered model."""
    rows = dict(ROWS) | ADMIN_SITE_ROWS
    for model in admin.site._registry:
        rows |= admin_model_rows(model)
    # A user's password form: for whoever may change users.
    user_change = rows["admin:auth_user_change"]
    rows["admin:auth_user_password_change"] = Row(
        user_change.args, user_change.post, user_change.post
    )
    return rows


TABLE = expected_rows()


# --- one of each object the addresses name ---


def admin_instances(world: dict) -> dict[str, int]:
    """`admin <app.model>` → the pk of an instance of each model the admin lists."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, args)"
            " VALUES ('default', 'matrix.test', '{}') RETURNING id"
        )
        job = cursor.fetchone()[0]
    record = CatalogueRecord.objects.create(record_id=1, symbol="A/RES/1/1", symbol_key="a/res/1/1")
    instances = {
        "auth.group": Group.objects.get(name=LIBRARIANS).pk,
        "auth.user": world["owner"].pk,
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="127.0.0.1", failures_since_start=1
        ).pk,
        "axes.accesslog": AccessLog.objects.create(username="x", ip_address="127.0.0.1").pk,
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="127.0.0.1"
        ).pk,
        "procrastinate.procrastinatejob": job,
        "resolutions.body": Body.objects.get(code="ECOSOC").pk,
        "resolutions.country": world["country"],
        "resolutions.topic": world["topic"],
        "resolutions.document": world["published"],
        "resolutions.paragraph": world["paragraph"],
        "resolutions.reference": world["reference"],
        "resolutions.documenttopic": world["link"],
        "resolutions.ingestrun": world["own_batch"],
        "catalogue.cataloguerecord": record.pk,
        "catalogue.vote": Vote.objects.create(
            record_id=2,
            resolution_symbol="A/RES/1/1",
            yes=1,
            no=0,
            abstain=0,
            non_voting=0,
            total=1,
        ).pk,
        "catalogue.importrun": ImportRun.objects.create(source="matrix test").pk,
        "catalogue.concept": world["concept"],
    }
    found = {f"admin {label}": pk for label, pk in instances.items()}
    for model in admin.site._registry:
        if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
            pk = instances[model._meta.label_lower]
            record = model.history.filter(**{model._meta.pk.attname: pk}).latest()
            found[f"admin history {model._meta.label_lower}"] = record.history_id
    return found


@pytest.fixture
def world(settings, tmp_path, make_document, make_paragraph) -> dict:
    """Published and draft documents with everything the addresses name; keys are the args."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "originals").mkdir()
    (tmp_path / "originals" / "matrix.txt").write_text("Urges Member States to act.")
    owner = make_user(UPLOADERS, "owner")
    published = make_document(original_file="originals/matrix.txt", original_filename="m.txt")
    published_too = make_document()
    paragraph = make_paragraph(published, "Urges Member States to act.")
    make_paragraph(published_too, "Urges Member States to act at once.")
    draft = make_document(status=Document.Status.DRAFT, uploaded_by=make_user(UPLOADERS, "other"))
    topic = Topic.objects.create(name="Matrix topic", slug="matrix-topic")
    topic.name = "Matrix topic, renamed"
    topic.save()
    country = Country.objects.create(name="Matrixland", slug="matrixland")
    Sponsorship.objects.create(document=published, country=country)
    link = DocumentTopic.objects.create(document=published, topic=topic)
    reference = Reference.objects.create(
        citing_document=published, ref_type="resolution", cited_key="A/RES/1/1"
    )
    family = Family.objects.create()
    ParagraphLineage.objects.create(paragraph=paragraph, family=family)
    concept = Concept.objects.create(identifier="1000001", kind="concept", label="Crime")
    gone = make_document()
    gone_pk = gone.pk
    gone.delete()
    world = {
        "owner": owner,
        "published": published.pk,
        "published_too": published_too.pk,
        "published_symbol": published.symbol,
        "paragraph": paragraph.pk,
        "draft": draft.pk,
        "body": "ECOSOC",
        "topic": topic.pk,
        "topic_slug": topic.slug,
        "topic_record": topic.history.earliest().history_id,
        "history_model": "topic",
        "country": country.pk,
        "country_slug": country.slug,
        "link": link.pk,
        "reference": reference.pk,
        "family": family.pk,
        "concept": concept.pk,
        "concept_identifier": concept.identifier,
        "deleted": gone_pk,
        "own_batch": IngestRun.objects.create(started_by="upload by owner", user=owner).pk,
        "document_type": ContentType.objects.get_for_model(Document).pk,
    }
    world |= admin_instances(world)
    return world


# --- asking ---


def client_for(role: str, world: dict) -> Client:
    """A CSRF-enforcing client signed in as the role (the uploader owns the batch and draft)."""
    client = Client(enforce_csrf_checks=True)
    if role == UPLOADERS:
        client.force_login(world["owner"])
    elif role != ANONYMOUS:
        client.force_login(make_user(role, f"matrix-{role.lower().replace(' ', '-')}"))
    return client


def csrf_token(client: Client) -> str:
    """The token a browser holds after opening any form (here the sign-in page)."""
    client.get(SIGN_IN)
    return client.cookies["csrftoken"].value


def answer(client: Client, method: str, url: str, **headers: str):
    """The response to one request, whatever it changed rolled back for the next role."""
    cookies = copy.deepcopy(client.cookies)  # a sign-out must not sign the next row out
    with transaction.atomic():
        response = getattr(client, method)(url, **headers)
        if response.streaming:
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def outcome(response) -> Expected:
    """The status, or the sign-in redirect it is."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(ADMIN_SIGN_IN):
            return ADMIN_SIGN_IN_REDIRECT
        if location.startswith(SIGN_IN):
            return SIGN_IN_REDIRECT
    return response.status_code


def url_for(name: str, row: Row, world: dict) -> str:
    if name == "admin/(?P<url>.*)$":
        return "/admin/no-such-page/"
    if name.startswith("admin/"):  # an unnamed route: the object's old admin address
        return "/" + name.replace("<path:object_id>", str(world[row.args[0]]))
    return reverse(name, args=[world.get(arg, arg) for arg in row.args])


def test_every_address_has_a_row():
    names = {name for name, _route in all_routes()}
    assert names - set(TABLE) == set(), "addresses without a row: add them to the table"
    assert set(TABLE) - names == set(), "rows for addresses that no longer exist"


def test_every_address_with_every_role(world):
    """One world, every row: each mismatch is listed (a test per row would build 400 worlds)."""
    clients = {role: client_for(role, world) for role in ROLES}
    tokens = {role: csrf_token(client) for role, client in clients.items()}
    wrong = []
    for name, row in sorted(TABLE.items()):
        url = url_for(name, row, world)
        for role, client in clients.items():
            got = outcome(answer(client, "get", url))
            if got != row.get[role]:
                wrong.append(f"GET {url} as {role}: {got}, expected {row.get[role]}")
            got = outcome(answer(client, "post", url, HTTP_X_CSRFTOKEN=tokens[role]))
            if got != row.post[role]:
                wrong.append(f"POST {url} as {role}: {got}, expected {row.post[role]}")
    assert not wrong, "\n".join(wrong)


def test_posts_without_a_token_are_refused(world):
    """A forged cross-site POST (no token) never reaches a view that would act on it.

    Only views exempt from CSRF, which read no cookie-held identity (the API, the tracer's
    JSON), may answer it otherwise.
    """
    clients = {role: client_for(role, world) for role in (ANONYMOUS, LIBRARIANS, ADMINISTRATORS)}
    wrong = []
    for name, row in sorted(TABLE.items()):
        url = url_for(name, row, world)
        if getattr(resolve(url).func, "csrf_exempt", False):
            continue
        for role, client in clients.items():
            response = answer(client, "post", url)
            json = response.get("Content-Type", "").startswith("application/json")
            if response.status_code != 403 or not (json or b"CSRF" in response.content):
                wrong.append(f"POST {url} as {role}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
