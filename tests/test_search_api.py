"""The API's `?search=` runs on the same backend (and, with SiteSearchFilter, the same rules) as /suche/."""

import json

import pytest
from django.db import connection
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from search.api_filters import SiteSearchFilter
from tests import factories


@pytest.fixture
def family_page(site_tree):
    return factories.StandardPageFactory(
        parent=site_tree["home"],
        title="Angebote",
        slug="angebote",
        body=json.dumps([{"type": "paragraph", "value": "<p>Beratung für jede Familie im Viertel.</p>"}]),
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL full-text search (German stemming)")
def test_api_search_finds_the_family_page_by_its_plural(client, family_page):
    response = client.get("/api/v2/pages/", {"search": "Familien"})

    assert response.status_code == 200
    assert family_page.pk in [item["id"] for item in response.json()["items"]]


def search_with_filter(params):
    request = Request(APIRequestFactory().get("/api/v2/pages/", params))
    return list(SiteSearchFilter().filter_queryset(request, Page.objects.live().public(), view=None))


def test_site_search_filter_finds_what_the_site_search_finds(family_page):
    assert [page.title for page in search_with_filter({"search": "Viertel!"})] == ["Angebote"]


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ('"Viertel', ["Angebote"]),  # an unbalanced quote broke SQLite's FTS5 syntax
        ("Viertel\x00", ["Angebote"]),  # a NUL character broke PostgreSQL
        ("Viertel " * 2_000, ["Angebote"]),
        ("a & b | !c <-> d:*", []),
        ("'; DROP TABLE x; --", []),
        ("!!!", []),
    ],
)
def test_site_search_filter_survives_hostile_queries(family_page, hostile, expected):
    assert [page.title for page in search_with_filter({"search": hostile})] == expected


def test_site_search_filter_rejects_an_unknown_operator(family_page):
    with pytest.raises(BadRequestError):
        search_with_filter({"search": "Viertel", "search_operator": "xor"})


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("hostile", ['"Viertel', "Viertel\x00", "Viertel " * 2_000, "a & b | !c <-> d:*"])
def test_api_search_never_answers_hostile_queries_with_500(client, family_page, endpoint, hostile):
    response = client.get(f"/api/v2/{endpoint}/", {"search": hostile})
    assert response.status_code == 200
    if endpoint == "pages" and "Viertel" in hostile:
        assert [item["title"] for item in response.json()["items"]] == ["Angebote"]


def test_api_search_rejects_an_unknown_operator_with_400(client, family_page):
    response = client.get("/api/v2/pages/", {"search": "Viertel", "search_operator": "xor"})
    assert response.status_code == 400 and "search_operator" in response.json()["message"]
