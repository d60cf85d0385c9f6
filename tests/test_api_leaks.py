"""Nothing that is not public ever leaves through the API: one test per kind of hidden content and channel.

Every hidden district profile carries a marker ("Geheimnis-<kind>") in its title; drafts of live pages
carry it in the draft only. A channel leaks when the marker appears anywhere in its response. A public
profile ("Nordstadt") and the live versions ("Sichtbar-<kind>") are checked to appear, so that a
channel that returns nothing at all cannot pass.
"""

import datetime
import json

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from tests import factories

HIDDEN_KINDS = [
    "draft",
    "in_review_new",
    "unpublished",
    "scheduled",
    "expired",
    "expired_not_yet_processed",
    "private_password",
    "private_login",
    "private_groups",
    "below_private_municipality",
]
DRAFT_KINDS = ["newer_draft", "in_review"]  # live pages whose newer revision must stay invisible


def marker(kind):
    return f"Geheimnis-{kind}"


def visible_title(kind):
    return f"Sichtbar-{kind}"


def build_leak_tree():
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root)
    from wagtail.models import Site

    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    profile_index = factories.ProfileIndexPageFactory(parent=home)
    dortmund = factories.MunicipalityPageFactory(parent=profile_index, title="Dortmund", slug="dortmund")
    public = factories.DistrictProfilePageFactory(parent=dortmund, title="Nordstadt", slug="nordstadt")
    editor = factories_user()
    now = timezone.now()

    def profile(kind, **kwargs):
        return factories.DistrictProfilePageFactory(
            parent=dortmund, title=marker(kind), slug=kind.replace("_", "-"), **kwargs
        )

    pages = {"public": public, "dortmund": dortmund, "profile_index": profile_index}
    pages["draft"] = profile("draft", live=False)

    workflow = Workflow.objects.create(name="Redaktionelle Freigabe (Test)")
    task = GroupApprovalTask.objects.create(name="Freigabe")
    task.groups.set([Group.objects.create(name="Freigabe (Test)")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    in_review_new = profile("in_review_new", live=False)
    in_review_new.save_revision(user=editor)
    workflow.start(in_review_new, editor)
    pages["in_review_new"] = in_review_new

    unpublished = profile("unpublished")
    unpublished.save_revision().publish()
    unpublished.unpublish()
    pages["unpublished"] = unpublished

    scheduled = profile("scheduled", live=False, go_live_at=now + datetime.timedelta(days=7))
    scheduled.save_revision().publish()
    pages["scheduled"] = scheduled

    pages["expired"] = profile("expired", live=False, expired=True, expire_at=now - datetime.timedelta(days=1))
    pages["expired_not_yet_processed"] = profile(
        "expired_not_yet_processed", expire_at=now - datetime.timedelta(hours=1)
    )

    for kind, restriction_type in [
        ("private_password", PageViewRestriction.PASSWORD),
        ("private_login", PageViewRestriction.LOGIN),
        ("private_groups", PageViewRestriction.GROUPS),
    ]:
        page = profile(kind)
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=restriction_type, password="geheim"
        )
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.set([Group.objects.create(name=f"Intern {kind}")])
        pages[kind] = page

    private_municipality = factories.MunicipalityPageFactory(
        parent=profile_index, title="Geheimnis-Kommune", slug="geheime-kommune"
    )
    PageViewRestriction.objects.create(
        page=private_municipality, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    pages["below_private_municipality"] = factories.DistrictProfilePageFactory(
        parent=private_municipality, title=marker("below_private_municipality"), slug="darunter"
    )
    pages["private_municipality"] = private_municipality

    newer_draft = profile("newer_draft")
    newer_draft.title = visible_title("newer_draft")
    newer_draft.intro = "Öffentliche Einleitung."
    newer_draft.save_revision().publish()
    newer_draft.title = marker("newer_draft")
    newer_draft.intro = f"{marker('newer_draft')} im Entwurf"
    newer_draft.save_revision(user=editor)
    pages["newer_draft"] = newer_draft

    in_review = profile("in_review")
    in_review.title = visible_title("in_review")
    in_review.save_revision().publish()
    in_review.title = marker("in_review")
    in_review.save_revision(user=editor)
    state = workflow.start(in_review, editor)
    assert state.status == state.STATUS_IN_PROGRESS
    pages["in_review"] = in_review
    return pages


def factories_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("redaktion", password="x", is_staff=True)


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            pages = build_leak_tree()
            yield pages
            transaction.set_rollback(True)


def get(client, url):
    response = client.get(url, follow=True)
    return response.status_code, response.content.decode()


def channel_responses(client, tree, kind):
    """(url, status, body) of every channel for one hidden page."""
    page = tree[kind]
    profile_index = tree["profile_index"].pk
    parent = page.get_parent().pk
    urls = {
        "listing": ["/api/v2/pages/?limit=100", "/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*&limit=100"],
        "detail": [f"/api/v2/pages/{page.pk}/"],
        "search": ["/api/v2/pages/?search=Geheimnis&limit=100", f"/api/v2/pages/?search={kind}&limit=100"],
        "child_of": [f"/api/v2/pages/?child_of={parent}&fields=*"],
        "descendant_of": [f"/api/v2/pages/?descendant_of={profile_index}&fields=*&limit=100"],
        "geojson": ["/api/v2/profiles.geojson"],
        "find": [
            f"/api/v2/pages/find/?html_path={page.url_path.removeprefix(tree['public'].get_site().root_page.url_path)}"
        ],
    }
    return urls


CHANNELS = ["listing", "detail", "search", "child_of", "descendant_of", "geojson", "find"]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_pages_never_appear(client, tree, db, kind, channel):
    for url in channel_responses(client, tree, kind)[channel]:
        status, body = get(client, url)
        assert marker(kind) not in body, (url, status)
        if channel in ("detail", "find"):
            assert status == 404, url
        elif channel == "child_of" and kind == "below_private_municipality":
            assert status == 400, url  # the private parent is treated as nonexistent
        else:
            assert status == 200, url
            assert "Nordstadt" in body or channel == "search", url


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_live_pages_show_live_content_not_their_draft(client, tree, db, kind, channel):
    for url in channel_responses(client, tree, kind)[channel]:
        status, body = get(client, url)
        assert status == 200, url
        assert marker(kind) not in body, url
        if channel != "search" or "Sichtbar" in url:
            assert visible_title(kind) in body, url
    if channel == "search":
        status, body = get(client, "/api/v2/pages/?search=Sichtbar")
        assert visible_title(kind) in body


def test_public_pages_still_appear_in_every_channel(client, tree, db):
    public = tree["public"]
    for url in [
        f"/api/v2/pages/{public.pk}/",
        "/api/v2/pages/?search=Nordstadt",
        f"/api/v2/pages/?child_of={tree['dortmund'].pk}",
        "/api/v2/profiles.geojson",
        "/api/v2/pages/find/?html_path=/stadtteilprofile/dortmund/nordstadt/",
    ]:
        status, body = get(client, url)
        assert status == 200 and "Nordstadt" in body, url


def test_the_private_parent_itself_is_hidden(client, tree, db):
    municipality = tree["private_municipality"]
    assert client.get(f"/api/v2/pages/{municipality.pk}/").status_code == 404
    assert "Geheimnis-Kommune" not in client.get("/api/v2/pages/?limit=100").content.decode()
    assert client.get(f"/api/v2/pages/?descendant_of={municipality.pk}").status_code == 400


# --- images and documents in private collections -------------------------------------------------


@pytest.fixture
def media(tree, db):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    nested = internal.add_child(name="Intern/Projekte")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.PASSWORD, password="geheim"
    )
    return {
        "public_image": wagtail_factories.ImageFactory(title="Öffentliches Bild"),
        "public_document": wagtail_factories.DocumentFactory(title="Öffentliches Dokument"),
        "private_image": wagtail_factories.ImageFactory(title="Geheimbild", collection=internal),
        "nested_image": wagtail_factories.ImageFactory(title="Geheimbild2", collection=nested),
        "private_document": wagtail_factories.DocumentFactory(title="Geheimdokument", collection=internal),
        "nested_document": wagtail_factories.DocumentFactory(title="Geheimdokument2", collection=nested),
    }


@pytest.mark.parametrize("endpoint,kind", [("images", "image"), ("documents", "document")])
def test_private_collection_media_not_in_listing(client, media, endpoint, kind):
    body = client.get(f"/api/v2/{endpoint}/?fields=*").content.decode()
    assert media[f"public_{kind}"].title in body
    assert "Geheim" not in body


@pytest.mark.parametrize("endpoint,kind", [("images", "image"), ("documents", "document")])
def test_private_collection_media_not_in_detail(client, media, endpoint, kind):
    assert client.get(f"/api/v2/{endpoint}/{media[f'public_{kind}'].pk}/").status_code == 200
    for name in (f"private_{kind}", f"nested_{kind}"):
        assert client.get(f"/api/v2/{endpoint}/{media[name].pk}/").status_code == 404, name


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_private_collection_media_not_in_search_or_find(client, media, endpoint):
    assert "Geheim" not in client.get(f"/api/v2/{endpoint}/?search=Geheimbild Geheimdokument").content.decode()
    kind = endpoint[:-1]
    assert client.get(f"/api/v2/{endpoint}/find/?id={media[f'private_{kind}'].pk}").status_code == 404


# --- things a public page refers to ----------------------------------------------------------------


def test_public_page_does_not_expose_what_it_refers_to(client, tree, media):
    """Images, documents, contact persons and links of a public profile are filtered by their own visibility."""
    draft_target = factories.StandardPageFactory(
        parent=tree["profile_index"].get_parent(), title="Geheimnis-Linkziel", live=False
    )
    hidden_person = factories.ContactPersonFactory(name="Geheimnis-Person", live=False)
    person_with_private_photo = factories.ContactPersonFactory(name="Erika Muster", photo=media["private_image"])
    profile = Page.objects.get(pk=tree["public"].pk).specific
    profile.teaser_image = media["private_image"]
    profile.sections = json.dumps(
        [
            {
                "type": "ausgangslage",
                "value": [
                    {"type": "image", "value": {"image": media["nested_image"].pk, "alt_text": "Bild", "caption": ""}},
                    {"type": "link", "value": {"text": "Mehr", "page": draft_target.pk, "url": ""}},
                ],
            },
            {"type": "ansprechpersonen", "value": [hidden_person.pk, person_with_private_photo.pk]},
            {
                "type": "materialien",
                "value": [
                    {"document": media["private_document"].pk, "description": "intern"},
                    {"document": media["public_document"].pk, "description": "öffentlich"},
                ],
            },
        ]
    )
    profile.save_revision().publish()

    data = client.get(f"/api/v2/pages/{profile.pk}/").json()
    body = json.dumps(data, ensure_ascii=False)
    assert "Geheim" not in body
    assert data["teaser_image"] is None
    sections = {section["type"]: section["value"] for section in data["sections"]}
    assert sections["ausgangslage"][0]["value"]["image"] is None
    assert sections["ausgangslage"][1]["value"] == {"text": "Mehr", "url": None, "page": None}
    assert sections["ansprechpersonen"][0] is None
    assert sections["ansprechpersonen"][1]["name"] == "Erika Muster"
    assert sections["ansprechpersonen"][1]["photo"] is None
    assert sections["materialien"][0]["document"] is None
    assert sections["materialien"][1]["document"]["title"] == "Öffentliches Dokument"


# --- the API answers everyone alike ----------------------------------------------------------------


def test_logged_in_editors_and_password_holders_get_no_private_content(client, tree, media):
    """A session that may see private pages on the site (superuser, passed page password) gets nothing more here."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("chefin", password="x")
    client.force_login(admin)
    session = client.session
    restriction = PageViewRestriction.objects.get(page=tree["private_password"])
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    assert client.get(tree["private_password"].url).status_code == 200  # the site lets this session in

    for url in [
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?search=Geheimnis",
        f"/api/v2/pages/?child_of={tree['dortmund'].pk}&fields=*",
        "/api/v2/profiles.geojson",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]:
        status, body = get(client, url)
        assert status == 200 and "Geheim" not in body, url
    for kind in ["private_password", "private_login", "private_groups"]:
        assert client.get(f"/api/v2/pages/{tree[kind].pk}/").status_code == 404, kind
    assert client.get(f"/api/v2/images/{media['private_image'].pk}/").status_code == 404
