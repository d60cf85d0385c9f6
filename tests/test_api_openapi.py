"""Real responses of every endpoint validate against the served OpenAPI 3.1 document, so it cannot drift."""

import json
from urllib.parse import urlsplit

import pytest
from openapi_core.testing import MockRequest, MockResponse

from tests.api_content import build_content

PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "newsroom.NewsIndexPage",
    "newsroom.NewsPage",
    "newsroom.EventIndexPage",
    "newsroom.EventPage",
    "profiles.ProfileIndexPage",
    "profiles.MunicipalityPage",
    "profiles.DistrictProfilePage",
]


@pytest.fixture
def content(site_tree):
    return build_content(site_tree, count=2)


def check(api, client, url, expected_status=200, **headers):
    """Fetch `url` and validate the response against the description; return it."""
    response = client.get(url, **headers)
    assert response.status_code == expected_status, (url, response.content[:300])
    parts = urlsplit(url)
    query = {}
    for pair in filter(None, parts.query.split("&")):
        name, _, value = pair.partition("=")
        query[name] = value
    request = MockRequest("http://testserver", "get", parts.path, args=query)
    mock = MockResponse(
        response.content,
        status_code=response.status_code,
        headers={name: value for name, value in response.items()},
        content_type=response.get("Content-Type", "").split(";")[0],
    )
    api.validate_response(request, mock)
    return response


def test_every_page_type_detail_matches(api, client, site_tree, content):
    seen = set()
    for item in client.get("/api/v2/pages/?limit=100").json()["items"]:
        response = check(api, client, f"/api/v2/pages/{item['id']}/")
        seen.add(response.json()["meta"]["type"])
    assert seen == set(PAGE_TYPES)


def test_listings_of_every_page_type_match(api, client, content):
    for page_type in PAGE_TYPES:
        data = check(api, client, f"/api/v2/pages/?type={page_type}&fields=*").json()
        assert data["items"], page_type
    check(api, client, "/api/v2/pages/")
    check(api, client, "/api/v2/pages/?fields=*")


def test_filtered_listings_match(api, client, site_tree, content):
    for query in [
        "tags=beteiligung",
        "status=laufend&fields=*",
        "upcoming=1&fields=*",
        "date_from=2020-01-01&date_to=2100-12-31",
        f"child_of={site_tree['municipality'].pk}",
        f"descendant_of={site_tree['profile_index'].pk}&type=profiles.DistrictProfilePage&fields=teaser,status",
        "search=Quartier",
        "order=-title",
        "rich_text_format=db_html",
    ]:
        check(api, client, f"/api/v2/pages/?{query}")


def test_find_redirects_match(api, client, content):
    check(api, client, "/api/v2/pages/find/?html_path=/stadtteilprofile/dortmund/nordstadt/", 302)
    check(api, client, "/api/v2/pages/find/?html_path=/gibt-es-nicht/", 404)
    check(api, client, f"/api/v2/images/find/?id={content['image'].pk}", 302)
    check(api, client, f"/api/v2/documents/find/?id={content['document'].pk}", 302)


def test_images_and_documents_match(api, client, content):
    content["image"].tags.add("Quartier")
    for endpoint, obj in [("images", content["image"]), ("documents", content["document"])]:
        check(api, client, f"/api/v2/{endpoint}/")
        check(api, client, f"/api/v2/{endpoint}/?fields=*")
        check(api, client, f"/api/v2/{endpoint}/{obj.pk}/")
        check(api, client, f"/api/v2/{endpoint}/999999/", 404)


def test_geojson_matches(api, client, content):
    response = check(api, client, "/api/v2/profiles.geojson")
    assert len(response.json()["features"]) == 2
    check(api, client, "/api/v2/profiles.geojson?status=abgeschlossen")
    check(api, client, "/api/v2/profiles.geojson", 304, HTTP_IF_NONE_MATCH=response["ETag"])
    check(api, client, "/api/v2/profiles.geojson?status=foo", 400)


def test_errors_match(api, client, content):
    for url in [
        "/api/v2/pages/?status=foo",
        "/api/v2/pages/?date_from=notadate",
        "/api/v2/pages/?child_of=abc",
        "/api/v2/pages/?limit=1000",
        "/api/v2/pages/?fields=doesnotexist",
        "/api/v2/images/?offset=x",
    ]:
        check(api, client, url, 400)
    check(api, client, "/api/v2/pages/999999/", 404)


def test_the_description_catches_a_field_it_does_not_know(api, client, content):
    """The guard itself: an undescribed field in a page response fails validation."""
    from openapi_core.exceptions import OpenAPIError

    response = client.get(f"/api/v2/pages/{content['news'][0].pk}/")
    data = response.json()
    data["surprise"] = 1
    request = MockRequest("http://testserver", "get", f"/api/v2/pages/{content['news'][0].pk}/")

    with pytest.raises(OpenAPIError):
        api.validate_response(request, MockResponse(json.dumps(data).encode(), content_type="application/json"))
    del data["surprise"]
    del data["tags"]
    with pytest.raises(OpenAPIError):
        api.validate_response(request, MockResponse(json.dumps(data).encode(), content_type="application/json"))
