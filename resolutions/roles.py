"""Staff roles: Django groups and the permissions each one holds.

Anonymous researchers need no group: they read published documents only. The groups are
created by migration 0004 and can be re-created at any time with `ensure_roles()` (a test
database flushed by a transactional test loses them, as it loses every migrated row).
"""

from __future__ import annotations

UPLOADERS = "Uploaders"
LIBRARIANS = "Librarians"
ADMINISTRATORS = "Administrators"

CURATED_MODELS = (
    "document",
    "paragraph",
    "topic",
    "country",
    "documenttopic",
    "reference",
    "sponsorship",
)

ROLE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    # Add documents and see their own uploads (the views filter by `uploaded_by`).
    UPLOADERS: ("resolutions.add_document", "resolutions.view_document"),
    # Edit metadata, paragraphs, topics, countries and citations; publish and withdraw.
    LIBRARIANS: (
        *(
            f"resolutions.{action}_{model}"
            for model in CURATED_MODELS
            for action in ("view", "add", "change", "delete")
        ),
        "resolutions.view_body",
        "resolutions.view_ingestrun",
        "resolutions.view_ingestfileresult",
    ),
    # Manage accounts, and unlock sign-ins that django-axes throttled.
    ADMINISTRATORS: (
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_group",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ),
}
ROLES = tuple(ROLE_PERMISSIONS)


def ensure_roles(apps=None) -> None:
    """Create the role groups with exactly their permissions; safe to run again.

    `apps` is a migration's app registry; without it the project's own is used. Permissions
    are created first, since Django creates them only after all migrations have run.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def _create_permissions(apps) -> None:
    """Django's post-migrate permission creation, run now for the apps the roles use."""
    from django.contrib.auth.management import create_permissions

    for label in ("auth", "axes", "resolutions"):
        app_config = apps.get_app_config(label)
        had_module = getattr(app_config, "models_module", None)
        # Migration app configs have no models module; create_permissions skips those.
        app_config.models_module = had_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = had_module
