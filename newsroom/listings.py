"""Queries and page contexts of the news and event pages.

Listings query the concrete model (already specific, one query) with `.live()`, privacy filtering
as a subquery (`home.listings.public_only`) and `defer_streamfields()`, so the count of queries
does not grow with the number of items.
"""

import functools
import itertools

from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from home.listing_sql import TeaserListing
from home.listings import count_of_type, paginate, public_only, querystring_without_page
from home.row_instances import column_converters, converted
from home.shared_lookups import shared_until
from home.topics import related_pages

from .dates import german_date, german_month
from .teasers import EventTeaser, NewsTeaser

NEWS_PER_PAGE = 10
EVENTS_PER_PAGE = 20
# What a teaser shows (components/news_teaser.html, event_teaser.html) and what a page URL needs: loading
# only these halves the cost of building the listed pages.
PAGE_URL_FIELDS = ("id", "path", "depth", "url_path", "title", "slug", "content_type_id", "locale_id", "live")
NEWS_TEASER_FIELDS = (*PAGE_URL_FIELDS, "date", "teaser")
EVENT_TEASER_FIELDS = (*PAGE_URL_FIELDS, "start", "end", "all_day", "city", "teaser")


def news_queryset(root):
    from .models import NewsPage

    return public_only(NewsPage.objects.live().descendant_of(root)).defer_streamfields().order_by("-date", "-pk")


def event_queryset(root):
    from .models import EventPage

    return public_only(EventPage.objects.live().descendant_of(root)).defer_streamfields()


def upcoming_q():
    """Events not over yet: the end (or, without an end, the start) lies in the future."""
    now = timezone.now()
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)


# upcoming_q() and its negation as conditions of a TeaserListing (home.listing_sql), with `now` twice.
UPCOMING_SQL = "{end} >= %s OR ({end} IS NULL AND {start} >= %s)"
PAST_SQL = "({end} IS NOT NULL AND {end} < %s) OR ({end} IS NULL AND {start} < %s)"
NEWS_ORDER = ("-date", "-pk")


def _now_twice():
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return [now, now]


def event_teasers(root, *, past=False, count=None):
    """Upcoming (or past) events below `root` with the teaser columns, soonest (or newest) first."""
    from .models import EventPage

    return TeaserListing(
        EventPage,
        root,
        EventTeaser.FIELDS,
        ("-start", "-pk") if past else ("start", "pk"),
        where=PAST_SQL if past else UPCOMING_SQL,
        params=_now_twice(),
        count=count,
        row=EventTeaser,
    )


def news_teasers(root, count=None):
    from .models import NewsPage

    return TeaserListing(NewsPage, root, NewsTeaser.FIELDS, NEWS_ORDER, count=count, row=NewsTeaser)


def latest_news(request, root, limit):
    return news_teasers(root)[:limit]


def upcoming_events(request, root, limit):
    return event_teasers(root)[:limit]


def _tag_filter(request):
    """The `?tag=` filter as a Tag, None without filter; 404 for an unknown tag."""
    slug = request.GET.get("tag", "").strip()
    if not slug:
        return None
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("Dieses Thema gibt es nicht.")
    return tag


def news_index_context(index, request):
    items = news_queryset(index).only(*NEWS_TEASER_FIELDS)
    tag = _tag_filter(request)
    if tag is not None:
        items = items.filter(tagged_items__tag=tag)
    else:
        from .models import NewsPage  # models.py imports this module

        items = news_teasers(index, count=count_of_type(NewsPage, index))
    return {
        "news_page": paginate(request, items, NEWS_PER_PAGE),
        "active_tag": tag,
        "paging_query": querystring_without_page(request),
    }


def page_tags(page):
    """The page's tags, evaluated once (templates, JSON-LD and related items all use them)."""
    return list(page.tags.all())


def news_page_context(page, request):
    tags = page_tags(page)
    return {
        "tags": tags,
        "related": related_pages(page, [tag.pk for tag in tags]),
        "date_display": german_date(page.date),
    }


def event_month_groups(events):
    """[(month heading, [events])] keeping the order of `events`."""
    return [
        (german_month(timezone.localtime(month_start)), list(group))
        for month_start, group in itertools.groupby(
            events, key=lambda event: event.local_start.replace(day=1, hour=0, minute=0)
        )
    ]


def event_city_counts(index, request):
    """[(city, upcoming events, past events)] below `index`: the city filter's choices and, unfiltered,
    the totals for paging, of the upcoming list and the archive alike.

    One grouped query (3 ms on the benchmark database, a quarter of the event index's time) kept per
    content generation until the soonest upcoming event is over or a counted page expires: time alone
    changes these numbers only then, and a publish, unpublish, move or delete starts a new generation.
    """
    from .models import EventPage

    def build():
        listing = TeaserListing(EventPage, index)
        city, start, end = (listing.column(name) for name in ("city", "start", "end"))
        upcoming = UPCOMING_SQL.format(start=start, end=end)
        select = (
            f"{city}, SUM(CASE WHEN ({upcoming}) THEN 1 ELSE 0 END), COUNT(*), "
            f"MIN(CASE WHEN ({upcoming}) THEN COALESCE({end}, {start}) END), MIN(p.expire_at)"
        )
        now = _now_twice()
        rows = listing.grouped(select, city, select_params=[*now, *now], pages_first=True)
        counts, moments = [], []
        for name, upcoming_count, total, *ends in rows:
            counts.append((name, upcoming_count, total - upcoming_count))
            moments.extend(moment for moment in converted(ends, _moment_converters()) if moment is not None)
        return counts, min(moments, default=None)

    return shared_until(request, ("event-city-counts", index.pk), build)


@functools.cache
def _moment_converters():
    """The ORM's converters for the two moments event_city_counts() reads (SQLite returns them as text)."""
    from .models import EventPage

    return column_converters([(EventPage._meta.get_field("end"), "m"), (Page._meta.get_field("expire_at"), "p")])


def event_index_context(index, request):
    archive = request.GET.get("archiv") == "1"
    city = request.GET.get("stadt", "").strip()
    per_city = {name: past if archive else upcoming for name, upcoming, past in event_city_counts(index, request)}
    cities = sorted((name for name, count in per_city.items() if name and count), key=str.lower)
    if city:
        events = event_queryset(index).only(*EVENT_TEASER_FIELDS).filter(city__iexact=city)
        if archive:
            events = events.exclude(upcoming_q()).order_by("-start", "-pk")
        else:
            events = events.filter(upcoming_q()).order_by("start", "pk")
    else:
        events = event_teasers(index, past=archive, count=sum(per_city.values()))
    page = paginate(request, events, EVENTS_PER_PAGE)
    page.object_list = list(page.object_list)
    return {
        "archive": archive,
        "active_city": city,
        "cities": cities,
        "events_page": page,
        "month_groups": event_month_groups(page.object_list),
        "paging_query": querystring_without_page(request),
    }


def event_location_feature_collection(page):
    """The venue as map data for static/js/map.js (marker class `marker-ort`), or None without location."""
    if page.latitude is None:
        return None
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [page.longitude, page.latitude]},
                "properties": {"title": page.venue or page.title, "url": "", "status": "ort", "status_label": ""},
            }
        ],
    }


def event_page_context(page, request):
    return {
        "tags": page_tags(page),
        "date_display": page.date_line,
        "map_data": event_location_feature_collection(page),
    }
