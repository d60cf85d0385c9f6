from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Städtenetz"

    def ready(self):
        from . import frontend_cache, page_cache
        from .api_schemas import register_point_schemas

        page_cache.connect_signals()
        frontend_cache.connect_signals()
        register_point_schemas()
