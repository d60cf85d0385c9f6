"""The profile index of a large network: municipalities with their counts instead of every area.

The threshold is lowered to 3 areas here; the same tree with the usual threshold shows every area.
"""

import pytest
from bs4 import BeautifulSoup

from profiles import listings
from tests import factories
from tests.site_content import make_private


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def network(site_tree, monkeypatch):
    """Dortmund: Nordstadt (laufend). Gelsenkirchen: Bismarck (abgeschlossen), Schalke (laufend), a draft.
    Essen: Katernberg (abgeschlossen)."""
    gelsenkirchen = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Gelsenkirchen")
    factories.DistrictProfilePageFactory(
        parent=gelsenkirchen, title="Bismarck", status="abgeschlossen", start_year=1995, end_year=2008
    )
    factories.DistrictProfilePageFactory(parent=gelsenkirchen, title="Schalke")
    factories.DistrictProfilePageFactory(parent=gelsenkirchen, title="Entwurfsgebiet", live=False)
    essen = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Essen", slug="essen")
    factories.DistrictProfilePageFactory(
        parent=essen, title="Katernberg", status="abgeschlossen", start_year=2000, end_year=2010
    )
    monkeypatch.setattr(listings, "LARGE_NETWORK_AREAS", 3)
    return {"gelsenkirchen": gelsenkirchen, "essen": essen, **site_tree}


def rows(page_soup, visible_only=True):
    items = page_soup.select("li[data-municipality-counts]")
    return [
        (item.a.get_text(), item.select_one(".area__meta").get_text(" ", strip=True))
        for item in items
        if not (visible_only and item.has_attr("hidden"))
    ]


def test_index_lists_municipalities_with_counts_and_the_map_loads_the_geojson(client, network):
    page_soup = soup(client.get("/stadtteilprofile/"))
    assert page_soup.select("li[data-status]") == []
    assert rows(page_soup) == [
        ("Dortmund", "1 Gebiet: 1 laufend, 0 abgeschlossen"),
        ("Essen", "1 Gebiet: 0 laufend, 1 abgeschlossen"),
        ("Gelsenkirchen", "2 Gebiete: 1 laufend, 1 abgeschlossen"),
    ]
    assert page_soup.select_one("li[data-municipality-counts] a")["href"] == "/stadtteilprofile/dortmund/"
    assert page_soup.select_one("[data-visible-count]").get_text() == "4 Gebiete"
    assert "Die Karte zeigt alle 4 Programmgebiete." in page_soup.select_one(".area-list").get_text(" ", strip=True)
    # No embedded copy of the data: the map fetches the (cacheable) GeoJSON of the API.
    assert page_soup.find("script", id="map-data") is None
    map_url = page_soup.select_one("#map")["data-map-url"]
    assert map_url == "/api/v2/profiles.geojson"
    titles = sorted(feature["properties"]["title"] for feature in client.get(map_url).json()["features"])
    assert titles == ["Bismarck", "Katernberg", "Nordstadt", "Schalke"]
    counts = {
        link["data-status-filter"]: link.select_one(".count").get_text()
        for link in page_soup.select("a[data-status-filter]")
    }
    assert counts == {"alle": "(4)", "laufend": "(2)", "abgeschlossen": "(2)"}


def test_status_filter_works_without_javascript(client, network):
    page_soup = soup(client.get("/stadtteilprofile/?status=laufend"))
    assert [title for title, _meta in rows(page_soup)] == ["Dortmund", "Gelsenkirchen"]
    assert page_soup.select_one("a[aria-current=true]")["data-status-filter"] == "laufend"
    assert page_soup.select_one("[data-visible-count]").get_text() == "2 Gebiete"
    # The municipality's page opens with the same filter.
    link = page_soup.select_one("li[data-municipality-counts]:not([hidden]) a")
    assert link["href"] == "/stadtteilprofile/dortmund/?status=laufend"
    completed = soup(client.get("/stadtteilprofile/?status=abgeschlossen"))
    assert [title for title, _meta in rows(completed)] == ["Essen", "Gelsenkirchen"]
    bogus = soup(client.get("/stadtteilprofile/?status=<x>"))
    assert len(rows(bogus)) == 3


def test_municipality_pages_still_list_their_areas(client, network):
    page_soup = soup(client.get("/stadtteilprofile/gelsenkirchen/?status=laufend"))
    visible = [li.a.get_text() for li in page_soup.select("li[data-status]") if not li.has_attr("hidden")]
    assert visible == ["Schalke"]
    assert page_soup.find("script", id="map-data") is not None


def test_private_and_unpublished_areas_are_not_counted(client, network, monkeypatch):
    monkeypatch.setattr(listings, "LARGE_NETWORK_AREAS", 1)
    make_private(network["essen"])
    network["gelsenkirchen"].get_children().get(title="Bismarck").specific.unpublish()
    page_soup = soup(client.get("/stadtteilprofile/"))
    assert rows(page_soup) == [
        ("Dortmund", "1 Gebiet: 1 laufend, 0 abgeschlossen"),
        ("Gelsenkirchen", "1 Gebiet: 1 laufend, 0 abgeschlossen"),
    ]
    assert page_soup.select_one("[data-visible-count]").get_text() == "2 Gebiete"


def test_below_the_threshold_every_area_is_listed(client, network, monkeypatch):
    monkeypatch.setattr(listings, "LARGE_NETWORK_AREAS", 4)
    page_soup = soup(client.get("/stadtteilprofile/"))
    assert page_soup.select("li[data-municipality-counts]") == []
    assert sorted(li.a.get_text() for li in page_soup.select("li[data-status]")) == [
        "Bismarck",
        "Katernberg",
        "Nordstadt",
        "Schalke",
    ]
    assert page_soup.find("script", id="map-data") is not None


def test_municipality_names_are_escaped(client, network):
    network["essen"].title = 'Essen <script>alert("x")</script> & Co'
    network["essen"].save_revision().publish()
    page = client.get("/stadtteilprofile/").content.decode()
    assert "<script>alert" not in page
    assert "Essen &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
