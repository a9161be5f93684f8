"""Users in each role, for the tests that try addresses as anonymous, member, uploader and so on."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from resolutions.roles import ADMINISTRATORS, LIBRARIANS, ROLES, ensure_roles

ANONYMOUS, NO_ROLE = "anonymous", "no role"
ALL_ROLES = (ANONYMOUS, NO_ROLE, *ROLES)


def make_user(role: str, name: str = "", *, password: str | None = None) -> User:
    """A user in one role group; librarians and administrators may also use the admin."""
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        ensure_roles()  # a transactional test elsewhere flushed the migration's rows
    user = User.objects.create_user(
        name or role.lower().replace(" ", "-"),
        password=password,
        is_staff=role in {LIBRARIANS, ADMINISTRATORS},
    )
    if role in ROLES:
        user.groups.add(Group.objects.get(name=role))
    return user
