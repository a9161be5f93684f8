"""App configuration for the resolutions archive."""

from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    """The archive's one app: documents, paragraphs, citations and their curation."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resolutions"
    verbose_name = "UN resolutions"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from .models import Document, Paragraph
        from .term_impacts import refresh_saved

        for model in (Document, Paragraph):
            post_save.connect(refresh_saved, sender=model, dispatch_uid=f"term-impacts-{model}")
