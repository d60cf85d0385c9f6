"""A district profile as a flat record: the common ground of export, import and change detection.

A record holds exactly what the open-data files carry, as plain Python values
(text sections as plain text, milestones and contact persons as lists of dicts).
It is built from the StreamField's raw data, so exporting many pages needs one
query for all contact persons and one for all documents instead of one per page.
"""

from decimal import Decimal

from home.models import ContactPerson

from .blocks import SECTIONS
from .textformat import CONTACT_FIELDS, normalize_text, richtext_to_text

TEXT_SECTIONS = ["ausgangslage", "potenziale", "organisation", "perspektiven"]
SECTION_NAMES = [name for name, _label in SECTIONS]

# Record keys in file order, with their German CSV headers. "url" and "materialien" are export-only.
COLUMNS = [
    ("id", "id"),
    ("slug", "slug"),
    ("municipality", "kommune"),
    ("title", "gebiet"),
    ("status", "status"),
    ("start_year", "beginn"),
    ("end_year", "ende"),
    ("latitude", "breitengrad"),
    ("longitude", "laengengrad"),
    ("address", "adresse"),
    ("inhabitants", "einwohner"),
    ("area_ha", "flaeche_ha"),
    ("tags", "handlungsfelder"),
    ("teaser", "anreisser"),
    ("intro", "einleitung"),
    ("ausgangslage", "gebietscharakter_und_ausgangslage"),
    ("potenziale", "potenziale_und_handlungsansaetze"),
    ("organisation", "organisation_und_lokale_partner"),
    ("meilensteine", "meilensteine"),
    ("perspektiven", "perspektiven"),
    ("ansprechpersonen", "ansprechpersonen"),
    ("materialien", "materialien"),
    ("url", "url"),
]
HEADER_TO_KEY = {header: key for key, header in COLUMNS}
KEY_TO_HEADER = dict(COLUMNS)
EXPORT_ONLY = {"url", "materialien"}
# What an import compares and writes (the identity columns id/slug/municipality are handled by matching).
CONTENT_KEYS = [
    "title",
    "status",
    "start_year",
    "end_year",
    "latitude",
    "longitude",
    "address",
    "inhabitants",
    "area_ha",
    "tags",
    "teaser",
    "intro",
    *TEXT_SECTIONS,
    "meilensteine",
    "ansprechpersonen",
]


def raw_sections(page):
    """The sections as {block_type: raw value} (raw JSON data, no database access)."""
    return {child["type"]: child["value"] for child in page.sections.raw_data}


def section_text(raw_value):
    """The paragraphs of a text section as plain text; images, quotes and links are not part of the text."""
    texts = [richtext_to_text(child["value"]) for child in raw_value or [] if child["type"] == "paragraph"]
    return normalize_text("\n\n".join(text for text in texts if text))


def milestones_from_raw(raw_value):
    milestones = []
    for value in list_values(raw_value):
        date = value.get("date") or None
        year = value.get("year")
        milestones.append(
            {
                "year": None if date else (int(year) if year not in (None, "") else None),
                "date": date,
                "title": value.get("title") or "",
                "text": normalize_text(value.get("text")),
            }
        )
    return milestones


def list_values(raw_value):
    """Items of a stored ListBlock, in the current format ({"type": "item", "value": …}) or the older plain one."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" and "value" in item else item
        for item in raw_value or []
    ]


def contact_ids_from_raw(raw_value):
    return list_values(raw_value)


def contact_record(contact):
    return {field: getattr(contact, field) or "" for field in CONTACT_FIELDS}


def related_objects(pages):
    """Contact persons and documents referenced by the given pages, each fetched in one query."""
    from wagtail.documents import get_document_model

    contact_ids, document_ids = set(), set()
    for page in pages:
        sections = raw_sections(page)
        contact_ids.update(i for i in contact_ids_from_raw(sections.get("ansprechpersonen")) if i)
        for download in list_values(sections.get("materialien")):
            document_ids.add(download["document"])
    contacts = ContactPerson.objects.in_bulk(contact_ids) if contact_ids else {}
    documents = get_document_model().objects.in_bulk(document_ids - {None}) if document_ids else {}
    return contacts, documents


def profile_record(page, contacts=None, documents=None, municipality_title=None):
    """The record of one DistrictProfilePage; pass `related_objects()` results when exporting many pages."""
    if contacts is None or documents is None:
        contacts, documents = related_objects([page])
    sections = raw_sections(page)
    record = {
        "id": page.pk,
        "slug": page.slug,
        "municipality": municipality_title or (page.municipality.title if page.municipality_id else ""),
        "title": page.title,
        "status": page.status,
        "start_year": page.start_year,
        "end_year": page.end_year,
        "latitude": page.latitude,
        "longitude": page.longitude,
        "address": page.address or "",
        "inhabitants": page.inhabitants,
        "area_ha": Decimal(page.area_ha).quantize(Decimal("0.1")) if page.area_ha is not None else None,
        # Through the tagged items, so that prefetch_related("tagged_items__tag") saves a query per page.
        "tags": sorted(item.tag.name for item in page.tagged_items.all()),
        "teaser": normalize_text(page.teaser),
        "intro": normalize_text(page.intro),
        "meilensteine": milestones_from_raw(sections.get("meilensteine")),
        "ansprechpersonen": [
            contact_record(contacts[contact_id])
            for contact_id in contact_ids_from_raw(sections.get("ansprechpersonen"))
            if contact_id in contacts
        ],
        "materialien": [
            {
                "title": documents[download["document"]].title,
                "url": documents[download["document"]].url,
                "description": download.get("description") or "",
            }
            for download in list_values(sections.get("materialien"))
            if download.get("document") in documents
        ],
    }
    for name in TEXT_SECTIONS:
        record[name] = section_text(sections.get(name))
    return record


def changed_keys(current, proposed):
    """The content keys whose proposed value differs from the current record."""
    return [key for key in CONTENT_KEYS if key in proposed and proposed[key] != current.get(key)]
