from django.apps import AppConfig


class SearchConfig(AppConfig):
    label = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
