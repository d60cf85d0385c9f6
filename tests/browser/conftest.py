"""Headless Chromium (Debian's package, driven by Playwright) against pytest-django's live server.

Without a browser the tests are skipped with a loud reason; with REQUIRE_BROWSER=1 (set by .ci/run)
they fail instead, so CI cannot pass without having run them.
"""

import io
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.audits import AXE_JS

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM calls from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# The live server on 127.0.0.1 (not "localhost"), so "nothing leaves 127.0.0.1" is checked literally.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# The tile server the map gets in these tests: an outside host, so the privacy check would notice it,
# answered by the browser context itself (no network) with a 1x1 PNG.
TILE_HOST = "tiles.example.test"
TILE_URL = f"http://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png"


def _png_1x1():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGBA", (1, 1), (200, 200, 200, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def _missing(reason):
    message = f"BROWSER TESTS NOT RUN: {reason}. Install it with `make browser-deps` (root) or set CHROMIUM_PATH."
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (REQUIRE_BROWSER=1 makes this an error)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path():
    if not CHROMIUM.exists():
        _missing(f"no Chromium at {CHROMIUM}")
    if not AXE_JS.exists():
        _missing(f"axe-core missing at {AXE_JS} (run `npm install`)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the playwright package is not installed")
    return CHROMIUM


@pytest.fixture
def chromium(chromium_path):
    """A browser per test, on purpose: while Playwright's sync API runs, the test's code sees a fresh
    contextvars context, hence Django hands out a new connection object, one without the serialized
    test data that `serialized_rollback` restores between transactional tests. Stopping Playwright
    before the database teardown puts the original context back."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


TILE_PNG = _png_1x1()


class RequestLog:
    """Every request the page makes, and those that would have left the test machine."""

    def __init__(self, live_server_url):
        self.live_host = urlsplit(live_server_url).netloc
        self.all = []
        self.outside = []
        self.tiles = []

    def handle(self, route):
        url = route.request.url
        parts = urlsplit(url)
        self.all.append(url)
        if parts.scheme in {"data", "blob", "about"} or parts.netloc == self.live_host:
            route.continue_()
        elif parts.netloc == TILE_HOST:
            self.tiles.append(url)
            route.fulfill(status=200, content_type="image/png", body=TILE_PNG)
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture
def browser_page(django_db_serialized_rollback, live_server, chromium, settings):
    """A fresh browser context (no stored map consent) whose every request is logged and kept local.

    The live server needs committed data (a transactional test); serialized rollback brings back what the
    migrations created (root page, locale, default site) after the flush, for the tests that follow.
    """
    settings.MAP_TILE_URL = TILE_URL
    log = RequestLog(live_server.url)
    # The site's CSP forbids inline scripts; axe is injected inline by the test, never served to visitors.
    context = chromium.new_context(bypass_csp=True, locale="de-DE", viewport={"width": 1280, "height": 900})
    context.route("**/*", log.handle)
    page = context.new_page()
    page.request_log = log
    yield page
    context.close()
