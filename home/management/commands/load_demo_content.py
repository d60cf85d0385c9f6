"""Builds the demo site: page tree, news, events, district profiles, media and site settings.

Idempotent: every object is looked up by slug (pages), title (images, documents) or name (contact
persons) and only created when missing, so a second run neither changes nor duplicates anything.
Pages are created as drafts and published through a revision, so each has a history like an
editor's page.
"""

import datetime
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home import demo_data as data
from home.demo_media import simple_pdf, teaser_jpeg
from home.geo import format_point
from home.models import ContactPerson, HomePage, SiteSettings, StandardPage
from newsroom.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from profiles.models import DistrictProfilePage, MunicipalityPage, ProfileIndexPage


@contextmanager
def search_indexing_at_the_end():
    """Index each saved object once when done, not on each of its saves (a published page is saved thrice)."""
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = instance

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    for instance in saved.values():
        index.insert_or_update_object(instance)


def slugify_filename(title):
    return slugify(title.lower().replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))[:80]


def paragraph(html):
    return {"type": "paragraph", "value": html if html.startswith("<") else f"<p>{html}</p>"}


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def german_number(value):
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = "Legt Demo-Inhalte an (Seitenbaum, Meldungen, Termine, Stadtteilprofile); mehrfach ausführbar."

    def handle(self, *args, **options):
        self.today = timezone.localdate()
        self.created = 0
        with transaction.atomic(), search_indexing_at_the_end():
            home = self.build_home()
            site = self.build_site(home)
            self.remove_welcome_page(home)
            self.build_topics()
            topic_images = {topic: self.image(f"Themenbild: {topic}", topic, "Handlungsfeld") for topic in data.TOPICS}
            standard_pages = self.build_standard_pages(home)
            self.build_site_settings(site, standard_pages)
            news = self.build_news(home, topic_images)
            self.build_events(home, topic_images)
            profiles = self.build_profiles(home)
            self.feature_on_home(home, profiles, news)
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte: {self.created} Objekte neu angelegt."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo-Inhalte: alles bereits vorhanden, nichts geändert."))
        # The editorial groups and workflow live in another app; run their set-up when it is installed.
        if "setup_editorial" in get_commands():
            call_command("setup_editorial", stdout=self.stdout, stderr=self.stderr)

    # Helpers -----------------------------------------------------------------------------------------

    def log(self, kind, label, created):
        if created:
            self.created += 1
            self.stdout.write(f"  + {kind} angelegt: {label}")

    def section(self, heading):
        self.stdout.write(heading)

    def publish_new_child(self, parent, page):
        """Add `page` below `parent` as a draft, then publish it through a revision."""
        page.live = False
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def child(self, parent, model, slug, build):
        """The child of `parent` with `slug`, created from `build()` if missing; returns (page, created)."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            if existing.specific_class is not model:
                raise CommandError(
                    f"Unter „{parent.title}“ gibt es schon die Seite „{slug}“ vom Typ "
                    f"{existing.specific_class.__name__}, erwartet war {model.__name__}."
                )
            return existing.specific, False
        page = build()
        page.slug = slug
        return self.publish_new_child(parent, page), True

    def image(self, title, heading, subheading, description=""):
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is not None:
            return image
        content = teaser_jpeg(heading, subheading)
        image = Image(title=title, description=description or title)
        image.file = ImageFile(ContentFile(content), name=f"{slugify_filename(title)}.jpg")
        image.file_size = len(content)
        image.save()
        image.get_file_hash()
        self.log("Bild", title, True)
        return image

    def document(self, title, paragraphs):
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is not None:
            return document
        content = simple_pdf(title, paragraphs)
        document = Document(title=title, file_size=len(content))
        document.file.save(f"{slugify_filename(title)}.pdf", ContentFile(content), save=False)
        document.save()
        document.get_file_hash()
        self.log("Dokument", title, True)
        return document

    def build_topics(self):
        """Create the topic tags up front with transliterated slugs, so URLs read /themen/gruen/."""
        for name in data.TOPICS:
            _tag, created = Tag.objects.get_or_create(name=name, defaults={"slug": slugify_filename(name)})
            self.log("Handlungsfeld", name, created)

    # The tree ----------------------------------------------------------------------------------------

    def build_home(self):
        self.section("Startseite")
        home = HomePage.objects.first()
        if home is not None:
            return home
        info = data.HOME
        home = HomePage(
            title=info["title"],
            seo_title=info["seo_title"],
            slug=info["slug"],
            teaser=info["teaser"],
            intro=info["intro"],
        )
        self.publish_new_child(Page.get_first_root_node(), home)
        self.log("Startseite", home.title, True)
        return home

    def build_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, is_default_site=True, root_page=home, site_name=home.title
            )
            self.log("Website", site.hostname, True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = home.title
            site.save()
            self.log("Website", f"{site.hostname} zeigt jetzt auf die Startseite", True)
        return site

    def remove_welcome_page(self, home):
        """Wagtail's migrations create a plain "Welcome" page; it has no place in our tree."""
        plain_page = ContentType.objects.get_for_model(Page)
        welcome = (
            Page.objects.filter(depth=2, content_type=plain_page, numchild=0, sites_rooted_here=None)
            .exclude(pk=home.pk)
            .first()
        )
        if welcome is not None:
            self.log("Entfernt: Wagtail-Willkommensseite", welcome.title, True)
            welcome.delete()

    def build_standard_pages(self, home):
        self.section("Inhaltsseiten")
        pages = {}
        for info in data.STANDARD_PAGES:
            body = [
                {"type": "heading", "value": {"text": value, "level": "h2"}} if kind == "heading" else paragraph(value)
                for kind, value in info["body"]
            ]
            page, created = self.child(
                home,
                StandardPage,
                info["slug"],
                lambda info=info, body=body: StandardPage(title=info["title"], teaser=info["teaser"], body=body),
            )
            self.log("Inhaltsseite", page.title, created)
            pages[info["slug"]] = page
        return pages

    def build_site_settings(self, site, standard_pages):
        settings = SiteSettings.for_site(site)
        if settings.address:
            return
        info = data.SITE_SETTINGS
        settings.address = info["address"]
        settings.contact_email = info["contact_email"]
        settings.phone = info["phone"]
        settings.imprint_page = standard_pages["impressum"]
        settings.privacy_page = standard_pages["datenschutz"]
        settings.footer_links = [
            {
                "type": "link",
                "value": {"text": text, "page": standard_pages[slug].pk if slug else None, "url": url},
            }
            for text, slug, url in info["footer_links"]
        ]
        settings.save()
        self.log("Website-Einstellungen", site.hostname, True)

    def index_page(self, home, model, info):
        index, created = self.child(
            home,
            model,
            info["slug"],
            lambda: model(title=info["title"], teaser=info["teaser"], intro=info["intro"]),
        )
        self.log("Übersicht", index.title, created)
        return index

    def build_news(self, home, topic_images):
        self.section("Aktuelles")
        index = self.index_page(home, NewsIndexPage, data.NEWS_INDEX)
        news = []
        for info in data.NEWS:
            page, created = self.child(
                index, NewsPage, info["slug"], lambda info=info: self.news_page(info, topic_images)
            )
            self.log("Meldung", page.title, created)
            news.append(page)
        return news

    def news_page(self, info, topic_images):
        date = info.get("date") or self.today - datetime.timedelta(days=info["days_ago"])
        body = [paragraph(text) for text in info["paragraphs"]]
        if "document" in info:
            document = self.document(info["document"], info["paragraphs"])
            body.append({"type": "documents", "value": {"title": "Download", "documents": [document.pk]}})
        page = NewsPage(
            title=info["title"],
            date=date,
            teaser=info["teaser"],
            teaser_image=topic_images[info["tags"][0]],
            body=body,
        )
        page.tags.add(*info["tags"])
        return page

    def build_events(self, home, topic_images):
        self.section("Veranstaltungen")
        index = self.index_page(home, EventIndexPage, data.EVENT_INDEX)
        for info in data.EVENTS:
            page, created = self.child(
                index, EventPage, info["slug"], lambda info=info: self.event_page(info, topic_images)
            )
            self.log("Veranstaltung", page.title, created)

    def event_times(self, info):
        """Start and end as aware datetimes in the site's time zone."""
        day = info.get("date") or self.today + datetime.timedelta(days=info["in_days"])
        tz = timezone.get_current_timezone()
        if info.get("all_day"):
            last_day = day + datetime.timedelta(days=info.get("days", 1) - 1)
            start = datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=tz)
            end = datetime.datetime.combine(last_day, datetime.time(23, 59), tzinfo=tz)
            return start, end
        first_hour, last_hour = info["hours"]
        start = datetime.datetime.combine(day, datetime.time(first_hour, 0), tzinfo=tz)
        end = datetime.datetime.combine(day, datetime.time(last_hour, 0), tzinfo=tz)
        return start, end

    def event_page(self, info, topic_images):
        start, end = self.event_times(info)
        location = info.get("location")
        page = EventPage(
            title=info["title"],
            start=start,
            end=end,
            all_day=info.get("all_day", False),
            venue=info.get("venue", ""),
            street_address=info.get("street_address", ""),
            postal_code=info.get("postal_code", ""),
            city=info.get("city", ""),
            location=format_point(*location) if location else "",
            organiser=info.get("organiser", ""),
            registration_url=info.get("registration_url", ""),
            teaser=info["teaser"],
            teaser_image=topic_images[info["tags"][0]],
            body=[paragraph(text) for text in info["paragraphs"]],
        )
        page.tags.add(*info["tags"])
        return page

    def build_profiles(self, home):
        self.section("Stadtteilprofile")
        info = data.PROFILE_INDEX
        index, created = self.child(
            home,
            ProfileIndexPage,
            info["slug"],
            lambda: ProfileIndexPage(title=info["title"], teaser=info["teaser"], intro=info["intro"]),
        )
        self.log("Übersicht", index.title, created)
        self.network_contact()
        profiles = []
        for municipality_info in data.MUNICIPALITIES:
            municipality, created = self.child(
                index,
                MunicipalityPage,
                municipality_info["slug"],
                lambda m=municipality_info: MunicipalityPage(
                    title=m["title"],
                    region=m["region"],
                    website=m["website"],
                    teaser=m["teaser"],
                    intro=f"<p>{m['intro']}</p>",
                ),
            )
            self.log("Kommune", municipality.title, created)
            contacts = self.municipality_contacts(municipality, municipality_info["contacts"])
            for area in municipality_info["areas"]:
                profile, created = self.child(
                    municipality,
                    DistrictProfilePage,
                    area["slug"],
                    lambda area=area, m=municipality, c=contacts: self.profile_page(m, area, c),
                )
                self.log("Stadtteilprofil", f"{municipality.title} – {profile.title}", created)
                profiles.append(profile)
        return profiles

    def network_contact(self):
        info = data.NETWORK_CONTACT
        _person, created = ContactPerson.objects.get_or_create(name=info["name"], defaults=info)
        self.log("Ansprechperson", info["name"], created)

    def municipality_contacts(self, municipality, contact_infos):
        contacts = {}
        for info in contact_infos:
            person, created = ContactPerson.objects.get_or_create(
                name=info["name"], defaults={**info, "municipality": municipality}
            )
            self.log("Ansprechperson", person.name, created)
            contacts[person.name] = person
        return contacts

    def profile_page(self, municipality, area, contacts):
        place = f"{municipality.title} – {area['title']}"
        period = (
            f"seit {area['start_year']}" if area["status"] == "laufend" else f"{area['start_year']}–{area['end_year']}"
        )
        image = self.image(
            f"Stadtteilprofil: {place}",
            area["title"],
            f"{municipality.title} · {area['status']} {period}",
            description=f"Grafik mit dem Namen des Programmgebiets {place}",
        )
        document = self.document(*self.profile_document(municipality, area, period))
        figures = (
            f"Im Programmgebiet leben rund {german_number(area['inhabitants'])} Menschen auf etwa "
            f"{german_number(area['area_ha'])} Hektar."
        )
        sections = [
            {"type": "ausgangslage", "value": [paragraph(area["situation"]), paragraph(figures)]},
            {
                "type": "potenziale",
                "value": [
                    paragraph(area["potentials"]),
                    paragraph("<p>Die wichtigsten Handlungsansätze:</p>" + bullet_list(area["approaches"])),
                ],
            },
            {
                "type": "organisation",
                "value": [
                    paragraph(
                        f"<p>Die Stadt {municipality.title} steuert das Programm ressortübergreifend; vor Ort "
                        "arbeiten unter anderem diese Partner mit:</p>" + bullet_list(area["partners"])
                    )
                ],
            },
            {
                "type": "meilensteine",
                "value": [
                    {"year": year, "date": None, "title": title, "text": text}
                    for year, title, text in area["milestones"]
                ],
            },
            {"type": "perspektiven", "value": [paragraph(area["perspective"])]},
            {"type": "ansprechpersonen", "value": [contacts[name].pk for name in area["contacts"]]},
            {
                "type": "materialien",
                "value": [{"document": document.pk, "description": "Zusammenfassung als PDF"}],
            },
        ]
        page = DistrictProfilePage(
            title=area["title"],
            status=area["status"],
            start_year=area["start_year"],
            end_year=area.get("end_year"),
            location=format_point(*area["location"]),
            address=area["address"],
            teaser=area["intro"],
            teaser_image=image,
            intro=area["intro"],
            inhabitants=area["inhabitants"],
            area_ha=area["area_ha"],
            sections=sections,
        )
        page.tags.add(*area["tags"])
        return page

    def profile_document(self, municipality, area, period):
        completed = area["status"] == "abgeschlossen"
        kind = "Abschlussbericht" if completed else "Integriertes Handlungskonzept (Kurzfassung)"
        title = f"{kind}: {municipality.title} – {area['title']}"
        paragraphs = [
            f"Programmgebiet {area['title']} in {municipality.title}, Programm Soziale Stadt, {period}.",
            area["intro"],
            area["situation"],
            "Handlungsansätze: " + "; ".join(area["approaches"]) + ".",
            area["perspective"],
        ]
        return title, paragraphs

    def feature_on_home(self, home, profiles, news):
        """Home features a few profiles and the latest news; set once so editors' choices survive re-runs."""
        if home.featured:
            return
        latest_news = sorted(news, key=lambda page: page.date, reverse=True)[:2]
        chosen = [profiles[0], profiles[3], profiles[9], *latest_news]
        home.featured = [{"type": "page", "value": page.pk} for page in chosen]
        home.save_revision().publish()
        self.log("Hervorgehobene Inhalte", ", ".join(page.title for page in chosen), True)
