"""Page URLs as Wagtail writes them, with one reverse() per URL configuration instead of one per page.

Wagtail's `Page.get_url_parts` reverses the serve URL for every page it links to: on an event index
that is some thirty reverse() calls (teasers, menu, breadcrumbs), a tenth of the page's CPU time. For a
path that the serve pattern takes and reverse() leaves unquoted, the result is always the prefix
reversed once followed by the path, so that is what is built here; anything else (a non-ASCII slug, a
page on several sites, translations) goes through Wagtail's own method.
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page

from .shared_lookups import site_root_paths

# Paths below a site root that Wagtail's serve pattern, (?:[\w\-]+/)*, takes and reverse() leaves unquoted.
PLAIN_SERVE_PATH = re.compile(r"(?:[A-Za-z0-9_\-]+/)*")
_prefixes = {}


def serve_prefix():
    """What reverse("wagtail_serve") puts before a plain page path, or None if it does more than prefix it."""
    key = (get_urlconf(), get_script_prefix())
    if key not in _prefixes:
        try:
            prefix = reverse("wagtail_serve", args=("",))
            sample = "a-b_c/d/"
            _prefixes[key] = prefix if reverse("wagtail_serve", args=(sample,)) == prefix + sample else None
        except NoReverseMatch:
            _prefixes[key] = None
    return _prefixes[key]


def _simple_setup():
    return WAGTAIL_APPEND_SLASH and not getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def _parts(url_path, possible_sites):
    """(site id, root URL, path) of a page below the first of `possible_sites`, or None for a path that
    reverse() would quote (the caller asks Wagtail then)."""
    site_id, root_path, root_url, _language = possible_sites[0]
    relative = url_path[len(root_path) :]
    prefix = serve_prefix()
    if prefix is None or not PLAIN_SERVE_PATH.fullmatch(relative):
        return None
    return (site_id, root_url, prefix + relative)


def url_parts(page, request=None):
    """`Page.get_url_parts(page, request)`: (site id, root URL, path), None if the page is on no site."""
    if not _simple_setup():
        return Page.get_url_parts(page, request)
    possible_sites = page._get_relevant_site_root_paths(request)
    if not possible_sites:
        return None
    if len({site_root[0] for site_root in possible_sites}) > 1:
        return Page.get_url_parts(page, request)  # Wagtail prefers the request's site then
    return _parts(page.url_path, possible_sites) or Page.get_url_parts(page, request)


def page_url(page):
    """`page.url` for any page instance: menus and breadcrumbs hold plain Page rows from the routing query."""
    parts = url_parts(page) if type(page).get_url_parts is Page.get_url_parts else page.get_url_parts()
    if parts is None or parts[1] is None and parts[2] is None:
        return None
    _site_id, root_url, path = parts
    if len({site_root[0] for site_root in page._get_site_root_paths()}) == 1:
        return path
    return root_url + path


def url_for_path(url_path):
    """`page.url` of the page with this `url_path`, for listings that read rows instead of pages."""
    if _simple_setup():
        roots = site_root_paths()
        possible_sites = [site_root for site_root in roots if url_path.startswith(site_root.root_path)]
        if not possible_sites:
            return None
        parts = _parts(url_path, possible_sites)
        if parts is not None:
            return parts[2] if len({site_root[0] for site_root in roots}) == 1 else parts[1] + parts[2]
    # Anything else as Wagtail computes it, from a page that only knows its path.
    return Page(url_path=url_path).url
