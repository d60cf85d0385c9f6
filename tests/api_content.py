"""Realistic content for the API tests: every page type, filled with every kind of block."""

import datetime
import json

import wagtail_factories
from django.utils import timezone
from wagtail.models import Page

from tests import factories


def rich_link(page):
    """Stored (database) HTML with an internal link, which the API must expand to the page's real URL."""
    return f'<p>Mehr dazu unter <a linktype="page" id="{page.pk}">{page.title}</a>.</p>'


def stream(*blocks):
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def body_blocks(image, document, link_target):
    return stream(
        ("heading", {"text": "Worum es geht", "level": "h2"}),
        ("paragraph", rich_link(link_target)),
        (
            "image",
            {"image": image.pk, "alt_text": "Kinder auf dem Spielplatz", "caption": "Eröffnung", "credit": "Stadt"},
        ),
        ("quote", {"text": "Ein Quartier für alle.", "attribution": "Quartiersmanagerin"}),
        ("documents", {"title": "Unterlagen", "documents": [document.pk]}),
        ("links", {"title": "Links", "links": [{"text": "Programm", "page": None, "url": "https://example.org/"}]}),
        ("call_to_action", {"text": "Mitmachen", "page": link_target.pk, "url": "", "description": "Jetzt anmelden"}),
    )


def profile_sections(image, document, person, link_target):
    content = [
        {"type": "paragraph", "value": rich_link(link_target)},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Blick über den Platz", "caption": "", "credit": ""},
        },
        {"type": "quote", "value": {"text": "Wir bleiben.", "attribution": "Anwohner"}},
        {"type": "link", "value": {"text": "Stadtteilbüro", "page": None, "url": "https://example.org/buero"}},
    ]
    return json.dumps(
        [
            {"type": "ausgangslage", "value": content},
            {"type": "potenziale", "value": content[:1]},
            {"type": "organisation", "value": content[:1]},
            {
                "type": "meilensteine",
                "value": [
                    {"year": 2010, "date": None, "title": "Aufnahme ins Programm", "text": "Start"},
                    {"year": None, "date": "2015-06-01", "title": "Neuer Quartiersplatz", "text": ""},
                ],
            },
            {"type": "perspektiven", "value": content[:1]},
            {"type": "ansprechpersonen", "value": [person.pk]},
            {"type": "materialien", "value": [{"document": document.pk, "description": "Integriertes Konzept"}]},
        ]
    )


def build_content(site_tree, count=1):
    """Add `count` fully filled pages of each listed type (news, events, profiles) to `site_tree`."""
    image = wagtail_factories.ImageFactory(title="Quartiersplatz")
    document = wagtail_factories.DocumentFactory(title="Integriertes Handlungskonzept")
    person = factories.ContactPersonFactory(name="Erika Muster", photo=image, phone="0231 123456")
    home = site_tree["home"]
    about = factories.StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", teaser="Das Netzwerk.")
    about.body = body_blocks(image, document, site_tree["profile"])
    about.save_revision().publish()
    home.intro = rich_link(about)
    home.featured = json.dumps([{"type": "page", "value": about.pk}])
    home.save_revision().publish()

    profile = Page.objects.get(pk=site_tree["profile"].pk).specific
    fill_profile(profile, image, document, person, about)
    news, events, profiles = [], [], [profile]
    for number in range(count):
        page = factories.NewsPageFactory(parent=site_tree["news_index"], title=f"Meldung {number}")
        page.teaser_image = image
        page.social_image = image
        page.body = body_blocks(image, document, about)
        page.tags.add("Beteiligung", "Integration")
        page.save_revision().publish()
        news.append(page)

        start = timezone.now() + datetime.timedelta(days=10 + number)
        event = factories.EventPageFactory(
            parent=site_tree["event_index"], title=f"Stadtteilfest {number}", start=start
        )
        event.location = "SRID=4326;POINT(7.4653 51.5136)"
        event.organiser = "Stadtteilbüro Nordstadt"
        event.registration_url = "https://example.org/anmeldung"
        event.street_address = "Nordmarkt 1"
        event.postal_code = "44145"
        event.teaser_image = image
        event.body = body_blocks(image, document, about)
        event.tags.add("Beteiligung")
        event.save_revision().publish()
        events.append(event)
    for number in range(count - 1):
        factories.StandardPageFactory(parent=home, title=f"Seite {number}", teaser="Mehr über uns.")
        factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title=f"Kommune {number}")
        extra = factories.DistrictProfilePageFactory(
            parent=site_tree["municipality"], title=f"Gebiet {number}", slug=f"gebiet-{number}"
        )
        fill_profile(extra, image, document, person, about)
        profiles.append(extra)
    return {
        "image": image,
        "document": document,
        "person": person,
        "about": about,
        "news": news,
        "events": events,
        "profiles": profiles,
    }


def fill_profile(profile, image, document, person, link_target):
    profile.teaser = "Ein lebendiges Quartier im Norden."
    profile.teaser_image = image
    profile.inhabitants = 58000
    profile.area_ha = "340.5"
    profile.sections = profile_sections(image, document, person, link_target)
    profile.tags.add("Beteiligung")
    profile.save_revision().publish()


def add_hidden_profiles(content):
    """Profiles no public listing may show: a draft, an expired one and one in a login-only municipality."""
    from wagtail.models import PageViewRestriction

    municipality = content["municipality"]
    factories.DistrictProfilePageFactory(parent=municipality, title="Entwurf", slug="entwurf", live=False)
    expired = factories.DistrictProfilePageFactory(parent=municipality, title="Abgelaufen", slug="abgelaufen")
    expired.expire_at = timezone.now() - timezone.timedelta(minutes=1)
    expired.save()
    other = factories.MunicipalityPageFactory(parent=content["profile_index"], title="Bochum", slug="bochum")
    hidden = factories.DistrictProfilePageFactory(parent=other, title="Versteckt", slug="versteckt")
    PageViewRestriction.objects.create(page=other, restriction_type="login")
    return {"expired": expired, "hidden": hidden}
