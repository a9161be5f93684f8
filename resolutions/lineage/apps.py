"""The lineage app: keeps paragraph families current whenever a document is written."""

from django.apps import AppConfig

# The dispatch uid of the receiver below (a bulk load disconnects it and rebuilds after).
LINEAGE_RECEIVER = "lineage-match-document"


def match_written_document(sender: object, **kwargs: object) -> None:
    """Signal receiver importing the matcher on first use, so that starting Django (every
    management command, every web worker) does not pay for loading its numerical libraries."""
    from .matching import on_document_written

    on_document_written(sender, **kwargs)


class LineageConfig(AppConfig):
    name = "resolutions.lineage"
    label = "lineage"
    verbose_name = "Paragraph lineage"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ..signals import document_written

        document_written.connect(match_written_document, dispatch_uid=LINEAGE_RECEIVER)
