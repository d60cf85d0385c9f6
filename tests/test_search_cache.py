"""Popular searches: cheap counting, the page cache for canonical popular queries, the PostgreSQL fast path."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.dispatch import Signal
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from home import page_cache
from search import popular, ranked
from search.views import CACHE_AFTER_SEARCHES
from tests import factories


@pytest.fixture(autouse=True)
def fresh_search_counters(monkeypatch):
    caches["shared"].clear()
    monkeypatch.setattr(popular, "_pending", {})
    monkeypatch.setattr(popular, "_next_flush", 0.0)


@pytest.fixture
def page_cache_hit_signal(monkeypatch):
    """A page cache that reports its hits, as home.page_cache would with the hook in place."""
    signal = Signal()
    monkeypatch.setattr(page_cache, "page_cache_hit", signal)
    signal.connect(popular.on_page_cache_hit)
    return signal


@pytest.fixture
def news(site_tree):
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Quartiersfest im Sommer")
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Quartiersfest abgesagt")
    return site_tree


def hits_today():
    return sum(QueryDailyHits.objects.values_list("hits", flat=True))


def test_repeated_searches_are_counted_in_the_cache_and_folded_into_the_report(client, news):
    for _ in range(4):
        client.get("/suche/", {"q": "Quartiersfest"})
    client.get("/suche/", {"q": "Quartiersfest", "page": "2"})  # paging is not a new search

    # The first search of the day is written at once, so the report lists the query immediately.
    assert list(Query.objects.values_list("query_string", flat=True)) == ["quartiersfest"]
    assert hits_today() == 1

    call_command("fold_search_hits", stdout=io.StringIO())

    assert hits_today() == 4
    # Folding twice adds nothing: what was moved is taken off the counter.
    assert popular.fold() == 0
    assert hits_today() == 4


def test_searches_stay_private_while_nothing_counts_cached_hits(client, news, monkeypatch):
    monkeypatch.setattr(page_cache, "page_cache_hit", Signal())  # no listener: a cached search would go uncounted
    for _ in range(CACHE_AFTER_SEARCHES + 1):
        response = client.get("/suche/", {"q": "Quartiersfest"})

    assert "private" in response["Cache-Control"]


def test_only_the_canonical_spelling_of_a_popular_search_may_be_cached(client, news, page_cache_hit_signal):
    responses = [client.get("/suche/?q=Quartiersfest") for _ in range(CACHE_AFTER_SEARCHES)]

    # One-off searches never enter the shared cache; a query searched often enough today does.
    assert all("private" in response["Cache-Control"] for response in responses[:-1])
    assert "private" not in responses[-1]["Cache-Control"]
    # Not for CDNs or Varnish: they would neither count the searches nor forget them on publish.
    assert "s-maxage=0" in responses[-1]["Cache-Control"]
    assert "private" not in client.get("/suche/?q=Quartiersfest&typ=aktuelles").get("Cache-Control", "")
    for other_spelling in (
        "/suche/?q=quartiersfest+",
        "/suche/?q=%51uartiersfest",
        "/suche/?q=Quartiersfest&x=1",
        "/suche/?q=Quartiersfest&page=1",
        "/suche/?q=Quartiersfest&typ=unbekannt",
        "/suche/?typ=aktuelles&q=Quartiersfest",
    ):
        assert "private" in client.get(other_spelling)["Cache-Control"], other_spelling


def test_searches_answered_from_the_page_cache_still_count(news, page_cache_hit_signal):
    factory = RequestFactory()

    page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest"}))
    page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest"}))
    page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest", "page": "2"}))
    page_cache_hit_signal.send(sender=None, request=factory.get("/aktuelles/", {"q": "Quartiersfest"}))
    popular.fold()

    assert hits_today() == 2


def test_cached_hits_are_counted_in_the_process_and_flushed_in_one_go(news, page_cache_hit_signal, monkeypatch):
    factory = RequestFactory()
    flushes = []
    add = popular._add
    monkeypatch.setattr(popular, "_add", lambda amounts: flushes.append(dict(amounts)) or add(amounts))

    def cached_hit(query="Quartiersfest"):
        page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": query}))

    # The first cached hit a process sees is flushed at once; a cached page that outlived the day it was
    # stored on makes it the day's first search, which goes to the report at once.
    cached_hit()
    assert popular.searches_today("Quartiersfest") == 1
    assert hits_today() == 1

    # Further hits within FLUSH_SECONDS cost no cache round trip and wait in the process.
    for _ in range(3):
        cached_hit()
    cached_hit("quartiersfest ")  # another spelling of the same query
    assert len(flushes) == 1
    assert popular.searches_today("Quartiersfest") == 1

    # The next hit after FLUSH_SECONDS adds them all in one flush.
    monkeypatch.setattr(popular, "_next_flush", 0.0)
    cached_hit()
    assert len(flushes) == 2
    assert popular.searches_today("Quartiersfest") == 6

    popular.fold()
    assert hits_today() == 6


def test_a_fold_and_the_process_exit_flush_the_cached_hits_not_yet_counted(news, page_cache_hit_signal):
    factory = RequestFactory()
    for _ in range(3):
        page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest"}))
    assert popular.searches_today("Quartiersfest") == 1  # the first one was flushed at once

    popular.fold()
    assert hits_today() == 3

    page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest"}))
    popular._flush_at_exit()
    assert popular.searches_today("Quartiersfest") == 4
    popular.fold()
    assert hits_today() == 4


def test_cached_hits_keep_counting_with_searches_that_reach_the_view(client, news, page_cache_hit_signal):
    for _ in range(CACHE_AFTER_SEARCHES):
        client.get("/suche/?q=Quartiersfest")
    factory = RequestFactory()
    for _ in range(2):
        page_cache_hit_signal.send(sender=None, request=factory.get("/suche/", {"q": "Quartiersfest"}))
    client.get("/suche/?q=Quartiersfest")  # after a publish the page is built again and counted at once

    popular.fold()
    assert hits_today() == CACHE_AFTER_SEARCHES + 3
    assert list(Query.objects.values_list("query_string", flat=True)) == ["quartiersfest"]


needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="the fast path is PostgreSQL only")


@needs_postgres
def test_the_postgres_fast_path_ranks_and_counts_like_the_backend(client, site_tree, monkeypatch):
    for number in range(25):
        body = "Quartier " * (number % 5 + 1)
        factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Meldung {number}", teaser=body)
    factories.EventPageFactory(parent=site_tree["event_index"], title="Quartiersrundgang Quartier")
    factories.StandardPageFactory(parent=site_tree["home"], title="Quartier", slug="quartier")
    assert ranked.available()

    def result(path):
        response = client.get(path)
        context = response.context
        return [hit.page.pk for hit in context["hits"]], context["result_types"], context["total"], response.content

    for path in ("/suche/?q=Quartier", "/suche/?q=Quartier&page=2", "/suche/?q=Quartier&typ=seiten"):
        fast = result(path)
        monkeypatch.setattr(ranked, "available", lambda: False)
        slow = result(path)
        monkeypatch.undo()
        assert fast[:3] == slow[:3], path


@needs_postgres
def test_the_fast_path_ranks_titles_with_one_or_all_words_like_the_backend(client, site_tree, monkeypatch):
    # Titles with every word, some words or none of them: the fast path skips ranking a title only
    # where that gives exactly the same score (one-word queries).
    titles = ["Quartier", "Quartiersgarten", "Garten im Quartier", "Meldung", "Quartier und Garten im Quartier"]
    for number in range(20):
        factories.NewsPageFactory(
            parent=site_tree["news_index"],
            title=f"{titles[number % len(titles)]} {number}",
            teaser="Quartier " * (number % 3 + 1) + "Garten " * (number % 2),
        )

    def result(path):
        context = client.get(path).context
        return [hit.page.pk for hit in context["hits"]], context["result_types"], context["total"]

    for path in ("/suche/?q=Quartier", "/suche/?q=Garten", "/suche/?q=Quartier+Garten", "/suche/?q=Garten+Meldung"):
        fast = result(path)
        monkeypatch.setattr(ranked, "available", lambda: False)
        slow = result(path)
        monkeypatch.undo()
        assert fast == slow, path
        assert fast[2], path


@needs_postgres
def test_counts_and_ranking_cost_one_query_on_postgres(client, site_tree):
    for number in range(25):
        factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Förderaufruf {number}")
    client.get("/suche/", {"q": "Förderaufruf"})  # the first search of the day writes the report record

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/suche/", {"q": "Förderaufruf"})

    assert response.context["total"] == 25
    assert len(response.context["hits"]) == 20
    # The statement is prepared (its text sent) on its first use in a session, executed by name afterwards.
    index_queries = [
        query["sql"]
        for query in captured
        if "wagtailsearch_indexentry" in query["sql"] or query["sql"].startswith(ranked._SETTINGS)
    ]
    assert len(index_queries) == 1
    # Repeated searches are counted in the cache, not in the database.
    assert not [query["sql"] for query in captured if "searchpromotions_querydailyhits" in query["sql"]]


def test_popular_searches_come_from_the_page_cache_and_still_count(client, news, settings):
    settings.PAGE_CACHE = True
    for _ in range(CACHE_AFTER_SEARCHES):
        assert client.get("/suche/?q=Quartiersfest")["X-Page-Cache"] == "miss"

    cached = client.get("/suche/?q=Quartiersfest")
    other_spelling = client.get("/suche/?q=Quartiersfest&x=1")
    popular.fold()

    assert cached["X-Page-Cache"] == "hit"
    assert other_spelling["X-Page-Cache"] == "miss"
    assert hits_today() == CACHE_AFTER_SEARCHES + 2
