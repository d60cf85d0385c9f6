"""The search index follows publishing: only what visitors may read is ever found."""

import json

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask
from wagtail.search.models import IndexEntry

from tests import factories


def found(client, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["hits"]] if response.context.get("hits") else []


def test_a_draft_is_never_found(client, site_tree):
    factories.NewsPageFactory(parent=site_tree["news_index"], title="Geheime Planung", live=False)

    assert found(client, "Planung") == []


def test_draft_changes_to_a_live_page_stay_invisible_until_published(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Spielplatz eröffnet", teaser="Alter Text")

    news.teaser = "Neuer Entwurf über Wasserspiele"
    news.title = "Spielplatz mit Wasserspielen"
    news.save_revision()

    assert found(client, "Wasserspiele") == []
    assert found(client, "Spielplatz") == ["Spielplatz eröffnet"]

    news.get_latest_revision().publish()

    assert found(client, "Wasserspiele") == ["Spielplatz mit Wasserspielen"]


def test_changes_in_review_are_not_found_before_approval(client, site_tree, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    workflow = Workflow.objects.create(name="Prüfung")
    task = GroupApprovalTask.objects.create(name="Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = factories.StandardPageFactory(parent=site_tree["home"], title="Leitbild", teaser="Bisheriger Stand")

    page.teaser = "Vorschlag zur Quartiersrente"
    page.save_revision(user=editor)
    state = workflow.start(page, editor)

    assert state.status == state.STATUS_IN_PROGRESS
    assert found(client, "Quartiersrente") == []
    assert found(client, "Stand") == ["Leitbild"]


def test_publishing_makes_a_page_findable_at_once(client, site_tree):
    page = factories.StandardPageFactory(parent=site_tree["home"], title="Quartiersfonds", live=False)
    assert found(client, "Quartiersfonds") == []

    page.save_revision().publish()

    assert found(client, "Quartiersfonds") == ["Quartiersfonds"]


def test_tags_added_with_a_publication_are_found(client, site_tree):
    profile = site_tree["profile"]
    profile.tags.add("Stadtteilmütter")
    profile.save_revision().publish()

    assert found(client, "Stadtteilmütter") == ["Nordstadt"]


def test_a_renamed_municipality_renames_its_profiles_in_the_index(client, site_tree):
    municipality = site_tree["municipality"]
    municipality.title = "Castrop-Rauxel"
    municipality.save_revision().publish()

    assert sorted(found(client, "Rauxel")) == ["Castrop-Rauxel", "Nordstadt"]


def test_unpublishing_removes_a_page_from_the_results(client, site_tree):
    news = factories.NewsPageFactory(
        parent=site_tree["news_index"],
        title="Sommerfest",
        body=json.dumps([{"type": "paragraph", "value": "<p>Grillen am Kanal</p>"}]),
    )
    assert found(client, "Kanal") == ["Sommerfest"]

    news.unpublish()

    assert found(client, "Kanal") == []


def test_deleting_removes_a_page_and_its_index_entry(client, site_tree):
    news = factories.NewsPageFactory(parent=site_tree["news_index"], title="Abrissplanung")
    page_id = news.pk
    assert found(client, "Abrissplanung") == ["Abrissplanung"]

    Page.objects.get(pk=page_id).delete()

    assert found(client, "Abrissplanung") == []
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()
