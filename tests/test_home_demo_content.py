"""`load_demo_content` builds a believable site, and running it again changes nothing."""

import csv
import datetime
import io
import shutil
import tempfile

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from taggit.models import Tag, TaggedItem
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from home.models import ContactPerson, HomePage, SiteSettings, StandardPage
from newsroom.models import EventPage, NewsPage
from profiles.blocks import SECTIONS
from profiles.models import DistrictProfilePage, MunicipalityPage

# Rough bounding box of North Rhine-Westphalia.
NRW_LAT = (50.3, 52.6)
NRW_LNG = (5.8, 9.5)


def inventory():
    """Counts of everything the command creates."""
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "contact persons": ContactPerson.objects.count(),
        "tags": Tag.objects.count(),
        "sites": Site.objects.count(),
        "site settings": SiteSettings.objects.count(),
        "profile tags": DistrictProfilePage.tags.through.objects.count(),
        "news tags": NewsPage.tags.through.objects.count(),
        "event tags": EventPage.tags.through.objects.count(),
    }


def run_command():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


# The command writes ~60 files; keep them out of the shared test media folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="demo-media-")


@override_settings(MEDIA_ROOT=MEDIA_ROOT)
class DemoContentTests(TestCase):
    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        cls.first_output = run_command()
        cls.after_first = inventory()
        cls.second_output = run_command()
        cls.after_second = inventory()
        cls.home = HomePage.objects.get()

    def test_second_run_creates_and_changes_nothing(self):
        self.assertEqual(self.after_first, self.after_second)
        self.assertIn("nichts geändert", self.second_output)
        self.assertNotIn(" angelegt:", self.second_output)
        self.assertIn("Stadtteilprofil angelegt: Dortmund – Nordstadt", self.first_output)

    def test_home_page_replaces_wagtails_welcome_page_as_site_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page_id, self.home.pk)
        self.assertEqual(Page.objects.filter(depth=2).count(), 1)
        self.assertFalse(
            Page.objects.filter(content_type=ContentType.objects.get_for_model(Page), depth__gt=1).exists()
        )
        response = self.client.get("/")
        self.assertContains(response, "Städtenetz")
        self.assertGreaterEqual(len(self.home.featured), 3)

    def test_sections_and_standard_pages_sit_at_their_german_slugs(self):
        expected = ["aktuelles", "veranstaltungen", "stadtteilprofile", "ueber-uns", "impressum", "datenschutz"]
        slugs = set(self.home.get_children().live().values_list("slug", flat=True))
        self.assertTrue(set(expected) <= slugs, slugs)
        privacy = StandardPage.objects.get(slug="datenschutz")
        privacy_text = " ".join(str(block.value) for block in privacy.body)
        self.assertIn("erst geladen, nachdem Sie der Anzeige der Karte zugestimmt haben", privacy_text)

    def test_site_settings_point_to_imprint_and_privacy(self):
        settings = SiteSettings.objects.get(site__is_default_site=True)
        self.assertEqual(settings.imprint_page.slug, "impressum")
        self.assertEqual(settings.privacy_page.slug, "datenschutz")
        self.assertTrue(settings.address and settings.contact_email and settings.phone)
        self.assertGreaterEqual(len(settings.footer_links), 2)

    def test_every_page_is_published_through_a_revision(self):
        pages = Page.objects.filter(depth__gt=1)
        self.assertFalse(pages.filter(live=False).exists())
        self.assertFalse(pages.filter(live_revision__isnull=True).exists())
        self.assertFalse(pages.filter(has_unpublished_changes=True).exists())

    def test_seed_news_and_events_keep_their_real_dates_and_places(self):
        self.assertEqual(
            NewsPage.objects.get(slug="teilhabe-und-integrationsstrategie-2030").date, datetime.date(2019, 9, 12)
        )
        self.assertEqual(
            NewsPage.objects.get(slug="gemeinsam-klappts-teilhabemanagement").date, datetime.date(2019, 9, 5)
        )
        conference = EventPage.objects.get(slug="bundeskonferenz-gemeinwesenarbeit-2019")
        self.assertEqual(timezone.localtime(conference.start).date(), datetime.date(2019, 11, 25))
        self.assertEqual((conference.venue, conference.city), ("REFUGIO Berlin", "Berlin"))
        seminar = EventPage.objects.get(slug="seminar-beteiligung-direkte-demokratie-2019")
        self.assertEqual(
            (timezone.localtime(seminar.start).date(), seminar.city), (datetime.date(2019, 11, 14), "München")
        )
        series = EventPage.objects.get(slug="stadt-in-bewegung-2019")
        self.assertEqual(timezone.localtime(series.start).date(), datetime.date(2019, 9, 24))

    def test_enough_news_for_paging_and_upcoming_events_for_the_calendar(self):
        self.assertGreater(NewsPage.objects.live().count(), 10)
        now = timezone.now()
        upcoming = EventPage.objects.live().filter(start__gt=now, start__lt=now + datetime.timedelta(days=183))
        self.assertGreaterEqual(upcoming.count(), 5)
        self.assertTrue(EventPage.objects.live().filter(start__lt=now).exists())

    def test_one_topic_tag_links_news_events_and_profiles(self):
        tag = Tag.objects.get(name="Beteiligung")
        for model in (NewsPage, EventPage, DistrictProfilePage):
            self.assertTrue(model.objects.filter(tags=tag).exists(), model.__name__)
        self.assertEqual(
            set(Tag.objects.values_list("slug", flat=True)) & {"gruen", "lokale-oekonomie", "mobilitaet"},
            {"gruen", "lokale-oekonomie", "mobilitaet"},
        )
        self.assertFalse(TaggedItem.objects.exists())  # topic tags go through the page types' own tables

    def test_at_least_twenty_areas_in_ten_municipalities_running_and_completed(self):
        profiles = DistrictProfilePage.objects.live()
        self.assertGreaterEqual(profiles.count(), 20)
        self.assertGreaterEqual(
            MunicipalityPage.objects.live().filter(district_profiles__isnull=False).distinct().count(), 10
        )
        self.assertTrue(profiles.filter(status="laufend").exists())
        completed = profiles.filter(status="abgeschlossen")
        self.assertGreaterEqual(completed.count(), 5)
        self.assertFalse(completed.filter(end_year__isnull=True).exists())

    def test_every_profile_is_complete(self):
        section_names = [name for name, _label in SECTIONS]
        for profile in DistrictProfilePage.objects.live().select_related("teaser_image", "municipality"):
            with self.subTest(profile=profile.title):
                self.assertEqual(profile.municipality_id, profile.get_parent().pk)
                self.assertTrue(NRW_LAT[0] < profile.latitude < NRW_LAT[1])
                self.assertTrue(NRW_LNG[0] < profile.longitude < NRW_LNG[1])
                self.assertTrue(profile.inhabitants and profile.area_ha and profile.intro and profile.tags.exists())
                self.assertEqual((profile.teaser_image.width, profile.teaser_image.height), (1200, 675))
                self.assertEqual([section.block_type for section in profile.sections], section_names)
                self.assertTrue(all(section.value for section in profile.sections))
                contacts = profile.sections[5].value
                self.assertTrue(all(person.municipality_id == profile.municipality_id for person in contacts))
                document = profile.sections[6].value[0]["document"]
                with document.open_file() as handle:
                    self.assertEqual(handle.read(5), b"%PDF-")

    def test_every_demo_page_renders(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            with self.subTest(url=page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_demo_areas_export_with_their_downloads(self):
        """The open-data export reads the stored sections as the demo content writes them."""
        response = self.client.get("/stadtteilprofile/export.csv")
        self.assertEqual(response.status_code, 200)
        text = response.content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text), dialect=csv.Sniffer().sniff(text.splitlines()[0])))
        self.assertEqual(len(rows), DistrictProfilePage.objects.live().count())
        self.assertIn(".pdf", text)
