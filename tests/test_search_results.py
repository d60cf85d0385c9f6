"""The results page at /suche/: what is found, how it is shown, and how it copes with any input."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests import factories


def sections(**texts):
    """Raw StreamField data for a district profile: one paragraph per named section."""
    return json.dumps(
        [{"type": name, "value": [{"type": "paragraph", "value": f"<p>{text}</p>"}]} for name, text in texts.items()]
    )


def body(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def hit_titles(response):
    return [link.get_text() for link in soup(response).select(".search-result h2 a")]


def type_counts(response):
    """{label: count} from the type filter links (types without hits are shown but not linked)."""
    counts = {}
    for item in soup(response).select(".search-filter li"):
        label, _, count = item.get_text(" ", strip=True).rpartition(" ")
        counts[label] = int(count.strip("()"))
    return counts


def test_text_inside_profile_sections_is_found_and_marked(client, site_tree):
    profile = site_tree["profile"]
    profile.sections = sections(potenziale="Die Bewohnerschaft plant das Stadtteilfest selbst.")
    profile.save_revision().publish()

    page = soup(client.get("/suche/", {"q": "Bewohnerschaft"}))

    result = page.select_one(".search-result")
    assert result.select_one("h2 a")["href"] == "/stadtteilprofile/dortmund/nordstadt/"
    assert result.select_one(".search-result-meta").get_text() == "Dortmund · laufend (seit 2010)"
    assert result.select_one(".search-result-excerpt mark").get_text() == "Bewohnerschaft"
    assert page.select_one(".search-summary").get_text(" ", strip=True) == "1 Treffer für „ Bewohnerschaft “"


def test_municipality_name_finds_everything_in_and_about_it(client, site_tree):
    factories.EventPageFactory(parent=site_tree["event_index"], title="Fachtag Wohnen", city="Dortmund")
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Neues Stadtteilbüro", body=body("In Dortmund"))
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Bochum baut", body=body("In Bochum"))

    titles = hit_titles(client.get("/suche/", {"q": "Dortmund"}))

    # The profile mentions Dortmund nowhere itself: it is found through its municipality.
    assert sorted(titles) == ["Dortmund", "Fachtag Wohnen", "Neues Stadtteilbüro", "Nordstadt"]


def test_event_venue_and_city_are_searchable(client, site_tree):
    factories.EventPageFactory(
        parent=site_tree["event_index"], title="Netzwerktreffen", venue="Zeche Zollern", city="Herne"
    )

    assert hit_titles(client.get("/suche/", {"q": "Zollern"})) == ["Netzwerktreffen"]
    assert hit_titles(client.get("/suche/", {"q": "Herne"})) == ["Netzwerktreffen"]


def test_type_filter_shows_counts_per_type_and_narrows_the_list(client, site_tree):
    for title in ("Kiezfest im Juni", "Kiezfest abgesagt"):
        factories.NewsPageFactory(parent=site_tree["news_index"], title=title)
    factories.EventPageFactory(parent=site_tree["event_index"], title="Kiezfest Nordstadt")
    factories.StandardPageFactory(parent=site_tree["home"], title="Kiezfest-Leitfaden", slug="leitfaden")
    profile = site_tree["profile"]
    profile.sections = sections(perspektiven="Das Kiezfest soll jährlich stattfinden.")
    profile.save_revision().publish()

    everything = client.get("/suche/", {"q": "Kiezfest"})
    assert type_counts(everything) == {
        "Alle": 5,
        "Aktuelles": 2,
        "Veranstaltungen": 1,
        "Stadtteilprofile": 1,
        "Seiten": 1,
    }
    assert len(hit_titles(everything)) == 5

    news_only = client.get("/suche/", {"q": "Kiezfest", "typ": "aktuelles"})
    assert sorted(hit_titles(news_only)) == ["Kiezfest abgesagt", "Kiezfest im Juni"]
    assert soup(news_only).select_one('.search-filter a[aria-current="page"]').get_text(" ", strip=True) == (
        "Aktuelles (2)"
    )
    assert hit_titles(client.get("/suche/", {"q": "Kiezfest", "typ": "seiten"})) == ["Kiezfest-Leitfaden"]
    # An unknown type is ignored rather than an error.
    assert len(hit_titles(client.get("/suche/", {"q": "Kiezfest", "typ": "<unbekannt>"}))) == 5


def test_each_hit_shows_its_date_or_status(client, site_tree):
    factories.NewsPageFactory(
        parent=site_tree["news_index"], title="Zwischenbilanz Meldung", date=datetime.date(2025, 3, 7)
    )
    factories.EventPageFactory(
        parent=site_tree["event_index"],
        title="Zwischenbilanz Tagung",
        start=datetime.datetime(2031, 5, 14, 16, 0, tzinfo=datetime.UTC),
        city="Gelsenkirchen",
    )
    guide = factories.StandardPageFactory(parent=site_tree["home"], title="Zwischenbilanz Leitfaden")
    # Late evening in UTC is the next day in Germany: the date shown is the local one.
    guide.last_published_at = datetime.datetime(2024, 10, 1, 22, 30, tzinfo=datetime.UTC)
    guide.save(update_fields=["last_published_at"])

    page = soup(client.get("/suche/", {"q": "Zwischenbilanz"}))
    meta = {
        item.select_one("h2").get_text(): item.select_one(".search-result-meta").get_text()
        for item in page.select(".search-result")
    }
    assert meta == {
        "Zwischenbilanz Meldung": "7. März 2025",
        "Zwischenbilanz Tagung": "14. Mai 2031, 18:00 Uhr · Gelsenkirchen",
        "Zwischenbilanz Leitfaden": "Stand: 2. Oktober 2024",
    }


def test_private_pages_and_the_tree_root_are_never_found(client, site_tree):
    secret = factories.StandardPageFactory(parent=site_tree["home"], title="Interne Sitzungsunterlagen", slug="intern")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")

    assert hit_titles(client.get("/suche/", {"q": "Sitzungsunterlagen"})) == []
    assert hit_titles(client.get("/suche/", {"q": "Root"})) == []


@pytest.mark.parametrize(
    ("page_param", "expected_page", "expected_hits"),
    [("1", 1, 20), ("2", 2, 5), ("abc", 1, 20), ("-1", 2, 5), ("99999999999999999999999", 2, 5), ("", 1, 20)],
)
def test_pagination_never_fails_on_a_bad_page_number(client, site_tree, page_param, expected_page, expected_hits):
    for number in range(25):
        factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Förderaufruf {number}")

    page = soup(client.get("/suche/", {"q": "Förderaufruf", "page": page_param}))

    assert len(page.select(".search-result")) == expected_hits
    assert f"Seite {expected_page} von 2" in page.select_one(".pagination").get_text()


def test_empty_query_shows_the_form_and_the_sections(client, site_tree):
    page = soup(client.get("/suche/"))

    assert page.select_one("#search-q")["value"] == ""
    assert page.select_one(".search-summary") is None
    assert [link["href"] for link in page.select(".search-help a")] == [
        "/aktuelles/",
        "/veranstaltungen/",
        "/stadtteilprofile/",
    ]


def test_a_search_without_hits_helps_in_german_and_keeps_the_query(client, site_tree):
    page = soup(client.get("/suche/", {"q": "Wasserstoffzentrale"}))

    assert page.select_one("#search-q")["value"] == "Wasserstoffzentrale"
    assert "0 Treffer" in page.select_one(".search-summary").get_text()
    assert "Keine Treffer" in page.select_one(".search-help h2").get_text()
    assert page.select(".search-help a")


@pytest.mark.parametrize(
    "hostile",
    [
        "Familie " * 1_250,  # 10,000 characters
        "!!! ??? ... ;;; ---",
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        'Familie" NEAR(a b) * AND OR NOT',
        "a & b | !c <-> d:*",
        "Familie\x00",
        "%%% \\\\ ''' \"\"\"",
    ],
)
def test_hostile_queries_return_normally_and_escaped(client, site_tree, hostile):
    response = client.get("/suche/", {"q": hostile})

    page = soup(response)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    field = page.select_one("#search-q")["value"]
    assert len(field) <= 200
    assert "\x00" not in field


def test_results_page_query_count_does_not_grow_with_the_hits_shown(client, site_tree):
    """5 and 20 hits (the same page types) cost exactly the same number of queries."""
    municipality = site_tree["municipality"]

    def add_hits(first, last):
        for number in range(first, last):
            kind = number % 4
            title = f"Mitmachaktion {number}"
            if kind == 0:
                factories.NewsPageFactory(parent=site_tree["news_index"], title=title, body=body("Text mit Bild"))
            elif kind == 1:
                factories.EventPageFactory(parent=site_tree["event_index"], title=title)
            elif kind == 2:
                factories.DistrictProfilePageFactory(
                    parent=municipality, title=title, sections=sections(ausgangslage="Die Mitmachaktion läuft.")
                )
            else:
                factories.StandardPageFactory(parent=site_tree["home"], title=title, body=body("Mitmachen"))

    def queries_for_search():
        client.get("/suche/", {"q": "Mitmachaktion"})  # warm caches and create the popular-search record
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/suche/", {"q": "Mitmachaktion"})
        return len(hit_titles(response)), len(captured)

    add_hits(0, 5)
    shown, queries_for_5 = queries_for_search()
    assert shown == 5
    add_hits(5, 20)
    shown, queries_for_20 = queries_for_search()
    assert shown == 20
    assert queries_for_20 == queries_for_5


def test_search_responses_stay_out_of_shared_caches(client, site_tree):
    assert "private" in client.get("/suche/", {"q": "Dortmund"})["Cache-Control"]
