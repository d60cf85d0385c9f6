"""home.api_visibility reads the collection restrictions by SQL: the same ids as Wagtail's own helper."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v2.utils import get_restricted_collection_ids
from wagtail.models import Collection, CollectionViewRestriction

from home.api_visibility import _restricted_collection_ids


@pytest.fixture
def collections(db):
    root = Collection.get_first_root_node()
    public = root.add_child(name="Öffentlich")
    private = root.add_child(name="Intern")
    inner = private.add_child(name="Intern/Unterordner")
    other = root.add_child(name="Gruppe")
    return {"public": public, "private": private, "inner": inner, "other": other}


def _compare(rf):
    request = rf.get("/api/v2/images/")
    request.user = AnonymousUser()
    request.session = {}
    with CaptureQueriesContext(connection) as ours:
        found = _restricted_collection_ids(request)
    with CaptureQueriesContext(connection) as wagtails:
        expected = get_restricted_collection_ids(request)
    assert found == expected
    assert len(ours) == len(wagtails)
    return found


def test_no_restrictions(collections, rf):
    assert _compare(rf) == set()


def test_restricted_collections_and_their_descendants(collections, rf):
    CollectionViewRestriction.objects.create(
        collection=collections["private"], restriction_type="password", password="x"
    )
    restriction = CollectionViewRestriction.objects.create(collection=collections["other"], restriction_type="groups")
    restriction.groups.add(Group.objects.create(name="Redaktion"))
    assert _compare(rf) == {collections["private"].pk, collections["inner"].pk, collections["other"].pk}
    CollectionViewRestriction.objects.create(collection=collections["public"], restriction_type="login")
    assert collections["public"].pk in _compare(rf)
