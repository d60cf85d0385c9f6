"""Every public page type renders its content, layout, metadata and structured data."""

import json

import pytest
from bs4 import BeautifulSoup
from django.template.loader import get_template

from home.models import ContactPerson
from tests import factories
from tests.site_content import body_blocks, document, full_profile, image, local_datetime, make_private, site_settings


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(page_soup):
    scripts = page_soup.find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


@pytest.fixture(autouse=True)
def menu(site_tree):
    for key in ["news_index", "event_index", "profile_index"]:
        site_tree[key].show_in_menus = True
        site_tree[key].save()


@pytest.fixture
def legal_pages(site_tree):
    imprint = factories.StandardPageFactory(parent=site_tree["home"], title="Impressum", slug="impressum")
    privacy = factories.StandardPageFactory(parent=site_tree["home"], title="Datenschutz", slug="datenschutz")
    site_settings(site_tree, imprint=imprint, privacy=privacy)
    return imprint, privacy


def test_layout_has_skip_link_navigation_search_footer_and_feed(client, site_tree, legal_pages):
    for page in [site_tree["home"], site_tree["news_index"], site_tree["profile"]]:
        page_soup = soup(client.get(page.url))
        skip = page_soup.select_one("a.skip-link")
        assert skip["href"] == "#main" and page_soup.find(id="main")
        nav = page_soup.find("nav", attrs={"aria-label": "Hauptnavigation"})
        assert [a.get_text() for a in nav.find_all("a")] == ["Aktuelles", "Veranstaltungen", "Stadtteilprofile"]
        search = page_soup.find("form", role="search")
        assert search["action"] == "/suche/" and search.find("input", attrs={"name": "q"})
        feed = page_soup.find("link", rel="alternate", type="application/rss+xml")
        assert feed["href"] == "/aktuelles/feed/"
        footer = page_soup.find("footer", class_="site-footer")
        assert "Musterstraße 1" in footer.get_text()
        assert footer.find("a", href="mailto:info@example.org")
        assert footer.find("a", string="Impressum")["href"] == "/impressum/"
        assert footer.find("a", string="Datenschutz")["href"] == "/datenschutz/"
        assert footer.find("a", string="Landesprogramm")["href"] == "https://example.org/land"


def test_menu_marks_the_current_section_and_hides_pages_not_in_menus(client, site_tree, legal_pages):
    page_soup = soup(client.get(site_tree["profile"].url))
    current = page_soup.select_one("nav.main-nav a[aria-current=page]")
    assert current.get_text() == "Stadtteilprofile"
    assert "Impressum" not in page_soup.select_one("nav.main-nav").get_text()


def test_breadcrumbs_lead_from_home_to_the_current_page(client, site_tree):
    page_soup = soup(client.get(site_tree["profile"].url))
    crumbs = page_soup.select("nav.breadcrumbs li")
    assert [crumb.get_text(strip=True) for crumb in crumbs] == [
        "Startseite",
        "Stadtteilprofile",
        "Dortmund",
        "Nordstadt",
    ]
    assert crumbs[1].a["href"] == "/stadtteilprofile/"
    assert crumbs[-1].find("span", attrs={"aria-current": "page"})


def test_home_page_shows_news_events_counts_and_section_links(client, site_tree):
    home = site_tree["home"]
    home.intro = "<p>Die Soziale Stadt gemeinsam gestalten!</p>"
    home.save()
    for day in range(1, 5):
        factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Meldung Tag {day}", date=f"2024-03-0{day}")
    factories.EventPageFactory(
        parent=site_tree["event_index"], title="Bundeskonferenz", start=local_datetime(2099, 11, 25, 10)
    )
    factories.DistrictProfilePageFactory(
        parent=site_tree["municipality"], title="Hörde", status="abgeschlossen", start_year=2000, end_year=2010
    )
    factories.DistrictProfilePageFactory(parent=site_tree["municipality"], title="Westerfilde")

    page_soup = soup(client.get("/"))
    assert "Die Soziale Stadt gemeinsam gestalten!" in page_soup.get_text()
    news_titles = [h.get_text(strip=True) for h in page_soup.select("#home-news-heading ~ article h3")]
    assert news_titles == ["Meldung Tag 4", "Meldung Tag 3", "Meldung Tag 2"]
    assert "Bundeskonferenz" in page_soup.select_one("#home-events-heading").parent.get_text()
    # Machine-readable start in local time, as on the event index.
    for teasers in (page_soup, soup(client.get("/veranstaltungen/"))):
        time = teasers.select_one(".teaser--event time")
        assert (time["datetime"], time.get_text()) == (
            "2099-11-25T10:00:00+01:00",
            "Mi., 25. November 2099, 10:00–16:00 Uhr",
        )
    counts = page_soup.select_one(".status-counts").get_text(" ", strip=True)
    assert "2 laufende Programmgebiete" in counts and "1 abgeschlossene Programmgebiete" in counts
    links = {a["href"] for a in page_soup.select("main p.more a")}
    assert links == {"/aktuelles/", "/veranstaltungen/", "/stadtteilprofile/"}


def test_news_page_shows_german_date_tags_body_and_json_ld(client, site_tree):
    picture = image("Familie")
    news = factories.NewsPageFactory(
        parent=site_tree["news_index"],
        title="ESF-Programm „Akti(F)“ <startet>",
        date="2019-09-12",
        teaser="Aktiv für Familien & ihre Kinder.",
        teaser_image=picture,
        body=body_blocks(picture=picture, doc=document()),
    )
    news.tags.add("Beteiligung", "Integration")
    news.save()

    page_soup = soup(client.get(news.url))
    assert page_soup.find("time", datetime="2019-09-12").get_text() == "12. September 2019"
    tag_links = {a.get_text(): a["href"] for a in page_soup.select(".tag-list a")}
    assert tag_links == {"Beteiligung": "/themen/beteiligung/", "Integration": "/themen/integration/"}
    text = page_soup.get_text()
    assert "Worum es geht" in text and "Gemeinsam klappt’s." in text
    assert page_soup.find("img", alt="Spielplatz im Quartier")
    assert "(PDF, 2,0\xa0KB)" in text  # German decimal comma, no break before the unit

    assert page_soup.find("meta", attrs={"name": "description"})["content"] == "Aktiv für Familien & ihre Kinder."
    assert page_soup.find("meta", property="og:type")["content"] == "article"
    assert page_soup.find("meta", property="og:title")["content"] == news.title
    assert page_soup.find("meta", property="og:image")["content"].startswith("http://testserver/")
    [data] = json_ld(page_soup)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == news.title
    assert data["datePublished"] == "2019-09-12"
    assert data["keywords"] == "Beteiligung, Integration"
    # The title's "<" cannot end the script element early.
    raw = page_soup.find("script", type="application/ld+json").string
    assert "<startet>" not in raw and "\\u003Cstartet\\u003E" in raw


def test_event_page_shows_date_venue_map_calendar_link_and_json_ld(client, site_tree):
    event = factories.EventPageFactory(
        parent=site_tree["event_index"],
        title="Bundeskonferenz Gemeinwesenarbeit",
        slug="bundeskonferenz",
        start=local_datetime(2030, 11, 25, 10),
        end=local_datetime(2030, 11, 25, 16),
        venue="REFUGIO Berlin",
        street_address="Lenaustraße 3–4",
        postal_code="12047",
        city="Berlin",
        location="SRID=4326;POINT(13.4265 52.4875)",
        organiser="BMI und BBSR",
    )
    page_soup = soup(client.get(event.url))
    assert "Mo., 25. November 2030, 10:00–16:00 Uhr" in page_soup.select_one(".facts").get_text()
    assert page_soup.select_one(".facts time")["datetime"] == "2030-11-25T10:00:00+01:00"
    address = page_soup.select_one(".facts address").get_text(" ", strip=True)
    assert "REFUGIO Berlin" in address and "Lenaustraße 3–4" in address and "12047 Berlin" in address
    calendar = page_soup.find("a", string="In den Kalender eintragen")
    assert calendar["href"] == "/veranstaltungen/bundeskonferenz/ical/"
    map_data = json.loads(page_soup.find("script", id="map-data").string)
    assert map_data["features"][0]["geometry"]["coordinates"] == [13.4265, 52.4875]
    assert page_soup.find("button", string="Karte laden")
    [data] = json_ld(page_soup)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-11-25T10:00:00+01:00"
    assert data["location"]["address"]["addressLocality"] == "Berlin"
    assert data["location"]["geo"]["latitude"] == 52.4875


def test_event_page_without_location_has_no_map(client, site_tree):
    event = factories.EventPageFactory(parent=site_tree["event_index"], location="")
    page_soup = soup(client.get(event.url))
    assert page_soup.find(id="map") is None
    assert page_soup.find("script", src=lambda src: src and "leaflet" in src) is None


def test_profile_index_has_consent_map_filter_links_and_list(client, site_tree):
    page_soup = soup(client.get("/stadtteilprofile/"))
    container = page_soup.find(id="map")
    assert container.has_attr("hidden")
    assert container["data-tile-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    consent = page_soup.select_one("[data-map-consent]")
    assert "tile.openstreetmap.org" in consent.get_text()
    assert consent.find("button").get_text() == "Karte laden"
    filters = {a["data-status-filter"]: a["href"] for a in page_soup.select("a[data-status-filter]")}
    assert filters == {"alle": "?status=alle", "laufend": "?status=laufend", "abgeschlossen": "?status=abgeschlossen"}
    scripts = [script["src"] for script in page_soup.find_all("script", src=True)]
    assert scripts == ["/static/leaflet/leaflet.js", "/static/js/map.js"]
    assert page_soup.find("link", href="/static/leaflet/leaflet.css")
    legend = page_soup.select_one(".map-legend").get_text()
    assert "laufende Programmgebiete" in legend and "abgeschlossene Programmgebiete" in legend


def test_no_inline_script_or_style_on_public_pages(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], body=body_blocks())
    for url in ["/", news.url, "/veranstaltungen/", "/stadtteilprofile/", site_tree["profile"].url]:
        page_soup = soup(client.get(url))
        assert page_soup.find("style") is None, url
        assert page_soup.find(style=True) is None, url
        for script in page_soup.find_all("script"):
            assert script.get("src") or script.get("type") in ("application/json", "application/ld+json"), url


def test_district_profile_shows_all_parts_in_fixed_order(client, site_tree):
    profile = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    profile.tags.add("Beteiligung")
    profile.save()
    page_soup = soup(client.get(profile.url))

    assert page_soup.select_one(".badge--laufend").get_text() == "laufend"
    facts = dict(
        zip(
            [dt.get_text() for dt in page_soup.select(".profile__intro .facts dt")],
            [dd.get_text(strip=True) for dd in page_soup.select(".profile__intro .facts dd")],
            strict=True,
        )
    )
    assert facts["Kommune"] == "Dortmund"
    assert facts["Programmzeitraum"] == "seit 2012"
    assert facts["Einwohnerinnen und Einwohner"] == "58.123"
    assert facts["Fläche"] == "1.234,5 ha"

    expected = [
        "Gebietscharakter und Ausgangslage",
        "Potenziale und Handlungsansätze",
        "Organisation und Lokale Partner",
        "Meilensteine",
        "Perspektiven",
        "Ansprechperson",
        "Materialien zum Download",
    ]
    assert [a.get_text() for a in page_soup.select("nav.toc a")] == expected
    assert [h.get_text() for h in page_soup.select("section.profile-section > h2")] == expected
    assert page_soup.select_one("nav.toc a")["href"] == "#ausgangslage"

    timeline = page_soup.select(".timeline__item")
    assert [item.select_one(".timeline__when").get_text(strip=True) for item in timeline] == ["2012", "20.05.2016"]
    cards = page_soup.select(".contact-card")
    assert cards[0].select_one(".contact-card__name").get_text() == "Anna Beispiel"
    assert cards[0].find("a", href="mailto:anna@example.org")
    assert cards[0].find("a", href="tel:023112345")
    assert cards[0].find("img")
    downloads = page_soup.select(".download")
    assert "Handlungskonzept" in downloads[0].get_text() and "PDF" in downloads[0].get_text()
    assert page_soup.find(id="map")["data-map-size"] == "small"
    map_data = json.loads(page_soup.find("script", id="map-data").string)
    assert [f["properties"]["title"] for f in map_data["features"]] == ["Westerfilde"]
    assert page_soup.select_one(".tag-list a")["href"] == "/themen/beteiligung/"


def test_unpublished_contact_person_is_not_shown(client, site_tree):
    profile = full_profile(site_tree["municipality"], title="Scharnhorst", with_media=False)
    ContactPerson.objects.filter(name="Bernd Muster").update(live=False)
    text = soup(client.get(profile.url)).get_text()
    assert "Anna Beispiel" in text and "Bernd Muster" not in text


def test_municipality_page_lists_its_areas_with_map(client, site_tree):
    other = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Gelsenkirchen")
    factories.DistrictProfilePageFactory(parent=other, title="Bismarck")
    factories.DistrictProfilePageFactory(
        parent=site_tree["municipality"], title="Hörde", status="abgeschlossen", start_year=2001, end_year=2011
    )
    page_soup = soup(client.get(site_tree["municipality"].url))
    areas = {li.a.get_text(): li["data-status"] for li in page_soup.select("li[data-status]")}
    assert areas == {"Hörde": "abgeschlossen", "Nordstadt": "laufend"}
    map_data = json.loads(page_soup.find("script", id="map-data").string)
    assert sorted(f["properties"]["title"] for f in map_data["features"]) == ["Hörde", "Nordstadt"]


def test_standard_page_renders_every_shared_block(client, site_tree):
    page = factories.StandardPageFactory(
        parent=site_tree["home"], title="Über uns", slug="ueber-uns", body=body_blocks(image(), document())
    )
    page_soup = soup(client.get(page.url))
    assert page_soup.find("h2", string="Worum es geht")
    assert page_soup.select_one(".block-quote figcaption").get_text() == "– Quartiersmanagerin"
    assert page_soup.select_one(".block-cta a")["href"] == "https://example.org/"
    assert page_soup.select_one(".block-links a")["href"] == "https://example.org/programm"
    assert page_soup.select_one(".block-embed a")["href"] == "https://www.youtube.com/watch?v=abc"
    assert page_soup.find("iframe") is None  # no third-party player without the visitor's action
    assert page_soup.select_one(".block-image img")["alt"] == "Spielplatz im Quartier"
    assert page_soup.select_one(".block-documents .download a").get_text() == "Handlungskonzept"


def test_404_page_is_german_and_500_template_needs_no_context(client, site_tree):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    page_soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert page_soup.find("h1").get_text() == "Seite nicht gefunden"
    assert page_soup.find("html")["lang"] == "de"
    html = get_template("500.html").render({})
    assert "Ein Fehler ist aufgetreten" in html and "{%" not in html


def test_private_and_draft_pages_are_not_served(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Geheim", slug="geheim")
    make_private(news)
    response = client.get(news.url)
    assert response.status_code == 302  # to the login, not the page
    assert "Geheim" not in response.content.decode()
    draft = factories.NewsPageFactory(parent=site_tree["news_index"], title="Entwurf", slug="entwurf", live=False)
    assert client.get(draft.url or "/aktuelles/entwurf/").status_code == 404
