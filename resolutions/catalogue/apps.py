"""The catalogue app: an incremental mirror of the UN Digital Library (docs/catalogue.md)."""

from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """UN Digital Library records, votes and the UNBIS thesaurus, linked to documents."""

    name = "resolutions.catalogue"
    label = "catalogue"
    verbose_name = "UN Digital Library catalogue"
    default_auto_field = "django.db.models.BigAutoField"
