"""A Varnish/CDN in front is purged on publish: the page and every page that lists it."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests import factories


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A real HTTP server on loopback standing in for Varnish; records the PURGE requests it gets."""
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()


def test_publishing_a_news_item_purges_it_and_its_listings(site_tree, varnish):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Meldung", slug="meldung", live=False)
    news.save_revision().publish()
    paths = {path for _host, path in varnish}
    assert {"/aktuelles/meldung/", "/aktuelles/", "/aktuelles/feed/", "/", "/sitemap.xml"} <= paths
    assert {host for host, _path in varnish} == {"localhost"}


def test_unpublishing_a_profile_purges_map_municipality_and_geojson(site_tree, varnish):
    site_tree["profile"].unpublish()
    paths = {path for _host, path in varnish}
    assert {
        "/stadtteilprofile/dortmund/nordstadt/",
        "/stadtteilprofile/dortmund/",
        "/stadtteilprofile/",
        "/api/v2/profiles.geojson",
        "/stadtteilprofile/export.csv",
    } <= paths
