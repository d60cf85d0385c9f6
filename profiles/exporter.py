"""Export of district profiles as open data: CSV (German headers) and GeoJSON.

Both formats carry the same records (`records.py`), so whatever is exported can be
imported again without loss. The licence is Datenlizenz Deutschland – Namensnennung – 2.0;
GeoJSON names it in a top-level member, CSV (which has no metadata) in the HTTP headers
of the public download and in the README.
"""

import csv
import io
import json
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .models import DistrictProfilePage
from .records import COLUMNS, TEXT_SECTIONS, profile_record, related_objects
from .textformat import contacts_to_text, milestones_to_text

LICENSE = {
    "id": "dl-de/by-2-0",
    "name": "Datenlizenz Deutschland – Namensnennung – 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}
PUBLISHER = "Städtenetz Soziale Stadt NRW"
CSV_FILENAME = "stadtteilprofile_dl-de-by-2-0.csv"
GEOJSON_FILENAME = "stadtteilprofile_dl-de-by-2-0.geojson"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def public_profiles(ancestor=None):
    """Live, public, unexpired profiles in a stable order, ready for `export_records`."""
    pages = (
        DistrictProfilePage.objects.live()
        .public()
        .exclude(expire_at__lte=timezone.now())
        .select_related("municipality")
        .prefetch_related("tagged_items__tag")
        .order_by("municipality__title", "title", "pk")
    )
    if ancestor is not None:
        pages = pages.descendant_of(ancestor)
    return pages


def latest_revisions():
    """Every profile as its newest revision (drafts included), for moving data between installations."""
    pages = DistrictProfilePage.objects.select_related("municipality").order_by("municipality__title", "title", "pk")
    return [page.get_latest_revision_as_object() for page in pages]


def export_records(pages, request=None):
    pages = list(pages)
    contacts, documents = related_objects(pages)
    records = []
    for page in pages:
        record = profile_record(page, contacts, documents)
        record["url"] = page.get_full_url(request) if page.live else ""
        municipality = page.municipality
        record["municipality_ref"] = (municipality.pk, municipality.slug) if municipality else (None, "")
        records.append(record)
    return records


def _number(value):
    """Decimal comma, as German spreadsheets expect in a semicolon-separated file."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = Decimal(repr(value))
    return format(value, "f").replace(".", ",")


def record_to_csv_row(record):
    cells = {
        **{key: record.get(key) for key, _header in COLUMNS},
        "id": record["id"] or "",
        "start_year": record["start_year"] or "",
        "end_year": record["end_year"] or "",
        "inhabitants": "" if record["inhabitants"] is None else record["inhabitants"],
        "latitude": _number(record["latitude"]),
        "longitude": _number(record["longitude"]),
        "area_ha": _number(record["area_ha"]),
        "tags": ", ".join(record["tags"]),
        "meilensteine": milestones_to_text(record["meilensteine"]),
        "ansprechpersonen": contacts_to_text(record["ansprechpersonen"]),
        "materialien": " | ".join(f"{item['title']} ({item['url']})" for item in record["materialien"]),
    }
    return [cells[key] if cells[key] is not None else "" for key, _header in COLUMNS]


def to_csv(records):
    """Semicolon-separated UTF-8 with byte order mark, so spreadsheet programs show umlauts correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _key, header in COLUMNS])
    for record in records:
        writer.writerow(record_to_csv_row(record))
    return buffer.getvalue()


def record_to_feature(record):
    """One profile as a GeoJSON Feature: the properties of /api/v2/profiles.geojson plus the full content."""
    municipality_id, municipality_slug = record.get("municipality_ref") or (None, "")
    area = record["area_ha"]
    return {
        "type": "Feature",
        "id": record["id"],
        # RFC 7946: positions are [longitude, latitude].
        "geometry": (
            {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
            if record["latitude"] is not None
            else None
        ),
        "properties": {
            "title": record["title"],
            "slug": record["slug"],
            "url": record.get("url") or "",
            "status": record["status"],
            "municipality": {
                "id": municipality_id,
                "title": record["municipality"],
                "slug": municipality_slug,
            },
            "period": {
                "start_year": record["start_year"],
                "end_year": record["end_year"],
                "display": f"{record['start_year']}–{record['end_year']}"
                if record["end_year"]
                else f"seit {record['start_year']}",
            },
            "teaser": record["teaser"],
            "intro": record["intro"],
            "address": record["address"],
            "inhabitants": record["inhabitants"],
            "area_ha": float(area) if area is not None else None,
            "tags": record["tags"],
            "sections": {
                **{name: record[name] for name in TEXT_SECTIONS},
                "meilensteine": record["meilensteine"],
                "ansprechpersonen": record["ansprechpersonen"],
                "materialien": record["materialien"],
            },
        },
    }


def to_geojson(records):
    collection = {
        "type": "FeatureCollection",
        "license": LICENSE,
        "metadata": {
            "title": "Stadtteilprofile des Städtenetzes Soziale Stadt NRW",
            "publisher": PUBLISHER,
            "license": LICENSE,
            "attribution": f"{PUBLISHER}, {LICENSE['name']} ({LICENSE['url']})",
            "source": getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
            "generated_at": timezone.now().isoformat(timespec="seconds"),
        },
        "features": [record_to_feature(record) for record in records],
    }
    return json.dumps(collection, ensure_ascii=False, indent=2)


def csv_response(index_page, request):
    """The public download /stadtteilprofile/export.csv: live, public profiles below the index page."""
    records = export_records(public_profiles(index_page), request)
    response = HttpResponse(to_csv(records), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{CSV_FILENAME}"'
    # CSV has no place for metadata: the licence travels as a typed link (RFC 8288).
    response["Link"] = f'<{LICENSE["url"]}>; rel="license"; title="{LICENSE["id"]}"'
    response["Cache-Control"] = "public, max-age=300"
    return response
