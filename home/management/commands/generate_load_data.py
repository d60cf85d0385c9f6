"""Builds a large, realistic page tree for benchmarks, with bulk inserts instead of one save per page.

Django cannot bulk-create multi-table-inherited models, so the wagtailcore_page rows are
bulk-created first and the page-type rows are inserted afterwards with the same primary keys.
"""

import datetime
import io
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from home.geo import format_point
from home.models import ContactPerson
from newsroom.models import EventIndexPage, EventPage, EventPageTag, NewsIndexPage, NewsPage, NewsPageTag
from profiles.models import DistrictProfilePage, DistrictProfileTag, MunicipalityPage, ProfileIndexPage

TOPICS = [
    "Beteiligung",
    "Integration",
    "Familie",
    "Wohnen",
    "Grün",
    "Bildung",
    "Mobilität",
    "Gesundheit",
    "Kultur",
    "Sport",
    "Arbeit",
    "Klima",
    "Sicherheit",
    "Nachbarschaft",
    "Jugend",
    "Senioren",
]
WORDS = (
    "Quartier Nachbarschaft Stadtteil Beteiligung Familien Kinder Jugendliche Bildung Wohnumfeld Spielplatz "
    "Quartiersmanagement Stadtteilbüro Bürgerinnen Bürger Integration Gemeinwesenarbeit Grünfläche Schule Kita "
    "Sanierung Förderung Städtebauförderung Verfügungsfonds Begegnung Zentrum Handel Gewerbe Mobilität Radweg "
    "Gebäude Fassade Hof Platz Park Verein Initiative Netzwerk Akteure Projekt Maßnahme Konzept Zukunft"
).split()
BATCH = 500
# One district profile per this many pages by default, about their share on the real network's site
# (100 to 150 areas since 1999 beside far more news and event notices). At 10,000 pages that makes 500
# areas, more than the profile index's large-network threshold, so that form of the index is measured;
# --profiles 2000 builds the heavier mix of earlier benchmarks.
PAGES_PER_PROFILE = 20


def default_profiles(pages):
    return pages // PAGES_PER_PROFILE


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return "<p>" + " ".join(sentence(rng) for _ in range(sentences)) + "</p>"


class Command(BaseCommand):
    help = "Erzeugt einen großen, realistischen Seitenbaum für Lasttests (Standard: 10.000 Seiten)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000, help="Anzahl der zu erzeugenden Seiten.")
        parser.add_argument(
            "--profiles",
            type=int,
            default=None,
            help=f"Anzahl der Stadtteilprofile darunter (Standard: eines je {PAGES_PER_PROFILE} Seiten).",
        )
        parser.add_argument("--seed", type=int, default=2019, help="Zufallsstartwert (gleicher Wert, gleiche Daten).")

    def handle(self, *args, pages, profiles, seed, **options):
        if pages < 10:
            raise CommandError("--pages muss mindestens 10 sein.")
        municipalities = max(1, pages // 100)
        events = pages * 3 // 10
        if profiles is None:
            profiles = default_profiles(pages)
        if not 0 <= profiles <= pages - municipalities - events:
            raise CommandError(
                f"--profiles muss zwischen 0 und {pages - municipalities - events} liegen "
                f"(bei {pages} Seiten sind {municipalities} Kommunen und {events} Veranstaltungen vorgesehen)."
            )
        existing = MunicipalityPage.objects.filter(title__startswith="Lastkommune ").count()
        if existing:
            raise CommandError(
                f"Diese Datenbank enthält bereits Lastdaten ({existing} Lastkommunen). "
                "Für neue Lastdaten bitte eine leere Datenbank verwenden (DATABASE_URL)."
            )
        if not NewsIndexPage.objects.exists():
            self.stdout.write("Kein Seitenbaum vorhanden: lade zuerst die Demo-Inhalte ...")
            call_command("load_demo_content", stdout=io.StringIO())
        self.rng = random.Random(seed)
        self.locale = Locale.get_default()
        self.now = timezone.now()
        with transaction.atomic():
            self.images = self.make_images(20)
            self.tags = [Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0] for name in TOPICS]
            self.contacts = list(ContactPerson.objects.all()[:20])
            news = pages - municipalities - profiles - events
            municipality_pages = self.build_municipalities(municipalities)
            self.build_profiles(municipality_pages, profiles)
            self.build_news(news)
            self.build_events(events)
        self.stdout.write("Aktualisiere den Suchindex ...")
        call_command("update_index", stdout=io.StringIO())
        if connection.vendor == "postgresql":
            # Fresh statistics: planned against the empty tables' stats, listings take seconds instead of ms.
            # VACUUM too: rebuilding the search index leaves two dead rows per page behind, which tripled the
            # cost of a search until autovacuum (if it runs at all) got to them.
            self.stdout.write("Räume die Datenbank auf (VACUUM ANALYZE) ...")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Fertig: {Page.objects.count()} Seiten in der Datenbank."))

    # Tree building ---------------------------------------------------------------------------

    def bulk_pages(self, model, parent, rows, label=None):
        """Insert `rows` (dicts of page-type fields, each with title/slug) as live children of `parent`.

        Without a `label` no progress is shown (the caller reports progress itself).
        """
        parent = Page.objects.get(pk=parent.pk)
        content_type_id = ContentType.objects.get_for_model(model).pk
        created = []
        start = parent.numchild
        total = len(rows)
        for offset in range(0, total, BATCH):
            chunk = rows[offset : offset + BATCH]
            base_rows = []
            for index, row in enumerate(chunk, start=start + offset + 1):
                slug = row.pop("slug")
                title = row.pop("title")
                published = row.pop("_published", None) or self.random_past_moment(3 * 365)
                base_rows.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type_id=content_type_id,
                        path=Page._get_path(parent.path, parent.depth + 1, index),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        locale=self.locale,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(base_rows)
            if connection.features.can_return_rows_from_bulk_insert is False:
                paths = [page.path for page in base_rows]
                ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
                for page in base_rows:
                    page.pk = page.id = ids[page.path]
            specific = []
            for page, row in zip(base_rows, chunk, strict=True):
                instance = model(page_ptr_id=page.pk, **row)
                instance.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
                specific.append(instance)
            local_fields = [field for field in model._meta.local_concrete_fields]
            model._base_manager._insert(specific, fields=local_fields, using="default")
            created.extend(specific)
            if label:
                self.progress(label, min(offset + BATCH, total), total)
        Page.objects.filter(pk=parent.pk).update(numchild=start + total)
        if label:
            self.stdout.write("")
        return created

    def progress(self, label, done, total):
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(f"\r{label:<22} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()

    def unique_slug(self, base, used):
        slug = slugify(base)[:70] or "seite"
        candidate, counter = slug, 2
        while candidate in used:
            candidate = f"{slug}-{counter}"
            counter += 1
        used.add(candidate)
        return candidate

    def build_municipalities(self, count):
        index = ProfileIndexPage.objects.get()
        used = set(index.get_children().values_list("slug", flat=True))
        rows = []
        for number in range(count):
            title = f"Lastkommune {number + 1}"
            rows.append(
                {
                    "title": title,
                    "slug": self.unique_slug(title, used),
                    "region": self.rng.choice(["arnsberg", "detmold", "duesseldorf", "koeln", "muenster"]),
                    "intro": paragraph(self.rng, 2),
                    "teaser": sentence(self.rng),
                }
            )
        return self.bulk_pages(MunicipalityPage, index, rows, "Kommunen")

    def sections(self):
        rng = self.rng

        def text_section(name):
            return {
                "type": name,
                "id": str(uuid.uuid4()),
                "value": [{"type": "paragraph", "id": str(uuid.uuid4()), "value": paragraph(rng, 5)} for _ in range(2)],
            }

        milestones = [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {"year": 2005 + step * 3, "date": None, "title": sentence(rng, 4)[:-1], "text": sentence(rng)},
            }
            for step in range(5)
        ]
        data = [
            text_section("ausgangslage"),
            text_section("potenziale"),
            text_section("organisation"),
            {"type": "meilensteine", "id": str(uuid.uuid4()), "value": milestones},
            text_section("perspektiven"),
        ]
        if self.contacts:
            data.append(
                {
                    "type": "ansprechpersonen",
                    "id": str(uuid.uuid4()),
                    "value": [{"type": "item", "id": str(uuid.uuid4()), "value": rng.choice(self.contacts).pk}],
                }
            )
        return data

    def build_profiles(self, municipalities, count):
        per_parent = {}
        for number in range(count):
            per_parent.setdefault(municipalities[number % len(municipalities)], []).append(number)
        done = 0
        for municipality, numbers in per_parent.items():
            used = set()
            rows = []
            for number in numbers:
                title = f"Gebiet {number + 1}"
                start = self.rng.randint(1999, 2022)
                completed = self.rng.random() < 0.35
                rows.append(
                    {
                        "title": title,
                        "slug": self.unique_slug(title, used),
                        "municipality_id": municipality.pk,
                        "status": "abgeschlossen" if completed else "laufend",
                        "start_year": start,
                        "end_year": start + self.rng.randint(4, 12) if completed else None,
                        "location": format_point(
                            round(self.rng.uniform(50.4, 52.4), 5), round(self.rng.uniform(6.0, 9.4), 5)
                        ),
                        "teaser": sentence(self.rng),
                        "teaser_image_id": self.rng.choice(self.images).pk,
                        "intro": sentence(self.rng, 30),
                        "inhabitants": self.rng.randint(2_000, 60_000),
                        "area_ha": round(self.rng.uniform(20, 900), 1),
                        "sections": self.sections(),
                        "_published": self.random_past_moment(900),
                    }
                )
            pages = self.bulk_pages(DistrictProfilePage, municipality, rows)
            self.tag(pages, DistrictProfileTag)
            done += len(numbers)
            self.progress("Stadtteilprofile", done, count)
        self.stdout.write("")

    def random_past_moment(self, days):
        """A moment within the last `days` days, to the second (publication times of generated pages)."""
        return self.now - datetime.timedelta(seconds=self.rng.randint(0, days * 86_400))

    def body(self):
        return [{"type": "paragraph", "id": str(uuid.uuid4()), "value": paragraph(self.rng, 5)} for _ in range(3)]

    def build_news(self, count):
        index = NewsIndexPage.objects.get()
        used = set(index.get_children().values_list("slug", flat=True))
        rows = []
        for number in range(count):
            title = f"Meldung {number + 1}: {sentence(self.rng, 5)[:-1]}"
            date = datetime.date.today() - datetime.timedelta(days=self.rng.randint(0, 3650))
            rows.append(
                {
                    "title": title[:250],
                    "slug": self.unique_slug(f"meldung-{number + 1}", used),
                    "date": date,
                    "teaser": sentence(self.rng, 20),
                    "teaser_image_id": self.rng.choice(self.images).pk,
                    "body": self.body(),
                    # Published on its date, at some moment of the day: listings order by these, and real
                    # sites never publish thousands of pages in the same microsecond.
                    "_published": min(
                        self.now,
                        timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
                        + datetime.timedelta(seconds=self.rng.randint(0, 86_399)),
                    ),
                }
            )
        self.tag(self.bulk_pages(NewsPage, index, rows, "Meldungen"), NewsPageTag)

    def build_events(self, count):
        index = EventIndexPage.objects.get()
        used = set(index.get_children().values_list("slug", flat=True))
        rows = []
        for number in range(count):
            start = self.now + datetime.timedelta(days=self.rng.randint(-700, 400), hours=self.rng.randint(0, 10))
            start = start.replace(minute=0, second=0, microsecond=0)
            rows.append(
                {
                    "title": f"Veranstaltung {number + 1}: {sentence(self.rng, 4)[:-1]}"[:250],
                    "slug": self.unique_slug(f"veranstaltung-{number + 1}", used),
                    "start": start,
                    "end": start + datetime.timedelta(hours=self.rng.randint(1, 8)),
                    "all_day": False,
                    "venue": f"Stadtteilzentrum {self.rng.choice(WORDS)}",
                    "city": self.rng.choice(["Dortmund", "Duisburg", "Essen", "Köln", "Bochum", "Gelsenkirchen"]),
                    "teaser": sentence(self.rng, 20),
                    "body": self.body(),
                }
            )
        self.tag(self.bulk_pages(EventPage, index, rows, "Veranstaltungen"), EventPageTag)

    def tag(self, pages, through):
        links = []
        for page in pages:
            for tag in self.rng.sample(self.tags, 2):
                links.append(through(tag=tag, content_object_id=page.pk))
        through.objects.bulk_create(links, batch_size=2000)

    def make_images(self, count):
        existing = list(Image.objects.filter(title__startswith="Lastbild "))
        for number in range(len(existing), count):
            colour = tuple(self.rng.randint(40, 220) for _ in range(3))
            buffer = io.BytesIO()
            PILImage.new("RGB", (1200, 675), colour).save(buffer, format="JPEG", quality=80)
            existing.append(
                Image.objects.create(
                    title=f"Lastbild {number + 1}", file=ImageFile(buffer, name=f"lastbild-{number + 1}.jpg")
                )
            )
        return existing
