"""German full-text search: stemming and umlauts on PostgreSQL, the documented limits on SQLite."""

import json

import pytest
from django.db import connection

from tests import factories

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL full-text search (German stemming)"
)


def found(client, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    return sorted(hit.page.title for hit in response.context.get("hits") or [])


@pytest.fixture
def german_pages(site_tree):
    factories.StandardPageFactory(
        parent=site_tree["home"],
        title="Angebote",
        slug="angebote",
        body=json.dumps([{"type": "paragraph", "value": "<p>Beratung für jede Familie im Viertel.</p>"}]),
    )
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Neues aus dem Quartier", teaser="Kurzmeldung")
    factories.NewsPageFactory(
        parent=site_tree["news_index"], title="Sanierung", teaser="Das alte Gebäude am Markt wird saniert."
    )
    factories.EventPageFactory(
        parent=site_tree["event_index"], title="Pflanzaktion", teaser="Mehr Grün für den Schulhof.", city="Hamm"
    )
    return site_tree


@needs_postgres
def test_the_backend_indexes_with_the_german_configuration(settings, german_pages):
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "german"
    backend = get_search_backend()
    assert type(backend).__name__ == "PostgresSearchBackend"
    assert backend.config == "german"
    # The stored vectors hold German stems ("Familie" -> 'famili', "Gebäude" -> 'gebaud'), not raw words.
    vectors = " ".join(IndexEntry.objects.annotate(text=Cast("body", TextField())).values_list("text", flat=True))
    assert "'famili'" in vectors
    assert "'gebaud'" in vectors
    assert "'familie'" not in vectors


@needs_postgres
def test_plural_finds_singular(client, german_pages):
    # "Familien" finds the page about "Familie", the district profile (intro: "jungen Familien") too.
    assert found(client, "Familien") == ["Angebote", "Nordstadt"]
    assert found(client, "Quartiere") == ["Neues aus dem Quartier", "Nordstadt"]


@needs_postgres
def test_inflected_forms_and_umlauts_match(client, german_pages):
    assert found(client, "Gebäuden") == ["Sanierung"]
    assert found(client, "grüne") == ["Pflanzaktion"]
    # The German stemmer folds umlauts, so a keyboard without them still finds the page.
    assert found(client, "Gebaude") == ["Sanierung"]
    assert found(client, "Grun") == ["Pflanzaktion"]


@needs_postgres
def test_german_stopwords_do_not_block_a_query(client, german_pages):
    assert found(client, "die Familie und das Viertel") == ["Angebote"]


def test_whole_words_match_on_every_database(client, german_pages):
    assert found(client, "Viertel") == ["Angebote"]
    assert found(client, "Gebäude") == ["Sanierung"]
    assert found(client, "Hamm") == ["Pflanzaktion"]
    if connection.vendor == "sqlite":
        # SQLite FTS5 has no stemming: singular and plural find only themselves (see README, "Search").
        assert found(client, "Familie") == ["Angebote"]
        assert found(client, "Familien") == ["Nordstadt"]
