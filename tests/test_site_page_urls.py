"""Every link the site writes is the one Wagtail would write (home.page_urls builds it without a reverse()
per page): plain and non-ASCII slugs, one site and several, teasers, menu and breadcrumbs."""

from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from home.page_urls import page_url
from tests import factories


def wagtail_url(page):
    """What Wagtail's own Page.get_url gives, computed afresh."""
    fresh = Page.objects.get(pk=page.pk)
    return Page.get_url(fresh)


def links(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {a.get_text(" ", strip=True): a["href"] for a in soup.select("main a, nav a")}


def test_urls_equal_wagtails_for_plain_and_non_ascii_slugs(site_tree):
    plain = factories.NewsPageFactory(parent=site_tree["news_index"], title="Neues Büro", slug="neues-buero")
    umlaut = factories.DistrictProfilePageFactory(
        parent=site_tree["municipality"], title="Grüne Mitte", slug="grüne-mitte"
    )
    for page in (site_tree["home"], site_tree["news_index"], plain, site_tree["profile"], umlaut):
        specific = page.specific
        assert specific.url == wagtail_url(page)
        assert page_url(Page.objects.get(pk=page.pk)) == wagtail_url(page)
        assert specific.get_url_parts() == Page.get_url_parts(Page.objects.get(pk=page.pk))
    assert umlaut.specific.url == "/stadtteilprofile/dortmund/gr%C3%BCne-mitte/"


def test_urls_equal_wagtails_on_several_sites(site_tree):
    # The profile index becomes the root of a second site: its pages belong to both sites.
    Site.objects.create(hostname="profile.example.org", root_page=site_tree["profile_index"])
    other_home = factories.HomePageFactory(parent=site_tree["root"], title="Andere Stadt", slug="andere-stadt")
    Site.objects.create(hostname="andere.example.org", root_page=other_home)
    for page in (site_tree["home"], site_tree["profile"], site_tree["event_index"], other_home):
        fresh = Page.objects.get(pk=page.pk)
        assert page.specific.get_url_parts() == Page.get_url_parts(fresh)
        assert page_url(fresh) == wagtail_url(page)
    assert site_tree["event_index"].specific.url == "http://localhost/veranstaltungen/"


def test_menu_breadcrumbs_and_teasers_link_where_wagtail_does(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Stadtteilfest geplant")
    # Teasers are rows, not pages (newsroom.teasers): a slug reverse() quotes takes Wagtail's way.
    umlaut = factories.NewsPageFactory(parent=site_tree["news_index"], title="Grünfläche", slug="grünfläche")
    event = factories.EventPageFactory(parent=site_tree["event_index"], title="Quartiersfest")
    on_index = links(client, "/aktuelles/")
    assert on_index["Stadtteilfest geplant"] == wagtail_url(news)
    assert on_index["Grünfläche"] == wagtail_url(umlaut) == "/aktuelles/gr%C3%BCnfl%C3%A4che/"
    assert links(client, "/veranstaltungen/")["Quartiersfest"] == wagtail_url(event)
    assert links(client, "/")["Quartiersfest"] == wagtail_url(event)
    assert on_index["Aktuelles"] == wagtail_url(site_tree["news_index"])
    assert on_index["Veranstaltungen"] == wagtail_url(site_tree["event_index"])
    on_profile = links(client, site_tree["profile"].url)
    assert on_profile["Dortmund"] == wagtail_url(site_tree["municipality"])
    assert on_profile["Startseite"] == wagtail_url(site_tree["home"])
