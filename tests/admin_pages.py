"""Shared set-up for tests that create and edit pages through the Wagtail admin."""

from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from tests import factories

# The local Leaflet the admin map must use (served by django-leaflet's static files, not a CDN).
LOCAL_LEAFLET_JS = "/static/leaflet/leaflet.js"


def listblock(values):
    """ListBlock form data; Wagtail's form_data module only has a helper for StreamBlocks."""
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


class AdminPageTestCase(WagtailPageTestCase):
    """A page tree like the real site's (home, three index pages, one municipality with one area)."""

    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = factories.HomePageFactory(parent=cls.root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": cls.home, "hostname": "localhost", "port": 80}
        )
        Page.objects.filter(depth=2).exclude(pk=cls.home.pk).delete()
        cls.home.refresh_from_db()
        cls.news_index = factories.NewsIndexPageFactory(parent=cls.home)
        cls.event_index = factories.EventIndexPageFactory(parent=cls.home)
        cls.profile_index = factories.ProfileIndexPageFactory(parent=cls.home)
        cls.municipality = factories.MunicipalityPageFactory(
            parent=cls.profile_index, title="Dortmund", slug="dortmund"
        )
        cls.profile = factories.DistrictProfilePageFactory(parent=cls.municipality, title="Nordstadt", slug="nordstadt")
        cls.superuser = cls.create_superuser("redaktion", password="geheim-123")

    def setUp(self):
        self.client.force_login(self.superuser)

    def add_url(self, parent, model):
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def post_edit(self, page, data, publish=True):
        if publish:
            data = {**data, "action-publish": "action-publish"}
        return self.client.post(self.edit_url(page), data)

    def assertFormError(self, response, field, message):
        """A 200 with the edit form, naming `message` as the error of `field` (never a 500 or a redirect)."""
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn(field, errors)
        self.assertIn(message, " ".join(errors[field]))
        self.assertContains(response, message)
