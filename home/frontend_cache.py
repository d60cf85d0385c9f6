"""Purging a CDN or Varnish in front of the site (wagtail.contrib.frontend_cache, set up by environment).

Wagtail itself purges a published page's own URLs. The pages that list it are purged here too:
its ancestors (home, index page, municipality) with their feeds and calendars, and the site-wide
listings (GeoJSON, sitemap, open-data export), so a CDN never serves a stale listing.
"""

from django.conf import settings
from wagtail.signals import page_published, page_unpublished, post_page_move

SITE_WIDE_PATHS = ["/sitemap.xml", "/api/v2/profiles.geojson", "/stadtteilprofile/export.csv"]
LISTING_ROUTES = {"NewsIndexPage": ["feed/"], "EventIndexPage": ["ical/"]}


def listing_urls(page):
    urls = []
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        url = ancestor.full_url
        if url:
            urls.append(url)
            urls += [url + route for route in LISTING_ROUTES.get(type(ancestor).__name__, [])]
    site = page.get_site()
    if site:
        urls += [site.root_url + path for path in SITE_WIDE_PATHS]
    return urls


def purge_listings(sender=None, instance=None, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    page = instance if instance is not None else kwargs.get("page")
    batch = PurgeBatch(listing_urls(page))
    batch.purge()


def connect_signals():
    for signal in (page_published, page_unpublished):
        signal.connect(purge_listings, dispatch_uid=f"frontendcache-listings-{id(signal)}")
    post_page_move.connect(purge_listings, dispatch_uid="frontendcache-listings-move")
