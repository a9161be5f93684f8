"""App configuration for the resolutions archive."""

from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    """The archive's one app: documents, paragraphs, citations and their curation."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resolutions"
    verbose_name = "UN resolutions"
