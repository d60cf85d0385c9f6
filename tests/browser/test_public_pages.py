"""The public site in headless Chromium: privacy before map consent, the map and its filter, accessibility."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests import factories
from tests.browser.audits import run_axe, save_screenshot

pytestmark = pytest.mark.browser

RUNNING = ["Nordstadt", "Bismarck/Schalke-Nord"]
COMPLETED = ["Hörde-Clarenberg", "Tossehof"]


@pytest.fixture
def content(site_tree, live_server):
    """A small but complete site, addressed by the live server's host so no URL points elsewhere."""
    host = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host.hostname, host.port
    site.save()  # save(), not update(): its signal clears Wagtail's cached site root paths

    profile_index = site_tree["profile_index"]
    dortmund = site_tree["municipality"]
    factories.DistrictProfilePageFactory(
        parent=dortmund,
        title="Hörde-Clarenberg",
        slug="hoerde-clarenberg",
        status="abgeschlossen",
        start_year=2002,
        end_year=2016,
        location="SRID=4326;POINT(7.4936 51.4854)",
    )
    gelsenkirchen = factories.MunicipalityPageFactory(parent=profile_index, title="Gelsenkirchen", slug="gelsenkirchen")
    factories.DistrictProfilePageFactory(
        parent=gelsenkirchen,
        title="Bismarck/Schalke-Nord",
        slug="bismarck-schalke-nord",
        location="SRID=4326;POINT(7.0870 51.5300)",
    )
    factories.DistrictProfilePageFactory(
        parent=gelsenkirchen,
        title="Tossehof",
        slug="tossehof",
        status="abgeschlossen",
        start_year=1999,
        end_year=2012,
        location="SRID=4326;POINT(7.1180 51.5440)",
    )

    news = factories.NewsPageFactory(
        parent=site_tree["news_index"],
        title="Quartiersfonds startet in der Nordstadt",
        slug="quartiersfonds",
        teaser="Bewohnerinnen und Bewohner entscheiden über kleine Projekte.",
    )
    news.tags.add("Beteiligung")
    news.save()
    start = timezone.now() + datetime.timedelta(days=10)
    factories.EventPageFactory(
        parent=site_tree["event_index"],
        title="Netzwerktreffen Soziale Stadt",
        start=start,
        end=start + datetime.timedelta(hours=5),
        location="SRID=4326;POINT(7.4636 51.5219)",
    )
    return {
        "startseite": "/",
        "meldung": news.url,
        "veranstaltungen": "/veranstaltungen/",
        "stadtteilprofile": "/stadtteilprofile/",
        "stadtteilprofil": site_tree["profile"].url,
    }


def open_page(browser_page, live_server, path):
    response = browser_page.goto(live_server.url + path, wait_until="networkidle")
    assert response.status == 200, path
    return browser_page


@pytest.mark.parametrize("name", ["startseite", "meldung", "veranstaltungen", "stadtteilprofile", "stadtteilprofil"])
def test_page_stays_local_before_consent_and_has_no_serious_accessibility_issue(
    browser_page, live_server, content, name
):
    page = open_page(browser_page, live_server, content[name])
    save_screenshot(page, name)

    assert page.request_log.outside == [], "requests left 127.0.0.1 before consent"
    assert page.request_log.tiles == [], "map tiles loaded before consent"
    assert run_axe(page) == []


def test_map_shows_markers_after_consent_and_filters_to_running_areas(browser_page, live_server, content):
    page = open_page(browser_page, live_server, content["stadtteilprofile"])
    assert page.locator("#map").is_hidden()
    # The list below the map is usable without consent.
    assert page.locator("li[data-status] a").all_inner_texts() != []

    page.get_by_role("button", name="Karte laden", exact=True).click()
    page.locator(".marker-laufend").first.wait_for()
    page.wait_for_load_state("networkidle")

    assert page.locator(".marker-laufend").count() == len(RUNNING)
    assert page.locator(".marker-abgeschlossen").count() == len(COMPLETED)
    assert page.request_log.tiles != [], "no tiles requested after consent"
    assert page.request_log.outside == [], "requests left 127.0.0.1 for something other than the tile server"
    assert run_axe(page) == []
    save_screenshot(page, "stadtteilprofile-karte")

    page.locator('a[data-status-filter="laufend"]').click()

    assert page.locator(".marker-abgeschlossen").count() == 0
    assert page.locator(".marker-laufend").count() == len(RUNNING)
    assert sorted(page.locator("li[data-status]:visible a").all_inner_texts()) == sorted(RUNNING)
    assert page.url.endswith("?status=laufend")


def test_map_consent_is_remembered_in_the_browser(browser_page, live_server, content):
    page = open_page(browser_page, live_server, content["stadtteilprofil"])
    page.get_by_role("button", name="Karte laden", exact=True).click()
    page.locator(".marker-laufend").wait_for()

    page.reload(wait_until="networkidle")

    assert page.locator(".marker-laufend").count() == 1
    assert page.get_by_role("button", name="Karte laden", exact=True).is_hidden()


def test_the_checks_themselves_notice_a_tracker_and_a_missing_alt_text(browser_page, live_server, content):
    """The privacy log and the axe audit must be able to fail: plant both faults into a loaded page."""
    page = open_page(browser_page, live_server, content["startseite"])
    with page.expect_event("requestfailed"):  # aborted by the request log
        page.evaluate(
            """() => {
                const image = document.createElement("img");
                image.src = "http://tracker.example.net/pixel.png";
                document.querySelector("main").appendChild(image);
            }"""
        )

    assert page.request_log.outside == ["http://tracker.example.net/pixel.png"]
    assert [violation.split(" ")[0] for violation in run_axe(page)] == ["image-alt"]
