"""Editors' picks for a query, and the popular-searches log behind the editors' report."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from tests import factories


@pytest.fixture(autouse=True)
def fresh_search_counters():
    # Repeated searches are counted in the shared cache (search/popular.py); start every test at zero.
    caches["shared"].clear()


def promote(query_string, **kwargs):
    return SearchPromotion.objects.create(query=Query.get(query_string), **kwargs)


def result_links(response):
    """Hrefs of promoted and ranked results, in page order."""
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [link["href"] for link in page.select(".search-promotions li > a, .search-result h2 a")]


def test_promoted_results_come_first(client, site_tree):
    guide = factories.StandardPageFactory(parent=site_tree["home"], title="Förderwegweiser", slug="foerderung")
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Förderprogramm verlängert", slug="programm")
    promote("Förderprogramm", page=guide, description="Alle Programme auf einen Blick.", sort_order=0)
    promote(
        "förderprogramm", external_link_url="https://www.mhkbd.nrw/", external_link_text="Ministerium", sort_order=1
    )

    response = client.get("/suche/", {"q": "Förderprogramm"})

    assert result_links(response) == ["/foerderung/", "https://www.mhkbd.nrw/", "/aktuelles/programm/"]
    assert "Empfehlungen der Redaktion" in response.content.decode()
    assert "Alle Programme auf einen Blick." in response.content.decode()


def test_a_new_pick_shows_at_once_and_a_removed_one_disappears(client, site_tree):
    guide = factories.StandardPageFactory(parent=site_tree["home"], title="Förderwegweiser", slug="foerderung")
    assert result_links(client.get("/suche/", {"q": "Förderwegweiser"})) == ["/foerderung/"]
    assert "Empfehlungen der Redaktion" not in client.get("/suche/", {"q": "Dortmund"}).content.decode()

    pick = promote("Dortmund", page=guide)
    assert result_links(client.get("/suche/", {"q": "Dortmund"}))[0] == "/foerderung/"

    pick.delete()
    assert "/foerderung/" not in result_links(client.get("/suche/", {"q": "Dortmund"}))


def test_a_promoted_page_that_matches_is_not_listed_twice(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Quartiersfonds startet", slug="fonds")
    promote("Quartiersfonds", page=news)

    assert result_links(client.get("/suche/", {"q": "Quartiersfonds"})) == ["/aktuelles/fonds/"]


def test_unpublished_promoted_pages_are_not_shown(client, site_tree):
    draft = factories.StandardPageFactory(parent=site_tree["home"], title="Entwurf", slug="entwurf", live=False)
    promote("Dortmund", page=draft)

    assert "/entwurf/" not in result_links(client.get("/suche/", {"q": "Dortmund"}))


def test_searches_with_results_are_counted_once_without_personal_data(client, site_tree):
    client.get("/suche/", {"q": "  DORTMUND  "}, REMOTE_ADDR="203.0.113.9")
    client.get("/suche/", {"q": "Dortmund", "typ": "stadtteilprofile"})  # filtering is not a new search
    client.get("/suche/", {"q": "Dortmund", "page": "2"})  # neither is paging

    assert list(Query.objects.values_list("query_string", flat=True)) == ["dortmund"]
    assert Query.objects.get().hits == 1
    # The log holds the normalised words and a daily counter, nothing that identifies the visitor.
    logged = [str(value) for row in QueryDailyHits.objects.values() for value in row.values()]
    assert not any("203.0.113.9" in value for value in logged)


def test_searches_without_results_are_not_logged(client, site_tree):
    client.get("/suche/", {"q": "Max Mustermann Telefonnummer"})
    client.get("/suche/", {"q": "!!!"})
    client.get("/suche/")

    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()


def test_editors_manage_promotions_in_german(client, site_tree, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw"))

    listing = client.get("/admin/searchpicks/")

    assert listing.status_code == 200
    assert "Hervorgehobene Suchergebnisse" in listing.content.decode()


def test_the_popular_searches_report_lists_logged_queries(client, site_tree, django_user_model):
    client.get("/suche/", {"q": "Nordstadt"})
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))

    report = client.get(reverse("wagtailsearchpromotions:search_terms"))

    assert report.status_code == 200
    assert "nordstadt" in report.content.decode()


@pytest.mark.warm_shared_lookups
def test_a_new_or_removed_pick_shows_at_once_while_the_set_of_promoted_queries_is_kept(client, site_tree):
    guide = factories.StandardPageFactory(parent=site_tree["home"], title="Förderwegweiser", slug="foerderung")
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Förderprogramm verlängert", slug="programm")
    assert result_links(client.get("/suche/", {"q": "Förderprogramm"})) == ["/aktuelles/programm/"]

    promotion = promote("Förderprogramm", page=guide, description="Alle Programme.", sort_order=0)
    assert result_links(client.get("/suche/", {"q": "Förderprogramm"})) == ["/foerderung/", "/aktuelles/programm/"]

    promotion.delete()
    assert result_links(client.get("/suche/", {"q": "Förderprogramm"})) == ["/aktuelles/programm/"]
