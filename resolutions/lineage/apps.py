"""The lineage app: keeps paragraph families current whenever a document is written."""

from django.apps import AppConfig


class LineageConfig(AppConfig):
    name = "resolutions.lineage"
    label = "lineage"
    verbose_name = "Paragraph lineage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ..signals import document_written
        from .matching import on_document_written

        document_written.connect(on_document_written, dispatch_uid="lineage-match-document")
