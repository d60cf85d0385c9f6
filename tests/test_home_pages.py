"""HomePage and StandardPage: where they may live, creating them in the admin, rendering, editing, preview."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from newsroom.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from profiles.models import DistrictProfilePage, MunicipalityPage, ProfileIndexPage
from tests import factories
from tests.admin_pages import AdminPageTestCase


class HomePageTreeTests(AdminPageTestCase):
    def test_home_lives_directly_below_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_holds_the_index_pages_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, EventIndexPage, ProfileIndexPage, StandardPage})

    def test_content_pages_cannot_be_created_directly_below_home(self):
        for model in (NewsPage, EventPage, MunicipalityPage, DistrictProfilePage, HomePage):
            self.assertCanNotCreateAt(HomePage, model)

    def test_there_is_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(self.root))
        response = self.client.get(self.add_url(self.root, HomePage), follow=True)
        self.assertEqual(response.redirect_chain[0][1], 302)
        self.assertContains(response, "Sie haben leider keinen Zugang zu diesem Bereich.")
        self.assertEqual(HomePage.objects.count(), 1)

    def test_home_page_renders_is_editable_and_previewable(self):
        # Stream fields are built by JavaScript in the editor, so the form data is given, not scraped.
        data = nested_form_data(
            {
                "title": self.home.title,
                "slug": self.home.slug,
                "intro": rich_text("<p>Neu</p>"),
                "featured": streamfield([("page", self.news_index.pk)]),
            }
        )
        self.assertPageIsRenderable(self.home)
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, post_data=data)


class HomePageCreationTests(AdminPageTestCase):
    """A fresh installation: no home page yet, so one can be created below the root."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home.delete()

    def test_editor_creates_the_home_page_with_intro_and_featured_pages(self):
        self.assertTrue(HomePage.can_create_at(self.root))
        about = factories.StandardPageFactory(parent=self.root, title="Über uns", slug="ueber-uns")
        self.assertCanCreate(
            self.root,
            HomePage,
            nested_form_data(
                {
                    "title": "Städtenetz Soziale Stadt NRW",
                    "slug": "start",
                    "teaser": "Das Netzwerk der Kommunen im Programm Soziale Stadt.",
                    "intro": rich_text("<p>Willkommen im Städtenetz.</p>"),
                    "featured": streamfield([("page", about.pk)]),
                }
            ),
        )
        home = HomePage.objects.get(slug="start")
        self.assertTrue(home.live)
        self.assertEqual(home.featured[0].value.pk, about.pk)
        self.assertIn("Willkommen im Städtenetz.", home.intro)


class StandardPageTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = factories.StandardPageFactory(
            parent=cls.home,
            title="Über uns",
            slug="ueber-uns",
            body=[("heading", {"text": "Wer wir sind", "level": "h2"}), ("paragraph", "<p>Ein Netzwerk.</p>")],
        )

    def test_standard_pages_live_below_home_or_other_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertCanNotCreateAt(ProfileIndexPage, StandardPage)

    def test_editor_creates_a_standard_page_with_a_body(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Impressum",
                    "slug": "impressum",
                    "teaser": "Anbieterkennzeichnung.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Angaben gemäß § 5 DDG", "level": "h2"}),
                            ("paragraph", rich_text("<p>Geschäftsstelle, Musterstraße 12</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="impressum")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        response = self.client.get(page.url)
        self.assertContains(response, "Angaben gemäß § 5 DDG")
        self.assertContains(response, "Geschäftsstelle, Musterstraße 12")

    def test_editor_creates_a_subpage_of_a_standard_page(self):
        self.assertCanCreate(
            self.about,
            StandardPage,
            nested_form_data({"title": "Geschichte", "slug": "geschichte", "body": streamfield([])}),
        )
        self.assertEqual(StandardPage.objects.get(slug="geschichte").get_parent().pk, self.about.pk)

    def test_standard_page_renders_is_editable_and_previewable(self):
        response = self.client.get(self.about.url)
        self.assertContains(response, "Wer wir sind")
        data = nested_form_data(
            {"title": "Über uns", "slug": "ueber-uns", "body": streamfield([("paragraph", rich_text("<p>Neu</p>"))])}
        )
        self.assertPageIsRenderable(self.about)
        self.assertPageIsEditable(self.about, post_data=data)
        self.assertPageIsPreviewable(self.about, post_data=data)

    def test_image_block_requires_alt_text(self):
        image = factories.wagtail_factories.ImageFactory()
        response = self.post_edit(
            self.about,
            nested_form_data(
                {
                    "title": "Über uns",
                    "slug": "ueber-uns",
                    "body": streamfield([("image", {"image": image.pk, "alt_text": "", "caption": "", "credit": ""})]),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("body", response.context["form"].errors)
        self.about.refresh_from_db()
        self.assertEqual(self.about.body[0].block_type, "heading")
