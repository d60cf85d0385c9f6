"""The PostgreSQL search's shortcut for the first pages of one-word searches (search/ranked.py, "leaders").

Whether the shortcut applies or the statement ranks every match, hits, their order and the counts must
be the backend's own; these tests compare both paths with the backend's queryset API on the same index.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from search import ranked
from tests import factories

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the shortcut is PostgreSQL only")

HIGH_WEIGHT_INDEX = "sitesearch_indexentry_body_ab_gin"


def result(client, path):
    response = client.get(path)
    context = response.context
    return [hit.page.pk for hit in context["hits"]], context["result_types"], context["total"]


def backend_result(client, path, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(ranked, "available", lambda: False)
        return result(client, path)


def reweigh_body(page, weight):
    """Give every position of the page's body vector `weight`, as a boosted body field would."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailsearch_indexentry SET body = setweight(body, %s) WHERE object_id = %s",
            [weight, str(page.pk)],
        )
        assert cursor.rowcount == 1


@pytest.fixture
def quartier_pages(site_tree):
    news_index, event_index, home = site_tree["news_index"], site_tree["event_index"], site_tree["home"]
    pages = {"title": [], "body": [], "events": []}
    # More leaders (the word in the title) than the first pages show, with different scores and ties.
    for number in range(45):
        pages["title"].append(
            factories.NewsPageFactory(
                parent=news_index,
                title=f"Quartier {'Quartier ' * (number % 3)}Meldung {number}",
                teaser="Quartier " * (number % 4) + "Nachbarschaft",
            )
        )
    # Many more matches that have the word only in the body.
    for number in range(40):
        pages["body"].append(
            factories.NewsPageFactory(
                parent=news_index, title=f"Meldung ohne Wort {number}", teaser="Quartier " * (number % 5 + 1)
            )
        )
    for number in range(3):
        pages["events"].append(
            factories.EventPageFactory(parent=event_index, title=f"Quartiersrundgang Quartier {number}")
        )
    factories.StandardPageFactory(parent=home, title="Quartier", slug="quartier")
    # The best-scoring titles of all, but unpublished or private: never shown, never counted.
    for number in range(5):
        draft = factories.NewsPageFactory(parent=news_index, title=f"Quartier Quartier Quartier Entwurf {number}")
        draft.unpublish()
    private = factories.StandardPageFactory(parent=home, title="Quartier Quartier intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for number in range(3):
        factories.StandardPageFactory(parent=private, title=f"Quartier Quartier Protokoll {number}")
    return pages


PATHS = (
    "/suche/?q=Quartier",
    "/suche/?q=Quartier&page=2",
    "/suche/?q=Quartier&page=3",
    "/suche/?q=Quartier&page=5",
    "/suche/?q=Quartier&typ=aktuelles",
    "/suche/?q=Quartier&typ=aktuelles&page=2",
    "/suche/?q=Quartier&typ=veranstaltungen",
    "/suche/?q=Quartier&typ=seiten",
    "/suche/?q=Quartier&typ=stadtteilprofile",
    "/suche/?q=Nachbarschaft",
    "/suche/?q=Quartier+Nachbarschaft",
    "/suche/?q=und",
)


def test_leaders_rank_and_count_like_the_backend(client, quartier_pages, monkeypatch):
    for path in PATHS:
        assert result(client, path) == backend_result(client, path, monkeypatch), path
    hits, _types, total = result(client, "/suche/?q=Quartier")
    assert total >= 45 + 40 + 3 + 1  # and the site tree's own pages that mention it
    assert len(hits) == 20


def test_words_with_high_weights_in_the_body_are_leaders_too(client, quartier_pages, monkeypatch):
    # A boosted body field puts the word at weight A or B: such pages may outrank every title.
    reweigh_body(quartier_pages["body"][3], "A")
    reweigh_body(quartier_pages["body"][7], "B")
    reweigh_body(quartier_pages["body"][11], "C")

    first_page = result(client, "/suche/?q=Quartier")[0]
    assert quartier_pages["body"][3].pk in first_page
    for path in PATHS:
        assert result(client, path) == backend_result(client, path, monkeypatch), path


def test_the_shortcut_is_tried_for_the_first_pages_of_one_word_searches(client, quartier_pages, monkeypatch, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False  # the statement's text on every use, not only on the first

    def tried(path):
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        statements = [query["sql"] for query in captured if "wagtailsearch_indexentry" in query["sql"]]
        assert len(statements) == 1, path
        return "leaders" in statements[0]

    assert tried("/suche/?q=Quartier")
    assert tried("/suche/?q=Quartier&page=5")
    assert tried("/suche/?q=Quartier&typ=aktuelles")
    assert not tried("/suche/?q=Quartier&typ=seiten")
    assert not tried("/suche/?q=Quartier+Nachbarschaft")
    monkeypatch.setattr(ranked, "LEADERS_MAX_WINDOW", 80)
    assert tried("/suche/?q=Quartier&page=4")
    assert not tried("/suche/?q=Quartier&page=5")


def test_the_prepared_statement_finds_what_the_plain_one_finds(client, quartier_pages, settings):
    # Prepared once per session and run with its generic plan (ranked._SETTINGS), whatever the word.
    prepared = {}
    for path in PATHS + PATHS:
        with CaptureQueriesContext(connection) as captured:
            prepared[path] = result(client, path)
    searches = [query["sql"] for query in captured if query["sql"].startswith(ranked._SETTINGS)]
    assert len(searches) == 1 and "EXECUTE staedtenetz_" in searches[0] and "PREPARE" not in searches[0]

    settings.DATABASE_PREPARED_STATEMENTS = False
    for path in PATHS:
        assert result(client, path) == prepared[path], path


def test_the_body_bound_holds_for_any_low_weight_positions(db):
    # ts_rank of one lexeme whose positions have only the weights C and D stays below the bound, whatever
    # their order and number (up to PostgreSQL's 256 positions per lexeme).
    weights = "{0.1,0.3,0.5,1.0}"
    bound = ranked._low_weight_bound(weights)
    assert bound == pytest.approx(0.6)
    vectors = []
    for count in (1, 2, 3, 5, 17, 255, 256):
        for first, rest in (("D", "D"), ("C", "C"), ("D", "C"), ("DD", "C"), ("C", "D"), ("D", "CD"), ("DC", "DC")):
            letters = (first + rest * count)[:count]
            vectors.append(" ".join(f"quartier:{position + 1}{letter}" for position, letter in enumerate(letters)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT max(ts_rank(%s::float4[], vector::tsvector, 'quartier'::tsquery)) FROM unnest(%s) AS vector",
            [weights, vectors],
        )
        highest = cursor.fetchone()[0]
    # Above the largest weight (0.3: a D before many C positions), below the bound.
    assert 0.3 < highest < bound


def test_the_high_weight_index_exists(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [HIGH_WEIGHT_INDEX])
        (definition,) = cursor.fetchone()
    assert "ts_filter(body, '{a,b}'::\"char\"[])" in definition


def test_hits_are_loaded_as_the_orm_loads_them(quartier_pages, site_tree):
    # search.results loads the hits of most page types with the ORM's SQL compiled once per process.
    from search.results import specific_pages

    pages = quartier_pages["title"][:3] + quartier_pages["events"] + [site_tree["profile"], site_tree["home"]]
    loaded = specific_pages([(page.pk, page.content_type_id) for page in pages])

    assert [page.pk for page in loaded] == [page.pk for page in pages]
    for page in loaded:
        expected = type(page).objects.get(pk=page.pk)
        for field in type(page)._meta.concrete_fields:
            value, wanted = getattr(page, field.attname), getattr(expected, field.attname)
            if hasattr(value, "raw_data"):
                assert list(value.raw_data) == list(wanted.raw_data), field.name
            else:
                assert value == wanted and type(value) is type(wanted), field.name
        assert not page._state.adding


@pytest.mark.warm_shared_lookups
def test_the_shared_page_conditions_follow_restrictions_and_unpublishing(client, quartier_pages):
    # The searchable pages' SQL is kept per content generation; a new restriction or an unpublished page
    # starts a new one.
    first = quartier_pages["title"][0]
    hits, _types, total = result(client, "/suche/?q=Quartier&typ=aktuelles&page=3")
    assert first.pk in hits

    PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.PASSWORD, password="x")
    hits, _types, restricted_total = result(client, "/suche/?q=Quartier&typ=aktuelles&page=3")
    assert first.pk not in hits
    assert restricted_total == total - 1

    quartier_pages["title"][1].specific.unpublish()
    assert result(client, "/suche/?q=Quartier&typ=aktuelles&page=3")[2] == total - 2


def test_another_sites_pages_are_neither_found_nor_counted(client, quartier_pages, monkeypatch, settings):
    # The counts are every match less those of hidden pages (results.hidden_pages_sql): another site's
    # pages are hidden on this one, and this one's on the other.
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "zweites.example"]
    here = {path: result(client, path) for path in PATHS}
    other_home = factories.HomePageFactory(parent=Page.get_first_root_node(), title="Zweites Netz", slug="zweites")
    Site.objects.create(hostname="zweites.example", port=80, root_page=other_home)
    elsewhere = [
        factories.StandardPageFactory(parent=other_home, title=f"Quartier Quartier Quartier anderswo {number}")
        for number in range(3)
    ]

    for path in PATHS:
        assert result(client, path) == here[path] == backend_result(client, path, monkeypatch), path
    other = client.get("/suche/?q=Quartier", HTTP_HOST="zweites.example").context
    assert sorted(hit.page.pk for hit in other["hits"]) == sorted(page.pk for page in elsewhere)
    assert other["total"] == 3
