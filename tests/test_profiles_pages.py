"""Profile pages: tree rules, creating them in the admin, the seven sections, validation, the map widget."""

import wagtail_factories
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from newsroom.models import EventIndexPage, NewsIndexPage
from profiles.blocks import SECTIONS
from profiles.models import DistrictProfilePage, MunicipalityPage, ProfileIndexPage
from tests import factories
from tests.admin_pages import LOCAL_LEAFLET_JS, AdminPageTestCase, listblock

SECTION_NAMES = [name for name, _label in SECTIONS]


def text_section(name, text):
    return (name, streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]))


def all_sections(contact, document, order=SECTION_NAMES):
    """Form data for every section, in the given order."""
    sections = {
        "ausgangslage": text_section("ausgangslage", "Dichte Altbauquartiere am Hafen."),
        "potenziale": text_section("potenziale", "Eine junge, vielfältige Bevölkerung."),
        "organisation": text_section("organisation", "Quartiersmanagement mit drei Teams."),
        "meilensteine": (
            "meilensteine",
            listblock(
                [
                    {"year": "1999", "date": "", "title": "Programmstart", "text": "Aufnahme in das Programm."},
                    {"year": "", "date": "2013-05-02", "title": "Neues Stadtteilbüro", "text": ""},
                ]
            ),
        ),
        "perspektiven": text_section("perspektiven", "Ankunftsstadtteil bleiben."),
        "ansprechpersonen": ("ansprechpersonen", listblock([contact.pk])),
        "materialien": ("materialien", listblock([{"document": document.pk, "description": "Kurzfassung"}])),
    }
    return streamfield([sections[name] for name in order])


def profile_form(sections=None, **overrides):
    data = {
        "title": "Nordstadt",
        "slug": "nordstadt",
        "status": "laufend",
        "start_year": "1999",
        "end_year": "",
        "address": "Nordmarkt, 44145 Dortmund",
        "location": "SRID=4326;POINT(7.464 51.5255)",
        "teaser": "Dortmunds vielfältigster Stadtteil.",
        "teaser_image": "",
        "intro": "Zwischen Hafen, Nordmarkt und Borsigplatz.",
        "inhabitants": "60000",
        "area_ha": "1450.0",
        "tags": "Integration, Wohnen",
        "sections": sections if sections is not None else streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class ProfileTreeTests(AdminPageTestCase):
    def test_profile_index_lives_below_home_and_holds_municipalities(self):
        self.assertAllowedParentPageTypes(ProfileIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProfileIndexPage, {MunicipalityPage})
        self.assertCanNotCreateAt(StandardPage, ProfileIndexPage)

    def test_municipalities_hold_district_profiles_only(self):
        self.assertAllowedParentPageTypes(MunicipalityPage, {ProfileIndexPage})
        self.assertAllowedSubpageTypes(MunicipalityPage, {DistrictProfilePage})
        self.assertCanNotCreateAt(HomePage, MunicipalityPage)
        self.assertCanNotCreateAt(NewsIndexPage, MunicipalityPage)

    def test_district_profiles_live_below_a_municipality_and_have_no_children(self):
        self.assertAllowedParentPageTypes(DistrictProfilePage, {MunicipalityPage})
        self.assertAllowedSubpageTypes(DistrictProfilePage, set())
        self.assertCanNotCreateAt(ProfileIndexPage, DistrictProfilePage)
        self.assertCanNotCreateAt(EventIndexPage, DistrictProfilePage)

    def test_there_is_only_one_profile_index(self):
        self.assertFalse(ProfileIndexPage.can_create_at(self.home))
        response = self.client.get(self.add_url(self.home, ProfileIndexPage), follow=True)
        self.assertContains(response, "Sie haben leider keinen Zugang zu diesem Bereich.")
        self.assertEqual(ProfileIndexPage.objects.count(), 1)


class ProfileIndexCreationTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.profile_index.delete()

    def test_editor_creates_the_profile_index(self):
        self.assertCanCreate(
            self.home,
            ProfileIndexPage,
            nested_form_data({"title": "Stadtteilprofile", "slug": "stadtteilprofile", "intro": rich_text("<p>K</p>")}),
        )
        self.assertEqual(ProfileIndexPage.objects.get().url, "/stadtteilprofile/")


class ProfilePageTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.contact = factories.ContactPersonFactory(name="Jana Kowalski", municipality=cls.municipality)
        cls.document = wagtail_factories.DocumentFactory(title="Handlungskonzept Nordstadt")

    def created_profile(self, slug):
        page = DistrictProfilePage.objects.get(slug=slug)
        return page.get_latest_revision_as_object()

    def test_editor_creates_a_municipality(self):
        self.assertCanCreate(
            self.profile_index,
            MunicipalityPage,
            nested_form_data(
                {
                    "title": "Duisburg",
                    "slug": "duisburg",
                    "region": "duesseldorf",
                    "website": "https://www.duisburg.de/",
                    "teaser": "Stadt an Rhein und Ruhr.",
                    "intro": rich_text("<p>Mit Marxloh und Hochfeld.</p>"),
                }
            ),
        )
        municipality = MunicipalityPage.objects.get(slug="duisburg")
        self.assertEqual(municipality.url, "/stadtteilprofile/duisburg/")
        self.assertPageIsRenderable(municipality)

    def test_editor_creates_a_profile_with_all_seven_sections(self):
        self.assertCanCreate(
            self.municipality,
            DistrictProfilePage,
            profile_form(all_sections(self.contact, self.document), slug="borsigplatz", title="Borsigplatz"),
        )
        page = self.created_profile("borsigplatz")
        self.assertEqual(page.municipality_id, self.municipality.pk)
        self.assertEqual([section.block_type for section in page.sections], SECTION_NAMES)
        milestones = page.sections[3].value
        self.assertEqual(
            [(m["year"], m["title"]) for m in milestones], [(1999, "Programmstart"), (None, "Neues Stadtteilbüro")]
        )
        self.assertEqual(page.sections[5].value[0].pk, self.contact.pk)
        self.assertEqual(page.sections[6].value[0]["document"].pk, self.document.pk)
        self.assertEqual((page.latitude, page.longitude), (51.5255, 7.464))
        response = self.client.get(page.url)
        self.assertContains(response, "Programmstart")
        self.assertContains(response, "Jana Kowalski")
        self.assertContains(response, "Handlungskonzept Nordstadt")

    def test_sections_are_stored_in_the_fixed_order_whatever_order_they_were_added_in(self):
        shuffled = list(reversed(SECTION_NAMES[2:])) + SECTION_NAMES[:2]
        response = self.post_edit(self.profile, profile_form(all_sections(self.contact, self.document, shuffled)))
        self.assertRedirects(response, f"/admin/pages/{self.municipality.pk}/")
        self.profile.refresh_from_db()
        self.assertEqual([section.block_type for section in self.profile.sections], SECTION_NAMES)

    def test_each_section_may_appear_only_once(self):
        sections = streamfield(
            [text_section("ausgangslage", "Erster Text."), text_section("ausgangslage", "Zweiter Text.")]
        )
        response = self.post_edit(self.profile, profile_form(sections))
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["sections"].as_data()[0]
        self.assertIn(
            "Gebietscharakter und Ausgangslage: Die maximale Anzahl an Elementen ist 1",
            str(errors.non_block_errors),
        )
        self.profile.refresh_from_db()
        self.assertEqual(len(self.profile.sections), 0)

    def test_completed_area_needs_an_end_year(self):
        response = self.post_edit(self.profile, profile_form(status="abgeschlossen", end_year=""))
        self.assertFormError(response, "end_year", "Ein abgeschlossenes Gebiet braucht ein Programmende (Jahr).")
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.status, "laufend")

    def test_end_year_before_start_year_is_refused(self):
        response = self.post_edit(self.profile, profile_form(start_year="2010", end_year="2005"))
        self.assertFormError(response, "end_year", "Das Programmende (2005) liegt vor dem Programmbeginn (2010).")
        self.profile.refresh_from_db()
        self.assertIsNone(self.profile.end_year)

    def test_completed_area_with_valid_period_is_saved(self):
        response = self.post_edit(
            self.profile, profile_form(status="abgeschlossen", start_year="1999", end_year="2010")
        )
        self.assertEqual(response.status_code, 302)
        self.profile.refresh_from_db()
        self.assertEqual((self.profile.status, self.profile.period_display), ("abgeschlossen", "1999–2010"))

    def test_location_outside_the_coordinate_range_is_refused(self):
        response = self.post_edit(self.profile, profile_form(location="SRID=4326;POINT(7.46 -91)"))
        self.assertFormError(response, "location", "Der Breitengrad -91.0 liegt außerhalb des gültigen Bereichs")
        response = self.post_edit(self.profile, profile_form(location="Dortmund"))
        self.assertFormError(response, "location", "Der Standort hat kein gültiges Format")
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.location, "SRID=4326;POINT(7.4653 51.5136)")

    def test_profile_editor_loads_leaflet_from_our_static_files(self):
        response = self.client.get(self.edit_url(self.profile))
        self.assertContains(response, LOCAL_LEAFLET_JS)
        self.assertNotContains(response, "unpkg")

    def test_profile_pages_render_are_editable_and_previewable(self):
        for page in (self.profile_index, self.municipality):
            self.assertPageIsRenderable(page)
        index_data = nested_form_data({"title": "Stadtteilprofile", "slug": "stadtteilprofile", "intro": rich_text("")})
        self.assertPageIsEditable(self.profile_index, post_data=index_data)
        self.assertPageIsPreviewable(self.profile_index, post_data=index_data)
        municipality_data = nested_form_data({"title": "Dortmund", "slug": "dortmund", "region": "arnsberg"})
        self.assertPageIsEditable(self.municipality, post_data=municipality_data)
        self.assertPageIsPreviewable(self.municipality, post_data=municipality_data)
        profile_data = profile_form(all_sections(self.contact, self.document))
        self.assertPageIsRenderable(self.profile)
        self.assertPageIsEditable(self.profile, post_data=profile_data)
        self.assertPageIsPreviewable(self.profile, post_data=profile_data)
