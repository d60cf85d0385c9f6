"""The life of a change: draft, review, approval or rejection, scheduled publication.

Everything goes through the admin views with Django's test client, as an editor's browser would.
"""

import datetime
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from profiles.models import DistrictProfilePage
from tests.editorial_fixtures import add_profile, profile_form_data, workflow_action
from tests.factories import NewsPageFactory


def public_traces(client, page, word):
    """Where a visitor or a machine can see the page: site, API, GeoJSON, search and sitemap."""
    page = DistrictProfilePage.objects.get(pk=page.pk)
    url = page.get_url()
    api_ids = [item["id"] for item in client.get("/api/v2/pages/?type=profiles.DistrictProfilePage").json()["items"]]
    geojson_ids = [feature["id"] for feature in client.get("/api/v2/profiles.geojson").json()["features"]]
    return {
        "site": client.get(url).status_code == 200,
        "api_list": page.pk in api_ids,
        "api_detail": client.get(f"/api/v2/pages/{page.pk}/").status_code == 200,
        "geojson": page.pk in geojson_ids,
        "search": url in client.get("/suche/", {"q": word}).content.decode(),
        "sitemap": url in client.get("/sitemap.xml").content.decode(),
    }


NOWHERE = dict.fromkeys(["site", "api_list", "api_detail", "geojson", "search", "sitemap"], False)
EVERYWHERE = dict.fromkeys(NOWHERE, True)


def test_municipality_editor_submits_and_reviewer_approves(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    # Posting "publish" directly must not publish: the editor has no publish right.
    response = add_profile(
        client, editorial["dortmund_page"], "Hafenquartier", "hafenquartier", action="action-publish"
    )
    assert response.status_code in (302, 403)
    page = DistrictProfilePage.objects.get(slug="hafenquartier")
    assert not page.live
    assert page.owner == editorial["dortmund_editor"]
    # Nor through the edit view.
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, {**profile_form_data("Hafenquartier", "hafenquartier"), "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live
    assert page.last_published_at is None

    # Submitting for review notifies the reviewers, not the author.
    mail.outbox.clear()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**profile_form_data("Hafenquartier", "hafenquartier"), "action-submit": "1"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert not page.live
    recipients = {address for message in mail.outbox for address in message.to}
    assert "freigabe@example.org" in recipients
    assert "kommune-dortmund@example.org" not in recipients

    client.logout()
    assert public_traces(client, page, "Hafenquartier") == NOWHERE

    client.force_login(editorial["freigabe"])
    mail.outbox.clear()
    response = workflow_action(client, page, "approve", comment="Danke, passt.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    assert [message.to for message in mail.outbox] == [["kommune-dortmund@example.org"]]

    client.logout()
    assert public_traces(client, page, "Hafenquartier") == EVERYWHERE


def test_municipality_editor_sees_no_publish_button(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    add_profile(client, editorial["dortmund_page"], "Hafenquartier", "hafenquartier", action="action-draft")
    page = DistrictProfilePage.objects.get(slug="hafenquartier")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_editor_of_redaktion_cannot_publish_either(client, editorial):
    client.force_login(editorial["redaktion"])
    response = add_profile(client, editorial["duisburg_page"], "Hochfeld", "hochfeld", action="action-publish")
    assert response.status_code in (302, 403)
    assert not DistrictProfilePage.objects.get(slug="hochfeld").live


def test_rejection_carries_the_comment_and_resubmission_can_be_approved(client, editorial):
    client.force_login(editorial["dortmund_editor"])
    add_profile(client, editorial["dortmund_page"], "Hafenquartier", "hafenquartier")
    page = DistrictProfilePage.objects.get(slug="hafenquartier")
    assert page.workflow_in_progress

    client.force_login(editorial["freigabe"])
    mail.outbox.clear()
    workflow_action(client, page, "reject", comment="Bitte die Einwohnerzahl ergänzen.")
    page.refresh_from_db()
    assert not page.live
    assert not page.workflow_in_progress
    # The author gets the reviewer's comment by email ...
    assert [message.to for message in mail.outbox] == [["kommune-dortmund@example.org"]]
    assert "Bitte die Einwohnerzahl ergänzen." in mail.outbox[0].body

    # ... and sees it in the editor.
    client.force_login(editorial["dortmund_editor"])
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Bitte die Einwohnerzahl ergänzen." in edit_html
    client.logout()
    assert client.get(page.get_url()).status_code == 404

    client.force_login(editorial["dortmund_editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**profile_form_data("Hafenquartier", "hafenquartier", inhabitants="4200"), "action-submit": "1"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress

    client.force_login(editorial["freigabe"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.inhabitants == 4200


def test_editing_a_live_page_keeps_the_live_version_until_approval(client, editorial):
    page = editorial["profile"]  # "Nordstadt", live
    client.force_login(editorial["dortmund_editor"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**profile_form_data("Nordstadt neu", "nordstadt", intro="Ganz neuer Text."), "action-submit": "1"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes and page.workflow_in_progress

    client.logout()
    html = client.get(page.get_url()).content.decode()
    assert "Nordstadt neu" not in html
    assert "Ganz neuer Text." not in html
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert api["title"] == "Nordstadt"
    assert api["intro"] != "Ganz neuer Text."

    client.force_login(editorial["freigabe"])
    workflow_action(client, page, "approve")
    client.logout()
    html = client.get(page.get_url()).content.decode()
    assert "Nordstadt neu" in html
    assert "Ganz neuer Text." in html
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == "Nordstadt neu"


def test_editing_live_news_keeps_the_feed_unchanged_until_approval(client, editorial):
    news = NewsPageFactory(parent=editorial["news_index"], title="Fachtag im Mai", slug="fachtag")
    client.force_login(editorial["redaktion"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[news.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()
    data = nested_form_data(
        {
            "title": "Fachtag verschoben",
            "slug": "fachtag",
            "date": news.date.isoformat(),
            "teaser": "Neuer Termin im Juni.",
            "teaser_image": "",
            "body": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "go_live_at": "",
            "expire_at": "",
        }
    )
    assert client.post(edit_url, {**data, "action-submit": "1"}).status_code == 302
    news.refresh_from_db()
    assert news.workflow_in_progress

    client.logout()
    feed = client.get("/aktuelles/feed/").content.decode()
    assert "Fachtag im Mai" in feed
    assert "Fachtag verschoben" not in feed

    client.force_login(editorial["freigabe"])
    workflow_action(client, news, "approve")
    client.logout()
    feed = client.get("/aktuelles/feed/").content.decode()
    assert "Fachtag verschoben" in feed
    assert "Fachtag im Mai" not in feed


def test_approved_page_with_future_go_live_appears_only_after_publish_scheduled(client, editorial):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    client.force_login(editorial["dortmund_editor"])
    add_profile(
        client,
        editorial["dortmund_page"],
        "Hafenquartier",
        "hafenquartier",
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    page = DistrictProfilePage.objects.get(slug="hafenquartier")
    assert page.workflow_in_progress

    client.force_login(editorial["freigabe"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get(page.get_url()).status_code == 404

    # The clock moves past "go live": the next run of the command (cron / systemd timer) publishes it.
    later = go_live + datetime.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.get_url()).status_code == 200
