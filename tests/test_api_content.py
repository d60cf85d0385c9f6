"""Page representations carry everything a front end needs to render each page from the API alone."""

import datetime

import pytest

from tests.api_content import build_content


@pytest.fixture
def content(site_tree):
    return {**build_content(site_tree, count=1), **site_tree}


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def test_district_profile(client, content):
    data = detail(client, content["profile"])
    assert data["meta"]["type"] == "profiles.DistrictProfilePage"
    assert data["meta"]["html_url"] == "http://localhost/stadtteilprofile/dortmund/nordstadt/"
    assert data["municipality"] == {"id": content["municipality"].pk, "title": "Dortmund", "slug": "dortmund"}
    assert data["status"] == "laufend"
    assert (data["start_year"], data["end_year"], data["period_display"]) == (2010, None, "seit 2010")
    assert data["location"] == {"lat": 51.5136, "lng": 7.4653}
    assert data["inhabitants"] == 58000
    assert data["area_ha"] == 340.5  # a number, not "340.5"
    assert data["intro"] and data["teaser"] == "Ein lebendiges Quartier im Norden."
    assert data["tags"] == [{"name": "Beteiligung", "slug": "beteiligung"}]

    image = data["teaser_image"]
    assert image["alt"] == "Quartiersplatz"
    small = image["renditions"]["small"]
    assert small["url"].startswith("http://testserver/media/images/") and small["width"] > 0 and small["height"] > 0
    assert client.get(small["url"].removeprefix("http://testserver")).status_code in (
        200,
        404,
    )  # served by the web server

    sections = data["sections"]
    assert [section["type"] for section in sections] == [
        "ausgangslage",
        "potenziale",
        "organisation",
        "meilensteine",
        "perspektiven",
        "ansprechpersonen",
        "materialien",
    ]
    values = {section["type"]: section["value"] for section in sections}
    paragraph, image_block, quote, link = values["ausgangslage"]
    # Rich text is front-end HTML: the internal link points at the page's real URL.
    assert paragraph["value"] == '<p>Mehr dazu unter <a href="/ueber-uns/">Über uns</a>.</p>'
    assert image_block["value"]["image"]["alt"] == "Blick über den Platz"
    assert set(image_block["value"]["image"]["renditions"]) == {"small", "medium", "large"}
    assert quote["value"] == {"text": "Wir bleiben.", "attribution": "Anwohner"}
    assert link["value"] == {"text": "Stadtteilbüro", "url": "https://example.org/buero", "page": None}
    assert values["meilensteine"] == [
        {"year": 2010, "date": None, "title": "Aufnahme ins Programm", "text": "Start"},
        {"year": 2015, "date": "2015-06-01", "title": "Neuer Quartiersplatz", "text": ""},
    ]
    person = values["ansprechpersonen"][0]
    assert person["name"] == "Erika Muster" and person["phone"] == "0231 123456"
    assert person["photo"]["alt"] == "Erika Muster"
    download = values["materialien"][0]
    assert download["description"] == "Integriertes Konzept"
    document = download["document"]
    assert document["title"] == "Integriertes Handlungskonzept"
    assert document["url"].startswith("http://testserver/documents/")
    assert document["file_type"] == content["document"].file_extension.upper()
    assert document["file_size"] == content["document"].get_file_size()


def test_news_page(client, content):
    data = detail(client, content["news"][0])
    assert data["date"] and data["teaser"] == "Kurzer Anreißer der Meldung."
    assert data["teaser_image"]["renditions"]["large"]["url"]
    assert data["tags"] == [
        {"name": "Beteiligung", "slug": "beteiligung"},
        {"name": "Integration", "slug": "integration"},
    ]
    body = {block["type"]: block["value"] for block in data["body"]}
    assert body["heading"] == {"text": "Worum es geht", "level": "h2"}
    assert 'href="/ueber-uns/"' in body["paragraph"]
    assert body["documents"]["documents"][0]["title"] == "Integriertes Handlungskonzept"
    assert body["call_to_action"] == {
        "text": "Mitmachen",
        "url": "http://localhost/ueber-uns/",
        "page": content["about"].pk,
        "description": "Jetzt anmelden",
    }


def test_event_page(client, content):
    event = content["events"][0]
    data = detail(client, event)
    assert datetime.datetime.fromisoformat(data["start"]) == event.start
    assert data["end"] and data["all_day"] is False
    assert (data["venue"], data["street_address"], data["postal_code"], data["city"]) == (
        "Rathaus",
        "Nordmarkt 1",
        "44145",
        "Dortmund",
    )
    assert data["location"] == {"lat": 51.5136, "lng": 7.4653}
    assert data["organiser"] == "Stadtteilbüro Nordstadt"
    assert data["registration_url"] == "https://example.org/anmeldung"
    assert data["body"] and data["tags"] == [{"name": "Beteiligung", "slug": "beteiligung"}]


def test_home_page_features_public_pages_as_references(client, content):
    data = detail(client, content["home"])
    assert data["intro"] == '<p>Mehr dazu unter <a href="/ueber-uns/">Über uns</a>.</p>'
    assert data["featured"][0]["value"] == {
        "id": content["about"].pk,
        "type": "home.StandardPage",
        "title": "Über uns",
        "url": "http://localhost/ueber-uns/",
        "teaser": "Das Netzwerk.",
    }
    content["about"].unpublish()
    assert detail(client, content["home"])["featured"] == []


def test_index_municipality_and_standard_pages(client, content):
    for key in ["news_index", "event_index", "profile_index"]:
        assert "intro" in detail(client, content[key])
    municipality = detail(client, content["municipality"])
    assert municipality["region"] == "arnsberg" and "website" in municipality and "intro" in municipality
    about = detail(client, content["about"])
    assert about["teaser"] == "Das Netzwerk." and about["body"][0]["type"] == "heading"


def test_stored_rich_text_on_request(client, content):
    data = client.get(f"/api/v2/pages/{content['home'].pk}/?rich_text_format=db_html").json()
    assert f'<a linktype="page" id="{content["about"].pk}">' in data["intro"]


def test_listings_point_to_the_detail_for_streamfields(client, content):
    data = client.get("/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*").json()
    item = data["items"][0]
    assert "sections" not in item and item["teaser_image"] and item["location"]
    response = client.get("/api/v2/pages/?type=profiles.DistrictProfilePage&fields=sections")
    assert response.status_code == 400
    assert "detail" in response.json()["message"]


def test_search_combines_with_the_other_filters(client, content):
    def titles(query):
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles("search=Stadtteilfest&upcoming=1") == ["Stadtteilfest 0"]
    assert titles("search=Stadtteilfest&date_to=2000-01-01") == []
    assert titles("search=Nordstadt&status=laufend") == ["Nordstadt"]
    assert titles("search=Meldung&tags=integration") == ["Meldung 0"]
    assert titles("search=Meldung&tags=gibt-es-nicht") == []
