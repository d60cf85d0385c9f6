"""Integration API (Wagtail API v3 at /api/v3/): tokens act as their user, and nothing is ever published."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Page

from editorial.roles import setup_all
from profiles.models import DistrictProfilePage
from tests import factories

SECTIONS = [
    {"type": "meilensteine", "value": [{"title": "Aufnahme ins Programm", "year": 2016, "date": None, "text": ""}]},
    {"type": "ausgangslage", "value": [{"type": "paragraph", "value": "<p>Dichte Blockbebauung am Hafen.</p>"}]},
]


@pytest.fixture
def tree(site_tree):
    duisburg = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Duisburg", slug="duisburg")
    marxloh = factories.DistrictProfilePageFactory(parent=duisburg, title="Marxloh", slug="marxloh")
    setup_all()
    return dict(site_tree, duisburg=duisburg, marxloh=marxloh)


def bearer(username, group=None, superuser=False):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", "pw")
    else:
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
    _token, plaintext = APIToken.create_token(user=user, name="Fachverfahren")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def send(client, method, url, body, auth):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **auth)


def new_profile(parent, title="Hafenviertel", **extra):
    return {
        "meta": {"type": "profiles.DistrictProfilePage", "parent_id": parent.pk},
        "title": title,
        "status": "laufend",
        "start_year": 2016,
        "location": {"lat": 51.52, "lng": 7.46},
        "sections": SECTIONS,
        **extra,
    }


def test_municipality_token_creates_a_draft_below_its_own_municipality(client, tree):
    auth = bearer("kommune-dortmund", "Kommune Dortmund")
    response = send(client, "post", "/api/v3/pages/", new_profile(tree["municipality"]), auth)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["location"] == {"lat": 51.52, "lng": 7.46}

    page = DistrictProfilePage.objects.get(pk=data["id"])
    assert not page.live and page.latest_revision is not None
    assert page.municipality_id == tree["municipality"].pk
    assert [section.block_type for section in page.latest_revision.as_object().sections] == [
        "ausgangslage",
        "meilensteine",
    ]
    # The draft is readable with the token, and invisible to the public.
    draft = client.get(f"/api/v3/pages/{page.pk}/?version=draft", **auth)
    assert draft.status_code == 200 and draft.json()["title"] == "Hafenviertel"
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get("/stadtteilprofile/dortmund/hafenviertel/").status_code == 404


def test_municipality_token_cannot_touch_another_municipality(client, tree):
    auth = bearer("kommune-dortmund", "Kommune Dortmund")
    created = send(client, "post", "/api/v3/pages/", new_profile(tree["duisburg"]), auth)
    assert created.status_code == 403
    assert not DistrictProfilePage.objects.filter(title="Hafenviertel").exists()

    marxloh = tree["marxloh"]
    patched = send(client, "patch", f"/api/v3/pages/{marxloh.pk}/", {"title": "Übernommen"}, auth)
    assert patched.status_code in (403, 404)
    assert client.get(f"/api/v3/pages/{marxloh.pk}/?version=draft", **auth).status_code == 404
    marxloh.refresh_from_db()
    assert marxloh.title == "Marxloh" and marxloh.get_latest_revision_as_object().title == "Marxloh"


def test_editing_a_live_page_keeps_the_live_version_until_approval(client, tree):
    auth = bearer("redaktion", "Redaktion")
    profile = tree["profile"]
    response = send(client, "patch", f"/api/v3/pages/{profile.pk}/", {"title": "Nordstadt (neu)"}, auth)
    assert response.status_code == 200, response.content
    profile.refresh_from_db()
    assert profile.live and profile.title == "Nordstadt" and profile.has_unpublished_changes
    assert client.get(f"/api/v2/pages/{profile.pk}/").json()["title"] == "Nordstadt"
    assert "Nordstadt (neu)" not in client.get(profile.url).content.decode()


@pytest.mark.parametrize("username, group", [("freigabe", "Freigabe"), ("admin", None)])
def test_no_token_may_publish_delete_or_move(client, tree, username, group):
    auth = bearer(username, group, superuser=group is None)
    created = send(client, "post", "/api/v3/pages/", new_profile(tree["municipality"], title="Entwurf"), auth)
    assert created.status_code == 201 and not Page.objects.get(pk=created.json()["id"]).live
    pages_before = Page.objects.count()
    body = new_profile(tree["municipality"])
    body["meta"]["action"] = "publish"
    refused = send(client, "post", "/api/v3/pages/", body, auth)
    assert refused.status_code == 403 and "Veröffentlichen" in refused.json()["detail"]
    assert Page.objects.count() == pages_before

    profile = tree["profile"]
    for method, url in [
        ("post", f"/api/v3/pages/{profile.pk}/actions/publish/"),
        ("post", f"/api/v3/pages/{profile.pk}/actions/unpublish/"),
        ("post", f"/api/v3/pages/{profile.pk}/actions/move/"),
        ("delete", f"/api/v3/pages/{profile.pk}/"),
    ]:
        assert send(client, method, url, {}, auth).status_code == 403, url
    assert Page.objects.filter(pk=profile.pk, live=True).exists()


def test_writes_need_a_valid_token_and_valid_data(client, tree):
    anonymous = send(client, "post", "/api/v3/pages/", new_profile(tree["municipality"]), {})
    assert anonymous.status_code == 401
    wrong = send(
        client, "post", "/api/v3/pages/", new_profile(tree["municipality"]), {"HTTP_AUTHORIZATION": "Bearer x"}
    )
    assert wrong.status_code == 401

    auth = bearer("kommune-dortmund", "Kommune Dortmund")
    out_of_range = send(
        client, "post", "/api/v3/pages/", new_profile(tree["municipality"], location={"lat": 95, "lng": 7}), auth
    )
    assert out_of_range.status_code in (400, 422)
    completed_without_end = send(
        client, "post", "/api/v3/pages/", new_profile(tree["municipality"], status="abgeschlossen"), auth
    )
    assert completed_without_end.status_code in (400, 422)
    assert "Programmende" in completed_without_end.content.decode()
    assert not DistrictProfilePage.objects.filter(title="Hafenviertel").exists()
