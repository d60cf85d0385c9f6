"""Location fields: wagtail-geo-widget stores a point as "SRID=4326;POINT(lng lat)".

The widget's package loads Leaflet from unpkg; the subclasses below serve it from
django-leaflet's static files instead, so the admin never contacts a CDN.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField

POINT_RE = re.compile(
    r"^\s*(?:SRID=(?P<srid>\d+);)?\s*POINT\s*\(\s*(?P<lng>-?\d+(?:\.\d+)?)\s+(?P<lat>-?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


def parse_point(value):
    """Return (lat, lng) as floats, or None for an empty value; raise ValidationError if malformed."""
    if not value:
        return None
    match = POINT_RE.match(value)
    if not match:
        raise ValidationError(
            "Der Standort hat kein gültiges Format (erwartet: SRID=4326;POINT(Längengrad Breitengrad))."
        )
    lat, lng = float(match["lat"]), float(match["lng"])
    if not -90 <= lat <= 90:
        raise ValidationError(f"Der Breitengrad {lat} liegt außerhalb des gültigen Bereichs (−90 bis 90).")
    if not -180 <= lng <= 180:
        raise ValidationError(f"Der Längengrad {lng} liegt außerhalb des gültigen Bereichs (−180 bis 180).")
    return lat, lng


def format_point(lat, lng):
    return f"SRID=4326;POINT({lng} {lat})"


def validate_point(value):
    parse_point(value)


class PointField(models.CharField):
    """A map point stored as wagtail-geo-widget writes it ("SRID=4326;POINT(lng lat)").

    Its own field class lets both APIs present it as numbers ({"lat", "lng"}) and API v3 accept
    that shape on write (home/api_schemas.py), while the admin keeps the geo widget.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 250)
        kwargs.setdefault("validators", [validate_point])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 250:
            del kwargs["max_length"]
        if kwargs.get("validators") == [validate_point]:
            del kwargs["validators"]
        return name, path, args, kwargs


def point_as_numbers(value):
    try:
        point = parse_point(value)
    except ValidationError:
        return None
    return {"lat": point[0], "lng": point[1]} if point else None


class LocalLeafletField(LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", "leaflet/leaflet.css")},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                "leaflet/leaflet.js",
            ),
        )


class LocationPanel(LeafletPanel):
    """LeafletPanel with Leaflet from our own static files."""

    def widget_overrides(self):
        widget = super().widget_overrides()[self.field_name]
        local = LocalLeafletField(
            address_field=widget.address_field,
            zoom_field=widget.zoom_field,
            hide_latlng=widget.hide_latlng,
            zoom=widget.zoom,
            srid=widget.srid,
            id_prefix="id_",
        )
        return {self.field_name: local}


class LocatedMixin:
    """Numeric access to a `location` field for templates, the API and GeoJSON."""

    @property
    def latitude(self):
        point = self._point()
        return point[0] if point else None

    @property
    def longitude(self):
        point = self._point()
        return point[1] if point else None

    def _point(self):
        try:
            return parse_point(self.location)
        except ValidationError:
            return None
