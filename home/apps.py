from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Städtenetz"

    def ready(self):
        from .api_schemas import register_point_schemas
        from .page_cache import connect_signals

        connect_signals()
        register_point_schemas()
