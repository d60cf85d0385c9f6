"""Links in listings use the site root paths shared per content generation (home.shared_lookups): a
change of sites shows in the very next response, and within one generation no link reads the cache."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from tests import factories


def add_events(site_tree, count):
    start = timezone.now() + datetime.timedelta(days=3)
    return [
        factories.EventPageFactory(parent=site_tree["event_index"], title=f"Stadtteilfest {n}", start=start)
        for n in range(count)
    ]


@pytest.mark.warm_shared_lookups
def test_teaser_links_follow_a_site_change_at_once(client, site_tree):
    event = add_events(site_tree, 1)[0]
    assert f'href="{event.url}"' in client.get("/veranstaltungen/").content.decode()
    assert event.url.startswith("/")

    # A second site: Wagtail now writes links with the host name, as every page of a multi-site setup must.
    other_home = factories.HomePageFactory(parent=site_tree["root"], title="Andere Stadt", slug="andere-stadt")
    Site.objects.create(hostname="andere.example.org", root_page=other_home)
    body = client.get("/veranstaltungen/").content.decode()
    assert 'href="http://localhost/veranstaltungen/' in body


@pytest.mark.warm_shared_lookups
def test_listing_links_read_no_cache_entry_once_warm(client, site_tree, monkeypatch):
    add_events(site_tree, 5)
    client.get("/veranstaltungen/")
    reads = []
    original = cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    body = client.get("/veranstaltungen/").content.decode()
    assert body.count('class="teaser teaser--event"') == 5
    assert not [key for key in reads if "site_root_paths" in str(key)]
