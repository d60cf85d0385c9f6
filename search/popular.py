"""The editors' popular-searches log, counted cheaply.

Wagtail's `Query.get(q).add_hit()` costs up to four queries with two writes per search. Here only the
first search of a query on a day goes to the database that way (so the report lists it at once); later
ones increment a counter in the shared cache (one atomic operation), which `fold()` adds to the daily
record: the `fold_search_hits` command (run from cron next to `publish_scheduled`) does that. The counter
is keyed by the normalised query and the day, nothing about the visitor, as the log itself.

Counting this way also works for searches answered from the page cache, where the view never runs:
`count_cached_search(request)` is what the page cache calls on a hit (see search/views.py).
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from . import query as search_query


def _cache():
    return caches["shared"]


def _max_age_days():
    return getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7)


def _key(query_string, day):
    digest = hashlib.sha256(query_string.encode()).hexdigest()
    return f"sitesearch:hits:{day.isoformat()}:{digest}"


def _timeout():
    # Kept longer than the report looks back, so a late fold still finds the counts.
    return (_max_age_days() + 2) * 24 * 3600


def record(query):
    """Count one new search for `query` (already cleaned); returns how often it was searched today."""
    query_string = normalise_query_string(query)
    day = timezone.localdate()
    key = _key(query_string, day)
    cache = _cache()
    if cache.add(key, 0, _timeout()):
        Query.get(query_string).add_hit(day)
        return 1
    try:
        return cache.incr(key) + 1
    except ValueError:  # expired or evicted since add(): count it the slow way
        Query.get(query_string).add_hit(day)
        return 1


def searches_today(query):
    """How often `query` was searched today, as far as counted (0 if not at all)."""
    count = _cache().get(_key(normalise_query_string(query), timezone.localdate()))
    return 0 if count is None else count + 1


def is_new_search(params):
    """A search typed into the field, not a type filter or another result page followed."""
    return "typ" not in params and "page" not in params


def count_cached_search(request):
    """Count a search answered from the page cache (the view counted it when it stored the page)."""
    if request.path != "/suche/" or not is_new_search(request.GET):
        return
    query = search_query.clean_query(request.GET.get("q", ""))
    if query:
        record(query)


def on_page_cache_hit(sender, request, **kwargs):
    count_cached_search(request)


def fold(days=None):
    """Move the cached counters into the daily records; returns the number of searches moved.

    Safe against searches counted meanwhile (only what was read is subtracted), not against two folds
    at the same moment: run it from one place (cron, one host).
    """
    days = _max_age_days() if days is None else days
    today = timezone.localdate()
    since = today - datetime.timedelta(days=days)
    records = list(QueryDailyHits.objects.filter(date__gte=since).values_list("pk", "query__query_string", "date"))
    keys = {_key(query_string, day): pk for pk, query_string, day in records}
    cache = _cache()
    moved = 0
    for key, count in cache.get_many(list(keys)).items():
        if not count:
            continue
        updated = QueryDailyHits.objects.filter(pk=keys[key]).update(hits=F("hits") + count)
        if updated:
            cache.decr(key, count)
            moved += count
    return moved
