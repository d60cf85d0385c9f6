import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtailgeowidget import geocoders
from wagtailgeowidget.panels import GeoAddressPanel

from home.blocks import PARAGRAPH_FEATURES, BaseStreamBlock
from home.geo import LocatedMixin, LocationPanel, PointField
from home.models import BasePage, TopicTag
from home.serializers import ImageRenditionSerializer, TagListSerializer

from . import listings, structured_data
from .dates import format_event_date

TAGS_HELP = "Handlungsfelder wie „Beteiligung“ oder „Integration“; verbinden Meldungen, Termine und Stadtteilprofile."


class NewsPageTag(TopicTag):
    content_object = ParentalKey("newsroom.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPageTag(TopicTag):
    content_object = ParentalKey("newsroom.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField("Einleitung", features=PARAGRAPH_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro", writable=True)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsroom.NewsPage"]
    max_count = 1
    page_description = "Die Übersicht aller Meldungen („Aktuelles“) mit RSS-Feed."
    show_in_menus_default = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.news_index_context(self, request))
        return context

    class Meta:
        verbose_name = "Übersicht Aktuelles"
        verbose_name_plural = "Übersichten Aktuelles"

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed  # imported here because feeds.py imports this module

        return NewsFeed(self)(request)


class NewsPage(BasePage):
    date = models.DateField(
        "Datum", default=datetime.date.today, db_index=True, help_text="Datum der Meldung, bestimmt die Reihenfolge."
    )
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhalt", blank=True)
    tags = ClusterTaggableManager("Handlungsfelder", through=NewsPageTag, blank=True, help_text=TAGS_HELP)

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date", writable=True),
        APIField("teaser_image", serializer=ImageRenditionSerializer()),
        APIField("body", writable=True),
        APIField("tags", serializer=TagListSerializer()),
    ]

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []
    page_description = "Eine Meldung für „Aktuelles“."
    serve_select_related = ("social_image", "teaser_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.news_page_context(self, request))
        context["json_ld"] = structured_data.news_article(self, request, settings.WAGTAIL_SITE_NAME, context["tags"])
        return context

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField("Einleitung", features=PARAGRAPH_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro", writable=True)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsroom.EventPage"]
    max_count = 1
    page_description = "Die Übersicht aller Veranstaltungshinweise mit Kalender-Export."
    show_in_menus_default = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.event_index_context(self, request))
        return context

    class Meta:
        verbose_name = "Übersicht Veranstaltungen"
        verbose_name_plural = "Übersichten Veranstaltungen"

    @path("ical/", name="ical")
    def ical(self, request):
        from .ical import calendar_response, upcoming_events  # ical.py imports this module

        city = request.GET.get("stadt", "").strip()
        name = f"{self.title} in {city}" if city else self.title
        return calendar_response(self, upcoming_events(self, city), request, name=name, filename="veranstaltungen.ics")


class EventPage(LocatedMixin, RoutablePageMixin, BasePage):
    start = models.DateTimeField("Beginn", db_index=True, help_text="Datum und Uhrzeit des Beginns.")
    end = models.DateTimeField("Ende", null=True, blank=True, help_text="Optional; muss nach dem Beginn liegen.")
    all_day = models.BooleanField(
        "Ganztägig", default=False, help_text="Uhrzeiten werden dann nicht angezeigt (z. B. mehrtägige Tagungen)."
    )
    venue = models.CharField("Veranstaltungsort", max_length=200, blank=True, help_text="z. B. REFUGIO Berlin")
    street_address = models.CharField("Straße und Hausnummer", max_length=200, blank=True)
    postal_code = models.CharField("Postleitzahl", max_length=10, blank=True)
    city = models.CharField("Stadt", max_length=100, blank=True, help_text="Für den Filter nach Stadt.")
    location = PointField(
        "Standort auf der Karte",
        blank=True,
        help_text="Optional: Punkt auf der Karte anklicken oder Adresse suchen.",
    )
    organiser = models.CharField("Veranstalter", max_length=200, blank=True)
    registration_url = models.URLField("Anmeldung (Adresse)", blank=True)
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="Inhalt", blank=True)
    tags = ClusterTaggableManager("Handlungsfelder", through=EventPageTag, blank=True, help_text=TAGS_HELP)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading="Termin",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                GeoAddressPanel("street_address", geocoder=geocoders.NOMINATIM),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                LocationPanel("location", address_field="street_address"),
            ],
            heading="Ort",
        ),
        FieldPanel("organiser"),
        FieldPanel("registration_url"),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("city"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start", writable=True),
        APIField("end", writable=True),
        APIField("all_day", writable=True),
        APIField("venue", writable=True),
        APIField("street_address", writable=True),
        APIField("postal_code", writable=True),
        APIField("city", writable=True),
        APIField("location", writable=True),
        APIField("organiser", writable=True),
        APIField("registration_url", writable=True),
        APIField("teaser_image", serializer=ImageRenditionSerializer()),
        APIField("body", writable=True),
        APIField("tags", serializer=TagListSerializer()),
    ]

    parent_page_types = ["newsroom.EventIndexPage"]
    subpage_types = []
    page_description = "Ein Veranstaltungshinweis mit Termin, Ort und Kalender-Export."
    serve_select_related = ("social_image", "teaser_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.event_page_context(self, request))
        context["json_ld"] = structured_data.event(self, request, settings.WAGTAIL_SITE_NAME)
        return context

    class Meta:
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit."})

    @path("ical/", name="ical")
    def ical(self, request):
        from .ical import calendar_response  # ical.py imports this module

        # Wagtail only sets `live=False` on expiry when `publish_scheduled` runs; don't wait for it.
        if self.expire_at and self.expire_at <= timezone.now():
            raise Http404
        return calendar_response(self, [self], request, name=self.title, filename=f"{self.slug}.ics")

    @property
    def effective_end(self):
        return self.end or self.start

    @property
    def date_line(self):
        """The German date line, e.g. "Mo., 25. November 2019, 10:00–16:00 Uhr" (teasers and the page)."""
        return format_event_date(self.start, self.end, self.all_day)

    @cached_property
    def local_start(self):
        """The start in the site's time zone, converted once for the teaser's date attribute and month."""
        return timezone.localtime(self.start)

    @property
    def start_iso(self):
        """The start as the template filter date:'c' writes it (local time, ISO 8601) for <time datetime>:
        the filter's format lookups cost more than the rest of an event teaser."""
        return self.local_start.isoformat()

    @property
    def is_past(self):
        return self.effective_end < timezone.now()
