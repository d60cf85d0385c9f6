"""News and event pages: tree rules, creating them in the admin, rendering, editing, preview, validation."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from newsroom.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from profiles.models import ProfileIndexPage
from tests import factories
from tests.admin_pages import LOCAL_LEAFLET_JS, AdminPageTestCase

SINGLETONS = (NewsIndexPage, EventIndexPage)


def event_form(**overrides):
    data = {
        "title": "Fachtag Quartiersfonds",
        "slug": "fachtag-quartiersfonds",
        "start": "2030-03-10 09:00",
        "end": "2030-03-10 16:00",
        "venue": "Zeche Zollverein",
        "street_address": "Gelsenkirchener Straße 181",
        "postal_code": "45309",
        "city": "Essen",
        "location": "SRID=4326;POINT(7.0443 51.4863)",
        "organiser": "Städtenetz Soziale Stadt NRW",
        "registration_url": "https://example.org/anmeldung",
        "teaser": "Wie Verfügungsfonds vergeben werden.",
        "body": streamfield([("paragraph", rich_text("<p>Mit Beispielen aus Katernberg.</p>"))]),
        "tags": "Beteiligung, Lokale Ökonomie",
    }
    data.update(overrides)
    return nested_form_data(data)


def news_form(**overrides):
    data = {
        "title": "Neue Arbeitshilfe erschienen",
        "slug": "neue-arbeitshilfe",
        "date": "2030-01-15",
        "teaser": "Quartiersarbeit auf Dauer sichern.",
        "body": streamfield([("paragraph", rich_text("<p>Die Arbeitshilfe beschreibt sechs Beispiele.</p>"))]),
        "tags": "Beteiligung",
    }
    data.update(overrides)
    return nested_form_data(data)


class NewsroomTreeTests(AdminPageTestCase):
    def test_index_pages_live_below_home_only(self):
        for model in SINGLETONS:
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertCanNotCreateAt(StandardPage, model)
            self.assertCanNotCreateAt(ProfileIndexPage, model)

    def test_news_and_events_live_below_their_own_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertCanNotCreateAt(EventIndexPage, NewsPage)
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)

    def test_news_and_events_have_no_children(self):
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_each_index_page_exists_only_once(self):
        for model in SINGLETONS:
            self.assertEqual(model.max_count, 1)
            self.assertFalse(model.can_create_at(self.home), model.__name__)
            response = self.client.get(self.add_url(self.home, model), follow=True)
            self.assertContains(response, "Sie haben leider keinen Zugang zu diesem Bereich.")
            self.assertEqual(model.objects.count(), 1)


class IndexCreationTests(AdminPageTestCase):
    """Without index pages (a fresh tree), an editor can create each one below home."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news_index.delete()
        cls.event_index.delete()

    def test_editor_creates_news_index(self):
        self.assertCanCreate(
            self.home,
            NewsIndexPage,
            nested_form_data({"title": "Aktuelles", "slug": "aktuelles", "intro": rich_text("<p>Meldungen</p>")}),
        )
        self.assertEqual(NewsIndexPage.objects.get().url, "/aktuelles/")

    def test_editor_creates_event_index(self):
        self.assertCanCreate(
            self.home,
            EventIndexPage,
            nested_form_data(
                {"title": "Veranstaltungen", "slug": "veranstaltungen", "intro": rich_text("<p>Termine</p>")}
            ),
        )
        self.assertEqual(EventIndexPage.objects.get().url, "/veranstaltungen/")


class NewsPageTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.news = factories.NewsPageFactory(parent=cls.news_index, title="Netzwerktreffen", slug="netzwerktreffen")

    def test_editor_creates_news_with_body_and_topic_tags(self):
        self.assertCanCreate(self.news_index, NewsPage, news_form())
        page = NewsPage.objects.get(slug="neue-arbeitshilfe")
        self.assertEqual(page.date, datetime.date(2030, 1, 15))
        self.assertEqual([tag.name for tag in page.tags.all()], ["Beteiligung"])
        self.assertTrue(page.has_unpublished_changes is False and page.live)
        response = self.client.get(page.url)
        self.assertContains(response, "Die Arbeitshilfe beschreibt sechs Beispiele.")

    def test_index_and_news_render_are_editable_and_previewable(self):
        self.assertPageIsRenderable(self.news_index)
        self.assertPageIsRenderable(self.news)
        index_data = nested_form_data({"title": "Aktuelles", "slug": "aktuelles", "intro": rich_text("<p>x</p>")})
        self.assertPageIsEditable(self.news_index, post_data=index_data)
        self.assertPageIsPreviewable(self.news_index, post_data=index_data)
        news_data = news_form(slug="netzwerktreffen")
        self.assertPageIsEditable(self.news, post_data=news_data)
        self.assertPageIsPreviewable(self.news, post_data=news_data)


class EventPageTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = factories.EventPageFactory(parent=cls.event_index, title="Werkstatt", slug="werkstatt")

    def test_editor_creates_event_with_place_and_map_location(self):
        self.assertCanCreate(self.event_index, EventPage, event_form())
        page = EventPage.objects.get(slug="fachtag-quartiersfonds")
        local = timezone.localtime(page.start)
        self.assertEqual((local.date(), local.hour), (datetime.date(2030, 3, 10), 9))
        self.assertEqual((page.latitude, page.longitude), (51.4863, 7.0443))
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["Beteiligung", "Lokale Ökonomie"])
        response = self.client.get(page.url)
        self.assertContains(response, "Zeche Zollverein")
        # A tag with an umlaut gets a topic page of its own, linked from the event.
        topic_url = reverse("topic", args=[page.tags.get(name="Lokale Ökonomie").slug])
        self.assertContains(response, f'href="{topic_url}"')
        self.assertContains(self.client.get(topic_url), "Fachtag Quartiersfonds")

    def test_event_renders_is_editable_and_previewable(self):
        self.assertPageIsRenderable(self.event_index)
        self.assertPageIsRenderable(self.event)
        data = event_form(slug="werkstatt")
        self.assertPageIsEditable(self.event, post_data=data)
        self.assertPageIsPreviewable(self.event, post_data=data)
        index_data = nested_form_data({"title": "Veranstaltungen", "slug": "veranstaltungen", "intro": rich_text("")})
        self.assertPageIsEditable(self.event_index, post_data=index_data)
        self.assertPageIsPreviewable(self.event_index, post_data=index_data)

    def test_event_ending_before_it_starts_is_refused_with_a_german_message(self):
        response = self.post_edit(self.event, event_form(slug="werkstatt", end="2030-03-09 16:00"))
        self.assertFormError(response, "end", "Das Ende liegt vor dem Beginn.")
        self.event.refresh_from_db()
        self.assertNotEqual(timezone.localtime(self.event.end).date(), datetime.date(2030, 3, 9))

    def test_event_location_outside_the_coordinate_range_is_refused(self):
        response = self.post_edit(self.event, event_form(slug="werkstatt", location="SRID=4326;POINT(7.04 95.2)"))
        self.assertFormError(response, "location", "Der Breitengrad 95.2 liegt außerhalb des gültigen Bereichs")
        response = self.post_edit(self.event, event_form(slug="werkstatt", location="SRID=4326;POINT(190 51.4)"))
        self.assertFormError(response, "location", "Der Längengrad 190.0 liegt außerhalb des gültigen Bereichs")
        self.event.refresh_from_db()
        self.assertEqual(self.event.location, "")

    def test_event_editor_loads_leaflet_from_our_static_files(self):
        response = self.client.get(self.edit_url(self.event))
        self.assertContains(response, LOCAL_LEAFLET_JS)
        self.assertNotContains(response, "unpkg")
