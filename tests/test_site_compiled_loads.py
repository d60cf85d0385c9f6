"""Routing loads the served page with SQL compiled once (home.compiled_loads): the instance must be the one
the ORM's `select_related(...).get(pk=...)` gives, with one query, for every page type a visitor opens."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.compiled_loads import MAX_COMPILED_IDS, chooser_values, load_in_bulk, load_specific
from home.models import ContactPerson
from newsroom.models import EventPage, NewsPage
from profiles.models import DistrictProfilePage
from tests import factories
from tests.site_content import document, full_profile


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


def test_in_bulk_equals_the_orm_for_every_number_of_ids(site_tree):
    people = [factories.ContactPersonFactory(name=f"Person {n}") for n in range(4)]
    ids = [person.pk for person in people]
    for asked in ([], [ids[0]], ids[:2], [ids[3], None, ids[1], ids[3]], ids + [ids[-1] + 1000]):
        expected = ContactPerson.objects.select_related("photo").in_bulk([value for value in asked if value])
        with CaptureQueriesContext(connection) as queries:
            loaded = load_in_bulk(ContactPerson, asked, ("photo",))
        assert len(queries) == (1 if expected else 0)
        assert {pk: fields_of(person) for pk, person in loaded.items()} == {
            pk: fields_of(person) for pk, person in expected.items()
        }


def test_only_the_named_relations_are_joined(site_tree):
    """Without names nothing is joined (select_related() without names would follow every foreign key)."""
    doc = document("Flyer", "flyer.pdf")
    with CaptureQueriesContext(connection) as queries:
        loaded = load_in_bulk(type(doc), [doc.pk])
    assert "JOIN" not in queries[0]["sql"].upper()
    assert fields_of(loaded[doc.pk]) == fields_of(type(doc).objects.get(pk=doc.pk))
    assert loaded[doc.pk]._state.fields_cache == {}


def test_long_id_lists_go_through_the_orm(site_tree):
    person = factories.ContactPersonFactory(name="Anna")
    ids = [person.pk] + [person.pk + 1000 + n for n in range(MAX_COMPILED_IDS)]
    assert list(load_in_bulk(ContactPerson, ids)) == [person.pk]


def test_chooser_values_keep_order_gaps_and_repeats(site_tree):
    """Like Wagtail's ChooserBlock: one instance per value, None (or an empty value) where nothing is
    chosen or the document is gone, a separate copy for a repeated id."""
    flyer, concept = document("Flyer", "flyer.pdf"), document("Konzept", "konzept.pdf")
    values = [concept.pk, None, flyer.pk, "", concept.pk, concept.pk + flyer.pk + 1000]
    result = chooser_values(type(flyer), values)
    assert [doc.title if doc else None for doc in result] == ["Konzept", None, "Flyer", None, "Konzept", None]
    assert result[0] is not result[4]


def test_profile_page_shows_contacts_and_downloads(site_tree, client):
    profile = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    body = client.get(profile.url).content.decode()
    for text in ("Anna Beispiel", "Bernd Muster", "anna@example.org", "Handlungskonzept", "Flyer"):
        assert text in body
