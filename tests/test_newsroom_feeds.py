"""RSS feed of the news and iCalendar export of the events, parsed with real parsers (feedparser, icalendar)."""

import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests import factories

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")


def tagged(page, *names):
    page.tags.add(*names)
    page.save()
    return page


def make_unpublished(page):
    page.save_revision().publish()
    page.unpublish()


def next_year(month, day, hour=0, minute=0):
    """A date in the coming year, so 'upcoming' holds whenever the suite runs."""
    return datetime.datetime(timezone.now().year + 1, month, day, hour, minute, tzinfo=BERLIN)


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    return parsed


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


# RSS ------------------------------------------------------------------------------------------------------------


@pytest.fixture
def news(site_tree):
    index = site_tree["news_index"]
    today = datetime.date.today()
    pages = {
        "older": factories.NewsPageFactory(parent=index, title="Ältere Meldung", date=today - datetime.timedelta(10)),
        "newer": factories.NewsPageFactory(
            parent=index, title="Neue Meldung", date=today, teaser="Das Quartier feiert sein Fest."
        ),
        "draft": factories.NewsPageFactory(parent=index, title="Entwurf", live=False),
        "unpublished": factories.NewsPageFactory(parent=index, title="Zurückgezogen"),
        "private": factories.NewsPageFactory(parent=index, title="Intern"),
        "expired": factories.NewsPageFactory(
            parent=index, title="Abgelaufen", expire_at=timezone.now() - datetime.timedelta(hours=1)
        ),
    }
    make_unpublished(pages["unpublished"])
    make_private(pages["private"])
    tagged(pages["newer"], "Beteiligung", "Integration")
    tagged(pages["older"], "Integration")
    return pages


def test_feed_lists_only_published_news_newest_first(client, news):
    parsed = get_feed(client, "/aktuelles/feed/")

    assert [entry.title for entry in parsed.entries] == ["Neue Meldung", "Ältere Meldung"]
    assert parsed.feed.link == "http://localhost/aktuelles/"
    assert parsed.feed.language == "de"


def test_feed_item_carries_link_teaser_date_guid_and_topics(client, news):
    entry = get_feed(client, "/aktuelles/feed/").entries[0]

    url = f"http://localhost/aktuelles/{news['newer'].slug}/"
    assert entry.link == url
    assert entry.id == url
    assert entry.summary == "Das Quartier feiert sein Fest."
    # feedparser normalises to UTC; the reader shows it in Berlin time, on the editor's date.
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=UTC).astimezone(BERLIN)
    assert published.date() == news["newer"].date
    assert sorted(tag.term for tag in entry.tags) == ["Beteiligung", "Integration"]


def test_feed_filters_by_topic_tag(client, news):
    parsed = get_feed(client, "/aktuelles/feed/?tag=beteiligung")

    assert [entry.title for entry in parsed.entries] == ["Neue Meldung"]
    assert parsed.feed.title.endswith(": Beteiligung")


def test_feed_for_unknown_tag_is_not_found(client, news):
    assert client.get("/aktuelles/feed/?tag=gibt-es-nicht").status_code == 404


def test_news_index_page_is_still_served_at_its_own_url(client, news):
    response = client.get("/aktuelles/")

    assert response.status_code == 200
    assert "Aktuelles" in response.content.decode()


def test_feed_queries_do_not_grow_with_the_number_of_items(client, site_tree):
    def count_queries():
        get_feed(client, "/aktuelles/feed/")  # warm the site-root cache, which later requests share
        with CaptureQueriesContext(connection) as queries:
            get_feed(client, "/aktuelles/feed/")
        return len(queries)

    for _ in range(3):
        tagged(factories.NewsPageFactory(parent=site_tree["news_index"]), "Beteiligung")
    few = count_queries()
    for _ in range(12):
        tagged(factories.NewsPageFactory(parent=site_tree["news_index"]), "Integration")

    assert count_queries() == few


# iCalendar ------------------------------------------------------------------------------------------------------


@pytest.fixture
def events(site_tree):
    index = site_tree["event_index"]
    past_start = timezone.now() - datetime.timedelta(days=3)
    pages = {
        "november": factories.EventPageFactory(
            parent=index,
            title="Netzwerktreffen",
            start=next_year(11, 18, 10),
            end=next_year(11, 18, 16),
            venue="Dietrich-Keuning-Haus",
            street_address="Leopoldstraße 50",
            postal_code="44147",
            city="Dortmund",
            location="SRID=4326;POINT(7.4636 51.5219)",
            teaser="Austausch der Quartiersmanagements.",
        ),
        "summer": factories.EventPageFactory(
            parent=index, title="Sommerfest", start=next_year(7, 4, 10), end=next_year(7, 4, 18), city="Bochum"
        ),
        "all_day": factories.EventPageFactory(
            parent=index,
            title="Fachtagung",
            start=next_year(11, 18),
            end=next_year(11, 19, 23, 59),
            all_day=True,
            city="Gelsenkirchen",
        ),
        "past": factories.EventPageFactory(
            parent=index, title="Vorbei", start=past_start, end=past_start + datetime.timedelta(hours=2)
        ),
        "draft": factories.EventPageFactory(parent=index, title="Entwurf", live=False),
        "unpublished": factories.EventPageFactory(parent=index, title="Zurückgezogen"),
        "private": factories.EventPageFactory(parent=index, title="Intern"),
        "expired": factories.EventPageFactory(
            parent=index, title="Abgelaufen", expire_at=timezone.now() - datetime.timedelta(hours=1)
        ),
    }
    make_unpublished(pages["unpublished"])
    make_private(pages["private"])
    tagged(pages["november"], "Beteiligung")
    return pages


def test_calendar_lists_only_published_upcoming_events_soonest_first(client, events):
    response, calendar = get_calendar(client, "/veranstaltungen/ical/")

    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Sommerfest", "Fachtagung", "Netzwerktreffen"]
    assert response["Content-Disposition"] == 'attachment; filename="veranstaltungen.ics"'
    assert calendar["VERSION"] == "2.0"


def test_calendar_filters_by_city_ignoring_case(client, events):
    _, calendar = get_calendar(client, "/veranstaltungen/ical/?stadt=bochum")
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Sommerfest"]

    _, calendar = get_calendar(client, "/veranstaltungen/ical/?stadt=Herne")
    assert calendar.events == []


def test_event_uid_is_stable_across_requests_and_exports(client, events):
    def uids(url):
        return [str(event["UID"]) for event in get_calendar(client, url)[1].events]

    first, second = uids("/veranstaltungen/ical/"), uids("/veranstaltungen/ical/")
    single = uids(f"/veranstaltungen/{events['november'].slug}/ical/")

    assert first == second
    assert single == [f"event-{events['november'].pk}@localhost"]
    assert single[0] in first


def test_times_are_in_berlin_time_with_a_timezone_definition(client, events):
    _, calendar = get_calendar(client, "/veranstaltungen/ical/")
    by_title = {str(event["SUMMARY"]): event for event in calendar.events}

    november, summer = by_title["Netzwerktreffen"], by_title["Sommerfest"]
    # 10:00 in Berlin is 09:00 UTC in winter (CET) and 08:00 UTC in summer (CEST).
    assert november.start.astimezone(UTC).time() == datetime.time(9, 0)
    assert november.end.astimezone(UTC).time() == datetime.time(15, 0)
    assert summer.start.astimezone(UTC).time() == datetime.time(8, 0)
    assert november["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]


def test_all_day_event_is_exported_as_dates(client, events):
    response, calendar = get_calendar(client, "/veranstaltungen/ical/?stadt=Gelsenkirchen")
    (event,) = calendar.events
    year = timezone.now().year + 1

    assert b"DTSTART;VALUE=DATE:" in response.content
    assert event.start == datetime.date(year, 11, 18)
    # DTEND is exclusive: a conference on the 18th and 19th ends on the 20th.
    assert event.end == datetime.date(year, 11, 20)


def test_single_event_export_has_url_place_geo_and_description(client, events):
    slug = events["november"].slug
    response, calendar = get_calendar(client, f"/veranstaltungen/{slug}/ical/")
    (event,) = calendar.events

    assert response["Content-Disposition"] == f'attachment; filename="{slug}.ics"'
    assert str(event["URL"]) == f"http://localhost/veranstaltungen/{slug}/"
    assert str(event["LOCATION"]) == "Dietrich-Keuning-Haus, Leopoldstraße 50, 44147 Dortmund"
    assert (event["GEO"].latitude, event["GEO"].longitude) == (51.5219, 7.4636)
    assert str(event["DESCRIPTION"]) == "Austausch der Quartiersmanagements."
    assert event.categories == ["Beteiligung"]


def test_single_event_export_of_an_event_with_umlauts_in_its_slug_names_the_file(client, site_tree):
    factories.EventPageFactory(parent=site_tree["event_index"], title="Bürgerfest", slug="bürgerfest")

    response, calendar = get_calendar(client, "/veranstaltungen/b%C3%BCrgerfest/ical/")

    assert response["Content-Disposition"] == "attachment; filename*=utf-8''b%C3%BCrgerfest.ics"
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Bürgerfest"]


def test_single_event_export_of_a_past_event_still_works(client, events):
    _, calendar = get_calendar(client, f"/veranstaltungen/{events['past'].slug}/ical/")

    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Vorbei"]


@pytest.mark.parametrize("key", ["draft", "unpublished", "expired"])
def test_single_event_export_of_a_hidden_event_is_not_found(client, events, key):
    assert client.get(f"/veranstaltungen/{events[key].slug}/ical/").status_code == 404


def test_single_event_export_of_a_private_event_asks_for_the_password(client, events):
    response = client.get(f"/veranstaltungen/{events['private'].slug}/ical/")

    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" not in response.content
    assert not response["Content-Type"].startswith("text/calendar")


def test_event_pages_are_still_served_at_their_own_urls(client, events):
    assert client.get("/veranstaltungen/").status_code == 200
    response = client.get(f"/veranstaltungen/{events['november'].slug}/")
    assert response.status_code == 200
    assert "Netzwerktreffen" in response.content.decode()


def test_calendar_queries_do_not_grow_with_the_number_of_events(client, site_tree):
    def count_queries():
        get_calendar(client, "/veranstaltungen/ical/")  # warm the site-root cache, which later requests share
        with CaptureQueriesContext(connection) as queries:
            get_calendar(client, "/veranstaltungen/ical/")
        return len(queries)

    for _ in range(3):
        tagged(factories.EventPageFactory(parent=site_tree["event_index"]), "Beteiligung")
    few = count_queries()
    for _ in range(12):
        tagged(factories.EventPageFactory(parent=site_tree["event_index"]), "Integration")

    assert count_queries() == few
