"""Reading import files (CSV or GeoJSON) into raw rows keyed like a profile record.

Nothing is validated here beyond the file's structure; `importer.py` checks the values.
CSV cells stay strings; GeoJSON properties keep their JSON types.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field

from .records import HEADER_TO_KEY, KEY_TO_HEADER

# Headers people commonly write instead of ours.
HEADER_ALIASES = {
    "name": "gebiet",
    "gebietsname": "gebiet",
    "titel": "gebiet",
    "stadt": "kommune",
    "lat": "breitengrad",
    "latitude": "breitengrad",
    "lon": "laengengrad",
    "lng": "laengengrad",
    "longitude": "laengengrad",
    "einwohnerinnen_und_einwohner": "einwohner",
    "flaeche": "flaeche_ha",
    "themen": "handlungsfelder",
    "gebietscharakter": "gebietscharakter_und_ausgangslage",
    "ausgangslage": "gebietscharakter_und_ausgangslage",
    "potenziale": "potenziale_und_handlungsansaetze",
    "organisation": "organisation_und_lokale_partner",
}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is German and meant for the editor."""


@dataclass
class RawRow:
    number: int
    label: str
    values: dict
    warnings: list = field(default_factory=list)


@dataclass
class RawFile:
    format: str
    rows: list
    keys: set
    warnings: list = field(default_factory=list)


def normalize_header(header):
    key = re.sub(r"[\s\-]+", "_", (header or "").strip().lower().translate(UMLAUTS))
    return HEADER_ALIASES.get(key, key)


def decode(data):
    """UTF-8 with or without byte order mark; anything else is refused with a hint."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "Die Datei ist nicht in UTF-8 gespeichert. Bitte in der Tabellenkalkulation "
            "„CSV (UTF-8)“ als Format wählen."
        ) from error


def read_import_file(data, filename=""):
    text = decode(data)
    if filename.lower().endswith((".geojson", ".json")) or text.lstrip().startswith("{"):
        return read_geojson(text)
    return read_csv(text)


def sniff_delimiter(header_line):
    """Semicolon (German spreadsheets) or comma, whichever the header line uses more."""
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def read_csv(text):
    if not text.strip():
        raise ImportFileError("Die Datei ist leer.")
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except csv.Error as error:
        raise ImportFileError(f"Die Kopfzeile ist kein gültiges CSV: {error}") from error
    keys, warnings = [], []
    for header in headers:
        name = normalize_header(header)
        key = HEADER_TO_KEY.get(name)
        if key is None and name:
            warnings.append(f"Unbekannte Spalte „{header.strip()}“ wird ignoriert.")
        keys.append(key)
    known = {key for key in keys if key}
    for required in ("municipality", "title"):
        if required not in known:
            raise ImportFileError(f"Die Spalte „{KEY_TO_HEADER[required]}“ fehlt in der Kopfzeile.")
    rows = []
    while True:
        line_number = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportFileError(f"Zeile {line_number}: kein gültiges CSV ({error}).") from error
        if not any(cell.strip() for cell in cells):
            continue
        row = RawRow(line_number, f"Zeile {line_number}", {})
        if len(cells) > len(keys):
            row.warnings.append(f"{len(cells) - len(keys)} Zelle(n) mehr als Spalten; sie werden ignoriert.")
        for key, cell in zip(keys, cells, strict=False):
            if key:
                row.values[key] = cell
        rows.append(row)
    return RawFile("csv", rows, known, warnings)


# GeoJSON properties of our export (and the API) mapped to record keys.
GEOJSON_PROPERTIES = {
    "id": "id",
    "slug": "slug",
    "title": "title",
    "status": "status",
    "start_year": "start_year",
    "end_year": "end_year",
    "address": "address",
    "inhabitants": "inhabitants",
    "area_ha": "area_ha",
    "tags": "tags",
    "teaser": "teaser",
    "intro": "intro",
}


def read_geojson(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"Die Datei ist kein gültiges JSON (Zeile {error.lineno}: {error.msg}).") from error
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection" and isinstance(data.get("features"), list):
        features = data["features"]
    else:
        raise ImportFileError("Die GeoJSON-Datei enthält keine FeatureCollection.")
    rows, keys = [], set()
    for number, feature in enumerate(features, start=1):
        row = RawRow(number, f"Objekt {number}", {})
        if not isinstance(feature, dict):
            row.values["_error"] = "Das Objekt ist kein GeoJSON-Feature."
            rows.append(row)
            continue
        properties = feature.get("properties") or {}
        for name, key in GEOJSON_PROPERTIES.items():
            if name in properties:
                row.values[key] = properties[name]
        period = properties.get("period")
        if isinstance(period, dict):
            row.values.update({key: period[key] for key in ("start_year", "end_year") if key in period})
        municipality = properties.get("municipality")
        row.values["municipality"] = (
            municipality.get("title", "") if isinstance(municipality, dict) else (municipality or "")
        )
        sections = properties.get("sections")
        if isinstance(sections, dict):
            row.values.update({name: value for name, value in sections.items() if name != "materialien"})
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") == "Point":
            coordinates = geometry.get("coordinates") or []
            if len(coordinates) >= 2:
                row.values["longitude"], row.values["latitude"] = coordinates[0], coordinates[1]
            else:
                row.values["_error"] = "Die Geometrie hat keine zwei Koordinaten."
        elif geometry is not None:
            row.values["_error"] = "Als Geometrie wird ein Punkt (Point) erwartet."
        keys.update(key for key in row.values if not key.startswith("_"))
        rows.append(row)
    return RawFile("geojson", rows, keys, [])
