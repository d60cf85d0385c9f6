"""Full-page cache for anonymous visitors, invalidated as a whole on every content change.

Invalidation bumps a generation number that is part of every cache key, so one cache write
makes every cached page stale at once: a publish can never leave a listing (home, index pages,
municipality, feeds, GeoJSON, sitemap) behind. Editing is rare compared to reading, so
re-rendering after a publish is cheap. With several processes the cache must be shared
(REDIS_URL); local memory is only correct for a single process.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PREFIXES = ("/admin/", "/api/v3/", "/api/v2/page_preview/", "/documents/", "/django-admin/", "/health/")


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation():
    value = cache().get(GENERATION_KEY)
    if value is None:
        cache().add(GENERATION_KEY, 1, timeout=None)
        value = cache().get(GENERATION_KEY) or 1
    return value


def invalidate(**kwargs):
    """Make every cached page stale (signal receiver, hence **kwargs).

    Once now and once after the commit: a request rendering between the two could otherwise
    store the old content under the new generation.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def bump_generation():
    try:
        cache().incr(GENERATION_KEY)
    except ValueError:
        cache().set(GENERATION_KEY, 2, timeout=None)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and not request.path.startswith(EXCLUDED_PREFIXES):
                patch_vary_headers(response, ["Cookie"])
            return response
        key = self.key(request)
        response = cache().get(key)
        if response is not None:
            # Clients revalidating (ETag / Last-Modified, e.g. of the GeoJSON) still get their 304.
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            response = get_conditional_response(
                request, etag=response.get("ETag"), last_modified=last_modified, response=response
            )
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        if self.response_is_cacheable(request, response):
            cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def request_is_cacheable(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(EXCLUDED_PREFIXES)
            # Editors carry a session; anyone with a session is never served from or stored in the cache.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def response_is_cacheable(request, response):
        user = getattr(request, "user", None)
        cache_control = response.get("Cache-Control", "")
        return (
            isinstance(response, HttpResponse)  # not streaming (documents)
            and response.status_code == 200
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not (user is not None and user.is_authenticated)
            and not getattr(request, "is_preview", False)
        )

    @staticmethod
    def key(request):
        digest = hashlib.sha256(f"{request.get_host()}|{request.get_full_path()}".encode()).hexdigest()
        return f"pagecache:{generation()}:{request.method}:{digest}"


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    # Deleting pages, and changes to snippets, settings, images, documents and view restrictions.
    post_delete.connect(invalidate_for_content, dispatch_uid="pagecache-delete")
    post_save.connect(invalidate_for_content, dispatch_uid="pagecache-save")


def invalidate_for_content(sender, **kwargs):
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Page

    from home.models import ContactPerson, SiteSettings

    if issubclass(sender, SiteSettings) and kwargs.get("created"):
        return  # created empty on a site's first request: nothing shown changes
    content_models = (ContactPerson, SiteSettings, AbstractImage, AbstractDocument, BaseViewRestriction)
    if issubclass(sender, content_models) or (kwargs.get("signal") is post_delete and issubclass(sender, Page)):
        invalidate()
