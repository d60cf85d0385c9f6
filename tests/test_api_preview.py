"""Headless preview: an editor previews a draft in the external front end, which fetches it by token."""

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.test_api_openapi import check

FRONTEND = "https://frontend.example.org/vorschau/"


@pytest.fixture
def preview_settings(settings):
    settings.HEADLESS_PREVIEW_URL = FRONTEND
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONTEND}}
    from wagtail_headless_preview.settings import headless_preview_settings

    headless_preview_settings.reload()
    yield settings
    headless_preview_settings.reload()


def preview_in_frontend(client, page, new_title):
    """Edit the page's title in the admin form and open the "Externes Frontend" preview; returns its URL."""
    editor = get_user_model().objects.create_superuser("redakteurin", "r@example.org", "pw")
    client.force_login(editor)
    form = querydict_from_html(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form")
    form["title"] = new_title
    form.update(nested_form_data({"sections": streamfield([])}))  # rendered by JavaScript in a browser
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(f"{preview_url}?mode=headless", form).json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url, {"mode": "headless"})
    assert response.status_code == 200
    client.logout()
    return unescape(re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1))


def test_the_front_end_gets_the_unsaved_draft_by_token(client, site_tree, preview_settings, api):
    profile = site_tree["profile"]
    frontend_url = preview_in_frontend(client, profile, "Nordstadt – Entwurf")
    assert frontend_url.startswith(FRONTEND)
    query = parse_qs(urlparse(frontend_url).query)

    response = client.get(
        "/api/v2/page_preview/", {"content_type": query["content_type"][0], "token": query["token"][0]}
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Nordstadt – Entwurf"
    assert response.json()["location"] == {"lat": 51.5136, "lng": 7.4653}
    assert "no-store" in response["Cache-Control"]
    # The draft was only previewed: the live page and the public API are unchanged.
    assert client.get(f"/api/v2/pages/{profile.pk}/").json()["title"] == "Nordstadt"


def test_missing_wrong_or_expired_tokens_get_403_and_no_content(client, site_tree, preview_settings, api):
    query = parse_qs(urlparse(preview_in_frontend(client, site_tree["profile"], "Geheimer Entwurf")).query)
    content_type, token = query["content_type"][0], query["token"][0]
    for params in ["", f"content_type={content_type}", f"content_type={content_type}&token={token}x"]:
        response = check(api, client, f"/api/v2/page_preview/?{params}", expected_status=403)
        assert "Geheimer Entwurf" not in response.content.decode()

    preview_settings.HEADLESS_PREVIEW_MAX_AGE = -1  # every token is older than that
    expired = client.get("/api/v2/page_preview/", {"content_type": content_type, "token": token})
    assert expired.status_code == 403 and "Geheimer Entwurf" not in expired.content.decode()


def test_without_a_front_end_only_the_site_preview_is_offered(site_tree, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    assert [mode for mode, _label in site_tree["profile"].preview_modes] == [""]
