"""A listing's query count does not grow with `limit`, with every field included (`fields=*`)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api_content import build_content

PAGE_TYPES = [
    "newsroom.NewsPage",
    "newsroom.EventPage",
    "profiles.DistrictProfilePage",
    "profiles.MunicipalityPage",
    "home.StandardPage",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["items"]


def test_listing_query_count_does_not_grow_with_limit(client, site_tree):
    build_content(site_tree, count=8)
    for page_type in PAGE_TYPES:
        url = f"/api/v2/pages/?type={page_type}&fields=*&limit="
        client.get(url + "50")  # renditions are created on first use; measure the steady state
        small, five = count_queries(client, url + "5")
        large, all_items = count_queries(client, url + "50")
        assert len(five) == 5 and len(all_items) >= 8, page_type
        assert small == large, f"{page_type}: {small} queries for 5 items, {large} for {len(all_items)}"


def test_untyped_listing_and_search_do_not_grow_with_limit(client, site_tree):
    build_content(site_tree, count=8)
    for url in ["/api/v2/pages/?fields=*&limit=", "/api/v2/pages/?search=Quartier&fields=*&limit="]:
        client.get(url + "50")
        small, five = count_queries(client, url + "5")
        large, all_items = count_queries(client, url + "50")
        assert len(five) == 5 and len(all_items) > 5, url
        assert small == large, url


def test_image_and_document_listings_do_not_grow_with_limit(client, site_tree):
    import wagtail_factories

    for number in range(8):
        wagtail_factories.ImageFactory(title=f"Bild {number}").tags.add("Quartier")
        wagtail_factories.DocumentFactory(title=f"Dokument {number}").tags.add("Konzept")
    for url in ["/api/v2/images/?fields=*&limit=", "/api/v2/documents/?fields=*&limit="]:
        small, five = count_queries(client, url + "5")
        large, all_items = count_queries(client, url + "50")
        assert len(five) == 5 and len(all_items) == 8, url
        assert all_items[0]["meta"]["tags"], url
        assert small == large, url
