"""Routing loads the served page with SQL compiled once (home.page_loader): the instance must be the one
the ORM's `select_related(...).get(pk=...)` gives, with one query, for every page type a visitor opens."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_loader import load_specific
from newsroom.models import EventPage, NewsPage
from profiles.models import DistrictProfilePage
from tests import factories
from tests.site_content import full_profile


def fields_of(page):
    return {name: value for name, value in page.__dict__.items() if name != "_state"}


def assert_same_as_orm(model, pk):
    related = getattr(model, "serve_select_related", ())
    expected = model.objects.select_related(*related).get(pk=pk)
    with CaptureQueriesContext(connection) as queries:
        loaded = load_specific(model, pk, related)
    assert len(queries) == 1
    assert type(loaded) is model
    assert fields_of(loaded) == fields_of(expected)
    # The related objects came with the page, as select_related gives them: no query when used.
    assert set(loaded._state.fields_cache) == set(expected._state.fields_cache)
    with CaptureQueriesContext(connection) as queries:
        for name in related:
            assert fields_of(getattr(loaded, name) or loaded) == fields_of(getattr(expected, name) or loaded)
    assert len(queries) == 0
    return loaded


def test_profile_with_images_and_municipality(site_tree):
    profile = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    loaded = assert_same_as_orm(DistrictProfilePage, profile.pk)
    assert loaded.municipality.title == "Dortmund"
    assert loaded.teaser_image is not None
    # The StreamField sections read as the ORM's do.
    assert [block.block_type for block in loaded.sections] == [block.block_type for block in profile.sections]


def test_profile_without_images_news_and_event(site_tree):
    assert_same_as_orm(DistrictProfilePage, site_tree["profile"].pk)
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Neues Quartiersbüro")
    event = factories.EventPageFactory(parent=site_tree["event_index"], title="Stadtteilfest")
    assert assert_same_as_orm(NewsPage, news.pk).title == "Neues Quartiersbüro"
    assert assert_same_as_orm(EventPage, event.pk).start == event.start


def test_missing_page_raises_does_not_exist(site_tree):
    with pytest.raises(NewsPage.DoesNotExist):
        load_specific(NewsPage, site_tree["profile"].pk + 1000)


def test_changed_page_is_read_afresh(site_tree, client):
    """The statement is kept, never the row: a published change shows on the next request."""
    profile = site_tree["profile"]
    assert client.get(profile.url).status_code == 200
    profile.title = "Nordstadt (neu)"
    profile.save_revision().publish()
    assert "Nordstadt (neu)" in client.get(profile.url).content.decode()
