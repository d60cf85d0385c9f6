"""The Content-Security-Policy enforced in Chromium: the public map and the admin's geo widget still work.

Unlike the other browser tests these do not bypass the CSP: Chromium applies the real headers and
reports every violation on the console.
"""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from tests.browser.conftest import TILE_HOST, TILE_URL, RequestLog

pytestmark = pytest.mark.browser

PASSWORD = "Geo-Widget-im-Test-42"


@pytest.fixture
def enforced_page(django_db_serialized_rollback, live_server, chromium, settings, site_tree):
    """A browser context that enforces the CSP; the tile host of the tests is allowed as in production."""
    settings.MAP_TILE_URL = TILE_URL
    for name in ("CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY"):
        policy = {"DIRECTIVES": dict(getattr(settings, name)["DIRECTIVES"])}
        policy["DIRECTIVES"]["img-src"] = [*policy["DIRECTIVES"]["img-src"], f"http://{TILE_HOST}"]
        setattr(settings, name, policy)
    host = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host.hostname, host.port
    site.save()

    log = RequestLog(live_server.url)
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.route("**/*", log.handle)
    page = context.new_page()
    page.request_log = log
    page.csp_violations = []
    page.on(
        "console",
        lambda message: page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()


def test_public_map_works_under_the_strict_policy(enforced_page, live_server, site_tree):
    page = enforced_page
    response = page.goto(live_server.url + "/stadtteilprofile/", wait_until="networkidle")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.get_by_role("button", name="Karte laden", exact=True).click()
    page.wait_for_selector(".leaflet-marker-icon, .leaflet-interactive", timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert page.request_log.tiles, "no map tiles requested"
    assert page.csp_violations == []


def test_admin_edit_page_with_geo_widget_works_under_the_admin_policy(
    enforced_page, live_server, site_tree, django_user_model
):
    django_user_model.objects.create_superuser("geo", "geo@example.org", PASSWORD)
    page = enforced_page
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "geo")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    response = page.goto(f"{live_server.url}/admin/pages/{site_tree['profile'].pk}/edit/", wait_until="networkidle")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    # The geo widget draws its Leaflet map. wagtail-geo-widget reads its tile layer (OpenStreetMap) at
    # start-up; the CSP let the browser ask for those tiles (the test's router stops them, no network).
    page.wait_for_selector(".leaflet-container .leaflet-tile", state="attached", timeout=10_000)
    assert any("tile.openstreetmap.org" in url for url in page.request_log.outside), "no tiles requested"
    assert page.input_value("#id_title") == "Nordstadt"
    assert page.csp_violations == []
