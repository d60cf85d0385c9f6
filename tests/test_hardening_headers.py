"""Security headers on the public site, the API and the admin; production-only ones: test_hardening_settings."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_common_headers(response):
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response.headers


def assert_public_policy(response):
    assert_common_headers(response)
    assert response.headers["X-Frame-Options"] == "DENY"
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    # The map tiles come from the host in MAP_TILE_URL (default: OpenStreetMap).
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chefredaktion", "chef@example.org", "geheim-und-lang-42")


def test_public_pages_send_the_strict_policy(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Neue Förderrunde")
    for url in ["/", site_tree["profile"].url, news.url, "/suche/?q=Quartier"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_public_policy(response)


def test_not_found_pages_send_the_strict_policy(client, site_tree):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert_public_policy(response)


def test_api_sends_the_strict_policy(client, site_tree):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert_public_policy(response)


def test_health_sends_the_strict_policy(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert_public_policy(response)


def test_admin_login_page_gets_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_common_headers(response)
    csp = directives(response)
    # The admin may frame itself (live preview) but nobody else may frame it.
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "https://nominatim.openstreetmap.org" in csp["connect-src"]


def test_admin_edit_page_of_district_profile_renders_with_admin_policy(client, site_tree, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree["profile"].pk]))
    assert response.status_code == 200
    assert_common_headers(response)
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    # The geo widget's map draws tiles from the tile host and its scripts are served from our origin.
    assert "https://tile.openstreetmap.org" in csp["img-src"]
    html = response.content.decode()
    assert "leaflet/leaflet.js" in html
    assert "unpkg.com" not in html


def test_admin_preview_may_be_framed_by_the_admin(client, site_tree, editor):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[site_tree["profile"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_session_and_csrf_cookies_are_httponly(client, editor):
    response = client.post("/admin/login/", {"username": "chefredaktion", "password": "geheim-und-lang-42"})
    assert response.status_code == 302
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["csrftoken"]["httponly"]


@pytest.fixture
def page_cache_on():
    """The page cache as in production (test settings turn it off), emptied before and after."""
    caches["shared"].clear()
    with override_settings(PAGE_CACHE=True):
        yield
    caches["shared"].clear()


def test_page_served_from_the_page_cache_keeps_the_headers(client, site_tree, page_cache_on):
    # The GeoJSON is one of the answers the page cache stores (HttpResponse, public Cache-Control).
    first = client.get("/api/v2/profiles.geojson")
    second = client.get("/api/v2/profiles.geojson")
    assert first.headers.get("X-Page-Cache") == "miss"
    assert second.headers.get("X-Page-Cache") == "hit"
    assert_public_policy(second)
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
