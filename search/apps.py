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
        # Searches served from the page cache never reach the view; the page cache's hit signal (if this
        # version of home/page_cache.py has one) lets them count for the editors' report all the same.
        from home import page_cache

        from .popular import on_page_cache_hit

        signal = getattr(page_cache, "page_cache_hit", None)
        if signal is not None:
            signal.connect(on_page_cache_hit, dispatch_uid="sitesearch-count-cached-search")
