"""The full-page cache: anonymous visitors get cached pages, editors never, and no response is ever stale."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from wagtail.models import Page

from tests import factories

# Warm, as in a server process: the site and footer kept per generation must go stale exactly when pages do.
pytestmark = pytest.mark.warm_shared_lookups

LISTINGS = ["/", "/aktuelles/", "/aktuelles/feed/", "/sitemap.xml", "/api/v2/pages/?type=newsroom.NewsPage"]


@pytest.fixture
def cached_site(site_tree, settings):
    settings.PAGE_CACHE = True
    caches["shared"].clear()
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Alte Überschrift", slug="meldung")
    return dict(site_tree, news=news)


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_anonymous_requests_are_served_from_the_cache(client, cached_site):
    first = client.get("/aktuelles/meldung/")
    second = client.get("/aktuelles/meldung/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_editors_are_never_served_from_or_stored_in_the_cache(client, cached_site):
    editor = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.get("/aktuelles/meldung/")  # anonymous copy in the cache
    client.force_login(editor)
    response = client.get("/aktuelles/meldung/")
    assert "X-Page-Cache" not in response
    assert "Cookie" in response["Vary"]
    client.logout()
    anonymous = client.get("/aktuelles/meldung/")
    assert anonymous["X-Page-Cache"] == "hit"
    assert b"wagtail-userbar" not in anonymous.content


def test_publishing_shows_on_the_very_next_request_everywhere(client, cached_site):
    pages_with_titles = ["/aktuelles/meldung/", *LISTINGS[:3], LISTINGS[4]]
    warm(client, pages_with_titles)
    news = cached_site["news"]
    news.title = "Neue Überschrift"
    news.save_revision().publish()
    for url in pages_with_titles:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Neue Überschrift" in response.content.decode(), url

    warm(client, LISTINGS)
    fresh = factories.NewsPageFactory(
        parent=cached_site["news_index"], title="Frische Meldung", slug="frisch", live=False
    )
    fresh.save_revision().publish()
    for url in LISTINGS:
        body = client.get(url).content.decode()
        assert "Frische Meldung" in body or "/aktuelles/frisch/" in body, url


def test_unpublish_move_and_delete_invalidate(client, cached_site):
    news = cached_site["news"]
    warm(client, ["/aktuelles/meldung/", "/aktuelles/"])

    news.unpublish()
    assert client.get("/aktuelles/meldung/").status_code == 404
    assert "Alte Überschrift" not in client.get("/aktuelles/").content.decode()

    news.refresh_from_db()
    news.save_revision().publish()
    profile = cached_site["profile"]
    warm(client, [profile.url, "/api/v2/profiles.geojson"])
    other = factories.MunicipalityPageFactory(parent=cached_site["profile_index"], title="Duisburg", slug="duisburg")
    Page.objects.get(pk=profile.pk).move(other, pos="last-child")
    # Not the cached page: Wagtail's automatic redirect to the new place.
    old = client.get("/stadtteilprofile/dortmund/nordstadt/")
    assert old.status_code == 301 and old["Location"] == "/stadtteilprofile/duisburg/nordstadt/"
    assert client.get("/stadtteilprofile/duisburg/nordstadt/").status_code == 200
    assert "/stadtteilprofile/duisburg/nordstadt/" in client.get("/api/v2/profiles.geojson").content.decode()

    warm(client, ["/aktuelles/"])
    Page.objects.get(pk=news.pk).delete()
    assert "Alte Überschrift" not in client.get("/aktuelles/").content.decode()


def test_responses_setting_cookies_or_errors_are_not_cached(client, cached_site):
    assert client.get("/gibt-es-nicht/").status_code == 404
    assert client.get("/gibt-es-nicht/")["X-Page-Cache"] == "miss"


def test_revalidation_gets_304_from_the_cache(client, cached_site):
    cached_site["profile"].save_revision().publish()  # gives the GeoJSON a Last-Modified
    first = client.get("/api/v2/profiles.geojson")
    cached = client.get("/api/v2/profiles.geojson", HTTP_IF_NONE_MATCH=first["ETag"])
    assert cached["X-Page-Cache"] == "hit"
    assert cached.status_code == 304 and cached.content == b""
    since = client.get("/api/v2/profiles.geojson", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_invalidation_is_repeated_once_the_publish_is_committed(cached_site, django_capture_on_commit_callbacks):
    """A request rendering while the publish transaction is still open must not keep its copy."""
    from home.page_cache import generation

    with django_capture_on_commit_callbacks(execute=True):
        cached_site["news"].save_revision().publish()
        during_transaction = generation()
    assert generation() > during_transaction


def test_a_publish_in_another_process_reaches_this_process_copies(client, cached_site):
    """Each process keeps copies in its own memory; the shared generation still decides what is current."""
    from home.page_cache import bump_generation

    warm(client, ["/aktuelles/meldung/"])
    # Another process publishes: the database changes and it bumps the shared generation; this process's
    # signal handlers never run.
    NewsPage = type(cached_site["news"])
    NewsPage.objects.filter(pk=cached_site["news"].pk).update(title="Anderswo veröffentlicht")
    bump_generation()
    response = client.get("/aktuelles/meldung/")
    assert response["X-Page-Cache"] == "miss"
    assert "Anderswo veröffentlicht" in response.content.decode()


def test_flushing_the_shared_cache_also_retires_local_copies(client, cached_site):
    warm(client, ["/aktuelles/meldung/"])
    NewsPage = type(cached_site["news"])
    NewsPage.objects.filter(pk=cached_site["news"].pk).update(title="Nach dem Leeren")
    caches["shared"].clear()  # e.g. Redis restarted: the generation starts anew
    response = client.get("/aktuelles/meldung/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nach dem Leeren" in response.content.decode()


def test_clients_get_the_compressed_copy_they_accept(client, cached_site):
    import gzip

    import brotli

    for number in range(5):  # a GeoJSON worth compressing
        factories.DistrictProfilePageFactory(parent=cached_site["municipality"], title=f"Gebiet {number}")
    plain = client.get("/api/v2/profiles.geojson")
    packed = client.get("/api/v2/profiles.geojson", HTTP_ACCEPT_ENCODING="gzip")
    browser = client.get("/api/v2/profiles.geojson", HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
    refusing_br = client.get("/api/v2/profiles.geojson", HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0.5")
    again_plain = client.get("/api/v2/profiles.geojson")

    assert packed["X-Page-Cache"] == "hit" and packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert browser["Content-Encoding"] == "br" and brotli.decompress(browser.content) == plain.content
    assert int(browser["Content-Length"]) == len(browser.content) < len(packed.content)
    assert refusing_br["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in again_plain and again_plain.content == plain.content
    for response in (plain, packed, browser, refusing_br, again_plain):
        assert "Accept-Encoding" in response["Vary"]
    # The compressed body is another representation: a weak ETag, and revalidation still answers 304.
    assert packed["ETag"] == "W/" + plain["ETag"]
    revalidated = client.get("/api/v2/profiles.geojson", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert revalidated.status_code == 304
