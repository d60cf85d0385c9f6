"""What a municipality's editors may and may not do: only their own municipality, never publish."""

from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data

from editorial.models import MunicipalityAccess
from home.models import ContactPerson
from profiles.models import DistrictProfilePage
from tests.editorial_fixtures import add_profile, profile_form_data, workflow_action
from tests.factories import ContactPersonFactory


def is_denied(response):
    """Wagtail answers a forbidden admin page with 403 (XHR) or a redirect to the dashboard with an error."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def duisburg_draft(client, editorial):
    """A draft profile with two revisions, written by Duisburg's editor."""
    client.force_login(editorial["duisburg_editor"])
    add_profile(client, editorial["duisburg_page"], "Hochfeld", "hochfeld", action="action-draft")
    page = DistrictProfilePage.objects.get(slug="hochfeld")
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        profile_form_data("Hochfeld", "hochfeld", intro="Geheimer Entwurf aus Duisburg."),
    )
    page.refresh_from_db()
    assert page.revisions.count() == 2
    return page


def test_dortmund_editor_cannot_touch_duisburgs_pages(client, editorial):
    draft = duisburg_draft(client, editorial)
    first, latest = draft.revisions.order_by("created_at", "pk")
    client.force_login(editorial["dortmund_editor"])
    duisburg = editorial["duisburg_page"]
    forbidden_gets = {
        "add": reverse("wagtailadmin_pages:add", args=["profiles", "districtprofilepage", duisburg.pk]),
        "add_subpage": reverse("wagtailadmin_pages:add_subpage", args=[duisburg.pk]),
        "edit": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        "edit live page": reverse("wagtailadmin_pages:edit", args=[editorial["duisburg_profile"].pk]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[draft.pk, first.pk]),
        "history": reverse("wagtailadmin_pages:history", args=[draft.pk]),
        "compare": reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, first.pk, latest.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[draft.pk]),
    }
    for name, url in forbidden_gets.items():
        response = client.get(url)
        assert is_denied(response), f"{name}: {response.status_code}"
        assert "Geheimer Entwurf" not in response.content.decode(), name

    # Neither the explorer nor the admin search shows Duisburg's pages (Duisburg's own editor finds it).
    client.force_login(editorial["duisburg_editor"])
    own_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Hochfeld"}).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in own_search
    client.force_login(editorial["dortmund_editor"])
    explorer = client.get(reverse("wagtailadmin_explore", args=[duisburg.pk]), follow=True)
    assert explorer.redirect_chain  # sent to the part of the tree the editor may explore
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) not in explorer.content.decode()
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Hochfeld"})
    assert search.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) not in search.content.decode()

    response = add_profile(client, duisburg, "Untergeschoben", "untergeschoben", action="action-draft")
    assert is_denied(response)
    assert not DistrictProfilePage.objects.filter(slug="untergeschoben").exists()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        profile_form_data("Überschrieben", "hochfeld"),
    )
    assert is_denied(response)
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title == "Hochfeld"


def test_dortmund_editor_works_on_own_pages_but_cannot_delete_live_ones(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    nordstadt = editorial["profile"]
    assert client.get(reverse("wagtailadmin_pages:edit", args=[nordstadt.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:history", args=[nordstadt.pk])).status_code == 200
    response = client.post(reverse("wagtailadmin_pages:delete", args=[nordstadt.pk]))
    assert is_denied(response)
    assert DistrictProfilePage.objects.filter(pk=nordstadt.pk, live=True).exists()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[nordstadt.pk]))
    assert is_denied(response)
    nordstadt.refresh_from_db()
    assert nordstadt.live


def test_documents_and_images_stay_in_the_municipalitys_collection(client, editorial):
    Document = get_document_model()
    Image = get_image_model()
    dortmund_collection = MunicipalityAccess.objects.get(municipality=editorial["dortmund_page"]).collection
    duisburg_collection = MunicipalityAccess.objects.get(municipality=editorial["duisburg_page"]).collection
    secret = Document.objects.create(
        title="Interner Sachstand Marxloh", collection=duisburg_collection, file=ContentFile(b"intern", "sachstand.txt")
    )
    own = Document.objects.create(
        title="Flyer Nordstadt", collection=dortmund_collection, file=ContentFile(b"flyer", "flyer.txt")
    )
    Image.objects.create(title="Luftbild Marxloh", collection=duisburg_collection, file=get_test_image_file())

    client.force_login(editorial["dortmund_editor"])
    chooser = client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert "Flyer Nordstadt" in chooser
    assert "Interner Sachstand Marxloh" not in chooser
    results = client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "Sachstand"}).content.decode()
    assert "Interner Sachstand Marxloh" not in results
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[secret.pk]))
    assert chosen.status_code in (403, 404) or is_denied(chosen)
    assert client.get(reverse("wagtaildocs_chooser:chosen", args=[own.pk])).status_code == 200
    assert is_denied(client.get(reverse("wagtaildocs:edit", args=[secret.pk])))
    image_chooser = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Luftbild Marxloh" not in image_chooser

    # Uploads can only go into Dortmund's own collection.
    add_form = client.get(reverse("wagtaildocs:add")).content.decode()
    assert f'value="{dortmund_collection.pk}"' in add_form or "collection" not in add_form
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Untergeschoben", "collection": duisburg_collection.pk, "file": ContentFile(b"x", "x.txt")},
    )
    assert not Document.objects.filter(title="Untergeschoben", collection=duisburg_collection).exists()
    assert response.status_code in (200, 302)


def contact_form(name, municipality, action=None):
    data = nested_form_data(
        {
            "name": name,
            "role": "Quartiersmanagement",
            "organisation": "Stadtteilbüro",
            "email": "",
            "phone": "",
            "photo": "",
            "municipality": municipality.pk if municipality else "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    if action:
        data[action] = "1"
    return data


def test_municipality_editor_sees_and_edits_only_own_contact_persons(client, editorial):
    own = ContactPersonFactory(name="Anna Nord", municipality=editorial["dortmund_page"])
    other = ContactPersonFactory(name="Bernd Marx", municipality=editorial["duisburg_page"])
    ContactPersonFactory(name="Clara Geschäftsstelle", municipality=None)

    client.force_login(editorial["dortmund_editor"])
    listing = client.get(reverse("wagtailsnippets_home_contactperson:list")).content.decode()
    assert "Anna Nord" in listing
    assert "Bernd Marx" not in listing
    assert "Clara Geschäftsstelle" not in listing
    forbidden = {
        "edit": [other.pk],
        "history": [other.pk],
        "delete": [other.pk],
        "usage": [other.pk],
        "workflow_history": [other.pk],
        "revisions_compare": [other.pk, "earliest", "latest"],
    }
    for name, args in forbidden.items():
        response = client.get(reverse(f"wagtailsnippets_home_contactperson:{name}", args=args))
        assert is_denied(response), name
    chosen = client.get(reverse("wagtailsnippetchoosers_home_contactperson:chosen", args=[other.pk]))
    assert chosen.status_code == 404
    assert client.get(reverse("wagtailsnippets_home_contactperson:edit", args=[own.pk])).status_code == 200

    # Choosing a contact person for a profile: own and the network office's, not Duisburg's.
    chooser = client.get(reverse("wagtailsnippetchoosers_home_contactperson:choose")).json()["html"]
    assert "Anna Nord" in chooser
    assert "Clara Geschäftsstelle" in chooser
    assert "Bernd Marx" not in chooser

    # The municipality field offers only Dortmund; posting Duisburg is refused.
    add_url = reverse("wagtailsnippets_home_contactperson:add")
    response = client.post(add_url, contact_form("Dora Fremd", editorial["duisburg_page"]))
    assert response.status_code == 200
    assert not ContactPerson.objects.filter(name="Dora Fremd").exists()
    response = client.post(add_url, contact_form("Dora Fremd", None))
    assert not ContactPerson.objects.filter(name="Dora Fremd").exists()


def test_new_contact_person_goes_through_review(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    add_url = reverse("wagtailsnippets_home_contactperson:add")
    form = client.get(add_url).content.decode()
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form
    response = client.post(add_url, contact_form("Emil Neu", editorial["dortmund_page"], action="action-publish"))
    contact = ContactPerson.objects.get(name="Emil Neu")
    assert not contact.live
    response = client.post(
        reverse("wagtailsnippets_home_contactperson:edit", args=[contact.pk]),
        contact_form("Emil Neu", editorial["dortmund_page"], action="action-submit"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.workflow_in_progress
    assert not contact.live

    client.force_login(editorial["freigabe"])
    task_state = contact.current_workflow_task_state
    url = reverse("wagtailsnippets_home_contactperson:workflow_action", args=[contact.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    contact.refresh_from_db()
    assert contact.live


def test_reviewer_can_publish_and_unpublish_directly(client, editorial):
    client.force_login(editorial["freigabe"])
    response = add_profile(client, editorial["duisburg_page"], "Hochfeld", "hochfeld", action="action-publish")
    assert response.status_code == 302
    page = DistrictProfilePage.objects.get(slug="hochfeld")
    assert page.live
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live


def test_workflow_actions_are_only_for_reviewers(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    add_profile(client, editorial["dortmund_page"], "Hafenquartier", "hafenquartier")
    page = DistrictProfilePage.objects.get(slug="hafenquartier")
    for user in ["dortmund_editor", "redaktion"]:
        client.force_login(editorial[user])
        assert is_denied(workflow_action(client, page, "approve")), user
        page.refresh_from_db()
        assert not page.live
