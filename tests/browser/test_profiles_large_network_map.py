"""A large network's profile index in headless Chromium: the map fetches the GeoJSON, the filter works
on the list of municipalities. The threshold is lowered so the small test site counts as large."""

import pytest

from profiles import listings
from tests.browser.audits import run_axe, save_screenshot
from tests.browser.test_public_pages import COMPLETED, RUNNING, content, open_page  # noqa: F401 (content: the fixture)

pytestmark = pytest.mark.browser


@pytest.mark.usefixtures("content")
def test_map_loads_every_area_from_the_geojson_and_the_filter_updates_the_municipalities(
    browser_page, live_server, monkeypatch
):
    monkeypatch.setattr(listings, "LARGE_NETWORK_AREAS", 2)
    page = open_page(browser_page, live_server, "/stadtteilprofile/")
    assert page.locator("li[data-status]").count() == 0
    assert page.locator("li[data-municipality-counts] a").all_inner_texts() == ["Dortmund", "Gelsenkirchen"]
    assert page.request_log.outside == [], "requests left 127.0.0.1 before consent"
    assert run_axe(page) == []

    page.get_by_role("button", name="Karte laden", exact=True).click()
    page.locator(".marker-laufend").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.locator(".marker-laufend").count() == len(RUNNING)
    assert page.locator(".marker-abgeschlossen").count() == len(COMPLETED)
    assert run_axe(page) == []
    save_screenshot(page, "stadtteilprofile-gross-karte")

    page.locator('a[data-status-filter="abgeschlossen"]').click()
    assert page.locator(".marker-laufend").count() == 0
    assert page.locator(".marker-abgeschlossen").count() == len(COMPLETED)
    assert page.locator("[data-visible-count]").inner_text() == f"{len(COMPLETED)} Gebiete"
    links = page.locator("li[data-municipality-counts]:visible a")
    assert links.first.get_attribute("href") == "/stadtteilprofile/dortmund/?status=abgeschlossen"

    page.locator('a[data-status-filter="alle"]').click()
    assert links.first.get_attribute("href") == "/stadtteilprofile/dortmund/"
    assert page.locator("[data-visible-count]").inner_text() == f"{len(RUNNING) + len(COMPLETED)} Gebiete"
