"""The editors' popular-searches log, counted cheaply.

Wagtail's `Query.get(q).add_hit()` costs up to four queries with two writes per search. Here only the
first search of a query on a day goes to the database that way (so the report lists it at once); every
search increments a counter in the shared cache (one atomic operation), and `fold()` adds what the daily
record lacks: the `fold_search_hits` command (run from cron next to `publish_scheduled`) does that. The counter
is keyed by the normalised query and the day, nothing about the visitor, as the log itself.

Counting this way also works for searches answered from the page cache, where the view never runs:
`count_cached_search(request)` is what the page cache calls on a hit (see search/views.py). A cached hit
must stay about as cheap as the cached page itself, so it is only counted in this process; the counts go
to the shared counters in one round trip at most every FLUSH_SECONDS (on the next hit after that), before
a fold in this process, and when the process exits. Until then a worker's last few seconds of cached hits
are missing from the counters (and from a fold run meanwhile); a worker killed without a clean exit loses
them. Searches that reach the view are counted at once, so the first-search-of-the-day record and the
"searched often enough today to be cached" decision never wait for a flush.
"""

import atexit
import datetime
import hashlib
import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from . import query as search_query

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 5
# More distinct queries than this waiting in one process are flushed at once, so the table stays small.
MAX_PENDING = 1000


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


def _add(amounts):
    """Add {key: amount} to counters atomically; returns the keys whose counter this addition created."""
    cache = _cache()
    if isinstance(cache, RedisCache):
        # One round trip for all of them: Redis creates a missing counter at the amount added.
        full_keys = [cache.make_and_validate_key(key) for key in amounts]
        client = cache._cache.get_client(full_keys[0], write=True)
        pipeline = client.pipeline(transaction=False)
        for full_key, amount in zip(full_keys, amounts.values(), strict=True):
            pipeline.incrby(full_key, amount)
            # Renewing the expiry of an existing counter does no harm (EXPIRE NX needs Redis 7).
            pipeline.expire(full_key, _timeout())
        values = pipeline.execute()[::2]
        return [key for (key, amount), value in zip(amounts.items(), values, strict=True) if value == amount]
    created = []
    for key, amount in amounts.items():
        if cache.add(key, amount, _timeout()):
            created.append(key)
            continue
        try:
            cache.incr(key, amount)
        except ValueError:  # expired or evicted since add()
            cache.set(key, amount, _timeout())
            created.append(key)
    return created


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


def _first_of_the_day(query_string, day):
    # The first search of the day goes to the record at once (so the report lists it); a missing
    # "folded" counter stands for exactly that one.
    _cache().delete(_keys(query_string, day)[1])
    Query.get(query_string).add_hit(day)


def record(query):
    """Count one new search for `query` (already cleaned); returns how often it was searched today."""
    query_string = normalise_query_string(query)
    day = timezone.localdate()
    total_key, _folded_key = _keys(query_string, day)
    total = _increment(total_key)
    if total == 1:
        _first_of_the_day(query_string, day)
    return total


def searches_today(query):
    """How often `query` was searched today, as far as counted (0 if not at all)."""
    total_key, _folded_key = _keys(normalise_query_string(query), timezone.localdate())
    return _cache().get(total_key) or 0


def is_new_search(params):
    """A search typed into the field, not a type filter or another result page followed."""
    return "typ" not in params and "page" not in params


# {(day, query as sent): searches} answered from the page cache in this process and not yet flushed.
_pending = {}
_pending_lock = threading.Lock()
_next_flush = 0.0


def count_cached_search(request):
    """Count a search answered from the page cache (the view counted it when it stored the page)."""
    global _next_flush
    if request.path != "/suche/" or not is_new_search(request.GET):
        return
    key = (timezone.localdate(), request.GET.get("q", ""))
    with _pending_lock:
        _pending[key] = _pending.get(key, 0) + 1
        now = time.monotonic()
        due = now >= _next_flush or len(_pending) >= MAX_PENDING
        if due:
            _next_flush = now + FLUSH_SECONDS
    if due:
        flush_cached_searches()


def flush_cached_searches():
    """Add the cached searches counted in this process to the shared counters (one round trip)."""
    global _pending
    with _pending_lock:
        pending, _pending = _pending, {}
    amounts = {}
    for (day, raw), count in pending.items():
        query = search_query.clean_query(raw)
        if query:
            query_string = normalise_query_string(query)
            key = (_keys(query_string, day)[0], query_string, day)
            amounts[key] = amounts.get(key, 0) + count
    if not amounts:
        return
    created = set(_add({total_key: count for (total_key, _q, _d), count in amounts.items()}))
    # A cached page may outlive the day it was stored on: then a cached hit is the day's first search.
    for total_key, query_string, day in amounts:
        if total_key in created:
            _first_of_the_day(query_string, day)


@atexit.register
def _flush_at_exit():
    try:
        flush_cached_searches()
    except Exception:  # the cache or database may already be gone; these few counts are not worth a traceback
        logger.warning("Could not flush the searches counted from the page cache", exc_info=True)


def on_page_cache_hit(sender, request, **kwargs):
    count_cached_search(request)


def fold(days=None):
    """Add the searches counted in the cache to the daily records; returns the number of searches added.

    Searches counted meanwhile are kept for the next fold; two folds at the same moment could count
    twice, so run it from one place (cron on one host).
    """
    flush_cached_searches()
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
