"""The shared cache's Redis backend (home.redis_cache) behaves as Django's and reuses one client.

Needs the Redis server on 127.0.0.1:6379 (database 15, keys under a test prefix). Without one the
tests are skipped with a loud reason; with REQUIRE_REDIS=1 (set by .ci/run) that is an error.
"""

import os
import socket
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from home.redis_cache import RedisCache

LOCATION = "redis://127.0.0.1:6379/15"


@pytest.fixture
def backends():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        message = "REDIS TESTS NOT RUN: no Redis server on 127.0.0.1:6379"
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"{message} (REQUIRE_REDIS=1 makes this an error)", pytrace=False)
        pytest.skip(message)
    prefix = f"test-{uuid.uuid4().hex}"
    ours = RedisCache(LOCATION, {"KEY_PREFIX": prefix})
    django = DjangoRedisCache(LOCATION, {"KEY_PREFIX": prefix + "-django"})
    yield ours, django
    for cache in (ours, django):
        client = cache._cache.get_client(write=True)
        keys = client.keys(f"{cache.key_prefix}*")
        if keys:
            client.delete(*keys)


def run_operations(cache):
    """What the page cache, its generation and the search counters ask of the shared cache."""
    results = [
        cache.set("page", (200, [("Content-Type", "text/html")], b"<p>x</p>", None), 60),
        cache.get("page"),
        cache.add("page", "other", 60),
        cache.add("counter", 1, 60),
        cache.incr("counter", 5),
        cache.get_many(["page", "counter", "missing"]),
        cache.get("missing", "default"),
        cache.delete("page"),
        cache.get("page"),
        cache.touch("counter", 120),
        cache.has_key("counter"),
    ]
    cache.set_many({"a": 1, "b": [2, 3]}, 60)
    results.append(cache.get_many(["a", "b"]))
    return results


def test_same_results_as_djangos_backend(backends):
    ours, django = backends
    assert run_operations(ours) == run_operations(django)


def test_one_client_for_all_operations(backends):
    ours, django = backends
    assert ours._cache.get_client(write=True) is ours._cache.get_client("any-key")
    # Django's builds one per call: the reason this backend exists.
    assert django._cache.get_client(write=True) is not django._cache.get_client(write=True)


def test_counter_increments_share_the_client(backends):
    ours, _django = backends
    key = ours.make_and_validate_key("hits")
    client = ours._cache.get_client(key, write=True)
    assert [client.incr(key) for _ in range(3)] == [1, 2, 3]
    assert ours._cache.get_client(key, write=True).get(key) == b"3"
