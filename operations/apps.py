from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Security and operations: content security policy, login rate limit, upload checks, health, backups."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "operations"
    verbose_name = "Betrieb und Sicherheit"
