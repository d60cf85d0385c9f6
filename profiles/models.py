from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import FloatField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel

from home.blocks import PARAGRAPH_FEATURES
from home.geo import LocatedMixin, LocationPanel, PointField
from home.models import BasePage, TopicTag
from home.serializers import ImageRenditionSerializer, TagListSerializer

from .blocks import SECTION_LABELS, SECTION_ORDER, ProfileSectionsBlock
from .serializers import MunicipalitySerializer

STATUS_RUNNING = "laufend"
STATUS_COMPLETED = "abgeschlossen"
STATUS_CHOICES = [(STATUS_RUNNING, "laufend"), (STATUS_COMPLETED, "abgeschlossen")]

REGION_CHOICES = [
    ("arnsberg", "Regierungsbezirk Arnsberg"),
    ("detmold", "Regierungsbezirk Detmold"),
    ("duesseldorf", "Regierungsbezirk Düsseldorf"),
    ("koeln", "Regierungsbezirk Köln"),
    ("muenster", "Regierungsbezirk Münster"),
]

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class ProfileIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField("Einleitung", features=PARAGRAPH_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro", writable=True)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["profiles.MunicipalityPage"]
    max_count = 1
    page_description = "Karte und Liste aller Stadtteilprofile; darunter die Kommunen."
    show_in_menus_default = True

    def get_context(self, request, *args, **kwargs):
        from .listings import profile_index_context  # listings.py imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_index_context(self, request))
        return context

    class Meta:
        verbose_name = "Übersicht Stadtteilprofile"
        verbose_name_plural = "Übersichten Stadtteilprofile"

    @route_path("export.csv/", name="export_csv")  # RoutablePageMixin adds the slash; see config/urls.py
    def export_csv(self, request):
        """Open-data download of all live, public profiles (dl-de/by-2-0, see README)."""
        from .exporter import csv_response  # exporter imports this module

        return csv_response(self, request)


class MunicipalityPage(BasePage):
    region = models.CharField("Regierungsbezirk", max_length=20, choices=REGION_CHOICES, blank=True)
    website = models.URLField("Website der Kommune", blank=True)
    intro = RichTextField("Einleitung", features=PARAGRAPH_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("region"),
        FieldPanel("website"),
        FieldPanel("teaser"),
        FieldPanel("intro"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [
        APIField("region", writable=True),
        APIField("website", writable=True),
        APIField("intro", writable=True),
    ]

    parent_page_types = ["profiles.ProfileIndexPage"]
    subpage_types = ["profiles.DistrictProfilePage"]
    page_description = "Eine Mitgliedskommune; darunter ihre Programmgebiete. Der Titel ist der Name der Kommune."

    def get_context(self, request, *args, **kwargs):
        from .listings import municipality_context  # listings.py imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(municipality_context(self, request))
        return context

    class Meta:
        verbose_name = "Kommune"
        verbose_name_plural = "Kommunen"


class DistrictProfileTag(TopicTag):
    content_object = ParentalKey("profiles.DistrictProfilePage", on_delete=models.CASCADE, related_name="tagged_items")


class DistrictProfilePage(LocatedMixin, BasePage):
    municipality = models.ForeignKey(
        MunicipalityPage,
        verbose_name="Kommune",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="district_profiles",
        help_text="Wird aus der übergeordneten Seite übernommen.",
    )
    status = models.CharField("Status", max_length=20, choices=STATUS_CHOICES, default=STATUS_RUNNING)
    start_year = models.PositiveSmallIntegerField(
        "Programmbeginn (Jahr)", validators=YEAR_VALIDATORS, help_text="Jahr der Aufnahme ins Programm."
    )
    end_year = models.PositiveSmallIntegerField(
        "Programmende (Jahr)",
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text="Leer lassen, solange das Gebiet läuft und kein Ende feststeht.",
    )
    location = PointField(
        "Lage auf der Karte",
        help_text="Mittelpunkt des Gebiets: auf der Karte anklicken oder Adresse suchen.",
    )
    address = models.CharField(
        "Adresse zur Suche", max_length=250, blank=True, help_text="Hilft, den Punkt auf der Karte zu finden."
    )
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField("Einleitung", blank=True, help_text="Zwei bis drei Sätze über das Gebiet.")
    inhabitants = models.PositiveIntegerField("Einwohnerinnen und Einwohner", null=True, blank=True)
    area_ha = models.DecimalField("Fläche (ha)", max_digits=8, decimal_places=1, null=True, blank=True)
    sections = StreamField(
        ProfileSectionsBlock(),
        verbose_name="Abschnitte",
        blank=True,
        help_text="Jeder Abschnitt höchstens einmal; die Reihenfolge ist auf der Website immer gleich.",
    )
    tags = ClusterTaggableManager(
        "Handlungsfelder",
        through=DistrictProfileTag,
        blank=True,
        help_text="Handlungsfelder wie „Beteiligung“ oder „Integration“; verbinden Profile, Meldungen und Termine.",
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading="Programm",
        ),
        MultiFieldPanel(
            [
                GeoAddressPanel("address", geocoder=geocoders.NOMINATIM),
                LocationPanel("location", address_field="address"),
            ],
            heading="Lage",
        ),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("inhabitants"), FieldPanel("area_ha")], heading="Kennzahlen"),
        FieldPanel("tags"),
        FieldPanel("sections"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("sections"),
        index.FilterField("status"),
        index.FilterField("municipality"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("municipality", [index.SearchField("title")]),
    ]

    api_fields = BasePage.api_fields + [
        APIField("municipality", serializer=MunicipalitySerializer()),
        APIField("status", writable=True),
        APIField("start_year", writable=True),
        APIField("end_year", writable=True),
        APIField("period_display"),
        APIField("location", writable=True),
        APIField("address", writable=True),
        APIField("teaser_image", serializer=ImageRenditionSerializer()),
        APIField("intro", writable=True),
        APIField("inhabitants", writable=True),
        # A number, not DRF's default decimal string: clients compute with key figures.
        APIField("area_ha", serializer=FloatField(read_only=True)),
        APIField("tags", serializer=TagListSerializer()),
        APIField("sections", writable=True),
    ]

    parent_page_types = ["profiles.MunicipalityPage"]
    subpage_types = []
    page_description = "Das Profil eines Programmgebiets mit Karte und den sieben Themenabschnitten."
    serve_select_related = ("social_image", "teaser_image", "municipality")

    def get_context(self, request, *args, **kwargs):
        from .listings import district_profile_context  # listings.py imports this module

        context = super().get_context(request, *args, **kwargs)
        context.update(district_profile_context(self, request))
        return context

    class Meta:
        verbose_name = "Stadtteilprofil"
        verbose_name_plural = "Stadtteilprofile"

    def clean(self):
        super().clean()
        errors = {}
        if self.status == STATUS_COMPLETED and not self.end_year:
            errors["end_year"] = "Ein abgeschlossenes Gebiet braucht ein Programmende (Jahr)."
        if self.end_year and self.start_year and self.end_year < self.start_year:
            errors["end_year"] = f"Das Programmende ({self.end_year}) liegt vor dem Programmbeginn ({self.start_year})."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and parent.specific_class is MunicipalityPage:
            self.municipality_id = parent.pk
        super().save(*args, **kwargs)

    @property
    def period_display(self):
        if self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return f"seit {self.start_year}"

    @property
    def is_running(self):
        return self.status == STATUS_RUNNING

    def sections_in_order(self):
        """(anchor, label, block) for each filled section, in the fixed order, for the table of contents."""
        # Sorted here too: content imported or written through the API skips the editor's clean().
        ordered = sorted(self.sections, key=lambda child: SECTION_ORDER[child.block_type])
        return [(child.block_type, SECTION_LABELS[child.block_type], child) for child in ordered]
