"""Listings of the public site: order, filters, paging, grouping, topic pages and what they leave out."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsroom.dates import format_event_date
from tests import factories
from tests.site_content import days, local_datetime, make_private


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def news_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main article.teaser h3")]


def event_titles(response):
    return [h.get_text(strip=True) for h in soup(response).select("main article.teaser h3")]


@pytest.fixture
def news_items(site_tree):
    """25 news items, one per day of January 2024, "Meldung 01" the oldest."""
    return [
        factories.NewsPageFactory(
            parent=site_tree["news_index"], title=f"Meldung {day:02d}", date=datetime.date(2024, 1, day)
        )
        for day in range(1, 26)
    ]


# --- News index -----------------------------------------------------------------------------------


def test_news_index_lists_newest_first_ten_per_page(client, site_tree, news_items):
    assert news_titles(client.get("/aktuelles/")) == [f"Meldung {day:02d}" for day in range(25, 15, -1)]
    assert news_titles(client.get("/aktuelles/?page=3")) == [f"Meldung {day:02d}" for day in range(5, 0, -1)]
    paging = soup(client.get("/aktuelles/?page=2")).select_one("nav.pagination")
    assert paging.find("a", rel="prev")["href"] == "?page=1"
    assert paging.find("a", rel="next")["href"] == "?page=3"
    assert "Seite 2 von 3" in paging.get_text()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "", "1.5", "%00"])
def test_malformed_page_parameter_gives_the_first_page(client, site_tree, news_items, value):
    response = client.get(f"/aktuelles/?page={value}")
    assert news_titles(response)[0] == "Meldung 25"


def test_page_beyond_the_end_is_a_404(client, site_tree, news_items):
    assert client.get("/aktuelles/?page=9999").status_code == 404
    assert client.get("/veranstaltungen/?page=9999").status_code == 404


def test_news_index_filters_by_topic_tag(client, site_tree, news_items):
    for item in news_items[:3]:
        item.tags.add("Integration")
        item.save()
    page_soup = soup(client.get("/aktuelles/?tag=integration"))
    assert [h.get_text() for h in page_soup.select("main article.teaser h3")] == [
        "Meldung 03",
        "Meldung 02",
        "Meldung 01",
    ]
    assert "Integration" in page_soup.select_one(".filter-note").get_text()
    assert client.get("/aktuelles/?tag=gibt-es-nicht").status_code == 404


def test_news_index_empty_state(client, site_tree):
    page_soup = soup(client.get("/aktuelles/"))
    assert page_soup.select_one("p.empty").get_text() == "Zurzeit gibt es keine Meldungen."


def test_drafts_private_and_expired_news_are_never_listed(client, site_tree):
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Öffentlich")
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Entwurf", live=False)
    make_private(factories.NewsPageFactory(parent=site_tree["news_index"], title="Privat"))
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Abgelaufen", expire_at=days(-1))
    assert news_titles(client.get("/aktuelles/")) == ["Öffentlich"]
    home_text = soup(client.get("/")).get_text()
    assert "Öffentlich" in home_text
    assert not any(word in home_text for word in ["Entwurf", "Privat", "Abgelaufen"])


def test_private_section_hides_its_whole_subtree(client, site_tree):
    make_private(site_tree["municipality"])
    page_soup = soup(client.get("/stadtteilprofile/"))
    assert page_soup.select("li[data-status]") == []
    assert "Nordstadt" not in page_soup.find("script", id="map-data").string
    assert "0 laufende" in soup(client.get("/")).select_one(".status-counts").get_text(" ", strip=True)


# --- Events ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "all_day", "expected"),
    [
        ((2019, 11, 25, 10), (2019, 11, 25, 16), False, "Mo., 25. November 2019, 10:00–16:00 Uhr"),
        ((2019, 11, 14, 9, 30), None, False, "Do., 14. November 2019, 09:30 Uhr"),
        ((2019, 9, 24), None, True, "Di., 24. September 2019"),
        ((2019, 9, 24), (2019, 9, 26), True, "Di., 24. September – Do., 26. September 2019"),
        ((2019, 12, 31), (2020, 1, 2), True, "Di., 31. Dezember 2019 – Do., 2. Januar 2020"),
        (
            (2020, 3, 2, 18),
            (2020, 3, 3, 13),
            False,
            "Mo., 2. März 2020, 18:00 Uhr – Di., 3. März 2020, 13:00 Uhr",
        ),
    ],
)
def test_german_event_date_format(start, end, all_day, expected):
    start = local_datetime(*start)
    end = local_datetime(*end) if end else None
    assert format_event_date(start, end, all_day) == expected


def test_event_time_is_shown_in_german_time_zone():
    utc_start = datetime.datetime(2019, 11, 25, 9, 0, tzinfo=datetime.UTC)
    assert format_event_date(utc_start) == "Mo., 25. November 2019, 10:00 Uhr"


@pytest.fixture
def events(site_tree):
    index = site_tree["event_index"]
    year = timezone.localtime().year + 1
    return {
        "soon": factories.EventPageFactory(
            parent=index, title="Bald", start=local_datetime(year, 2, 3, 10), city="Köln"
        ),
        "later": factories.EventPageFactory(
            parent=index, title="Später", start=local_datetime(year, 3, 10, 9), city="Dortmund"
        ),
        "same_month": factories.EventPageFactory(
            parent=index, title="Auch im Februar", start=local_datetime(year, 2, 20, 14), city="dortmund"
        ),
        "past": factories.EventPageFactory(parent=index, title="Vorbei", start=days(-30), end=days(-30), city="Köln"),
        "older": factories.EventPageFactory(parent=index, title="Lange vorbei", start=days(-90), end=days(-90)),
        "running": factories.EventPageFactory(
            parent=index, title="Läuft gerade", start=days(-1), end=days(1), city="Bochum"
        ),
        "year": year,
    }


def test_event_index_lists_upcoming_first_grouped_by_month(client, site_tree, events):
    page_soup = soup(client.get("/veranstaltungen/"))
    groups = page_soup.select("section.month-group")
    headings = [group.h2.get_text() for group in groups]
    year = events["year"]
    assert headings[-2:] == [f"Februar {year}", f"März {year}"]
    assert [h.get_text() for h in groups[-2].select("h3")] == ["Bald", "Auch im Februar"]
    titles = [h.get_text() for h in page_soup.select("section.month-group h3")]
    assert titles[0] == "Läuft gerade"  # still running counts as upcoming
    assert "Vorbei" not in titles and "Lange vorbei" not in titles
    assert "Di., 3. Februar" in groups[-2].get_text() or "3. Februar" in groups[-2].get_text()


def test_event_archive_lists_past_events_newest_first(client, site_tree, events):
    page_soup = soup(client.get("/veranstaltungen/?archiv=1"))
    assert page_soup.h1.get_text() == "Vergangene Veranstaltungen"
    assert [h.get_text() for h in page_soup.select("section.month-group h3")] == ["Vorbei", "Lange vorbei"]


def test_event_index_filters_by_city_case_insensitively(client, site_tree, events):
    page_soup = soup(client.get("/veranstaltungen/?stadt=Dortmund"))
    assert [h.get_text() for h in page_soup.select("section.month-group h3")] == ["Auch im Februar", "Später"]
    options = [option.get_text() for option in page_soup.select("#filter-stadt option")]
    assert options[0] == "Alle Städte" and "Köln" in options
    empty = soup(client.get("/veranstaltungen/?stadt=Berlin"))
    assert "Zurzeit sind keine Veranstaltungen angekündigt in Berlin." in empty.select_one("p.empty").get_text()


def test_home_shows_the_next_three_events(client, site_tree, events):
    titles = [h.get_text() for h in soup(client.get("/")).select("#home-events-heading ~ article h3")]
    assert titles == ["Läuft gerade", "Bald", "Auch im Februar"]


# --- Counts kept by a serving process (home.shared_lookups.shared_until) -----------------------------


def city_options(response):
    return [option.get_text() for option in soup(response).select("#filter-stadt option")][1:]


def pages_shown(response):
    """The "Seite 1 von N" of the paging, 1 without paging."""
    paging = soup(response).select_one("nav.pagination")
    return int(paging.get_text().split(" von ")[1].split()[0]) if paging else 1


@pytest.fixture
def later(monkeypatch):
    """Moves the clock of the code under test `hours` ahead of the real one."""

    def move(hours):
        moment = timezone.now() + datetime.timedelta(hours=hours)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


@pytest.mark.warm_shared_lookups
def test_event_counts_follow_the_clock_when_an_event_ends_or_a_page_expires(client, site_tree, events, later):
    """The counts per city give the filter's choices and the number of pages; a serving process keeps them,
    and the first request after an event is over or a page has expired must not show the old ones."""
    index = site_tree["event_index"]
    for number in range(16):
        factories.EventPageFactory(parent=index, title=f"Fernes Treffen {number}", start=days(400 + number))
    factories.EventPageFactory(
        parent=index,
        title="Verfällt",
        start=days(200),
        city="Hagen",
        expire_at=timezone.now() + datetime.timedelta(hours=2),
    )
    upcoming = client.get("/veranstaltungen/")
    assert city_options(upcoming) == ["Bochum", "Dortmund", "dortmund", "Hagen", "Köln"]
    assert pages_shown(upcoming) == 2  # 21 upcoming events, 20 per page
    assert city_options(client.get("/veranstaltungen/?archiv=1")) == ["Dortmund", "Köln"]

    later(hours=3)  # "Verfällt" has expired; "Läuft gerade" (Bochum) still runs
    upcoming = client.get("/veranstaltungen/")
    assert city_options(upcoming) == ["Bochum", "Dortmund", "dortmund", "Köln"]
    assert pages_shown(upcoming) == 1
    assert client.get("/veranstaltungen/?page=2").status_code == 404

    later(hours=25)  # and now "Läuft gerade" is over too
    upcoming = client.get("/veranstaltungen/")
    assert "Läuft gerade" not in event_titles(upcoming)
    assert city_options(upcoming) == ["Dortmund", "dortmund", "Köln"]
    archive = client.get("/veranstaltungen/?archiv=1")
    assert event_titles(archive) == ["Läuft gerade", "Vorbei", "Lange vorbei"]
    assert city_options(archive) == ["Bochum", "Dortmund", "Köln"]


@pytest.mark.warm_shared_lookups
def test_event_counts_change_with_the_next_publish_unpublish_and_delete(client, site_tree, events):
    assert "Bonn" not in city_options(client.get("/veranstaltungen/"))
    fresh = factories.EventPageFactory(parent=site_tree["event_index"], title="Neu", city="Bonn", live=False)
    fresh.save_revision().publish()
    assert "Bonn" in city_options(client.get("/veranstaltungen/"))
    fresh.refresh_from_db()  # publish() went live on a copy made from the revision
    fresh.unpublish()
    assert "Bonn" not in city_options(client.get("/veranstaltungen/"))
    events["running"].delete()
    assert "Bochum" not in city_options(client.get("/veranstaltungen/"))


@pytest.mark.warm_shared_lookups
def test_news_paging_follows_a_publish_and_an_expiry(client, site_tree, news_items, later):
    assert pages_shown(client.get("/aktuelles/")) == 3  # 25 news, ten per page
    expiring = factories.NewsPageFactory(
        parent=site_tree["news_index"], live=False, expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    for number in range(5):
        factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Ohne Veröffentlichung {number}")
    expiring.save_revision().publish()  # 31 pages counted from the next request on
    assert pages_shown(client.get("/aktuelles/")) == 4
    later(hours=2)
    assert pages_shown(client.get("/aktuelles/")) == 3
    assert client.get("/aktuelles/?page=4").status_code == 404


# --- Profiles -------------------------------------------------------------------------------------


@pytest.fixture
def areas(site_tree):
    gelsenkirchen = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Gelsenkirchen")
    factories.DistrictProfilePageFactory(
        parent=gelsenkirchen, title="Bismarck", status="abgeschlossen", start_year=1995, end_year=2008
    )
    factories.DistrictProfilePageFactory(parent=gelsenkirchen, title="Schalke", location="SRID=4326;POINT(7.07 51.55)")
    factories.DistrictProfilePageFactory(parent=gelsenkirchen, title="Entwurfsgebiet", live=False)


def test_profile_index_lists_areas_grouped_by_municipality(client, site_tree, areas):
    page_soup = soup(client.get("/stadtteilprofile/"))
    groups = page_soup.select("[data-area-group]")
    assert [group.h3.get_text() for group in groups] == ["Dortmund", "Gelsenkirchen"]
    assert [li.a.get_text() for li in groups[1].select("li")] == ["Bismarck", "Schalke"]
    assert "abgeschlossen, 1995–2008" in groups[1].select_one("li").get_text(" ", strip=True)
    assert page_soup.select_one("[data-visible-count]").get_text() == "3 Gebiete"


def test_status_filter_works_without_javascript(client, site_tree, areas):
    page_soup = soup(client.get("/stadtteilprofile/?status=laufend"))
    visible = [li.a.get_text() for li in page_soup.select("li[data-status]") if not li.has_attr("hidden")]
    assert visible == ["Nordstadt", "Schalke"]
    assert page_soup.select_one("a[aria-current=true]")["data-status-filter"] == "laufend"
    assert page_soup.select_one("[data-visible-count]").get_text() == "2 Gebiete"
    completed = soup(client.get("/stadtteilprofile/?status=abgeschlossen"))
    assert [li.a.get_text() for li in completed.select("li[data-status]:not([hidden])")] == ["Bismarck"]
    # Dortmund has no completed area: its heading goes too.
    assert [group.h3.get_text() for group in completed.select("[data-area-group]:not([hidden])")] == ["Gelsenkirchen"]
    # An unknown value shows everything instead of failing.
    bogus = soup(client.get("/stadtteilprofile/?status=<x>"))
    assert len(bogus.select("li[data-status]:not([hidden])")) == 3


def test_map_data_holds_every_live_area_with_status_and_link(client, site_tree, areas):
    import json

    page_soup = soup(client.get("/stadtteilprofile/?status=laufend"))
    data = json.loads(page_soup.find("script", id="map-data").string)
    features = {f["properties"]["title"]: f for f in data["features"]}
    # All areas stay in the data so the map can switch filters without reloading.
    assert set(features) == {"Nordstadt", "Bismarck", "Schalke"}
    assert features["Schalke"]["geometry"]["coordinates"] == [7.07, 51.55]
    assert features["Bismarck"]["properties"]["status"] == "abgeschlossen"
    assert features["Schalke"]["properties"]["url"] == "/stadtteilprofile/gelsenkirchen/schalke/"


# --- Topics and related items ---------------------------------------------------------------------


@pytest.fixture
def tagged(site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Beteiligung stärken", slug="beteiligung")
    event = factories.EventPageFactory(parent=site_tree["event_index"], title="Beteiligungswerkstatt")
    private_news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Interne Notiz")
    draft = factories.NewsPageFactory(parent=site_tree["news_index"], title="Unfertig", live=False)
    other = factories.NewsPageFactory(parent=site_tree["news_index"], title="Ganz anderes Thema")
    for page in [news, event, site_tree["profile"], private_news, draft]:
        page.tags.add("Beteiligung")
        page.save()
    other.tags.add("Mobilität")
    other.save()
    make_private(private_news)
    return {"news": news, "event": event}


def test_topic_page_lists_news_events_and_profiles_with_the_tag(client, site_tree, tagged):
    page_soup = soup(client.get("/themen/beteiligung/"))
    assert page_soup.h1.get_text() == "Thema: Beteiligung"
    groups = {
        section.h2.get_text(): [a.get_text() for a in section.select("a.card__title")]
        for section in page_soup.select("section.topic-group")
    }
    assert groups == {
        "Meldungen": ["Beteiligung stärken"],
        "Veranstaltungen": ["Beteiligungswerkstatt"],
        "Stadtteilprofile": ["Nordstadt"],
    }
    crumbs = [li.get_text(strip=True) for li in page_soup.select("nav.breadcrumbs li")]
    assert crumbs == ["Startseite", "Thema: Beteiligung"]


def test_unknown_topic_is_404(client, site_tree):
    assert client.get("/themen/gibt-es-nicht/").status_code == 404


def test_news_page_shows_up_to_three_related_items(client, site_tree, tagged):
    for number in range(3):
        extra = factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Noch mehr Beteiligung {number}")
        extra.tags.add("Beteiligung")
        extra.save()
    page_soup = soup(client.get(tagged["news"].url))
    related = page_soup.select("aside.related li")
    assert len(related) == 3
    titles = [li.select_one("a.card__title").get_text() for li in related]
    assert "Beteiligung stärken" not in titles  # never the page itself
    assert not {"Interne Notiz", "Unfertig", "Ganz anderes Thema"} & set(titles)


def test_related_items_mix_page_types(client, site_tree, tagged):
    page_soup = soup(client.get(tagged["news"].url))
    kinds = {
        li.select_one(".card__kind").get_text(): li.select_one("a").get_text()
        for li in page_soup.select("aside.related li")
    }
    assert kinds == {"Veranstaltung": "Beteiligungswerkstatt", "Stadtteilprofil": "Nordstadt"}
