"""Shared set-up for the editorial tests: two municipalities, the roles and one user per role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.models import MunicipalityAccess
from editorial.roles import EDITORS_GROUP, REVIEWERS_GROUP, setup_all
from tests import factories


def make_user(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", first_name=username.title()
    )
    user.groups.add(group)
    return user


def build_editorial(site_tree):
    duisburg = factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Duisburg", slug="duisburg")
    duisburg_profile = factories.DistrictProfilePageFactory(parent=duisburg, title="Marxloh", slug="marxloh")
    setup_all()
    dortmund = site_tree["municipality"]
    users = {
        "redaktion": make_user("redaktion", Group.objects.get(name=EDITORS_GROUP)),
        "freigabe": make_user("freigabe", Group.objects.get(name=REVIEWERS_GROUP)),
        "dortmund_editor": make_user("kommune-dortmund", MunicipalityAccess.objects.get(municipality=dortmund).group),
        "duisburg_editor": make_user("kommune-duisburg", MunicipalityAccess.objects.get(municipality=duisburg).group),
    }
    return {
        **site_tree,
        "dortmund_page": dortmund,
        "duisburg_page": duisburg,
        "duisburg_profile": duisburg_profile,
        **users,
    }


def profile_form_data(title, slug, **overrides):
    """The admin form of a district profile, as the browser would post it."""
    data = {
        "title": title,
        "slug": slug,
        "status": "laufend",
        "start_year": "2021",
        "end_year": "",
        "address": "",
        "location": "SRID=4326;POINT(7.4653 51.5136)",
        "teaser": "Ein Quartier im Wandel.",
        "teaser_image": "",
        "intro": f"{title} ist ein Quartier mit vielen Initiativen.",
        "inhabitants": "",
        "area_ha": "",
        "tags": "",
        "sections": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_profile(client, parent, title, slug, action="action-submit", **overrides):
    url = reverse("wagtailadmin_pages:add", args=["profiles", "districtprofilepage", parent.pk])
    return client.post(url, {**profile_form_data(title, slug, **overrides), action: "1"})


def edit_page(client, page, data, action=None):
    payload = dict(data)
    if action:
        payload[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), payload)


def workflow_action(client, page, action, comment=""):
    """Approve or reject the page's current review task through the admin, as the reviewer's button does."""
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    assert task_state is not None, "the page is not in review"
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})
