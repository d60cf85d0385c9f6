"""Query budgets of the admin views a municipality editor uses most: independent of the subtree size."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.roles import setup_all
from tests import factories


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def municipality_editor(client, site_tree):
    setup_all()
    user = get_user_model().objects.create_user("kommune-dortmund", "d@example.org", "pw")
    user.groups.add(Group.objects.get(name="Kommune Dortmund"))
    client.force_login(user)
    return user


def add_profiles(municipality, count, start):
    for number in range(start, start + count):
        factories.DistrictProfilePageFactory(parent=municipality, title=f"Gebiet {number}", slug=f"gebiet-{number}")


def test_explorer_and_edit_view_cost_the_same_with_10_and_100_pages(client, site_tree, municipality_editor):
    municipality, profile = site_tree["municipality"], site_tree["profile"]
    explorer = f"/admin/pages/{municipality.pk}/"
    edit = f"/admin/pages/{profile.pk}/edit/"
    add_profiles(municipality, 9, 1)
    client.get(explorer), client.get(edit)  # warm per-process caches (content types, site root paths)
    small = (count_queries(client, explorer), count_queries(client, edit))

    add_profiles(municipality, 90, 10)
    large = (count_queries(client, explorer), count_queries(client, edit))

    assert large == small
    assert small[0] <= 40 and small[1] <= 40, small


def test_leaf_shortcut_keeps_wagtails_delete_rules(client, site_tree, municipality_editor):
    """The explorer's cheaper delete check must still refuse live pages and allow own drafts."""
    live_profile = site_tree["profile"]
    assert client.get(f"/admin/pages/{live_profile.pk}/delete/").status_code in (302, 403)
    assert live_profile.get_parent().permissions_for_user(municipality_editor).can_delete() is False

    draft = factories.DistrictProfilePageFactory(
        parent=site_tree["municipality"], title="Entwurf", slug="entwurf", live=False, owner=municipality_editor
    )
    assert draft.permissions_for_user(municipality_editor).can_delete() is True
    assert client.get(f"/admin/pages/{draft.pk}/delete/").status_code == 200
