"""`/api/v2/openapi.json`: an OpenAPI 3.1 description of the public read API.

Written by hand as Python data (not generated) so it states the contract; tests/test_api_openapi.py
validates real responses of every endpoint against it. Page objects are closed
(`unevaluatedProperties: false`) and a detail response must carry every field of its type, so a
field added to `api_fields` without being described here fails the tests.
"""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from profiles.models import REGION_CHOICES, STATUS_CHOICES

JSON = "application/json"
GEOJSON = "application/geo+json"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}


def obj(properties, required=None, closed=True):
    schema = {"type": "object", "properties": properties, "required": list(required or properties)}
    if closed:
        schema["additionalProperties"] = False
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
URL = {"type": "string", "format": "uri"}
HTML = {"type": "string", "description": "Rich text as HTML with real link URLs (`?rich_text_format=` changes it)."}


def block(type_name, value_schema):
    """One StreamField child: `{"type": ..., "value": ..., "id": ...}`."""
    return obj({"type": {"const": type_name}, "value": value_schema, "id": nullable(STRING)})


def stream(*blocks):
    return {"type": "array", "items": {"oneOf": list(blocks)}}


# --- shared value shapes -----------------------------------------------------------------------

RENDITION = obj({"url": URL, "width": INTEGER, "height": INTEGER})
SCHEMAS = {
    "Error": obj({"message": STRING}),
    "Rendition": RENDITION,
    "Image": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "renditions": obj({name: ref("Rendition") for name in ("small", "medium", "large")}),
        }
    ),
    "Document": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "url": URL,
            "file_type": {"type": "string", "description": "Upper-case file extension, e.g. PDF."},
            "file_size": nullable({"type": "integer", "description": "Bytes."}),
        }
    ),
    "Tag": obj({"name": STRING, "slug": STRING}),
    "Location": obj({"lat": {"type": "number"}, "lng": {"type": "number"}}),
    "Municipality": obj({"id": INTEGER, "title": STRING, "slug": STRING}),
    "Link": obj(
        {
            "text": STRING,
            "url": nullable(URL),
            "page": nullable({"type": "integer", "description": "Id of a linked page (null if external)."}),
        }
    ),
    "PageReference": obj({"id": INTEGER, "type": STRING, "title": STRING, "url": nullable(URL), "teaser": STRING}),
    "ContactPerson": obj(
        {
            "id": INTEGER,
            "name": STRING,
            "role": STRING,
            "organisation": STRING,
            "email": STRING,
            "phone": STRING,
            "photo": nullable(ref("Image")),
        }
    ),
    "Milestone": obj(
        {
            "year": nullable(INTEGER),
            "date": nullable({"type": "string", "format": "date"}),
            "title": STRING,
            "text": STRING,
        }
    ),
}

SCHEMAS["ImageBlock"] = obj({"image": nullable(ref("Image")), "caption": STRING, "credit": STRING})
SCHEMAS["QuoteBlock"] = obj({"text": STRING, "attribution": STRING})
SCHEMAS["Body"] = stream(
    block("heading", obj({"text": STRING, "level": {"enum": ["h2", "h3"]}})),
    block("paragraph", HTML),
    block("image", ref("ImageBlock")),
    block("quote", ref("QuoteBlock")),
    block("documents", obj({"title": STRING, "documents": {"type": "array", "items": nullable(ref("Document"))}})),
    block("links", obj({"title": STRING, "links": {"type": "array", "items": ref("Link")}})),
    block(
        "call_to_action",
        obj({"text": STRING, "url": nullable(URL), "page": nullable(INTEGER), "description": STRING}),
    ),
    block("embed", nullable({"type": "string", "description": "Address of the embedded medium."})),
)
SCHEMAS["SectionContent"] = stream(
    block("paragraph", HTML),
    block("image", ref("ImageBlock")),
    block("quote", ref("QuoteBlock")),
    block("link", ref("Link")),
)
SCHEMAS["ProfileSections"] = {
    "description": "The seven sections, each at most once, always in this order.",
    **stream(
        block("ausgangslage", ref("SectionContent")),
        block("potenziale", ref("SectionContent")),
        block("organisation", ref("SectionContent")),
        block("meilensteine", {"type": "array", "items": ref("Milestone")}),
        block("perspektiven", ref("SectionContent")),
        block("ansprechpersonen", {"type": "array", "items": nullable(ref("ContactPerson"))}),
        block(
            "materialien",
            {
                "type": "array",
                "items": obj({"document": nullable(ref("Document")), "description": STRING}),
            },
        ),
    ),
}

# --- page types --------------------------------------------------------------------------------

BASE_PAGE_FIELDS = {"title": STRING, "teaser": STRING, "social_image": nullable(ref("Image"))}
TAGS = {"type": "array", "items": ref("Tag")}
DATETIME = {"type": "string", "format": "date-time"}

# Fields of each page type beyond BASE_PAGE_FIELDS; `detail_only` ones are not offered in listings.
PAGE_TYPES = {
    "home.HomePage": {
        "fields": {
            "intro": HTML,
            "featured": {
                "type": "array",
                "items": block("page", ref("PageReference")),
                "description": "Featured pages (only those the public may see).",
            },
        },
        "detail_only": ["intro", "featured"],
    },
    "home.StandardPage": {"fields": {"body": ref("Body")}, "detail_only": ["body"]},
    "newsroom.NewsIndexPage": {"fields": {"intro": HTML}, "detail_only": ["intro"]},
    "newsroom.NewsPage": {
        "fields": {
            "date": {"type": "string", "format": "date"},
            "teaser_image": nullable(ref("Image")),
            "body": ref("Body"),
            "tags": TAGS,
        },
        "detail_only": ["body"],
    },
    "newsroom.EventIndexPage": {"fields": {"intro": HTML}, "detail_only": ["intro"]},
    "newsroom.EventPage": {
        "fields": {
            "start": DATETIME,
            "end": nullable(DATETIME),
            "all_day": {"type": "boolean"},
            "venue": STRING,
            "street_address": STRING,
            "postal_code": STRING,
            "city": STRING,
            "location": nullable(ref("Location")),
            "organiser": STRING,
            "registration_url": {"anyOf": [URL, {"const": ""}]},
            "teaser_image": nullable(ref("Image")),
            "body": ref("Body"),
            "tags": TAGS,
        },
        "detail_only": ["body"],
    },
    "profiles.ProfileIndexPage": {"fields": {"intro": HTML}, "detail_only": ["intro"]},
    "profiles.MunicipalityPage": {
        "fields": {
            "region": {"enum": ["", *[value for value, _label in REGION_CHOICES]]},
            "website": {"anyOf": [URL, {"const": ""}]},
            "intro": HTML,
        },
        "detail_only": ["intro"],
    },
    "profiles.DistrictProfilePage": {
        "fields": {
            "municipality": nullable(ref("Municipality")),
            "status": {"enum": [value for value, _label in STATUS_CHOICES]},
            "start_year": INTEGER,
            "end_year": nullable(INTEGER),
            "period_display": {"type": "string", "description": "e.g. „seit 2010“ or „2001–2014“."},
            "location": nullable(ref("Location")),
            "address": STRING,
            "teaser_image": nullable(ref("Image")),
            "intro": STRING,
            "inhabitants": nullable(INTEGER),
            "area_ha": nullable({"type": "number"}),
            "tags": TAGS,
            "sections": ref("ProfileSections"),
        },
        "detail_only": ["sections"],
    },
}


def schema_name(page_type):
    return page_type.split(".")[1]


NESTED_PAGE = obj(
    {
        "id": INTEGER,
        "meta": obj({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}),
        "title": STRING,
    }
)
PAGE_META = {
    "type": "object",
    "properties": {
        "type": {"enum": list(PAGE_TYPES)},
        "detail_url": URL,
        "html_url": nullable(URL),
        "slug": STRING,
        "show_in_menus": {"type": "boolean"},
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": nullable(DATETIME),
        "alias_of": nullable(NESTED_PAGE),
        "locale": STRING,
        "parent": nullable(NESTED_PAGE),
    },
    "required": ["type", "detail_url"],
    "additionalProperties": False,
}
SCHEMAS["PageMeta"] = PAGE_META


def page_schema(detail):
    """A page object: id + meta, plus the fields of the type named in meta.type (all of them in a detail)."""
    branches = []
    for page_type, spec in PAGE_TYPES.items():
        fields = {**BASE_PAGE_FIELDS, **spec["fields"]}
        if not detail:
            fields = {name: schema for name, schema in fields.items() if name not in spec["detail_only"]}
        then = {"properties": fields}
        if detail:
            then["required"] = list(fields)
        branches.append(
            {
                "if": {"properties": {"meta": {"properties": {"type": {"const": page_type}}}}},
                "then": then,
            }
        )
    return {
        "type": "object",
        "properties": {"id": INTEGER, "meta": ref("PageMeta")},
        "required": ["id", "meta"],
        "allOf": branches,
        "unevaluatedProperties": False,
    }


SCHEMAS["PageListingItem"] = {
    "description": "Listings offer every field except StreamField and rich text (those need the detail endpoint).",
    **page_schema(detail=False),
}
SCHEMAS["PageDetail"] = page_schema(detail=True)
SCHEMAS["PageListing"] = obj(
    {"meta": obj({"total_count": INTEGER}), "items": {"type": "array", "items": ref("PageListingItem")}}
)
for _page_type, _spec in PAGE_TYPES.items():
    SCHEMAS[schema_name(_page_type)] = {
        "description": f"Fields of `{_page_type}` (besides id and meta).",
        **obj({**BASE_PAGE_FIELDS, **_spec["fields"]}),
    }

MEDIA_META = {
    "type": STRING,
    "detail_url": URL,
    "tags": {"type": "array", "items": STRING},
    "download_url": STRING,
}
SCHEMAS["ImageItem"] = obj(
    {
        "id": INTEGER,
        "meta": obj(MEDIA_META, required=["type", "detail_url"]),
        "title": STRING,
        "width": INTEGER,
        "height": INTEGER,
    },
    required=["id", "meta"],
)
SCHEMAS["DocumentItem"] = obj(
    {"id": INTEGER, "meta": obj(MEDIA_META, required=["type", "detail_url"]), "title": STRING},
    required=["id", "meta"],
)
for _name in ("Image", "Document"):
    SCHEMAS[f"{_name}Listing"] = obj(
        {"meta": obj({"total_count": INTEGER}), "items": {"type": "array", "items": ref(f"{_name}Item")}}
    )

SCHEMAS["ProfileFeature"] = obj(
    {
        "type": {"const": "Feature"},
        "id": INTEGER,
        "geometry": obj(
            {
                "type": {"const": "Point"},
                "coordinates": {
                    "type": "array",
                    "description": "[longitude, latitude] (RFC 7946).",
                    "prefixItems": [
                        {"type": "number", "minimum": -180, "maximum": 180},
                        {"type": "number", "minimum": -90, "maximum": 90},
                    ],
                    "minItems": 2,
                    "maxItems": 2,
                },
            }
        ),
        "properties": obj(
            {
                "title": STRING,
                "url": nullable(URL),
                "api_url": URL,
                "status": {"enum": [value for value, _label in STATUS_CHOICES]},
                "municipality": nullable(ref("Municipality")),
                "period": obj({"start_year": INTEGER, "end_year": nullable(INTEGER), "display": STRING}),
                "teaser": STRING,
            }
        ),
    }
)
SCHEMAS["ProfileFeatureCollection"] = obj(
    {"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": ref("ProfileFeature")}}
)

# --- parameters and operations -----------------------------------------------------------------


def query(name, description, schema=None):
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or STRING}


ID_PATH = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
COMMON_LISTING = [
    query(
        "fields",
        "Comma list of fields to add (`title,teaser`), remove (`-title`), all (`*`) or none (`_`).",
    ),
    query("limit", "Items per response (default 20).", {"type": "integer", "minimum": 0, "maximum": 100}),
    query("offset", "Items to skip.", {"type": "integer", "minimum": 0}),
    query("order", "Field to order by, `-field` descending, or `random`."),
    query("search", "Full-text search (German)."),
    query("search_operator", "`and` or `or` between search terms.", {"enum": ["and", "or"]}),
]
PAGE_LISTING = [
    query("type", "Page type(s), e.g. `newsroom.EventPage` (comma list)."),
    query("tags", "Comma list of topic tag slugs; a page must carry all of them."),
    query("child_of", "Id of the parent page (e.g. a municipality) or `root`."),
    query("descendant_of", "Id of an ancestor page or `root`."),
    query("ancestor_of", "Id of a descendant page."),
    query(
        "status",
        "District profiles by status (implies type=profiles.DistrictProfilePage).",
        {"enum": ["laufend", "abgeschlossen"]},
    ),
    query(
        "date_from",
        "Events that have not ended before this day (implies the event type).",
        {"type": "string", "format": "date"},
    ),
    query(
        "date_to",
        "Events that start on or before this day (implies the event type).",
        {"type": "string", "format": "date"},
    ),
    query(
        "upcoming", "`1`: only events that have not ended yet, soonest first.", {"enum": ["1", "0", "true", "false"]}
    ),
    query("rich_text_format", "Rich text as `html` (default), `db_html`, `markdown` or `db_markdown`."),
    query("site", "Hostname of the site (defaults to the requested host)."),
] + COMMON_LISTING


def json_response(description, schema_name):
    return {"description": description, "content": {JSON: {"schema": ref(schema_name)}}}


ERRORS = {
    "400": json_response("Unknown parameter or malformed value.", "Error"),
    "404": json_response("Not found (or not public).", "Error"),
}


def endpoint_paths(name, listing_schema, item_schema, listing_parameters, find_parameters):
    base = f"/api/v2/{name}/"
    return {
        base: {
            "get": {
                "operationId": f"list_{name}",
                "summary": f"List {name}",
                "parameters": listing_parameters,
                "responses": {"200": json_response(f"A page of {name}.", listing_schema), **ERRORS},
            }
        },
        base + "{id}/": {
            "get": {
                "operationId": f"get_{name}",
                "summary": f"One of the {name}",
                "parameters": [
                    ID_PATH,
                    query(
                        "fields",
                        "Limit the fields. The schema describes the default response, which has every field.",
                    ),
                    query("rich_text_format", "See the listing."),
                ],
                "responses": {"200": json_response("The object with all its fields.", item_schema), **ERRORS},
            }
        },
        base + "find/": {
            "get": {
                "operationId": f"find_{name}",
                "summary": f"Find one of the {name} and redirect to its detail URL",
                "parameters": find_parameters,
                "responses": {
                    "302": {
                        "description": "Redirect to the detail endpoint.",
                        "headers": {"Location": {"schema": STRING}},
                    },
                    **ERRORS,
                },
            }
        },
    }


def build_spec():
    base_url = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    paths = {}
    paths.update(
        endpoint_paths(
            "pages",
            "PageListing",
            "PageDetail",
            PAGE_LISTING,
            [
                query("html_path", "Path of the page on the website, e.g. `/aktuelles/meldung/`."),
                query("id", "Page id."),
            ],
        )
    )
    paths.update(endpoint_paths("images", "ImageListing", "ImageItem", COMMON_LISTING, [query("id", "Image id.")]))
    paths.update(
        endpoint_paths("documents", "DocumentListing", "DocumentItem", COMMON_LISTING, [query("id", "Document id.")])
    )
    paths["/api/v2/profiles.geojson"] = {
        "get": {
            "operationId": "profiles_geojson",
            "summary": "All live, public district profiles as a GeoJSON FeatureCollection",
            "description": "Supports revalidation with `If-None-Match` (ETag) and `If-Modified-Since`.",
            "parameters": [query("status", "Only profiles with this status.", {"enum": ["laufend", "abgeschlossen"]})],
            "responses": {
                "200": {
                    "description": "RFC 7946 FeatureCollection.",
                    "headers": {"ETag": {"schema": STRING}, "Last-Modified": {"schema": STRING}},
                    "content": {GEOJSON: {"schema": ref("ProfileFeatureCollection")}},
                },
                "304": {"description": "Not modified since the given validator."},
                "400": json_response("Unknown status.", "Error"),
            },
        }
    }
    paths["/api/v2/page_preview/"] = {
        "get": {
            "operationId": "page_preview",
            "summary": "A draft previewed by an editor, for an external front end (see README, headless preview)",
            "parameters": [
                query("content_type", "Page type as `app_label.model`, e.g. `profiles.districtprofilepage`."),
                query("token", "Signed token from the preview URL; expires after HEADLESS_PREVIEW_MAX_AGE seconds."),
            ],
            "responses": {
                "200": json_response("The draft, in the shape of a page detail.", "PageDetail"),
                "403": json_response("Token missing, wrong or expired.", "Error"),
            },
        }
    }
    paths["/api/v2/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This description",
            "responses": {
                "200": {"description": "OpenAPI 3.1 document.", "content": {JSON: {"schema": {"type": "object"}}}}
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME}: öffentliche Inhalte (API v2)",
            "version": "2.0",
            "description": (
                "Read-only access to every public page, image and document. Only live, public, unexpired "
                "content is returned. Listings are paginated with `limit`/`offset`; StreamField and rich-text "
                "fields come from the detail endpoint."
            ),
        },
        "servers": [{"url": base_url}],
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }


@require_safe
def openapi_view(request):
    return JsonResponse(build_spec(), json_dumps_params={"ensure_ascii": False})
