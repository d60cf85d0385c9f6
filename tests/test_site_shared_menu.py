"""Views that are no page (the search) take the main menu from a copy kept per content generation
(home.routing.home_children): it must follow a publish, a view restriction and an expiry at once."""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories


def menu(client):
    html = client.get("/suche/?q=Quartier").content
    return [a.get_text(strip=True) for a in BeautifulSoup(html, "html.parser").select("nav.main-nav a")]


@pytest.mark.warm_shared_lookups
def test_search_menu_follows_publish_restriction_and_expiry(client, site_tree):
    sections = ["Aktuelles", "Veranstaltungen", "Stadtteilprofile"]
    assert [title for title in menu(client) if title in sections] == sections

    about = factories.StandardPageFactory(parent=site_tree["home"], title="Über uns", show_in_menus=True, live=False)
    about.save_revision().publish()  # as an editor publishes it
    assert "Über uns" in menu(client)

    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert "Über uns" not in menu(client)
    restriction.delete()
    assert "Über uns" in menu(client)

    # Expiry passes without any save: the kept copy still holds the page, the menu must not show it.
    about.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    about.save_revision().publish()
    assert "Über uns" in menu(client)
    time.sleep(1.1)
    assert "Über uns" not in menu(client)


@pytest.mark.warm_shared_lookups
def test_warm_search_reads_no_menu_query(client, site_tree):
    menu(client)
    with CaptureQueriesContext(connection) as queries:
        menu(client)
    # The children of the home page (depth 3), as home.get_children() selects them.
    children_query = f'"wagtailcore_page"."depth" = {site_tree["home"].depth + 1}'
    assert not [query for query in queries if children_query in query["sql"]]
    # Cold, the same request reads them.
    from home.shared_lookups import forget

    forget()
    with CaptureQueriesContext(connection) as queries:
        menu(client)
    assert [query for query in queries if children_query in query["sql"]]
