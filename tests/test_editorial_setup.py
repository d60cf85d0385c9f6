"""setup_editorial, the per-municipality group and collection, demo users and the editors' dashboard."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from editorial.models import MunicipalityAccess
from profiles.models import MunicipalityPage
from tests.editorial_fixtures import add_profile, profile_form_data
from tests.factories import ContactPersonFactory, DistrictProfilePageFactory, MunicipalityPageFactory


def snapshot():
    """Everything setup_editorial creates, as comparable sets."""
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "group_permissions": set(Group.permissions.through.objects.values_list("group__name", "permission__codename")),
        "page_permissions": set(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
        ),
        "collection_permissions": set(
            GroupCollectionPermission.objects.values_list("group__name", "collection__name", "permission__codename")
        ),
        "collections": set(Collection.objects.values_list("name", "depth")),
        "workflows": set(Workflow.objects.values_list("name", "active")),
        "tasks": set(GroupApprovalTask.objects.values_list("name", "groups__name")),
        "workflow_pages": set(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "workflow_types": set(WorkflowContentType.objects.values_list("content_type__model", "workflow__name")),
        "accesses": set(
            MunicipalityAccess.objects.values_list("municipality__title", "group__name", "collection__name")
        ),
    }


def page_permissions(group_name, page):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_setup_editorial_is_idempotent_and_grants_each_role_its_rights(site_tree):
    call_command("setup_editorial")
    first = snapshot()
    call_command("setup_editorial")
    assert snapshot() == first

    root = Page.get_first_root_node()
    assert page_permissions("Redaktion", root) == {"add_page", "change_page", "lock_page"}
    assert "publish_page" in page_permissions("Freigabe", root)
    assert page_permissions("Kommune Dortmund", site_tree["municipality"]) == {"add_page", "change_page", "lock_page"}
    assert not GroupPagePermission.objects.filter(group__name="Kommune Dortmund").exclude(
        page=site_tree["municipality"]
    )
    assert ("Kommune Dortmund", "Dortmund", "add_document") in first["collection_permissions"]
    assert ("Kommune Dortmund", "Dortmund", "add_image") in first["collection_permissions"]
    assert ("Kommune Dortmund", "Gemeinsame Medien", "choose_image") in first["collection_permissions"]
    assert ("Kommune Dortmund", "Gemeinsame Medien", "add_image") not in first["collection_permissions"]
    assert ("Kommune Dortmund", "change_contactperson") in first["group_permissions"]
    assert ("Kommune Dortmund", "publish_contactperson") not in first["group_permissions"]
    assert ("Freigabe", "publish_contactperson") in first["group_permissions"]
    assert ("Redaktionelle Freigabe", True) in first["workflows"]
    assert ("Freigabe durch die Geschäftsstelle", "Freigabe") in first["tasks"]
    assert (root.pk, "Redaktionelle Freigabe") in first["workflow_pages"]
    assert ("contactperson", "Redaktionelle Freigabe") in first["workflow_types"]
    assert Collection.objects.get(name="Dortmund").get_parent().name == "Kommunen"
    assert site_tree["profile"].get_workflow().name == "Redaktionelle Freigabe"
    assert ContactPersonFactory().get_workflow().name == "Redaktionelle Freigabe"


def test_new_municipality_gets_group_and_collection_and_renaming_renames_them(client, site_tree):
    call_command("setup_editorial")
    admin = get_user_model().objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(admin)

    def municipality_form(title, slug):
        return nested_form_data(
            {
                "title": title,
                "slug": slug,
                "region": "duesseldorf",
                "website": "",
                "teaser": "",
                "intro": rich_text("<p>Mitgliedskommune seit 2020.</p>"),
                "comments": inline_formset([]),
                "seo_title": "",
                "search_description": "",
                "social_image": "",
                "go_live_at": "",
                "expire_at": "",
            }
        )

    add_url = reverse("wagtailadmin_pages:add", args=["profiles", "municipalitypage", site_tree["profile_index"].pk])
    response = client.post(add_url, {**municipality_form("Neuss", "neuss"), "action-publish": "1"})
    assert response.status_code == 302
    neuss = MunicipalityPage.objects.get(slug="neuss")
    access = MunicipalityAccess.objects.get(municipality=neuss)
    assert access.group.name == "Kommune Neuss"
    assert access.collection.name == "Neuss"
    assert page_permissions("Kommune Neuss", neuss) == {"add_page", "change_page", "lock_page"}

    # A draft with a new title changes nothing yet; publishing it renames group and collection.
    edit_url = reverse("wagtailadmin_pages:edit", args=[neuss.pk])
    client.post(edit_url, municipality_form("Stadt Neuss", "neuss"))
    access.refresh_from_db()
    assert access.group.name == "Kommune Neuss"
    client.post(edit_url, {**municipality_form("Stadt Neuss", "neuss"), "action-publish": "1"})
    access.refresh_from_db()
    access.group.refresh_from_db()
    access.collection.refresh_from_db()
    assert access.group.name == "Kommune Stadt Neuss"
    assert access.collection.name == "Stadt Neuss"
    assert not Group.objects.filter(name="Kommune Neuss").exists()

    # Both are visible in the admin: the group list, the collection list and the (read-only) links.
    assert "Kommune Stadt Neuss" in client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Stadt Neuss" in client.get(reverse("wagtailadmin_collections:index")).content.decode()
    links = client.get(reverse("municipality_access:index")).content.decode()
    assert "Kommune Stadt Neuss" in links
    assert client.get(reverse("municipality_access:inspect", args=[access.pk])).status_code == 200
    response = client.get(reverse("municipality_access:edit", args=[access.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_demo_users_can_log_in_with_their_role(client, site_tree, settings, monkeypatch):
    MunicipalityPageFactory(parent=site_tree["profile_index"], title="Duisburg", slug="duisburg")
    monkeypatch.setenv("DEMO_PASSWORD", "nur-fuer-demo")
    call_command("setup_editorial", "--demo-users")
    users = get_user_model().objects.filter(
        username__in=["redaktion", "freigabe", "kommune-dortmund", "kommune-duisburg"]
    )
    assert {user.username: list(user.groups.values_list("name", flat=True)) for user in users} == {
        "redaktion": ["Redaktion"],
        "freigabe": ["Freigabe"],
        "kommune-dortmund": ["Kommune Dortmund"],
        "kommune-duisburg": ["Kommune Duisburg"],
    }
    assert client.login(username="kommune-dortmund", password="nur-fuer-demo")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_demo_users_are_refused_where_not_allowed(site_tree, settings):
    settings.DEMO_USERS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("setup_editorial", "--demo-users")
    assert not get_user_model().objects.filter(username="redaktion").exists()


def test_dashboard_lists_own_profiles_not_updated_for_a_year(client, editorial):
    old = timezone.now() - datetime.timedelta(days=400)
    stale = editorial["profile"]  # Dortmund's Nordstadt
    fresh = DistrictProfilePageFactory(parent=editorial["dortmund_page"], title="Westerfilde", slug="westerfilde")
    type(stale).objects.filter(pk__in=[stale.pk, editorial["duisburg_profile"].pk]).update(last_published_at=old)
    type(stale).objects.filter(pk=fresh.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=300))

    client.force_login(editorial["dortmund_editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Profile ohne Aktualisierung" in html
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in html
    assert "Westerfilde" not in html  # published ten months ago
    assert "Marxloh" not in html  # Duisburg's

    client.force_login(editorial["redaktion"])
    assert "Profile ohne Aktualisierung" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_reviewers_see_what_waits_for_them(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    add_profile(client, editorial["dortmund_page"], "Hafenquartier", "hafenquartier")
    client.force_login(editorial["freigabe"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ihre Überprüfung steht aus" in html
    assert "Hafenquartier" in html


def test_municipality_editors_do_not_see_the_access_links(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    response = client.get(reverse("municipality_access:index"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_locking_comments_and_comparison_are_on(client, editorial):
    page = editorial["profile"]
    client.force_login(editorial["dortmund_editor"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    edit_html = client.get(edit_url).content.decode()
    assert 'name="comment_notifications"' in edit_html  # only rendered when comments are on
    client.post(edit_url, profile_form_data("Nordstadt", "nordstadt", intro="Erste Fassung."))
    client.post(edit_url, profile_form_data("Nordstadt", "nordstadt", intro="Zweite Fassung."))
    first, second = page.revisions.order_by("created_at", "pk")[:2]
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]))
    assert compare.status_code == 200
    assert "Vergleich" in compare.content.decode()
    # The diff marks the changed word: the old one as removed, the new one as added.
    assert re.search(r'class="deletion">\s*Erste', compare.content.decode())
    assert re.search(r'class="addition">\s*Zweite', compare.content.decode())

    assert client.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == editorial["dortmund_editor"]

    # Locked by Dortmund's editor: the network office cannot save over it.
    client.force_login(editorial["redaktion"])
    assert "gesperrt" in client.get(edit_url).content.decode()
    client.post(edit_url, profile_form_data("Nordstadt", "nordstadt", intro="Überschrieben."))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "Zweite Fassung."
