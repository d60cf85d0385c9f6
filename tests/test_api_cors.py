"""CORS: only the API answers cross-origin requests, and only for the configured origins."""

import pytest

ALLOWED = "https://www.dortmund.de"


@pytest.fixture(autouse=True)
def allowed_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]


def test_allowed_origin_gets_the_header_on_the_api(client, site_tree):
    for url in ["/api/v2/pages/", "/api/v2/profiles.geojson", f"/api/v2/pages/{site_tree['profile'].pk}/"]:
        response = client.get(url, HTTP_ORIGIN=ALLOWED)
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == ALLOWED, url


def test_preflight_is_answered_for_the_api(client, site_tree):
    response = client.options("/api/v2/pages/", HTTP_ORIGIN=ALLOWED, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_no_cors_header_outside_the_api(client, site_tree):
    response = client.get("/", HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_unknown_origin_gets_no_cors_header(client, site_tree):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
