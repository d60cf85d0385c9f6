"""Teaches Wagtail's API v3 the map point field: numbers out, numbers in (home.geo.PointField).

Must run before `wagtail.api.v3.registry` is imported (it builds every page schema at import
time), hence it is called from HomeConfig.ready(), before the URLconf loads the API.
"""

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, PlainSerializer

from .geo import PointField, format_point, point_as_numbers


class LatLng(BaseModel):
    lat: float = Field(ge=-90, le=90, description="Breitengrad (WGS 84)")
    lng: float = Field(ge=-180, le=180, description="Längengrad (WGS 84)")


def _read_schema(generator, field):
    name = field.name

    def resolve(obj: Any) -> Any:
        return point_as_numbers(getattr(obj, name))

    return LatLng | None, None, staticmethod(resolve)


def _write_schema(generator, field):
    # The admin form behind API v3 expects the stored WKT string; convert right after validation.
    # After validation the value is that string, so it is also dumped as one.
    point = Annotated[
        LatLng,
        AfterValidator(lambda value: format_point(value.lat, value.lng)),
        PlainSerializer(lambda value: value, return_type=str),
    ]
    return point | None, None


def register_point_schemas():
    from wagtail.api.v3.schemas.generators import create_generator, patch_generator, read_generator

    read_generator.register_field_schema(PointField, _read_schema)
    create_generator.register_field_schema(PointField, _write_schema)
    patch_generator.register_field_schema(PointField, _write_schema)
