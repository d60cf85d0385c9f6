"""/api/v2/profiles.geojson: an RFC 7946 FeatureCollection that clients can revalidate cheaply."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from profiles.models import DistrictProfilePage
from tests import factories
from tests.site_content import make_private

URL = "/api/v2/profiles.geojson"


@pytest.fixture
def profiles(site_tree):
    completed = factories.DistrictProfilePageFactory(
        parent=site_tree["municipality"],
        title="Hörde",
        slug="hoerde",
        status="abgeschlossen",
        start_year=2001,
        end_year=2014,
        location="SRID=4326;POINT(7.4944 51.4857)",
        teaser="Am Phoenix-See.",
    )
    completed.save_revision().publish()
    return {"running": site_tree["profile"], "completed": completed, **site_tree}


def test_feature_collection_in_lng_lat_order_with_properties(client, profiles):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    features = {feature["properties"]["title"]: feature for feature in data["features"]}
    assert set(features) == {"Nordstadt", "Hörde"}
    hoerde = features["Hörde"]
    assert hoerde["type"] == "Feature"
    assert hoerde["geometry"] == {"type": "Point", "coordinates": [7.4944, 51.4857]}
    properties = hoerde["properties"]
    assert properties["url"] == "http://localhost/stadtteilprofile/dortmund/hoerde/"
    assert properties["api_url"] == f"http://testserver/api/v2/pages/{profiles['completed'].pk}/"
    assert client.get(properties["api_url"]).json()["title"] == "Hörde"
    assert properties["status"] == "abgeschlossen"
    assert properties["municipality"] == {"id": profiles["municipality"].pk, "title": "Dortmund", "slug": "dortmund"}
    assert properties["period"] == {"start_year": 2001, "end_year": 2014, "display": "2001–2014"}
    assert properties["teaser"] == "Am Phoenix-See."


def test_status_filter(client, profiles):
    titles = [f["properties"]["title"] for f in client.get(f"{URL}?status=abgeschlossen").json()["features"]]
    assert titles == ["Hörde"]
    titles = [f["properties"]["title"] for f in client.get(f"{URL}?status=laufend").json()["features"]]
    assert titles == ["Nordstadt"]
    response = client.get(f"{URL}?status=foo")
    assert response.status_code == 400
    assert response.json()["message"]


def test_revalidation_with_etag_and_last_modified(client, profiles):
    first = client.get(URL)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert len(queries) <= 5  # a few aggregates, not the collection
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    # A filtered collection is a different representation with its own tag.
    assert client.get(f"{URL}?status=laufend", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_publishing_or_unpublishing_changes_the_validators(client, profiles):
    # HTTP dates have one-second resolution: move the existing history an hour back.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Page.objects.update(last_published_at=an_hour_ago)
    PageLogEntry.objects.update(timestamp=an_hour_ago)
    first = client.get(URL)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    profiles["completed"].unpublish()
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert [f["properties"]["title"] for f in response.json()["features"]] == ["Nordstadt"]
    # Clients that only send If-Modified-Since see the removal too, though no remaining profile changed.
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200

    etag = response["ETag"]
    profiles["completed"].save_revision().publish()
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_profiles(client, profiles):
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for number in range(5):
        factories.DistrictProfilePageFactory(parent=profiles["municipality"], title=f"Gebiet {number}")
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(URL).json()["features"]) == 7
    assert len(few) == len(many)


def test_urls_match_the_pages_own_urls_and_coordinates_are_rounded(client, profiles):
    umlaut = factories.DistrictProfilePageFactory(
        parent=profiles["municipality"],
        title="Süd",
        slug="süd-östlich",
        location="SRID=4326;POINT(7.465012345678 51.513498765432)",
    )
    umlaut.save_revision().publish()
    features = {feature["id"]: feature for feature in client.get(URL).json()["features"]}
    for page in [profiles["running"], profiles["completed"], umlaut]:
        page.refresh_from_db()
        assert features[page.pk]["properties"]["url"] == page.get_full_url()
    # About a metre is plenty for a map; more digits only make the collection bigger.
    assert features[umlaut.pk]["geometry"]["coordinates"] == [7.46501, 51.5135]


def test_profiles_without_a_valid_point_are_left_out(client, profiles):
    for number, location in enumerate(["", "SRID=4326;POINT(nan 51.5)", "SRID=4326;POINT(7.4 95)", "POINT(7.4 51.5)"]):
        page = factories.DistrictProfilePageFactory(parent=profiles["municipality"], title=f"Gebiet {number}")
        # Imports may store what the editor's validation would refuse.
        DistrictProfilePage.objects.filter(pk=page.pk).update(location=location)
    titles = sorted(feature["properties"]["title"] for feature in client.get(URL).json()["features"])
    # "POINT(lng lat)" without the SRID is valid too.
    assert titles == ["Gebiet 3", "Hörde", "Nordstadt"]


@pytest.mark.warm_shared_lookups
def test_a_new_view_restriction_hides_profiles_at_once_with_shared_lookups_warm(client, profiles):
    assert len(client.get(URL).json()["features"]) == 2
    make_private(profiles["municipality"])
    assert client.get(URL).json()["features"] == []


def reference_body(pages):
    """The collection as a plain json.dumps over dicts built from page instances, in the endpoint's order."""
    from django.core.exceptions import ValidationError

    from home.geo import parse_point

    features = []
    for page in pages:
        try:
            point = parse_point(page.location)
        except ValidationError:
            point = None
        if point is None:
            continue
        municipality = page.municipality
        features.append(
            {
                "type": "Feature",
                "id": page.pk,
                "geometry": {"type": "Point", "coordinates": [round(point[1], 5), round(point[0], 5)]},
                "properties": {
                    "title": page.title,
                    "url": page.get_full_url(),
                    "api_url": f"http://testserver/api/v2/pages/{page.pk}/",
                    "status": page.status,
                    "municipality": (
                        {"id": municipality.pk, "title": municipality.title, "slug": municipality.slug}
                        if municipality is not None and municipality.live
                        else None
                    ),
                    "period": {
                        "start_year": page.start_year,
                        "end_year": page.end_year,
                        "display": page.period_display,
                    },
                    "teaser": page.teaser,
                },
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


def test_body_is_byte_for_byte_a_plain_json_dump(client, profiles):
    """The hand-written JSON text equals json.dumps, also for escapes, nulls, repeats and odd numbers."""
    draft_town = factories.MunicipalityPageFactory(parent=profiles["profile_index"], title="Entwurf", slug="entwurf")
    draft_town.unpublish()
    other_town = factories.MunicipalityPageFactory(
        parent=profiles["profile_index"], title='Köln "am Rhein"\\', slug="koeln"
    )
    odd = [
        (profiles["municipality"], 'Zitat "innen" \\ und\tTab', "zitat", "SRID=4326;POINT(7 51)", 'Zeile\neins\u2028"'),
        (profiles["municipality"], "Ümlaut ß 🏠", "süd-ost", "SRID=4326;POINT(-0.000001 -0.1234567)", ""),
        (other_town, "</script><b>", "script", "POINT(179.999999 89.9999999)", "\x01\x1f"),
        (other_town, "Gleich", "gleich-a", "SRID=4326;POINT(6.95 50.94)", "x"),
        (other_town, "Gleich", "gleich-b", "SRID=4326;POINT(6.95 50.94)", "x"),
        (draft_town, "Unter Entwurf", "unter-entwurf", "SRID=4326;POINT(1.000001 2.5)", "y"),
    ]
    for parent, title, slug, location, teaser in odd:
        page = factories.DistrictProfilePageFactory(parent=parent, title=title, slug=slug, teaser=teaser, end_year=2030)
        page.save_revision().publish()
        # Stored as imports may store them, whatever the editor's validation would accept.
        DistrictProfilePage.objects.filter(pk=page.pk).update(location=location)
    for query in ["", "?status=laufend", "?status=abgeschlossen"]:
        status = query.partition("=")[2]
        pages = DistrictProfilePage.objects.live().order_by("title", "pk")
        if status:
            pages = pages.filter(status=status)
        response = client.get(URL + query)
        assert response.status_code == 200
        assert len(response.json()["features"]) >= (1 if status else 8)
        assert response.content == reference_body(pages), query


def test_query_budget_of_a_full_response_and_a_revalidation(client, profiles):
    first = client.get(URL)
    with CaptureQueriesContext(connection) as full:
        assert client.get(URL).status_code == 200
    # site, view restrictions, validators (one aggregate that also reads the log entries), the rows
    assert len(full) == 4, [query["sql"] for query in full]
    with CaptureQueriesContext(connection) as revalidation:
        assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # the same without the rows
    assert len(revalidation) == 3, [query["sql"] for query in revalidation]


@pytest.mark.warm_shared_lookups
def test_query_budget_with_warm_shared_lookups(client, profiles):
    first = client.get(URL)
    with CaptureQueriesContext(connection) as full:
        assert client.get(URL).status_code == 200
    # validators (one aggregate that also reads the log entries), the rows
    assert len(full) == 2, [query["sql"] for query in full]
    with CaptureQueriesContext(connection) as revalidation:
        assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert len(revalidation) == 1, [query["sql"] for query in revalidation]
