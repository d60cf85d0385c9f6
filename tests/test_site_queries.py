"""Each public page type renders in at most 10 SQL queries, the same number with 5 and with 50 items.

Every page is requested once before counting, so image renditions and Wagtail's site-root cache
are warm, as they are on a running site. The exact counts are pinned: a new query per item (or a
new query at all) fails here first.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.site_content import body_blocks, days, document, full_profile, image, site_settings

MAX_QUERIES = 10


def count_queries(client, url):
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def site(site_tree):
    """Footer settings with imprint and privacy pages, menu entries and a tag, as on the real site."""
    imprint = factories.StandardPageFactory(parent=site_tree["home"], title="Impressum", slug="impressum")
    privacy = factories.StandardPageFactory(parent=site_tree["home"], title="Datenschutz", slug="datenschutz")
    site_settings(site_tree, imprint=imprint, privacy=privacy)
    for key in ["news_index", "event_index", "profile_index"]:
        site_tree[key].show_in_menus = True
        site_tree[key].save()
    return site_tree


def add_news(site_tree, count, tag="Beteiligung"):
    for _ in range(count):
        news = factories.NewsPageFactory(parent=site_tree["news_index"])
        news.tags.add(tag)
        news.save()


def add_events(site_tree, count, tag="Beteiligung"):
    for number in range(count):
        event = factories.EventPageFactory(
            parent=site_tree["event_index"], start=days(number + 1), city=["Dortmund", "Köln"][number % 2]
        )
        event.tags.add(tag)
        event.save()


def add_past_events(site_tree, count):
    for number in range(count):
        factories.EventPageFactory(parent=site_tree["event_index"], start=days(-number - 2), end=days(-number - 2))


def add_profiles(site_tree, count, tag="Beteiligung"):
    municipalities = [site_tree["municipality"]] + [
        factories.MunicipalityPageFactory(parent=site_tree["profile_index"]) for _ in range(2)
    ]
    for number in range(count):
        status = ["laufend", "abgeschlossen"][number % 2]
        profile = factories.DistrictProfilePageFactory(
            parent=municipalities[number % 3],
            status=status,
            end_year=2015 if status == "abgeschlossen" else None,
        )
        profile.tags.add(tag)
        profile.save()


# (url, builder adding n listed items, exact number of queries)
LISTINGS = {
    "home": ("/", [add_news, add_events, add_profiles], 8),
    "news index": ("/aktuelles/", [add_news], 8),
    "news index by tag": ("/aktuelles/?tag=beteiligung", [add_news], 9),
    # Unfiltered, the per-city counts also give the total for paging; a city filter needs its own COUNT.
    "event index": ("/veranstaltungen/", [add_events], 8),
    "event index by city": ("/veranstaltungen/?stadt=Köln", [add_events], 9),
    "event archive": ("/veranstaltungen/?archiv=1", [add_past_events], 8),
    # Per-municipality counts first (they choose the layout, see profiles.listings), then the areas.
    "profile index": ("/stadtteilprofile/", [add_profiles], 8),
    "profile index filtered": ("/stadtteilprofile/?status=laufend", [add_profiles], 8),
    "municipality": ("/stadtteilprofile/dortmund/", [add_profiles], 7),
    "topic": ("/themen/beteiligung/", [add_news, add_events, add_profiles], 6),
}


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_query_count_does_not_grow_with_items(client, site, name):
    url, builders, expected = LISTINGS[name]
    for builder in builders:
        builder(site, 5)
    with_five = count_queries(client, url)
    for builder in builders:
        builder(site, 45)
    with_fifty = count_queries(client, url)
    assert (with_five, with_fifty) == (expected, expected)
    assert expected <= MAX_QUERIES


def test_counted_listings_are_not_empty(client, site):
    """The pages counted above really list their items (a count of an empty page would prove nothing)."""
    add_past_events(site, 25)
    add_events(site, 5)
    add_profiles(site, 5)
    assert client.get("/veranstaltungen/?archiv=1").content.decode().count('class="teaser teaser--event"') == 20
    assert client.get("/veranstaltungen/?stadt=Köln").content.decode().count('class="teaser teaser--event"') == 2
    assert client.get("/stadtteilprofile/dortmund/").content.decode().count("data-status=") == 3


def test_news_page_query_count_with_related_items_and_full_body(client, site):
    add_news(site, 5)
    add_events(site, 5)
    news = factories.NewsPageFactory(
        parent=site["news_index"], teaser_image=image(), body=body_blocks(image(), document())
    )
    news.tags.add("Beteiligung", "Integration")
    news.save()
    with_five = count_queries(client, news.url)
    add_news(site, 45)
    add_events(site, 45)
    assert (with_five, count_queries(client, news.url)) == (10, 10)


def test_event_page_query_count(client, site):
    event = factories.EventPageFactory(
        parent=site["event_index"],
        teaser_image=image(),
        body=body_blocks(image(), document()),
        location="SRID=4326;POINT(7.4653 51.5136)",
    )
    event.tags.add("Beteiligung")
    event.save()
    assert count_queries(client, event.url) == 8


def test_district_profile_query_count_with_every_section(client, site):
    profile = full_profile(site["municipality"], title="Westerfilde")
    profile.tags.add("Beteiligung", "Integration")
    profile.save()
    assert count_queries(client, profile.url) == 9


def test_standard_page_query_count(client, site):
    page = factories.StandardPageFactory(parent=site["home"], body=body_blocks(image(), document()))
    assert count_queries(client, page.url) == 7


def test_home_with_featured_pages_and_footer_page_links(client, site):
    """As on the demo site: featured pages and a footer link to a page cost one query each, not one per link."""
    import json

    add_news(site, 5)
    add_events(site, 5)
    featured = [factories.NewsPageFactory(parent=site["news_index"]) for _ in range(3)]
    home = site["home"]
    home.featured = json.dumps([{"type": "page", "value": page.pk} for page in featured])
    home.save()
    about = factories.StandardPageFactory(parent=home, title="Über uns")
    settings = site_settings(site)
    settings.footer_links = json.dumps(
        [{"type": "link", "value": {"text": "Über uns", "page": about.pk, "url": ""}}] * 3
    )
    settings.save()
    assert count_queries(client, "/") == 10
    assert client.get("/").content.decode().count('class="card__title"') == 3


@pytest.mark.warm_shared_lookups
@pytest.mark.parametrize(
    ("url", "builders", "cold", "warm"),
    [
        ("/", [add_news, add_events, add_profiles], 8, 4),
        # The number of news and the events' counts per city are kept too (tests/test_site_listings.py has
        # what retires them besides a publish: the clock).
        ("/aktuelles/", [add_news], 8, 3),
        ("/veranstaltungen/", [add_events], 8, 3),
    ],
)
def test_a_server_process_shares_site_footer_and_restrictions_between_requests(client, site, url, builders, cold, warm):
    """Site, home page, footer (settings, legal pages), the restriction list and the listings' counts are kept
    per content generation; a publish makes the next request pay them again."""
    from home.shared_lookups import forget

    for builder in builders:
        builder(site, 5)
    forget()
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).status_code == 200
    assert (len(first), len(second)) == (cold, warm)

    site["news_index"].save_revision().publish()
    with CaptureQueriesContext(connection) as after_publish:
        assert client.get(url).status_code == 200
    assert len(after_publish) == cold
