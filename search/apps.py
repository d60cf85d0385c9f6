from django.apps import AppConfig


class SearchConfig(AppConfig):
    label = "sitesearch"
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Suche"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        self._count_page_cache_hits()

    @staticmethod
    def _count_page_cache_hits():
        # Searches served from the page cache never reach the view; the page cache's hit signal lets them
        # count for the editors' report all the same.
        from home.page_cache import page_cache_hit

        from .popular import on_page_cache_hit

        page_cache_hit.connect(on_page_cache_hit, dispatch_uid="sitesearch-count-cached-search")
