from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, PageViewRestriction, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .blocks import PARAGRAPH_FEATURES, BaseStreamBlock, LinkBlock, image_api_representation
from .listings import home_page_context
from .page_urls import url_parts
from .permissions import LeafAwarePagePermissionTester
from .preview import ExternalPreviewMixin
from .routing import route_by_url_path, view_restrictions_known_empty
from .serializers import ImageRenditionSerializer, PageReferenceStreamSerializer
from .shared_lookups import site_root_paths


class BasePage(ExternalPreviewMixin, Page):
    """Fields every public page shares: a listing teaser and social sharing metadata."""

    teaser = models.TextField(
        "Anreißer",
        blank=True,
        max_length=400,
        help_text="Kurzer Text für Listen, Suchergebnisse und die Vorschau in sozialen Medien (max. 400 Zeichen).",
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Bild für soziale Medien",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wird beim Teilen angezeigt; ohne Angabe das Vorschaubild der Seite.",
    )

    # Foreign keys home.routing fetches together with the page when serving it.
    serve_select_related = ("social_image",)

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading="Allgemein"),
        MultiFieldPanel([FieldPanel("social_image")], heading="Soziale Medien"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser")]
    api_fields = [APIField("teaser", writable=True), APIField("social_image", serializer=ImageRenditionSerializer())]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return LeafAwarePagePermissionTester(user, self)

    def get_meta_description(self):
        return self.search_description or self.teaser

    def get_social_image(self):
        return self.social_image or getattr(self, "teaser_image", None)

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        # Wagtail keeps the root paths on the request or, when a template asks `page.url` without one, on
        # each page: every teaser of a listing read (and unpickled) them from the cache again.
        holder = cache_object or self
        if kwargs or hasattr(holder, "_wagtail_cached_site_root_paths"):
            return super()._get_site_root_paths(cache_object, **kwargs)
        holder._wagtail_cached_site_root_paths = site_root_paths()
        return holder._wagtail_cached_site_root_paths

    def get_url_parts(self, request=None):
        # Wagtail's result without a reverse() per page (home.page_urls); every teaser and link asks for it.
        return url_parts(self, request)

    def get_view_restrictions(self):
        # home.routing already checked the page and its ancestors in the routing query.
        if view_restrictions_known_empty(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class TopicTag(TaggedItemBase):
    """Abstract on purpose: each page type has its own through table, all sharing taggit's Tag."""

    class Meta:
        abstract = True


class HomePage(BasePage):
    intro = RichTextField("Einleitung", features=PARAGRAPH_FEATURES, blank=True)
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label="Seite"))],
        verbose_name="Hervorgehobene Inhalte",
        blank=True,
        max_num=6,
        help_text="Bis zu sechs Seiten, die auf der Startseite hervorgehoben werden.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("teaser"), FieldPanel("intro"), FieldPanel("featured")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [
        APIField("intro", writable=True),
        APIField("featured", serializer=PageReferenceStreamSerializer()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "newsroom.NewsIndexPage",
        "newsroom.EventIndexPage",
        "profiles.ProfileIndexPage",
        "home.StandardPage",
    ]
    max_count = 1
    page_description = "Die Startseite des Städtenetzes (es gibt genau eine)."

    def route(self, request, path_components):
        return route_by_url_path(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self, request))
        return context

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"


class StandardPage(BasePage):
    body = StreamField(BaseStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("teaser"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body", writable=True)]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    page_description = "Eine allgemeine Inhaltsseite, z. B. Über uns, Impressum oder Datenschutz."

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"


class ContactPerson(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """Registered in the admin by editorial/wagtail_hooks.py, which limits municipality editors to their own."""

    name = models.CharField("Name", max_length=150)
    role = models.CharField("Funktion", max_length=150, blank=True, help_text="z. B. Quartiersmanagement")
    organisation = models.CharField("Organisation", max_length=200, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=50, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "profiles.MunicipalityPage",
        verbose_name="Kommune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_persons",
        help_text="Die Kommune, deren Redaktion diese Ansprechperson pflegt; leer für die Geschäftsstelle.",
    )

    # Drafts, review and locking (see editorial/): changes reach the public only after approval.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="contactperson")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="contactperson",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
        FieldPanel("municipality"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def revisions(self):
        return self._revisions

    def api_representation(self):
        return {
            "id": self.pk,
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "email": self.email,
            "phone": self.phone,
            "photo": image_api_representation(self.photo, self.name) if self.photo_id else None,
        }


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    address = models.TextField("Anschrift", blank=True, help_text="Anschrift der Geschäftsstelle, eine Zeile je Zeile.")
    contact_email = models.EmailField("Kontakt-E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=50, blank=True)
    imprint_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Impressum", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Datenschutz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField([("link", LinkBlock())], verbose_name="Weitere Links im Fußbereich", blank=True)

    # The footer on every page shows both links; fetch them with the settings.
    select_related = ["imprint_page", "privacy_page"]

    panels = [
        FieldPanel("address"),
        FieldPanel("contact_email"),
        FieldPanel("phone"),
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")
