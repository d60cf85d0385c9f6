"""Per-process copies of what every public page needs and no page's own content decides.

The site for a host name (with its home page) and the rendered footer are the same for every URL of
a site, yet cost queries on each request. They are kept in this process's memory for one content
generation (home.page_cache.generation(), read from the shared cache once per request), so a publish,
a settings change or a site change anywhere retires them at once, as it does the page cache.
A page's own content is never kept here: a page-cache miss still renders it afresh. Aggregates over
many pages that listings share (the number of news, the event index's counts per city) are kept with
shared_until(), which also retires them when the passing of time changes them.
"""

import threading
from contextvars import ContextVar

from django.http.request import split_domain_port
from django.utils import timezone
from wagtail.models import Site

from .page_cache import generation

_lock = threading.Lock()
_store = {"generation": None, "values": {}}
# The generation of the request being answered, for code that has no request at hand (listings).
_request_generation = ContextVar("request_generation", default=None)


def current_generation(request):
    """The content generation, read once per request."""
    if request is None:
        value = _request_generation.get()
        return value if value is not None else generation()
    if not hasattr(request, "_content_generation"):
        request._content_generation = generation()
    return request._content_generation


_MISSING = object()


def _kept(current, key):
    """The value kept under `key` for generation `current`, or _MISSING."""
    with _lock:
        if _store["generation"] != current:
            _store["generation"] = current
            _store["values"] = {}
        return _store["values"].get(key, _MISSING)


def _keep(current, key, value):
    with _lock:
        if _store["generation"] == current:
            _store["values"][key] = value


def shared(request, key, build):
    """`build()` once per content generation and process; `key` must name everything the value depends on."""
    current = current_generation(request)
    value = _kept(current, key)
    if value is _MISSING:
        value = build()
        _keep(current, key, value)
    return value


def shared_until(request, key, build):
    """shared() for a value that the passing of time changes too: `build()` returns (value, moment), and from
    that moment on (None: never) the value is built again, within the same generation as well."""
    current = current_generation(request)
    entry = _kept(current, key)
    if entry is _MISSING or (entry[1] is not None and entry[1] <= timezone.now()):
        entry = build()
        _keep(current, key, entry)
    return entry[0]


def site_root_paths():
    """Wagtail's Site.get_site_root_paths(), shared per content generation while a public request is answered.

    Outside one (the admin, commands) it is Wagtail's own lookup. Site changes and every publish or move
    start a new generation, as saving a site clears Wagtail's cached copy.
    """
    if _request_generation.get() is None:
        return Site.get_site_root_paths()
    return shared(None, ("site-root-paths",), Site.get_site_root_paths)


def prime_site_root_paths(pages):
    """Hand plain Page instances (menu, breadcrumbs) the shared root paths, which `page.url` would
    otherwise read from the cache once per page; BasePage does this for itself."""
    if _request_generation.get() is not None:
        paths = site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = paths
    return pages


def forget():
    """Drop every shared value (tests whose database was rolled back)."""
    with _lock:
        _store["generation"] = None
        _store["values"] = {}


def site_for_request(request):
    """Wagtail's site lookup (Site.find_for_request), with the site's home page, shared per generation."""
    # The raw host, as Wagtail does: an unknown host is refused later by ALLOWED_HOSTS, not here.
    host = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    # The site's root page and its `.specific` form are loaded on first use and then kept on the shared
    # object too, so later requests of the generation reuse them.
    return shared(request, ("site", host, port), lambda: Site._find_for_request(request))


# The admin looks sites up for itself; the health check must answer even without a database.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/health/")


class SiteLookupMiddleware:
    """Hands Wagtail the shared site: Site.find_for_request() reads `request._wagtail_site` first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        request._wagtail_site = site_for_request(request)
        token = _request_generation.set(request._content_generation)
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)
