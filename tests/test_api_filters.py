"""Filters of /api/v2/pages/ and the 400 answers to every malformed or unknown value."""

import datetime

import pytest
from django.utils import timezone

from tests import factories

PAGES = "/api/v2/pages/"


@pytest.fixture
def content(site_tree):
    news_index, event_index = site_tree["news_index"], site_tree["event_index"]
    beteiligung = factories.NewsPageFactory(parent=news_index, title="Beteiligung im Quartier")
    beteiligung.tags.add("Beteiligung", "Integration")
    beteiligung.save_revision().publish()
    other = factories.NewsPageFactory(parent=news_index, title="Neue Spielplätze")
    other.tags.add("Integration")
    other.save_revision().publish()

    now = timezone.now()
    past = factories.EventPageFactory(
        parent=event_index, title="Vergangenes Fest", start=now - datetime.timedelta(days=30), end=None
    )
    past.tags.add("Beteiligung")
    past.save_revision().publish()
    running = factories.EventPageFactory(
        parent=event_index,
        title="Laufende Ausstellung",
        start=now - datetime.timedelta(days=2),
        end=now + datetime.timedelta(days=2),
    )
    later = factories.EventPageFactory(
        parent=event_index, title="Stadtteilfest", start=now + datetime.timedelta(days=20), end=None
    )
    soon = factories.EventPageFactory(parent=event_index, title="Workshop", start=now + datetime.timedelta(days=3))

    dortmund = site_tree["municipality"]
    completed = factories.DistrictProfilePageFactory(
        parent=dortmund, title="Hörde", slug="hoerde", status="abgeschlossen", start_year=2000, end_year=2012
    )
    completed.tags.add("Beteiligung")
    completed.save_revision().publish()
    bochum = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Bochum", slug="bochum")
    wattenscheid = factories.DistrictProfilePageFactory(parent=bochum, title="Wattenscheid", slug="wattenscheid")
    return {
        "beteiligung": beteiligung,
        "other_news": other,
        "past": past,
        "running": running,
        "soon": soon,
        "later": later,
        "completed": completed,
        "bochum": bochum,
        "wattenscheid": wattenscheid,
        **site_tree,
    }


def titles(client, query):
    response = client.get(f"{PAGES}?{query}")
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_type_filter(client, content):
    assert titles(client, "type=newsroom.NewsPage") == ["Beteiligung im Quartier", "Neue Spielplätze"]
    assert set(titles(client, "type=profiles.DistrictProfilePage")) == {"Nordstadt", "Hörde", "Wattenscheid"}


def test_tags_filter_needs_every_tag_and_works_across_types(client, content):
    assert set(titles(client, "tags=beteiligung")) == {"Beteiligung im Quartier", "Vergangenes Fest", "Hörde"}
    assert titles(client, "tags=beteiligung,integration") == ["Beteiligung im Quartier"]
    assert titles(client, "type=newsroom.NewsPage&tags=integration") == ["Beteiligung im Quartier", "Neue Spielplätze"]
    assert titles(client, "tags=gibt-es-nicht") == []


def test_child_of_and_descendant_of_a_municipality(client, content):
    bochum = content["bochum"].pk
    assert titles(client, f"child_of={bochum}") == ["Wattenscheid"]
    profile_index = content["profile_index"].pk
    assert set(titles(client, f"descendant_of={profile_index}&type=profiles.DistrictProfilePage")) == {
        "Nordstadt",
        "Hörde",
        "Wattenscheid",
    }


def test_status_filter_implies_profiles(client, content):
    assert titles(client, "status=abgeschlossen") == ["Hörde"]
    assert set(titles(client, "status=laufend")) == {"Nordstadt", "Wattenscheid"}
    assert titles(client, f"status=laufend&child_of={content['municipality'].pk}") == ["Nordstadt"]


def test_upcoming_lists_events_that_have_not_ended_soonest_first(client, content):
    assert titles(client, "upcoming=1") == ["Laufende Ausstellung", "Workshop", "Stadtteilfest"]
    assert titles(client, "type=newsroom.EventPage&upcoming=1&order=-start") == [
        "Stadtteilfest",
        "Workshop",
        "Laufende Ausstellung",
    ]


def test_date_range_lists_events_overlapping_it(client, content):
    today = timezone.localdate()
    in_five_days = today + datetime.timedelta(days=5)
    assert titles(client, f"date_from={today}&date_to={in_five_days}") == ["Laufende Ausstellung", "Workshop"]
    last_month = today - datetime.timedelta(days=30)
    assert titles(client, f"date_to={last_month}") == ["Vergangenes Fest"]
    assert titles(client, f"date_from={today + datetime.timedelta(days=10)}") == ["Stadtteilfest"]


def test_search_and_order(client, content):
    assert "Wattenscheid" in titles(client, "search=Wattenscheid")
    assert titles(client, "type=newsroom.NewsPage&order=-title") == ["Neue Spielplätze", "Beteiligung im Quartier"]


BAD_REQUESTS = [
    "status=foo",
    "status=laufend&type=newsroom.NewsPage",
    "date_from=notadate",
    "date_from=2026-13-01",
    "date_to=24.12.2026",
    "date_from=2026-12-24&date_to=2026-12-01",
    "date_from=2026-12-01&type=newsroom.NewsPage",
    "upcoming=yes",
    "tags=a%20b",
    "tags=,",
    "child_of=abc",
    "child_of=999999",
    "child_of=-1",
    "descendant_of=abc",
    "descendant_of=999999",
    "limit=-1",
    "limit=1000",
    "limit=x",
    "offset=x",
    "offset=-5",
    "order=nonsense",
    "order=-nonsense",
    "type=nope.Nope",
    "type=wagtailimages.Image",
    "type=nonsense",
    "fields=doesnotexist",
    "fields=title,(",
    "fields=title(id)",
    "type=profiles.DistrictProfilePage&fields=sections",
    "unknown_parameter=1",
    "type=newsroom.EventPage&start=soon",
    "type=profiles.DistrictProfilePage&area_ha=viel",
    "type=profiles.DistrictProfilePage&inhabitants=viele",
    "type=profiles.DistrictProfilePage&municipality=abc",
    "type=newsroom.EventPage&all_day=vielleicht",
    "rich_text_format=pdf",
    "search=x&tags=beteiligung&type=newsroom.NewsPage&order=random&offset=1",
    "site=unknown.example.org",
]
MEDIA_BAD_REQUESTS = [
    "/api/v2/images/?limit=-1",
    "/api/v2/images/?order=nonsense",
    "/api/v2/images/?width=breit",
    "/api/v2/images/?fields=doesnotexist",
    "/api/v2/documents/?offset=x",
    "/api/v2/documents/?unknown=1",
]


def test_malformed_values_answer_400_with_a_json_message(client, content):
    wrong = []
    for url in [f"{PAGES}?{query}" for query in BAD_REQUESTS] + MEDIA_BAD_REQUESTS:
        response = client.get(url)
        if response.status_code != 400 or not response.json().get("message"):
            wrong.append((url, response.status_code, response.content[:200]))
    assert wrong == []


def test_unknown_ids_are_404_json(client, content):
    for url in ["/api/v2/pages/999999/", "/api/v2/images/999999/", "/api/v2/documents/999999/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["message"]
    assert client.get(f"{PAGES}find/?html_path=/gibt/es/nicht/").status_code == 404
