"""Import of district profiles: validate every row first, then write drafts (or publish).

`plan_import()` reads nothing but the database and returns an `ImportPlan`: every row
with its problems (German, with line numbers), the page it matches and what would change.
`run_import()` writes a plan: each changed row becomes a new revision that is submitted to
the page's workflow, or published when a superuser asks for it. Rows whose values equal the
latest revision are left alone ("unverändert"), so importing the same file twice changes nothing.
"""

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.geo import format_point
from home.models import ContactPerson, HomePage

from .import_files import RawFile
from .models import STATUS_COMPLETED, STATUS_RUNNING, DistrictProfilePage, MunicipalityPage, ProfileIndexPage
from .records import KEY_TO_HEADER, TEXT_SECTIONS, changed_keys, contact_record, profile_record, raw_sections
from .textformat import (
    milestone_from_parts,
    normalize_text,
    parse_contacts,
    parse_milestones,
    text_to_richtext,
    validate_contact,
)

ACTION_CREATE = "neu"
ACTION_UPDATE = "aktualisieren"
ACTION_UNCHANGED = "unverändert"
ACTION_INVALID = "fehlerhaft"

FIELD_LABELS = {
    "title": "Gebiet",
    "slug": "Slug",
    "status": "Status",
    "start_year": "Beginn",
    "end_year": "Ende",
    "location": "Lage",
    "address": "Adresse",
    "teaser": "Anreißer",
    "intro": "Einleitung",
    "inhabitants": "Einwohner",
    "area_ha": "Fläche (ha)",
}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slugify(text):
    """ "Mülheim an der Ruhr" → "muelheim-an-der-ruhr": readable ASCII slugs as on the old site."""
    return slugify((text or "").translate(UMLAUTS))[:255]


def name_key(text):
    return " ".join((text or "").split()).casefold()


@dataclass
class ImportRow:
    number: int
    label: str
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    action: str = ""
    changes: list = field(default_factory=list)
    page: DistrictProfilePage | None = None
    municipality: MunicipalityPage | None = None
    municipality_name: str = ""
    slug: str = ""
    result: str = ""

    @property
    def title(self):
        return self.values.get("title") or ""

    @property
    def is_valid(self):
        return not self.errors

    def change_labels(self):
        return [KEY_TO_HEADER.get(key, key) for key in self.changes]


@dataclass
class ImportPlan:
    format: str
    rows: list
    warnings: list = field(default_factory=list)

    @property
    def invalid_rows(self):
        return [row for row in self.rows if not row.is_valid]

    @property
    def has_errors(self):
        return bool(self.invalid_rows)

    def count(self, action):
        return sum(1 for row in self.rows if row.is_valid and row.action == action)

    def summary(self):
        return (
            f"{len(self.rows)} Zeilen: {self.count(ACTION_CREATE)} neu, {self.count(ACTION_UPDATE)} geändert, "
            f"{self.count(ACTION_UNCHANGED)} unverändert, {len(self.invalid_rows)} fehlerhaft."
        )


# --- values ------------------------------------------------------------------------------------


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def parse_integer(value, label, errors):
    """Whole numbers; German thousands separators ("12.345", "12 345") are accepted."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        errors.append(f"{label}: „{value}“ ist keine ganze Zahl.")
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if re.fullmatch(r"\d+", text) or re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+", text):
        return int(re.sub(r"[. ]", "", text))
    errors.append(f"{label}: „{text}“ ist keine ganze Zahl.")
    return None


def parse_decimal(value, label, errors):
    """Decimal comma or point; with both, the point separates thousands ("1.234,5")."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        errors.append(f"{label}: „{value}“ ist keine Zahl.")
        return None
    text = str(value).strip().replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors.append(f"{label}: „{value}“ ist keine Zahl.")
        return None
    if not number.is_finite():
        errors.append(f"{label}: „{value}“ ist keine Zahl.")
        return None
    return number


def parse_year(value, label, errors):
    year = parse_integer(value, label, errors)
    if year is not None and not 1950 <= year <= 2100:
        errors.append(f"{label}: Das Jahr {year} liegt außerhalb von 1950–2100.")
        return None
    return year


def parse_tags(value):
    if _blank(value):
        return []
    if isinstance(value, list):
        names = [item.get("name", "") if isinstance(item, dict) else str(item) for item in value]
    else:
        names = re.split(r"[,|]", str(value))
    return sorted({" ".join(name.split()) for name in names if name and name.strip()})


def parse_structured_milestones(value, errors):
    """Milestones from a GeoJSON list ({"year"/"date", "title", "text"}) or a text cell."""
    if _blank(value):
        return []
    if isinstance(value, str):
        milestones, problems = parse_milestones(value)
        errors.extend(problems)
        return milestones
    if not isinstance(value, list):
        errors.append("Meilensteine: erwartet wird eine Liste.")
        return []
    milestones = []
    for item in value:
        if not isinstance(item, dict):
            errors.append("Meilensteine: Jeder Eintrag braucht Jahr und Titel.")
            continue
        milestone, error = milestone_from_parts(
            item.get("date") or item.get("year"), item.get("title"), item.get("text")
        )
        if error:
            errors.append(error)
        else:
            milestones.append(milestone)
    return milestones


def parse_structured_contacts(value, errors):
    if _blank(value):
        return []
    if isinstance(value, str):
        contacts, problems = parse_contacts(value)
        errors.extend(problems)
        return contacts
    if not isinstance(value, list):
        errors.append("Ansprechpersonen: erwartet wird eine Liste.")
        return []
    contacts = []
    for item in value:
        item = item if isinstance(item, dict) else {}
        contact = {key: str(item.get(key) or "").strip() for key in ("name", "role", "organisation", "email", "phone")}
        error = validate_contact(contact)
        if error:
            errors.append(error)
        else:
            contacts.append(contact)
    return contacts


def parse_values(raw):
    """Typed record values from a raw row (strings from CSV or JSON values); returns (values, errors)."""
    errors, values = [], {}
    if "_error" in raw:
        errors.append(raw["_error"])
    for key in ("municipality", "title", "slug"):
        if key in raw:
            values[key] = " ".join(str(raw[key] or "").split())
    for key in ("address", "teaser", "intro", *TEXT_SECTIONS):
        if key in raw:
            values[key] = normalize_text(raw[key])
    if "id" in raw:
        values["id"] = parse_integer(raw["id"], "id", errors)
    if "status" in raw:
        status = str(raw["status"] or "").strip().lower()
        if not status:
            errors.append("Der Status fehlt (erlaubt: laufend, abgeschlossen).")
        elif status not in (STATUS_RUNNING, STATUS_COMPLETED):
            errors.append(f"Unbekannter Status „{raw['status']}“ (erlaubt: laufend, abgeschlossen).")
        else:
            values["status"] = status
    if "start_year" in raw:
        values["start_year"] = parse_year(raw["start_year"], "Beginn", errors)
    if "end_year" in raw:
        values["end_year"] = parse_year(raw["end_year"], "Ende", errors)
    if "inhabitants" in raw:
        values["inhabitants"] = parse_integer(raw["inhabitants"], "Einwohner", errors)
    if "area_ha" in raw:
        area = parse_decimal(raw["area_ha"], "Fläche (ha)", errors)
        if area is not None:
            if area < 0 or area >= Decimal("10000000"):
                errors.append(f"Fläche (ha): {area} liegt außerhalb des gültigen Bereichs.")
                area = None
            else:
                area = area.quantize(Decimal("0.1"))
        values["area_ha"] = area
    _parse_location(raw, values, errors)
    if "tags" in raw:
        values["tags"] = parse_tags(raw["tags"])
    if "meilensteine" in raw:
        values["meilensteine"] = parse_structured_milestones(raw["meilensteine"], errors)
    if "ansprechpersonen" in raw:
        values["ansprechpersonen"] = parse_structured_contacts(raw["ansprechpersonen"], errors)
    return values, errors


def _parse_location(raw, values, errors):
    if "latitude" not in raw and "longitude" not in raw:
        return
    latitude = parse_decimal(raw.get("latitude"), "Breitengrad", errors)
    longitude = parse_decimal(raw.get("longitude"), "Längengrad", errors)
    if latitude is not None and not -90 <= latitude <= 90:
        errors.append(f"Breitengrad {raw['latitude']} liegt außerhalb des gültigen Bereichs (−90 bis 90).")
        latitude = None
    if longitude is not None and not -180 <= longitude <= 180:
        errors.append(f"Längengrad {raw['longitude']} liegt außerhalb des gültigen Bereichs (−180 bis 180).")
        longitude = None
    if (latitude is None) != (longitude is None) and not errors:
        errors.append("Breitengrad und Längengrad müssen beide angegeben sein.")
    values["latitude"] = float(latitude) if latitude is not None else None
    values["longitude"] = float(longitude) if longitude is not None else None


# --- planning ----------------------------------------------------------------------------------


class _Tree:
    """The profile part of the page tree, read once per plan."""

    def __init__(self):
        self.index = ProfileIndexPage.objects.first()
        self.municipalities = {}
        if self.index:
            for municipality in MunicipalityPage.objects.child_of(self.index):
                self.municipalities.setdefault(name_key(municipality.title), municipality)
        self.pages_by_id = {}
        self.pages_by_key = {}
        self.slugs = {}
        for page in DistrictProfilePage.objects.select_related("municipality"):
            self.pages_by_id[page.pk] = page
            municipality_id = page.get_parent().pk if page.municipality_id is None else page.municipality_id
            self.pages_by_key.setdefault((municipality_id, name_key(page.title)), page)
            self.slugs.setdefault(municipality_id, {})[page.slug] = page.pk


def plan_import(raw_file: RawFile, user=None):
    """Validate every row against the file and the database; write nothing."""
    tree = _Tree()
    plan = ImportPlan(raw_file.format, [], list(raw_file.warnings))
    seen = {}
    new_slugs = {}
    for raw_row in raw_file.rows:
        row = ImportRow(raw_row.number, raw_row.label, warnings=list(raw_row.warnings))
        row.values, row.errors = parse_values(raw_row.values)
        plan.rows.append(row)
        _check_names(row)
        if not row.values.get("title") or not row.values.get("municipality"):
            row.action = ACTION_INVALID
            continue
        _check_duplicates(row, seen)
        _match(row, tree)
        _check_permissions(row, tree, user)
        _check_content(row)
        _choose_slug(row, tree, new_slugs)
        row.action = ACTION_INVALID if row.errors else row.action
    return plan


def _check_names(row):
    if not row.values.get("title"):
        row.errors.insert(0, "Der Name des Gebiets (Spalte „gebiet“) fehlt.")
    if not row.values.get("municipality"):
        row.errors.insert(0, "Die Kommune (Spalte „kommune“) fehlt.")


def _check_duplicates(row, seen):
    keys = [("name", name_key(row.values["municipality"]), name_key(row.values["title"]))]
    if row.values.get("id"):
        keys.append(("id", row.values["id"]))
    if row.values.get("slug"):
        keys.append(("slug", name_key(row.values["municipality"]), row.values["slug"]))
    for key in keys:
        if key in seen:
            row.errors.append(f"Doppelte Zeile: dasselbe Gebiet steht schon in {seen[key]}.")
            return
    for key in keys:
        seen[key] = row.label


def _match(row, tree):
    """Find the existing page: explicit id, then slug, then municipality + area name."""
    values = row.values
    row.municipality_name = values["municipality"]
    row.municipality = tree.municipalities.get(name_key(values["municipality"]))
    page = None
    if values.get("id"):
        page = tree.pages_by_id.get(values["id"])
        if page is None:
            row.warnings.append(f"Die ID {values['id']} gibt es hier nicht; das Gebiet wird über seinen Namen gesucht.")
        elif row.municipality is None or page.municipality_id != row.municipality.pk:
            current = page.municipality.title if page.municipality else "?"
            row.errors.append(
                f"Die ID {values['id']} gehört zu „{page.title}“ in {current}, "
                f"nicht zur Kommune „{values['municipality']}“."
            )
            return
    if page is None and row.municipality is not None:
        if values.get("slug"):
            page_id = tree.slugs.get(row.municipality.pk, {}).get(values["slug"])
            page = tree.pages_by_id.get(page_id)
        if page is None:
            page = tree.pages_by_key.get((row.municipality.pk, name_key(values["title"])))
    if page is not None:
        row.page = page.get_latest_revision_as_object()
        row.action = ACTION_UPDATE
    else:
        row.action = ACTION_CREATE


def _check_permissions(row, tree, user):
    """Municipality editors may only touch areas below their own MunicipalityPage."""
    if user is None or user.is_superuser:
        return
    name = row.municipality_name
    if row.page is not None:
        allowed = row.page.permissions_for_user(user).can_edit()
    elif row.municipality is not None:
        allowed = row.municipality.permissions_for_user(user).can_add_subpage()
    else:
        allowed = tree.index is not None and tree.index.permissions_for_user(user).can_add_subpage()
    if not allowed:
        row.errors.append(f"Keine Berechtigung für Gebiete der Kommune „{name}“.")


def _check_content(row):
    """Required values for new pages and the rules across fields, on the merged record."""
    current = profile_record(row.page) if row.page is not None else {}
    merged = {**current, **{key: value for key, value in row.values.items() if key != "id"}}
    if row.page is None and "status" not in merged and not _has_error(row, "Status"):
        merged["status"] = row.values["status"] = STATUS_RUNNING
    if merged.get("start_year") is None and not _has_error(row, "Beginn"):
        row.errors.append("Der Programmbeginn (Spalte „beginn“) fehlt.")
    if merged.get("latitude") is None and not _has_error(row, "grad"):
        row.errors.append("Die Lage fehlt (Spalten „breitengrad“ und „laengengrad“).")
    start, end = merged.get("start_year"), merged.get("end_year")
    if start and end and end < start:
        row.errors.append(f"Das Programmende ({end}) liegt vor dem Programmbeginn ({start}).")
    if merged.get("status") == STATUS_COMPLETED and not end and not _has_error(row, "Ende"):
        row.errors.append("Ein abgeschlossenes Gebiet braucht ein Programmende (Spalte „ende“).")
    for key, limit, label in (("title", 255, "Gebiet"), ("teaser", 400, "Anreißer"), ("address", 250, "Adresse")):
        if len(merged.get(key) or "") > limit:
            row.errors.append(f"{label}: höchstens {limit} Zeichen erlaubt.")
    if row.page is not None:
        row.changes = changed_keys(current, row.values)
        if not row.changes and not row.errors:
            row.action = ACTION_UNCHANGED


def _has_error(row, word):
    """Whether a parsing error already names this value, so a blank result is not reported twice."""
    return any(word in error for error in row.errors)


def _choose_slug(row, tree, new_slugs):
    """A new page's slug: the given one if free, else derived from the name and made unique."""
    if row.page is not None or row.errors:
        return
    parent_key = row.municipality.pk if row.municipality else name_key(row.municipality_name)
    taken = set(tree.slugs.get(parent_key, {})) | new_slugs.setdefault(parent_key, set())
    wanted = row.values.get("slug")
    if wanted:
        if wanted != german_slugify(wanted):
            row.errors.append(f"Slug „{wanted}“: nur Kleinbuchstaben, Ziffern und Bindestriche erlaubt.")
            return
        if wanted in taken:
            row.errors.append(f"Slug „{wanted}“ ist in der Kommune „{row.municipality_name}“ schon vergeben.")
            return
        slug = wanted
    else:
        base = german_slugify(row.values["title"]) or "gebiet"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
    row.slug = slug
    new_slugs[parent_key].add(slug)


# --- writing -----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    written: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.written)} gespeichert, {len(self.unchanged)} unverändert, "
            f"{len(self.skipped)} übersprungen, {len(self.failed)} nicht gespeichert (Fehler)."
        )


class ImportNotAllowed(Exception):
    pass


def run_import(plan, user=None, publish=False, skip_invalid=False, progress=None):
    """Write the valid rows of a plan. Refuses plans with errors unless skip_invalid is set."""
    if publish and not (user and user.is_superuser):
        raise ImportNotAllowed("Nur Administratorinnen und Administratoren (Superuser) dürfen direkt veröffentlichen.")
    if plan.has_errors and not skip_invalid:
        raise ImportNotAllowed("Die Datei enthält Fehler; es wurde nichts gespeichert.")
    result = ImportResult()
    writer = _Writer(user, publish, result)
    for position, row in enumerate(plan.rows, start=1):
        if not row.is_valid:
            result.skipped.append(row)
        elif row.action == ACTION_UNCHANGED:
            row.result = "unverändert"
            result.unchanged.append(row)
        else:
            try:
                with transaction.atomic():
                    writer.write(row)
            except ValidationError as error:
                row.errors.extend(validation_messages(error))
                row.result = "nicht gespeichert"
                result.failed.append(row)
                writer.forget_created_pages()
            else:
                result.written.append(row)
        if progress:
            progress(position, len(plan.rows))
    if writer.missing_workflow:
        result.notes.append(
            "Es ist kein Freigabe-Workflow eingerichtet (siehe „setup_editorial“); "
            "die Änderungen liegen als Entwürfe vor und wurden nicht zur Freigabe eingereicht."
        )
    return result


class _Writer:
    def __init__(self, user, publish, result):
        self.user = user
        self.publish = publish
        self.result = result
        self.missing_workflow = False
        self.index = None
        self.municipalities = {}

    def forget_created_pages(self):
        """After a rolled-back row, pages it created no longer exist; look them up again."""
        self.index = None
        self.municipalities = {}

    def write(self, row):
        if row.page is None:
            municipality = row.municipality or self.municipality(row.municipality_name)
            page = DistrictProfilePage(slug=row.slug, live=False, has_unpublished_changes=True, owner=self.user)
            apply_values(page, row.values, self.user, municipality)
            municipality.add_child(instance=page)
            row.page = page
            row.result = "neu angelegt"
        else:
            page = row.page
            apply_values(page, row.values, self.user, page.municipality)
            row.result = "aktualisiert"
        row.result += self.save(page)

    def save(self, page):
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
            return ", veröffentlicht"
        workflow = page.get_workflow()
        if workflow is None:
            self.missing_workflow = True
            return ", als Entwurf gespeichert (kein Freigabe-Workflow)"
        if page.workflow_in_progress:
            return ", als Entwurf gespeichert (Freigabe läuft bereits)"
        workflow.start(page, self.user)
        return f", zur Freigabe eingereicht ({workflow.name})"

    def municipality(self, name):
        key = name_key(name)
        if key not in self.municipalities:
            index = self.profile_index()
            municipality = MunicipalityPage.objects.child_of(index).filter(title__iexact=name).first()
            if municipality is None:
                slug = german_slugify(name)
                taken = set(index.get_children().values_list("slug", flat=True))
                base, number = slug, 2
                while slug in taken:
                    slug, number = f"{base}-{number}", number + 1
                municipality = MunicipalityPage(
                    title=name, slug=slug, live=False, has_unpublished_changes=True, owner=self.user
                )
                index.add_child(instance=municipality)
                self.save(municipality)
                self.result.notes.append(f"Kommune „{name}“ neu angelegt.")
            self.municipalities[key] = municipality
        return self.municipalities[key]

    def profile_index(self):
        """The profile index; in an empty database also the home page and default site it needs."""
        if self.index is None:
            self.index = ProfileIndexPage.objects.first() or self._create_skeleton()
        return self.index

    def _create_skeleton(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's migrations leave a plain "Welcome" page; it is replaced by our home page.
            Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").filter(
                numchild=0
            ).delete()
            home = HomePage(title="Städtenetz Soziale Stadt NRW", slug="start", owner=self.user)
            root.add_child(instance=home)
            home.save_revision(user=self.user, log_action=True).publish(user=self.user)
            site = Site.objects.filter(is_default_site=True).first()
            if site:
                site.root_page = home
                site.save()
            else:
                Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
            self.result.notes.append("Startseite angelegt (die Datenbank war leer).")
        index = ProfileIndexPage(title="Stadtteilprofile", slug="stadtteilprofile", owner=self.user)
        home.add_child(instance=index)
        index.save_revision(user=self.user, log_action=True).publish(user=self.user)
        self.result.notes.append("Seite „Stadtteilprofile“ angelegt.")
        return index


def apply_values(page, values, user, municipality):
    """Copy the row's values onto a page object (not saved); sections keep what the file does not carry."""
    for key in ("title", "status", "start_year", "end_year", "inhabitants", "area_ha"):
        if key in values:
            setattr(page, key, values[key])
    for key in ("address", "teaser", "intro"):
        if key in values:
            setattr(page, key, values[key] or "")
    if values.get("latitude") is not None:
        page.location = format_point(values["latitude"], values["longitude"])
    if "tags" in values:
        page.tags.set(values["tags"])
    page.municipality = municipality
    page.sections = merged_sections(page, values, municipality)


def merged_sections(page, values, municipality):
    """The page's raw sections with the text sections, milestones and contacts from the file put in."""
    from .blocks import SECTION_ORDER

    sections = raw_sections(page) if page.pk else {}
    ids = {child["type"]: child.get("id") for child in page.sections.raw_data} if page.pk else {}
    for name in TEXT_SECTIONS:
        if name in values:
            sections[name] = _replace_paragraphs(sections.get(name) or [], values[name])
    if "meilensteine" in values:
        sections["meilensteine"] = [_list_item(milestone) for milestone in values["meilensteine"]]
    if "ansprechpersonen" in values:
        sections["ansprechpersonen"] = [
            _list_item(contact_for(contact, municipality).pk) for contact in values["ansprechpersonen"]
        ]
    ordered = sorted((name for name, value in sections.items() if value), key=SECTION_ORDER.__getitem__)
    return [{"type": name, "value": sections[name], "id": ids.get(name) or str(uuid.uuid4())} for name in ordered]


def _list_item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _replace_paragraphs(children, text):
    """New paragraph text in place of the old paragraphs; images, quotes and links stay where they were."""
    kept = [child for child in children if child["type"] != "paragraph"]
    if not text:
        return kept
    position = next((i for i, child in enumerate(children) if child["type"] == "paragraph"), 0)
    position = sum(1 for child in children[:position] if child["type"] != "paragraph")
    paragraph = {"type": "paragraph", "value": text_to_richtext(text), "id": str(uuid.uuid4())}
    return kept[:position] + [paragraph] + kept[position:]


def contact_for(contact, municipality):
    """An existing contact person with the same name and e-mail address, else a new one."""
    candidates = ContactPerson.objects.filter(name__iexact=contact["name"], email__iexact=contact["email"])
    for candidate in candidates:
        if contact_record(candidate) == contact:
            return candidate
    existing = candidates.first()
    if existing is not None:
        for key, value in contact.items():
            setattr(existing, key, value)
        existing.save()
        return existing
    return ContactPerson.objects.create(municipality=municipality, **contact)


def validation_messages(error):
    """German messages of a model ValidationError, prefixed with the field label."""
    if hasattr(error, "message_dict"):
        return [
            f"{FIELD_LABELS.get(name, name)}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)
