"""Content builders for the public-site tests (test_site_*.py): fully filled pages of every type."""

import datetime
import json

import wagtail_factories
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import SiteSettings
from tests import factories


def image(title="Bild"):
    return wagtail_factories.ImageFactory(title=title, file__width=800, file__height=600, file__color="#336699")


def document(title="Handlungskonzept", filename="konzept.pdf", size=2048):
    return wagtail_factories.DocumentFactory(title=title, file__filename=filename, file__data=b"%PDF" * (size // 4))


def body_blocks(picture=None, doc=None):
    """A StreamField value using the shared blocks (raw JSON form)."""
    blocks = [
        {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Ein Absatz mit <b>fettem</b> Text.</p>"},
        {"type": "quote", "value": {"text": "Gemeinsam klappt’s.", "attribution": "Quartiersmanagerin"}},
        {
            "type": "call_to_action",
            "value": {
                "text": "Mehr erfahren",
                "page": None,
                "url": "https://example.org/",
                "description": "Alles zum Programm",
            },
        },
        {
            "type": "links",
            "value": {
                "title": "Weiterführende Links",
                "links": [{"text": "Programmseite", "page": None, "url": "https://example.org/programm"}],
            },
        },
        {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
    ]
    if picture is not None:
        blocks.append(
            {
                "type": "image",
                "value": {
                    "image": picture.pk,
                    "alt_text": "Spielplatz im Quartier",
                    "caption": "Neu",
                    "credit": "Stadt",
                },
            }
        )
    if doc is not None:
        blocks.append({"type": "documents", "value": {"title": "Unterlagen", "documents": [doc.pk]}})
    return json.dumps(blocks)


def profile_sections(contacts=(), documents=(), picture=None):
    """All seven sections, deliberately stored out of order (the site must show them in the fixed order)."""
    content = [{"type": "paragraph", "value": "<p>Altbauquartier mit vielen jungen Familien.</p>"}]
    if picture is not None:
        content.append({"type": "image", "value": {"image": picture.pk, "alt_text": "Marktplatz", "caption": ""}})
    sections = [
        {"type": "perspektiven", "value": [{"type": "paragraph", "value": "<p>Verstetigung ab 2025.</p>"}]},
        {"type": "ausgangslage", "value": content},
        {"type": "potenziale", "value": [{"type": "paragraph", "value": "<p>Engagierte Nachbarschaft.</p>"}]},
        {"type": "organisation", "value": [{"type": "paragraph", "value": "<p>Stadtteilbüro Nord.</p>"}]},
        {
            "type": "meilensteine",
            "value": [
                {"year": 2012, "date": None, "title": "Aufnahme ins Programm", "text": "Start der Förderung."},
                {"year": None, "date": "2016-05-20", "title": "Eröffnung des Stadtteilparks", "text": ""},
            ],
        },
        {"type": "ansprechpersonen", "value": [person.pk for person in contacts]},
        {
            "type": "materialien",
            "value": [{"document": doc.pk, "description": "Integriertes Handlungskonzept"} for doc in documents],
        },
    ]
    return json.dumps(sections)


def full_profile(parent, title="Nordstadt", with_media=True, **kwargs):
    """A district profile with every section, contacts with photos, downloads and key figures."""
    picture = image("Marktplatz") if with_media else None
    contacts = [
        factories.ContactPersonFactory(
            name="Anna Beispiel",
            role="Quartiersmanagement",
            organisation="Stadtteilbüro Nord",
            email="anna@example.org",
            phone="0231 12345",
            photo=image("Anna") if with_media else None,
        ),
        factories.ContactPersonFactory(name="Bernd Muster", role="Stadtplanung", organisation="Stadt Dortmund"),
    ]
    documents = [document("Handlungskonzept", "konzept.pdf", 2048), document("Flyer", "flyer.pdf", 1024)]
    defaults = {
        "status": "laufend",
        "start_year": 2012,
        "inhabitants": 58123,
        "area_ha": "1234.5",
        "teaser": "Die Nordstadt ist ein lebendiges Quartier.",
        "teaser_image": image("Nordstadt") if with_media else None,
        "sections": profile_sections(contacts, documents, picture),
    }
    defaults.update(kwargs)
    return factories.DistrictProfilePageFactory(parent=parent, title=title, **defaults)


def site_settings(site_tree, imprint=None, privacy=None):
    settings = SiteSettings.for_site(site_tree["home"].get_site())
    settings.address = "Geschäftsstelle Städtenetz\nMusterstraße 1\n44135 Dortmund"
    settings.contact_email = "info@example.org"
    settings.phone = "0231 987654"
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.footer_links = json.dumps(
        [{"type": "link", "value": {"text": "Landesprogramm", "page": None, "url": "https://example.org/land"}}]
    )
    settings.save()
    return settings


def make_private(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


def local_datetime(year, month, day, hour=0, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))
