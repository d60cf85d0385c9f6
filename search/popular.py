"""The editors' popular-searches log, counted cheaply.

Wagtail's `Query.get(q).add_hit()` costs up to four queries with two writes per search. Here only the
first search of a query on a day goes to the database that way (so the report lists it at once); every
search increments a counter in the shared cache (one atomic operation), and `fold()` adds what the daily
record lacks: the `fold_search_hits` command (run from cron next to `publish_scheduled`) does that. The counter
is keyed by the normalised query and the day, nothing about the visitor, as the log itself.

Counting this way also works for searches answered from the page cache, where the view never runs:
`count_cached_search(request)` is what the page cache calls on a hit (see search/views.py).
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from . import query as search_query


def _cache():
    return caches["shared"]


def _max_age_days():
    return getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 7)


def _keys(query_string, day):
    """(searches today, searches of today already in the daily record) counter keys."""
    digest = hashlib.sha256(query_string.encode()).hexdigest()
    prefix = f"sitesearch:hits:{day.isoformat()}:{digest}"
    return prefix, f"{prefix}:folded"


def _timeout():
    # Kept longer than the report looks back, so a late fold still finds the counts.
    return (_max_age_days() + 2) * 24 * 3600


def _increment(key):
    """Add one to a counter atomically and return the new value (1: the counter was just created)."""
    cache = _cache()
    if isinstance(cache, RedisCache):
        # One round trip: Redis creates a missing counter at 1 (Django's incr() first checks it exists).
        full_key = cache.make_and_validate_key(key)
        client = cache._cache.get_client(full_key, write=True)
        value = client.incr(full_key)
        if value == 1:
            client.expire(full_key, _timeout())
        return value
    if cache.add(key, 1, _timeout()):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired or evicted since add()
        cache.set(key, 1, _timeout())
        return 1


def record(query):
    """Count one new search for `query` (already cleaned); returns how often it was searched today."""
    query_string = normalise_query_string(query)
    day = timezone.localdate()
    total_key, folded_key = _keys(query_string, day)
    total = _increment(total_key)
    if total == 1:
        # The first search of the day goes to the record at once (so the report lists it); a missing
        # "folded" counter stands for exactly that one.
        _cache().delete(folded_key)
        Query.get(query_string).add_hit(day)
    return total


def searches_today(query):
    """How often `query` was searched today, as far as counted (0 if not at all)."""
    total_key, _folded_key = _keys(normalise_query_string(query), timezone.localdate())
    return _cache().get(total_key) or 0


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
    """Add the searches counted in the cache to the daily records; returns the number of searches added.

    Searches counted meanwhile are kept for the next fold; two folds at the same moment could count
    twice, so run it from one place (cron on one host).
    """
    days = _max_age_days() if days is None else days
    since = timezone.localdate() - datetime.timedelta(days=days)
    records = QueryDailyHits.objects.filter(date__gte=since).values_list("pk", "query__query_string", "date")
    keys = {pk: _keys(query_string, day) for pk, query_string, day in records}
    cache = _cache()
    counts = cache.get_many([key for pair in keys.values() for key in pair])
    moved = 0
    for pk, (total_key, folded_key) in keys.items():
        total = counts.get(total_key) or 0
        folded = counts.get(folded_key, 1)
        if total > folded and QueryDailyHits.objects.filter(pk=pk).update(hits=F("hits") + (total - folded)):
            cache.set(folded_key, total, _timeout())
            moved += total - folded
    return moved
