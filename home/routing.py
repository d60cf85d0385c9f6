"""Resolve a public URL in two queries instead of two per tree level.

Wagtail's default `Page.route` walks the tree one slug at a time (a child lookup plus a
`.specific` fetch per level), so a district profile five levels deep costs ten queries before
its template runs. Every page's `url_path` is unique in the tree, so all candidate pages for a
path (the target and its ancestors) can be fetched in one query. The same query flags which of
them carry a view restriction, so the privacy check needs no query of its own in the common case,
and the ancestors are kept for the breadcrumbs.
"""

import functools

from django.db import DEFAULT_DB_ALIAS, connection
from django.http import Http404
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .compiled_loads import load_specific
from .listings import restricted_paths
from .row_instances import Reader
from .shared_lookups import shared

# Columns the breadcrumbs, menus and the privacy check need from an ancestor.
ANCESTOR_FIELDS = [
    "id",
    "path",
    "depth",
    "url_path",
    "title",
    "slug",
    "live",
    "expire_at",
    "alias_of_id",
    "content_type_id",
    "show_in_menus",
]


def _url_path_prefixes(base_url_path, path_components):
    """ "/start/" + ["a", "b"] -> ["/", "/start/", "/start/a/", "/start/a/b/"], shortest first."""
    prefixes = ["/"]
    current = "/"
    for segment in [part for part in base_url_path.split("/") if part] + list(path_components):
        current += segment + "/"
        prefixes.append(current)
    return prefixes


def route_by_url_path(home, request, path_components):
    """Route from `home` (the site root) to the deepest page matching a prefix of the path.

    Components after the deepest match are handed to that page's own `route()`, so
    RoutablePageMixin sub-routes (feeds, iCalendar) keep working and unknown slugs still 404.
    A page model may list foreign keys its template always needs in `serve_select_related`.
    The same query also fetches the home page's children: the main menu and the section links.
    """
    prefixes = _url_path_prefixes(home.url_path, path_components)
    rows = _candidate_pages(home, prefixes)
    request._home_children = [page for page in rows if page.is_home_child and not page.has_view_restriction]

    # The unbroken chain from the tree root down to the deepest page on the path.
    chain = []
    for page in rows:
        if page.url_path not in prefixes:
            continue
        if chain and not (page.path.startswith(chain[-1].path) and page.depth == chain[-1].depth + 1):
            continue
        chain.append(page)
    if not chain or chain[-1].depth < home.depth:
        return Page.route(home, request, path_components)

    target = chain[-1]
    # Until `publish_scheduled` unpublishes an expired page it is still `live`; it is gone for visitors already.
    if target.expire_at and target.expire_at <= timezone.now() and target.pk != home.pk:
        raise Http404
    remaining = list(path_components[target.depth - home.depth :])
    if target.pk == home.pk:
        specific = home
    else:
        model = target.specific_class
        specific = load_specific(model, target.pk, getattr(model, "serve_select_related", ()))
    specific._route_ancestors = chain[:-1]
    specific._route_has_view_restriction = any(page.has_view_restriction for page in chain)
    specific._route_has_alias = any(page.alias_of_id for page in chain)
    if specific is home:
        # Not home.route(): that is this function.
        return Page.route(home, request, remaining)
    return specific.route(request, remaining)


def _candidate_pages(home, prefixes):
    """The pages on the path and the live children of `home`, in tree order, each with two flags.

    Written as SQL rather than built with the ORM: this query runs on every page view, and building
    and compiling it through the queryset API cost four times as much as running it (0.9 ms vs 0.25 ms
    of CPU). The statement is plain SQL that PostgreSQL and SQLite both accept.
    """
    page_table = Page._meta.db_table
    restriction_table = PageViewRestriction._meta.db_table
    reader = _ancestor_reader()
    placeholders = ", ".join(["%s"] * len(prefixes))
    # Tree paths use only digits and capital letters, so the prefix needs no LIKE escaping.
    home_child = f"({page_table}.path LIKE %s AND {page_table}.depth = %s AND {page_table}.live)"
    sql = (
        f"SELECT {', '.join(reader.columns)}, "
        f"EXISTS (SELECT 1 FROM {restriction_table} r WHERE r.page_id = {page_table}.id) AS has_view_restriction, "
        f"{home_child} AS is_home_child "
        f"FROM {page_table} WHERE {page_table}.url_path IN ({placeholders}) OR {home_child} "
        f"ORDER BY {page_table}.path"
    )
    child_params = [home.path + "%", home.depth + 1]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*child_params, *prefixes, *child_params])
        rows = cursor.fetchall()
    width = len(reader.columns)
    pages = []
    for row in rows:
        page = reader.build(row[:width], DEFAULT_DB_ALIAS)
        # SQLite answers 0/1.
        page.has_view_restriction = bool(row[width])
        page.is_home_child = bool(row[width + 1])
        pages.append(page)
    return pages


@functools.cache
def _ancestor_reader():
    """Page instances with ANCESTOR_FIELDS from plain rows (home.row_instances): making them through a raw
    queryset cost more than the routing query itself."""
    return Reader(Page, [(Page._meta.get_field(name), Page._meta.db_table) for name in ANCESTOR_FIELDS])


def home_children(request, home):
    """Live, public children of the home page: from the routing query when there was one, else from the
    copy kept per content generation (views that are no page, such as the search)."""
    pages = getattr(request, "_home_children", None) if request is not None else None
    if pages is None:
        # Expiry passes without a publish, so it is checked on every use.
        now = timezone.now()
        pages = [
            page for page in _unrestricted_home_children(request, home) if not page.expire_at or page.expire_at > now
        ]
        if request is not None:
            request._home_children = pages
    return pages


def _unrestricted_home_children(request, home):
    """Live children of `home` outside private sections, expired ones included: the same for every URL of
    the site, so read once per content generation (a publish, move or restriction starts a new one)."""

    def build():
        children = home.get_children().live()
        for path in restricted_paths():
            children = children.exclude(path__startswith=path)
        return list(children.only(*ANCESTOR_FIELDS))

    return shared(request, ("home-children", home.pk), build)


def main_menu_pages(request, home):
    """The main menu: the home page's children marked "In Menüs anzeigen"."""
    return [page for page in home_children(request, home) if page.show_in_menus]


def cached_ancestors(page):
    """Ancestors found while routing (root first), or None when the page was reached another way."""
    return getattr(page, "_route_ancestors", None)


def view_restrictions_known_empty(page):
    """True when routing already proved that neither the page nor an ancestor is restricted."""
    if cached_ancestors(page) is None:
        return False
    return not page._route_has_view_restriction and not page._route_has_alias
