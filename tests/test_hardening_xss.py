"""Hostile content through every public channel: nothing the editor typed may run as script.

One fixture puts script tags, event-handler attributes and `javascript:` URLs into every field an
editor (or a municipality's editor) can fill: titles, teasers, meta descriptions, tags, contact
persons, event venues, rich text and StreamField blocks. Rich text goes through Wagtail's editor
converter, the path every admin save takes; StreamField links are stored raw, as an import or an
old revision could hold them. Then every channel is rendered and parsed: HTML pages, RSS, iCal,
JSON-LD, GeoJSON and the API.
"""

import json
import re
from xml.etree import ElementTree

import icalendar
import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.test import override_settings
from taggit.models import Tag
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StructBlockValidationError

from home.blocks import PARAGRAPH_FEATURES, LinkBlock
from tests import factories

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
HANDLER = '<img src=x onerror=alert("xss")>'
HOSTILE = f'"><{SCRIPT[1:]}{HANDLER}'
JS_URL = 'javascript:alert("xss")'
DATA_KEYS_WITH_HTML = {"intro", "paragraph", "description"}


def rich_text(text):
    """Rich text as the admin saves it: Draftail's contentstate, with a link entity on the word "hier"."""
    start = len(text) + 1
    contentstate = {
        "blocks": [
            {
                "key": "k1",
                "type": "unstyled",
                "text": f"{text} hier",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": start, "length": 4, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JS_URL}}},
    }
    return ContentstateConverter(features=PARAGRAPH_FEATURES).to_database_format(json.dumps(contentstate))


def hostile_link():
    # Mixed case and leading blanks, as filter evasion does; browsers still run these.
    return {"text": HOSTILE, "page": None, "url": f" JaVaScRiPt:{JS_URL.split(':', 1)[1]}"}


def body(image):
    return json.dumps(
        [
            {"type": "paragraph", "value": rich_text(HOSTILE)},
            {"type": "heading", "value": {"text": HOSTILE, "level": "h2"}},
            {"type": "quote", "value": {"text": HOSTILE, "attribution": HOSTILE}},
            {"type": "image", "value": {"image": image.pk, "alt_text": HOSTILE, "caption": HOSTILE, "credit": HOSTILE}},
            {"type": "links", "value": {"title": HOSTILE, "links": [hostile_link()]}},
            {"type": "call_to_action", "value": {**hostile_link(), "description": HOSTILE}},
        ]
    )


@pytest.fixture
def hostile(site_tree, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        image = wagtail_factories.ImageFactory(title=HOSTILE)
        tag_name = f"<b onmouseover=alert(1)>Beteiligung</b>{HANDLER}"
        home = site_tree["home"]
        home.intro = rich_text(HOSTILE)
        home.save()
        for key in ("news_index", "event_index", "profile_index"):
            page = site_tree[key]
            page.intro = rich_text(HOSTILE)
            page.teaser = HOSTILE
            page.save()
        standard = factories.StandardPageFactory(
            parent=home, title=f"Über uns {HOSTILE}", slug="ueber-uns", search_description=HOSTILE, body=body(image)
        )
        news = factories.NewsPageFactory(
            parent=site_tree["news_index"],
            title=f"Meldung {HOSTILE}",
            slug="meldung",
            teaser=HOSTILE,
            search_description=HOSTILE,
            body=body(image),
        )
        event = factories.EventPageFactory(
            parent=site_tree["event_index"],
            title=f"Termin {HOSTILE}",
            slug="termin",
            teaser=HOSTILE,
            venue=f"<svg onload=alert(1)>{HANDLER}\r\nX-INJECTED:1",
            city=HOSTILE,
            organiser=HOSTILE,
            street_address=HOSTILE,
            body=body(image),
        )
        municipality = site_tree["municipality"]
        municipality.intro = rich_text(HOSTILE)
        municipality.teaser = HOSTILE
        municipality.save()
        contact = factories.ContactPersonFactory(
            name=f"Erika {HANDLER}", role=HOSTILE, organisation=SCRIPT, phone=HANDLER[:50]
        )
        profile = site_tree["profile"]
        profile.title = f"Nordstadt {HOSTILE}"
        profile.intro = HOSTILE
        profile.teaser = HOSTILE
        profile.address = HOSTILE
        profile.search_description = HOSTILE
        profile.sections = json.dumps(
            [
                {
                    "type": "ausgangslage",
                    "value": [
                        {"type": "paragraph", "value": rich_text(HOSTILE)},
                        {"type": "quote", "value": {"text": HOSTILE, "attribution": HOSTILE}},
                        {"type": "link", "value": hostile_link()},
                    ],
                },
                {"type": "meilensteine", "value": [{"year": 2015, "date": None, "title": HOSTILE, "text": HOSTILE}]},
                {"type": "ansprechpersonen", "value": [contact.pk]},
            ]
        )
        profile.save()
        for page in (news, event, profile):
            page.tags.add(tag_name)
            page.save()
        yield {
            **site_tree,
            "standard": standard,
            "news": news,
            "event": event,
            "tag": Tag.objects.get(name=tag_name),
        }


def dangerous_url(value):
    cleaned = re.sub(r"[\x00-\x20\x7f-\xa0]+", "", value or "").lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))


def assert_no_executable_html(html, where):
    """No inline script, no event-handler attribute, no javascript: URL; JSON-LD must stay valid JSON."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        kind = (script.get("type") or "").lower()
        if kind in ("application/ld+json", "application/json"):
            json.loads(script.string or "null")
            continue
        assert script.get("src"), f"{where}: inline <script> {str(script)[:200]}"
        assert not dangerous_url(script["src"]), where
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{element.name} {name}=…>"
            values = value if isinstance(value, list) else [value]
            for single in values:
                assert not dangerous_url(single), f"{where}: <{element.name} {name}={single!r}>"
    return soup


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response


def page_urls(hostile):
    return [
        hostile["home"].url,
        hostile["standard"].url,
        hostile["news_index"].url,
        hostile["news"].url,
        hostile["event_index"].url,
        hostile["event"].url,
        hostile["profile_index"].url,
        hostile["profile_index"].url + "?status=laufend",
        hostile["municipality"].url,
        hostile["profile"].url,
        f"/themen/{hostile['tag'].slug}/",
        "/suche/?q=Meldung",
        "/suche/?q=" + SCRIPT,
    ]


def test_every_page_type_shows_hostile_text_as_text(client, hostile):
    for url in page_urls(hostile):
        html = get_ok(client, url).content.decode()
        soup = assert_no_executable_html(html, url)
        # The hostile text is there, visibly, as text: escaped, not dropped.
        assert SCRIPT in soup.get_text() or url.startswith("/suche/?q=<"), url


def test_hostile_text_reaches_the_detail_pages(client, hostile):
    text = BeautifulSoup(get_ok(client, hostile["profile"].url).content, "html.parser").get_text()
    assert f"Erika {HANDLER}" in text  # contact person
    assert "Beteiligung" in text  # tag
    event_text = BeautifulSoup(get_ok(client, hostile["event"].url).content, "html.parser").get_text()
    assert "<svg onload=alert(1)>" in event_text  # venue


def test_json_ld_keeps_hostile_text_as_data(client, hostile):
    # News and events carry schema.org JSON-LD; on every other page assert_no_executable_html checks any there is.
    for key in ("news", "event"):
        soup = BeautifulSoup(get_ok(client, hostile[key].url).content, "html.parser")
        blocks = soup.find_all("script", type="application/ld+json")
        assert blocks, key
        for block in blocks:
            assert "</script" not in block.string.lower()
            data = json.loads(block.string)
            assert any(HOSTILE in value for _key, value in walk_strings(data)), key


def test_rss_feed_descriptions_are_safe_html(client, hostile):
    response = get_ok(client, "/aktuelles/feed/")
    root = ElementTree.fromstring(response.content)
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == [hostile["news"].title]
    for item in items:
        assert_no_executable_html(item.findtext("description") or "", "RSS description")
        assert not dangerous_url(item.findtext("link"))


def test_ical_keeps_hostile_text_as_text_without_injected_lines(client, hostile):
    for url in ("/veranstaltungen/ical/", hostile["event"].url + "ical/"):
        response = get_ok(client, url)
        assert not any(line.startswith(b"X-INJECTED") for line in response.content.splitlines()), url
        calendar = icalendar.Calendar.from_ical(response.content)
        events = [component for component in calendar.walk("VEVENT")]
        assert len(events) == 1, url
        assert str(events[0]["SUMMARY"]) == hostile["event"].title
        assert "X-INJECTED" not in events[0]
        assert "<svg onload=alert(1)>" in str(events[0]["LOCATION"])


def walk_strings(data, key=None):
    if isinstance(data, dict):
        for child_key, value in data.items():
            yield from walk_strings(value, child_key)
    elif isinstance(data, list):
        for value in data:
            yield from walk_strings(value, key)
    elif isinstance(data, str):
        yield key, data


def assert_json_is_safe(data, where):
    """URLs are never javascript:, rich text (HTML by contract) is safe HTML; other strings are data."""
    for key, value in walk_strings(data):
        assert not dangerous_url(value), f"{where}: {key}={value!r}"
        if key in DATA_KEYS_WITH_HTML and value.lstrip().startswith("<"):
            assert_no_executable_html(value, f"{where}: {key}")
        if key == "value" and 'data-block-key="' in value:
            assert_no_executable_html(value, f"{where}: {key}")


def test_geojson_keeps_hostile_text_as_data(client, hostile):
    response = get_ok(client, "/api/v2/profiles.geojson")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    data = json.loads(response.content)
    titles = [feature["properties"].get("title") for feature in data["features"]]
    assert hostile["profile"].title in titles
    assert_json_is_safe(data, "GeoJSON")


@pytest.mark.parametrize(
    ("key", "page_type"),
    [
        ("home", "home.HomePage"),
        ("standard", "home.StandardPage"),
        ("news_index", "newsroom.NewsIndexPage"),
        ("news", "newsroom.NewsPage"),
        ("event_index", "newsroom.EventIndexPage"),
        ("event", "newsroom.EventPage"),
        ("profile_index", "profiles.ProfileIndexPage"),
        ("municipality", "profiles.MunicipalityPage"),
        ("profile", "profiles.DistrictProfilePage"),
    ],
)
def test_api_keeps_hostile_text_as_data(client, hostile, key, page_type):
    page = hostile[key]
    listing = get_ok(client, f"/api/v2/pages/?type={page_type}&fields=*")
    assert listing.headers["Content-Type"].startswith("application/json")
    assert_json_is_safe(listing.json(), f"API listing {page_type}")
    detail = get_ok(client, f"/api/v2/pages/{page.pk}/").json()
    assert detail["title"] == page.title
    assert_json_is_safe(detail, f"API detail {page_type}")


def test_link_block_refuses_javascript_urls_in_the_editor():
    block = LinkBlock()
    for url in (JS_URL, " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"):
        with pytest.raises(StructBlockValidationError) as error:
            block.clean({"text": "Link", "page": None, "url": url})
        assert "Gib eine gültige URL ein." in str(error.value.block_errors["url"])


def test_link_block_drops_a_stored_javascript_url():
    value = LinkBlock().to_python({"text": "Link", "page": None, "url": " JaVa\tScRiPt:alert(1)"})
    assert value["url"] == ""
    value = LinkBlock().to_python({"text": "Link", "page": None, "url": "https://www.staedtenetz.nrw/"})
    assert value["url"] == "https://www.staedtenetz.nrw/"
