"""Running a site search and turning the hits into what the results page shows.

Everything here costs a fixed number of queries however many hits a page shows: the search
itself, one facet query for the counts per type, and one query per page type among the hits.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.compiled_loads import load_in_bulk
from home.listings import restricted_paths
from home.models import HomePage, StandardPage
from home.shared_lookups import shared
from newsroom.dates import german_date
from newsroom.models import EventPage, NewsPage
from profiles.models import DistrictProfilePage, MunicipalityPage

from . import page_text
from .highlight import excerpt_of_segments, highlight


@dataclass(frozen=True)
class ResultType:
    """A choice in the type filter; `models` empty means "every other page type"."""

    slug: str
    label: str
    models: tuple = ()


RESULT_TYPES = (
    ResultType("aktuelles", "Aktuelles", (NewsPage,)),
    ResultType("veranstaltungen", "Veranstaltungen", (EventPage,)),
    ResultType("stadtteilprofile", "Stadtteilprofile", (DistrictProfilePage, MunicipalityPage)),
    ResultType("seiten", "Seiten"),
)
RESULT_TYPES_BY_SLUG = {result_type.slug: result_type for result_type in RESULT_TYPES}
OTHER_PAGES = RESULT_TYPES_BY_SLUG["seiten"]

TYPE_LABELS = {
    NewsPage: "Aktuelles",
    EventPage: "Veranstaltung",
    DistrictProfilePage: "Stadtteilprofil",
    MunicipalityPage: "Kommune",
    HomePage: "Startseite",
    StandardPage: "Seite",
}


def _content_type_ids(models):
    # ContentType lookups are cached per process, so this costs no query after the first request.
    return [ContentType.objects.get_for_model(model).pk for model in models]


def _typed_content_type_ids():
    return _content_type_ids(model for result_type in RESULT_TYPES for model in result_type.models)


def searchable_pages(site):
    """Pages a visitor may find: live, not behind a privacy restriction, on this site."""
    pages = Page.objects.live()
    # As .public(), but with the restrictions read once per content generation instead of on every search.
    # (Not home.listings.public_only(): the search backends cannot filter on expire_at.)
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    if site is not None:
        pages = pages.in_site(site)
    return pages


def hidden_pages_sql(site):
    """SQL and parameters selecting the ids of the pages that searchable_pages(site) leaves out: not live,
    not on the site, or inside a private section. PostgreSQL only (the ranked search's counts).

    Usually a handful, and each part is read through an index: the unpublished pages through
    home/migrations/0009, the other sites' pages (and the tree's root) as the two path ranges around
    the site root's, the private sections as path prefixes. UNION, so that a page in two parts is one row.
    """
    parts = ["SELECT id FROM wagtailcore_page WHERE NOT live"]
    params = []
    if site is not None:
        # A page is on the site when its path starts with the root's (its depth is then at least the
        # root's): in the pattern operators' (byte) order, those paths lie in [root, upper).
        root = site.root_page.path
        upper = root[:-1] + chr(ord(root[-1]) + 1)
        parts.append("SELECT id FROM wagtailcore_page WHERE path::text ~<~ %s OR path::text ~>=~ %s")
        params += [root, upper]
    for path in restricted_paths():
        parts.append("SELECT id FROM wagtailcore_page WHERE path::text LIKE %s")
        params.append(path + "%")  # tree paths are letters and digits: nothing to escape
    return " UNION ".join(parts), params


def filter_by_type(pages, result_type):
    if result_type is None:
        return pages
    if result_type is OTHER_PAGES:
        return pages.exclude(content_type_id__in=_typed_content_type_ids())
    return pages.filter(content_type_id__in=_content_type_ids(result_type.models))


def type_filter_content_types(result_type):
    """(content type ids, exclude) of a type filter, or (None, False) for every type."""
    if result_type is None:
        return None, False
    if result_type is OTHER_PAGES:
        return _typed_content_type_ids(), True
    return _content_type_ids(result_type.models), False


def type_counts(pages, query):
    """[(ResultType, count)] for the filter links, in their fixed order, from one facet query."""
    return counts_by_type(pages.search(query).facet("content_type_id"))


def counts_by_type(per_content_type):
    """[(ResultType, count)] in the filter's fixed order from {content type id: count}."""
    slug_by_content_type = {
        content_type_id: result_type.slug
        for result_type in RESULT_TYPES
        for content_type_id in _content_type_ids(result_type.models)
    }
    counts = defaultdict(int)
    for content_type_id, count in per_content_type.items():
        counts[slug_by_content_type.get(content_type_id, OTHER_PAGES.slug)] += count
    return [(result_type, counts[result_type.slug]) for result_type in RESULT_TYPES]


def promoted_query_strings():
    """The normalised query strings that have editors' picks.

    Most searches have no picks; knowing that saves the picks query. The set is kept in this process
    for one content generation (home.shared_lookups), so a search costs no round trip for it: a change
    to a pick starts a new generation (signal_handlers.py), as it must anyway for the page cache, which
    keeps popular searches with their picks.
    """
    return shared(
        None,
        "sitesearch:promoted-queries",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()),
    )


def promotions_for(query, pages):
    """Editors' picks for this query; internal pages only while a visitor may see them.

    Looked up by the normalised query string instead of `Query.get()`, which would create a
    query record for every search, including those the popular-searches report must not show.
    `pages` returns the searchable pages (built only when the query has picks).
    """
    if normalise_query_string(query) not in promoted_query_strings():
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=pages().values("pk")))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


@dataclass
class Hit:
    page: Page
    url: str
    title: str
    type_label: str
    meta: list = field(default_factory=list)
    excerpt: str = ""


# Dates as "4. Dezember 2026" (Django's date_format "j. F Y" in German) through newsroom.dates, which
# needs no format and translation look-ups: those were a third of building the hits.
def _event_meta(page):
    start = timezone.localtime(page.start)
    when = german_date(start)
    if not page.all_day:
        when += f", {start:%H:%M} Uhr"
    meta = [when]
    if page.city:
        meta.append(page.city)
    if page.is_past:
        meta.append("vergangen")
    return meta


def _meta(page):
    """Date or status of a hit, as short phrases shown under its title."""
    if isinstance(page, NewsPage):
        return [german_date(page.date)]
    if isinstance(page, EventPage):
        return _event_meta(page)
    if isinstance(page, DistrictProfilePage):
        meta = [page.municipality.title] if page.municipality else []
        meta.append(f"{page.get_status_display()} ({page.period_display})")
        return meta
    if page.last_published_at:
        return [f"Stand: {german_date(timezone.localtime(page.last_published_at))}"]
    return []


def _specific_in_bulk(pages):
    """The specific page objects for `pages`, in the same order, with one query per page type."""
    return specific_pages([(page.pk, page.content_type_id) for page in pages])


def specific_pages(ids_and_types):
    """The specific page objects for (page id, content type id) pairs, in order, one query per page type."""
    ids_by_model = defaultdict(list)
    for page_id, content_type_id in ids_and_types:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            ids_by_model[model].append(page_id)
    specific = {}
    for model, ids in ids_by_model.items():
        # A profile's hit names its municipality. Statements compiled once per process (home.compiled_loads).
        related = ("municipality",) if model is DistrictProfilePage else ()
        specific.update(load_in_bulk(model, ids, related))
    return [specific[page_id] for page_id, _type in ids_and_types if page_id in specific]


def _excerpt(page, pattern):
    # From the teaser if it has a match (or without a pattern), else from the full text (all StreamField
    # blocks), read only up to a little past its first match.
    return excerpt_of_segments(page_text.teaser_text(page), page_text.full_text_segments(page), pattern)


def build_hits(pages, pattern, request, specific=None):
    """Hits for `pages` (Page objects), or for `specific` pages already loaded."""
    hits = []
    for page in specific if specific is not None else _specific_in_bulk(pages):
        hits.append(
            Hit(
                page=page,
                url=page.get_url(request),
                title=highlight(page.title, pattern),
                type_label=TYPE_LABELS.get(type(page), "Seite"),
                meta=_meta(page),
                excerpt=_excerpt(page, pattern),
            )
        )
    return hits
