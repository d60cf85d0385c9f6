from django.apps import AppConfig


class SearchConfig(AppConfig):
    label = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
