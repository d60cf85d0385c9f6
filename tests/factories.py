"""Factories for every page type and snippet; build trees with `Factory(parent=...)`."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.models import ContactPerson, HomePage, StandardPage
from newsroom.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from profiles.models import DistrictProfilePage, MunicipalityPage, ProfileIndexPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Städtenetz Soziale Stadt NRW"
    slug = "start"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.LazyFunction(datetime.date.today)
    teaser = "Kurzer Anreißer der Meldung."

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6))
    venue = "Rathaus"
    city = "Dortmund"

    class Meta:
        model = EventPage


class ProfileIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stadtteilprofile"
    slug = "stadtteilprofile"

    class Meta:
        model = ProfileIndexPage


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kommune {n}")
    region = "arnsberg"

    class Meta:
        model = MunicipalityPage


class DistrictProfilePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gebiet {n}")
    status = "laufend"
    start_year = 2010
    location = "SRID=4326;POINT(7.4653 51.5136)"
    intro = "Ein gemischtes Quartier mit vielen jungen Familien."

    class Meta:
        model = DistrictProfilePage


class ContactPersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Quartiersmanagement"
    organisation = "Stadtteilbüro"
    email = factory.Sequence(lambda n: f"person{n}@example.org")

    class Meta:
        model = ContactPerson
