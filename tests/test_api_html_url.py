"""The API's html_url: the serve URL reversed once per response, the same as `page.full_url` for every page."""

from wagtail.models import Page

from config.api import _UNKNOWN, _plain_full_url, _RequestLookups
from tests import factories
from tests.api_content import build_content


def test_plain_full_url_is_wagtails_for_every_page(site_tree, rf):
    build_content(site_tree, count=2)
    municipality = site_tree["municipality"]
    factories.DistrictProfilePageFactory(parent=municipality, title="Straße", slug="straße")
    factories.DistrictProfilePageFactory(parent=municipality, title="Unten", slug="unten_mit-strich")
    lookups = _RequestLookups(rf.get("/api/v2/pages/"))
    unknown = 0
    for page in Page.objects.specific():
        url = _plain_full_url(page, lookups)
        if url is _UNKNOWN:
            unknown += 1
        else:
            assert url == page.full_url, page.url_path
    assert unknown == 1  # the non-ASCII slug is left to Wagtail


def test_listing_html_url_of_a_non_ascii_slug(client, site_tree):
    profile = factories.DistrictProfilePageFactory(parent=site_tree["municipality"], title="Straße", slug="straße")
    items = client.get("/api/v2/pages/?type=profiles.DistrictProfilePage&fields=html_url").json()["items"]
    urls = {item["id"]: item["meta"]["html_url"] for item in items}
    assert urls[profile.pk] == Page.objects.get(pk=profile.pk).full_url
    assert "%C3%9F" in urls[profile.pk]
