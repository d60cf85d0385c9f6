"""Header navigation and breadcrumbs; both reuse what the routing query already fetched (see home.routing)."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from home.page_urls import page_url
from home.routing import cached_ancestors, main_menu_pages
from home.shared_lookups import prime_site_root_paths, shared

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    page = context.get("page")
    root = _site_root(request)
    items = prime_site_root_paths(main_menu_pages(request, root) if root is not None else [])
    current_path = getattr(page, "path", "") if isinstance(page, Page) else ""
    return {
        "home_url": page_url(root) if root is not None else "/",
        "items": [
            {
                "title": item.title,
                "url": page_url(item),
                "active": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra=None):
    """Ancestors of `page` from the home page down; `extra` ends the trail on views that are no page."""
    page = page or context.get("page")
    trail = []
    if isinstance(page, Page):
        ancestors = cached_ancestors(page)
        if ancestors is None:
            ancestors = list(page.get_ancestors().only("id", "path", "depth", "url_path", "title"))
        trail = prime_site_root_paths([ancestor for ancestor in ancestors if ancestor.depth > 1]) + [page]
    elif extra:
        root = _site_root(context.get("request"))
        trail = [root] if root is not None else []
    crumbs = [{"title": "Startseite" if item.depth == 2 else item.title, "url": page_url(item)} for item in trail]
    if extra:
        crumbs.append({"title": extra, "url": None})
    if len(crumbs) < 2:
        return {"crumbs": []}
    crumbs[-1]["url"] = None
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (contact data, legal pages, links from the site settings): the same on every page of a site,
    so it is rendered once per content generation (home.shared_lookups)."""
    from home.models import SiteSettings

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None

    def build():
        site_settings = SiteSettings.for_site(site) if site is not None else None
        return render_to_string(
            "components/footer.html", {"SITE_NAME": settings.WAGTAIL_SITE_NAME, "site_settings": site_settings}
        )

    if site is None:
        return build()
    return shared(request, ("footer", site.pk), build)
