"""sitemap.xml lists exactly the live public pages; robots.txt keeps crawlers out of the admin and points to it."""

import datetime

from defusedxml import ElementTree
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ElementTree.fromstring(response.content)
    return sorted(loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS))


def test_sitemap_lists_exactly_the_live_public_pages(client, site_tree):
    home, news_index = site_tree["home"], site_tree["news_index"]
    factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    factories.NewsPageFactory(parent=news_index, title="Veröffentlicht", slug="veroeffentlicht")
    factories.EventPageFactory(parent=site_tree["event_index"], title="Fest", slug="fest")

    factories.NewsPageFactory(parent=news_index, title="Entwurf", slug="entwurf", live=False)
    withdrawn = factories.NewsPageFactory(parent=news_index, title="Zurückgezogen", slug="zurueckgezogen")
    withdrawn.save_revision().publish()
    withdrawn.unpublish()
    factories.NewsPageFactory(
        parent=news_index, title="Abgelaufen", slug="abgelaufen", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    password_protected = factories.StandardPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(
        page=password_protected, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    factories.StandardPageFactory(parent=password_protected, title="Protokoll", slug="protokoll")
    members_only = factories.StandardPageFactory(parent=home, title="Mitglieder", slug="mitglieder")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)

    assert sitemap_locations(client) == sorted(
        f"http://localhost{path}"
        for path in [
            "/",
            "/aktuelles/",
            "/aktuelles/veroeffentlicht/",
            "/veranstaltungen/",
            "/veranstaltungen/fest/",
            "/stadtteilprofile/",
            "/stadtteilprofile/dortmund/",
            "/stadtteilprofile/dortmund/nordstadt/",
            "/ueber-uns/",
        ]
    )


def test_page_scheduled_to_expire_later_is_still_listed(client, site_tree):
    factories.NewsPageFactory(
        parent=site_tree["news_index"], slug="bald", expire_at=timezone.now() + datetime.timedelta(days=1)
    )

    assert "http://localhost/aktuelles/bald/" in sitemap_locations(client)


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
