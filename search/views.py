import functools
from urllib.parse import quote, quote_plus

from django.apps import apps
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from home import page_cache
from home.shared_lookups import shared

from . import popular, ranked
from . import query as search_query
from .highlight import match_pattern
from .results import (
    RESULT_TYPES,
    RESULT_TYPES_BY_SLUG,
    build_hits,
    counts_by_type,
    filter_by_type,
    hidden_pages_sql,
    promotions_for,
    searchable_pages,
    specific_pages,
    type_filter_content_types,
)
from .results import type_counts as count_types

RESULTS_PER_PAGE = 20
# A search is stored in the shared page cache only once it was searched this often today, so one-off
# queries (or someone trying many) never take space there; see _may_be_cached().
CACHE_AFTER_SEARCHES = 3
# Page numbers beyond this are past the end of any result list; the paginator then shows the last page.
MAX_PAGE_NUMBER = 10_000
SECTION_INDEX_MODELS = ("newsroom.NewsIndexPage", "newsroom.EventIndexPage", "profiles.ProfileIndexPage")


def _section_links(pages):
    """Links to the main sections for the empty state (one query)."""
    models = [apps.get_model(label) for label in SECTION_INDEX_MODELS]
    return list(pages.type(*models).order_by("path"))


def _requested_page(value):
    """The page number to fetch first; the paginator has the last word (it may settle on the last page)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= MAX_PAGE_NUMBER else 1


def _searchable_pages_sql(request, site):
    """SQL and parameters of searchable_pages(site): the same for every search on the site until the content
    (or a view restriction, or the site) changes, so built once per content generation, not per search."""
    return shared(
        request,
        ("sitesearch:searchable-pages-sql", site.pk if site is not None else None),
        lambda: searchable_pages(site).order_by().values("id", "content_type_id").query.sql_with_params(),
    )


def _hidden_pages_sql(request, site):
    """hidden_pages_sql(site), kept per content generation like _searchable_pages_sql()."""
    return shared(
        request,
        ("sitesearch:hidden-pages-sql", site.pk if site is not None else None),
        lambda: hidden_pages_sql(site),
    )


def _ranked_results(request, site, pages, query, result_type, page_param):
    """(type counts, total, page of (id, content type) pairs, specific pages) from one query (PostgreSQL)."""
    content_type_ids, exclude = type_filter_content_types(result_type)
    ranked_search = ranked.RankedSearch(
        None,
        query,
        content_type_ids,
        exclude,
        pages_sql=_searchable_pages_sql(request, site),
        hidden_sql=_hidden_pages_sql(request, site),
    )
    offset = (_requested_page(page_param) - 1) * RESULTS_PER_PAGE
    per_content_type = ranked_search.prefetch(offset, RESULTS_PER_PAGE)
    page_obj = Paginator(ranked.RankedWindow(ranked_search), RESULTS_PER_PAGE).get_page(page_param)
    return counts_by_type(per_content_type), sum(per_content_type.values()), page_obj


def _queryset_results(request, site, pages, query, result_type, page_param):
    """The same through the backend's queryset API (SQLite, other backends)."""
    pages = pages()
    type_counts = count_types(pages, query)
    total = sum(count for _type, count in type_counts)
    paginator = Paginator(filter_by_type(pages, result_type).search(query), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page_param)
    page_obj.object_list = [(page.pk, page.content_type_id) for page in page_obj.object_list]
    return type_counts, total, page_obj


def page_cache_counts_searches():
    """Whether cached searches still count: the search app listens to home.page_cache.page_cache_hit."""
    return page_cache.page_cache_hit.has_listeners()


def _canonical_query_strings(query, result_type, page_number):
    params = [("q", query)]
    if result_type is not None:
        params.append(("typ", result_type.slug))
    if page_number > 1:
        params.append(("page", str(page_number)))
    # As the search form submits it (spaces as "+") and as this page links to it (urlencode: "%20").
    return {
        "&".join(f"{name}={quote_plus(value, safe='')}" for name, value in params),
        "&".join(f"{name}={quote(value, safe='')}" for name, value in params),
    }


def _may_be_cached(request, query, result_type, page_number, searched_today):
    """Only one spelling of a popular search may enter the shared page cache.

    Every other spelling (extra parameters, other encodings, an invalid page or type) stays private, so
    the number of cached search pages is bounded by the popular queries, not by what anyone sends.
    """
    return (
        page_cache_counts_searches()
        and searched_today >= CACHE_AFTER_SEARCHES
        and request.META.get("QUERY_STRING", "") in _canonical_query_strings(query, result_type, page_number)
    )


def search(request):
    raw = request.GET.get("q", "")
    shown_query = search_query.displayed_query(raw)
    terms = search_query.search_terms(raw)
    query = " ".join(terms)
    result_type = RESULT_TYPES_BY_SLUG.get(request.GET.get("typ", ""))
    context = {
        "search_query": shown_query,
        "searched": bool(query),
        "query_has_no_words": bool(shown_query) and not query,
        "active_type": result_type,
        "max_query_length": search_query.MAX_QUERY_LENGTH,
        "result_types": [(result_type, None) for result_type in RESULT_TYPES],
    }
    site = Site.find_for_request(request)
    # Built only where needed (editors' picks, the empty state, other backends): building the queryset
    # costs more CPU than the ranked search's own Python.
    pages = functools.cache(lambda: searchable_pages(site))

    cacheable = False
    if query:
        results = _ranked_results if ranked.available() else _queryset_results
        type_counts, total, page_obj = results(request, site, pages, query, result_type, request.GET.get("page"))
        # Editors' picks lead the first page of an unfiltered search; the ranked list and the counts
        # stay as they are, only a pick that is also a hit on that page is not listed twice.
        promotions = promotions_for(query, pages) if result_type is None and page_obj.number == 1 else []
        promoted_ids = {promotion.page_id for promotion in promotions if promotion.page_id}
        shown = [(page_id, type_id) for page_id, type_id in page_obj.object_list if page_id not in promoted_ids]
        context.update(
            promotions=[
                (promotion, promotion.page.get_url(request) if promotion.page else None) for promotion in promotions
            ],
            result_types=type_counts,
            total=total,
            page_obj=page_obj,
            hits=build_hits(None, match_pattern(terms), request, specific=specific_pages(shown)),
        )
        # A new search (not a filter or page link followed) that found something counts for the editors'
        # report; the record holds only the normalised query and a daily counter, nothing about the visitor.
        if total or promotions:
            if popular.is_new_search(request.GET):
                searched_today = popular.record(query)
            else:
                searched_today = popular.searches_today(query)
            cacheable = _may_be_cached(request, query, result_type, page_obj.number, searched_today)

    if not query or not (context.get("total") or context.get("promotions")):
        context.update(show_help=True, section_links=_section_links(pages()))
    response = TemplateResponse(request, "search/search.html", context)
    if cacheable:
        # Only our own page cache may keep it: it reports its hits, so they count, and it forgets the
        # page on publish. A CDN or Varnish would do neither.
        patch_cache_control(response, max_age=0, s_maxage=0)
    else:
        # Kept out of the shared page cache and CDNs: caching arbitrary query strings would let anyone
        # fill the cache, and without the page cache's hit signal cached searches would go uncounted.
        patch_cache_control(response, private=True)
    return response
