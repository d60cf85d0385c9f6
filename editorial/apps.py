from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, rights per municipality and the review workflow; the content models live elsewhere."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Redaktionsablauf"

    def ready(self):
        from . import signals  # noqa: F401
