"""Full-page cache for anonymous visitors, invalidated as a whole on every content change.

Invalidation bumps a generation number that is part of every cache key, so one cache write
makes every cached page stale at once: a publish can never leave a listing (home, index pages,
municipality, feeds, GeoJSON, sitemap) behind. Editing is rare compared to reading, so
re-rendering after a publish is cheap. With several processes the cache must be shared
(REDIS_URL); local memory is only correct for a single process.

Each process also keeps recent entries in its own memory (`LocalCopies`). The generation is still
read from the shared cache on every request, so a copy can never outlive a publish in another
process; it only saves fetching and unpickling the body from Redis, which for large answers
(GeoJSON, API listings) cost more than rendering the headers of a hit.
"""

import gzip
import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict

import brotli
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "pagecache:generation"
# Sent for every answer served from the cache (sender=PageCacheMiddleware, request=...): the view never
# runs then, and the search counts popular searches that way (search/popular.py).
page_cache_hit = Signal()
EXCLUDED_PREFIXES = ("/admin/", "/api/v3/", "/api/v2/page_preview/", "/documents/", "/django-admin/", "/health/")


def cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def generation():
    value = cache().get(GENERATION_KEY)
    if value is None:
        # A random start, not 1: after the shared cache is flushed (or the key evicted), the process-local
        # copies of the old generation must not match the new one.
        cache().add(GENERATION_KEY, secrets.randbelow(2**62) + 1, timeout=None)
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
        cache().set(GENERATION_KEY, secrets.randbelow(2**62) + 1, timeout=None)


class LocalCopies:
    """A bounded, thread-safe LRU of cached answers in this process, keyed like the shared cache.

    Entries of an old generation are never looked up again; they are dropped as soon as a newer
    generation is seen, and the size bound keeps the rest in check.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.generation = None
        self.lock = threading.Lock()

    def get(self, key, current_generation):
        with self.lock:
            if current_generation != self.generation:
                self.entries.clear()
                self.size = 0
                self.generation = current_generation
                return None
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key, current_generation, stored, timeout):
        size = stored_size(stored)
        if size > self.max_bytes // 4:
            return
        with self.lock:
            if current_generation != self.generation:
                return
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + timeout, stored)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        _expires, stored = self.entries.pop(key)
        self.size -= stored_size(stored)


local_copies = LocalCopies(max_bytes=settings.PAGE_CACHE_LOCAL_BYTES)


# Bodies from this size on are also kept compressed, with gzip and with Brotli, compressed once when
# stored: moving the bytes is what limits serving a large answer from the cache. The benchmark's 1.1 MB
# GeoJSON travels as 134 KB with gzip (level 9: 4 % fewer bytes than level 6, 10 ms more once per
# generation) and as 97 KB with Brotli, which every current browser asks for over HTTPS. Brotli's
# quality 9 costs 40 ms for that body and 8 ms for a 30 KB page, quality 5 then 2 ms: pages, which
# every publish makes render again, use the lower one.
COMPRESS_MIN_BYTES = 1024
COMPRESS_LEVEL = 9
BROTLI_QUALITY_LARGE, BROTLI_QUALITY_SMALL, BROTLI_LARGE_BYTES = 9, 5, 64 * 1024
_CODING = re.compile(r"\s*([A-Za-z0-9*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def accepted_codings(header):
    """The content codings an Accept-Encoding header accepts (a quality of 0 refuses one)."""
    accepted = set()
    for part in header.split(","):
        match = _CODING.match(part)
        if match is None:
            continue
        try:
            quality = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        if quality > 0:
            accepted.add(match.group(1).lower())
    return accepted


def freeze(response):
    """What the caches store: status, headers, body and its gzip and Brotli copies (or None); cheaper to
    pickle than the response object. Adds `Vary: Accept-Encoding` to `response` when there are copies."""
    content = response.content
    compressed = packed = None
    if len(content) >= COMPRESS_MIN_BYTES and not response.has_header("Content-Encoding"):
        compressed = gzip.compress(content, compresslevel=COMPRESS_LEVEL, mtime=0)
        quality = BROTLI_QUALITY_LARGE if len(content) >= BROTLI_LARGE_BYTES else BROTLI_QUALITY_SMALL
        packed = brotli.compress(content, quality=quality)
        if len(compressed) >= len(content):
            compressed = packed = None
        else:
            patch_vary_headers(response, ["Accept-Encoding"])
    return (response.status_code, list(response.items()), content, compressed, packed)


def stored_size(stored):
    return len(stored[2]) + len(stored[3] or b"") + len(stored[4] or b"")


def thaw(stored, request):
    """The stored answer as a response: Brotli- or gzip-compressed when there is a copy the client accepts."""
    status, headers, content, compressed, packed = stored
    body, coding = content, None
    if compressed is not None:
        accepted = accepted_codings(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if "br" in accepted:
            body, coding = packed, "br"
        elif "gzip" in accepted:
            body, coding = compressed, "gzip"
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    if coding is not None:
        response["Content-Encoding"] = coding
        response["Content-Length"] = str(len(body))
        # As Django's GZipMiddleware does: the compressed body is not byte-identical, so the ETag is weak.
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and not request.path.startswith(EXCLUDED_PREFIXES):
                patch_vary_headers(response, ["Cookie"])
            return response
        current_generation = generation()
        key = self.key(request, current_generation)
        stored = local_copies.get(key, current_generation)
        if stored is None:
            stored = cache().get(key)
            if stored is not None:
                local_copies.put(key, current_generation, stored, settings.PAGE_CACHE_SECONDS)
        if stored is not None:
            page_cache_hit.send(sender=PageCacheMiddleware, request=request)
            response = thaw(stored, request)
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
            stored = freeze(response)
            cache().set(key, stored, settings.PAGE_CACHE_SECONDS)
            local_copies.put(key, current_generation, stored, settings.PAGE_CACHE_SECONDS)
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
    def key(request, current_generation):
        digest = hashlib.sha256(f"{request.get_host()}|{request.get_full_path()}".encode()).hexdigest()
        # The version names the format of the stored tuple (freeze): entries of an older format are ignored.
        return f"pagecache:v3:{current_generation}:{request.method}:{digest}"


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    # Deleting pages, and changes to snippets, settings, images, documents and view restrictions.
    post_delete.connect(invalidate_for_content, dispatch_uid="pagecache-delete")
    post_save.connect(invalidate_for_content, dispatch_uid="pagecache-save")


def invalidate_for_content(sender, **kwargs):
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Page, Site

    from home.models import ContactPerson, SiteSettings

    if issubclass(sender, SiteSettings) and kwargs.get("created"):
        return  # created empty on a site's first request: nothing shown changes
    # Editors' picks show on (page-cached) popular searches.
    content_models = (
        ContactPerson,
        SiteSettings,
        Site,
        AbstractImage,
        AbstractDocument,
        BaseViewRestriction,
        SearchPromotion,
    )
    if issubclass(sender, content_models) or (kwargs.get("signal") is post_delete and issubclass(sender, Page)):
        invalidate()
