"""`/api/v2/profiles.geojson`: every live, public district profile as an RFC 7946 FeatureCollection.

Clients (maps on municipal websites) poll this; `ETag` and `Last-Modified` let them revalidate with a
304 and one cheap query instead of downloading the collection again.
"""

import functools
import hashlib
import json

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_safe
from wagtail.models import Page, PageLogEntry, Site

from config.api_rows import live_conditions
from home import prepared_statements as prepared
from home.api_visibility import anonymous
from home.row_instances import column_converters, converted

from .listings import lng_lat, period_display, site_page_paths
from .models import STATUS_CHOICES, DistrictProfilePage

GEOJSON_CONTENT_TYPE = "application/geo+json"
STATUS_VALUES = [value for value, _label in STATUS_CHOICES]
# Log actions after which the collection may differ although no remaining profile was published later.
VISIBILITY_ACTIONS = [
    "wagtail.publish",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
]


class BadStatus(ValueError):
    pass


def _state(request):
    """Per-request memo: the moment that decides expiry, the selection, and what has been read of it."""
    state = getattr(request, "_geojson", None)
    if state is None:
        state = request._geojson = {"now": timezone.now()}
    return state


def _selection(request):
    """SQL conditions (page table `p`, profile table `m`) and params: the live district profiles of the
    request's site outside every view restriction, expired ones included.

    Built once per request: the validators and the body both need it, and the restrictions are a query.
    """
    state = _state(request)
    if "selection" not in state:
        state["selection"] = _build_selection(request)
    return state["selection"]


def _build_selection(request):
    status = request.GET.get("status")
    if status is not None and status not in STATUS_VALUES:
        raise BadStatus(f"status must be one of: {', '.join(STATUS_VALUES)}")
    site = Site.find_for_request(request)
    if site is None:
        return "1 = 0", []
    # The API's list of what anonymous clients may not see, shared per content generation (a query less).
    from config.api import anonymous_view_restrictions  # config.api imports this app's models

    root = site.root_page
    # No page type condition: the join with the profile table is one, and with both PostgreSQL expected
    # so few rows that it read the whole page table in id order.
    conditions, params = live_conditions([(root.path, root.depth)], anonymous_view_restrictions(anonymous(request)))
    if status is not None:
        conditions.append("m.status = %s")
        params.append(status)
    return " AND ".join(conditions), params


def _quote(name):
    return connection.ops.quote_name(name)


def _column(model, name, alias):
    return f"{alias}.{_quote(model._meta.get_field(name).column)}"


# Columns of one feature (model, field, table alias), read as plain rows: building 2,000 page instances
# cost most of the time, and so did building and compiling the same statement through the ORM each time.
FEATURE_COLUMNS = (
    (Page, "id", "p"),
    (Page, "title", "p"),
    (Page, "url_path", "p"),
    (DistrictProfilePage, "status", "m"),
    (DistrictProfilePage, "start_year", "m"),
    (DistrictProfilePage, "end_year", "m"),
    (DistrictProfilePage, "location", "m"),
    (DistrictProfilePage, "teaser", "m"),
    (DistrictProfilePage, "municipality", "m"),
    (Page, "title", "mp"),
    (Page, "slug", "mp"),
    (Page, "live", "mp"),
)


# Unexpired at the request's moment (its parameter).
_VISIBLE = "(p.expire_at IS NULL OR p.expire_at > %s)"


@functools.cache
def _profile_tables():
    """FROM clause: the pages `p` with their profile rows `m`, and each profile's municipality page `mp`."""
    page_pk = _quote(Page._meta.pk.column)
    municipality = _column(DistrictProfilePage, "municipality", "m")
    return (
        f"{_quote(Page._meta.db_table)} p "
        f"JOIN {_quote(DistrictProfilePage._meta.db_table)} m "
        f"ON m.{_quote(DistrictProfilePage._meta.pk.column)} = p.{page_pk} "
        f"LEFT JOIN {_quote(Page._meta.db_table)} mp ON mp.{page_pk} = {municipality}"
    )


@functools.cache
def _feature_query():
    """(SELECT ... FROM ... WHERE without the selection, converters): the unexpired profiles' rows in title order."""
    columns = [(model._meta.get_field(name), alias) for model, name, alias in FEATURE_COLUMNS]
    select = ", ".join(_column(model, name, alias) for model, name, alias in FEATURE_COLUMNS)
    sql = (
        f"SELECT {select} FROM {_profile_tables()} WHERE {{selection}} AND {_VISIBLE} "
        f"ORDER BY p.{_quote('title')}, p.{_quote(Page._meta.pk.column)}"
    )
    return sql, column_converters(columns)


def _rows(request):
    """The unexpired profiles of the selection as rows of FEATURE_COLUMNS, in the collection's order."""
    where, params = _selection(request)
    sql, converters = _feature_query()
    with connection.cursor() as cursor:
        prepared.execute(cursor, sql.format(selection=where), [*params, _moment(request)])
        rows = cursor.fetchall()
    return [converted(row, converters) for row in rows] if converters else rows


def _moment(request):
    return connection.ops.adapt_datetimefield_value(_state(request)["now"])


@functools.cache
def _fingerprint_query():
    """(SQL with {selection}, converters) of _fingerprint's one row."""
    log = PageLogEntry._meta
    published, expire_at = Page._meta.get_field("last_published_at"), Page._meta.get_field("expire_at")
    actions = ", ".join(["%s"] * len(VISIBILITY_ACTIONS))
    sql = (
        f"SELECT COUNT(*) FILTER (WHERE {_VISIBLE}), "
        f"SUM(p.{_quote(Page._meta.pk.column)}) FILTER (WHERE {_VISIBLE}), "
        f"MAX(p.{_quote(published.column)}) FILTER (WHERE {_VISIBLE}), "
        f"MAX(p.{_quote(expire_at.column)}) FILTER (WHERE p.{_quote(expire_at.column)} <= %s), "
        f"(SELECT MAX(l.{_quote(log.get_field('timestamp').column)}) FROM {_quote(log.db_table)} l "
        f"WHERE l.{_quote(log.get_field('action').column)} IN ({actions})) "
        f"FROM {_profile_tables()} WHERE {{selection}}"
    )
    columns = [(Page._meta.pk, "p"), (Page._meta.pk, "p"), (published, "p"), (expire_at, "p")]
    columns.append((log.get_field("timestamp"), "l"))
    return sql, column_converters(columns)


def _fingerprint(request):
    """Count, id sum and newest publication of the visible profiles, the latest expiry among the rest, and
    the latest logged change of any page's visibility.

    One query, run once per request (empty if the request is invalid). Reading these from the rows
    instead would cost more: converting 2,000 timestamps takes longer than the query.
    """
    state = _state(request)
    if "fingerprint" not in state:
        try:
            where, params = _selection(request)
        except BadStatus:
            state["fingerprint"] = {}
            return state["fingerprint"]
        sql, converters = _fingerprint_query()
        moment = _moment(request)
        with connection.cursor() as cursor:
            prepared.execute(
                cursor, sql.format(selection=where), [moment, moment, moment, moment, *VISIBILITY_ACTIONS, *params]
            )
            values = converted(cursor.fetchone(), converters)
        state["fingerprint"] = dict(zip(("count", "ids", "newest", "expired", "logged"), values, strict=True))
    return state["fingerprint"]


def _etag(request):
    fingerprint = _fingerprint(request)
    if not fingerprint:
        return None
    newest = fingerprint["newest"].isoformat() if fingerprint["newest"] else "-"
    key = f"{fingerprint['count']}|{newest}|{fingerprint['ids']}|{request.GET.get('status', '')}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _last_modified(request):
    """The newest publication, or a later unpublish/delete/move/restriction/expiry (which lowers no maximum).

    Expiry counts for the profiles the collection would otherwise show (live, on this site, unrestricted,
    of the asked status): Wagtail logs an unpublish for every other way a profile leaves it.
    """
    fingerprint = _fingerprint(request)
    if not fingerprint:
        return None
    candidates = [fingerprint["newest"], fingerprint["logged"], fingerprint["expired"]]
    return max((moment for moment in candidates if moment is not None), default=None)


# What json.dumps(..., ensure_ascii=False) uses for strings (in C where available). It escapes
# character by character, so the text of a concatenation is the concatenation of the texts.
_string = json.encoder.encode_basestring


def _number(value):
    """An integer column as json.dumps writes it."""
    return "null" if value is None else int.__repr__(value)


@functools.lru_cache(maxsize=16384)
def _coordinates_text(location):
    """`[lng,lat]` as json.dumps writes it (floats by repr), or None without a valid point; by stored text."""
    coordinates = lng_lat(location)
    if coordinates is None:
        return None
    return f"[{float(coordinates[0])!r},{float(coordinates[1])!r}]"


def feature_collection_json(rows, request):
    """The FeatureCollection as compact JSON text, from rows of FEATURE_COLUMNS (no page instances).

    Each feature is one f-string; what repeats (status, municipality, period, the URL heads, a
    point's text) is encoded once: a nested dict per feature and one json.dumps over 2,000 of them
    took twice as long. Key order and value formats are those json.dumps gives (tests/test_api_geojson.py).
    """
    root_url, page_path = site_page_paths(request)
    # One reverse() for all: the detail URL differs only in the id.
    marker = 987654321
    detail_head, detail_tail = reverse("wagtailapi:pages:detail", args=[marker]).rsplit(str(marker), 1)
    api_head = _string(request.build_absolute_uri(detail_head))[:-1]
    api_tail = _string(detail_tail)[1:]
    # page_path() percent-quotes whatever JSON would escape, so the path goes in as it is.
    url_head = _string(root_url)[:-1] if root_url else None
    statuses = {}
    municipalities = {None: "null"}
    periods = {}
    features = []
    for (
        pk,
        title,
        url_path,
        status,
        start_year,
        end_year,
        location,
        teaser,
        municipality_id,
        municipality_title,
        municipality_slug,
        municipality_live,
    ) in rows:
        coordinates = _coordinates_text(location)
        if coordinates is None:
            continue
        if not municipality_live:
            municipality_id = None
        status_text = statuses.get(status)
        if status_text is None:
            status_text = statuses[status] = _string(status)
        municipality = municipalities.get(municipality_id)
        if municipality is None:
            municipality = municipalities[municipality_id] = (
                f'{{"id":{_number(municipality_id)},"title":{_string(municipality_title)},'
                f'"slug":{_string(municipality_slug)}}}'
            )
        period = periods.get((start_year, end_year))
        if period is None:
            period = periods[start_year, end_year] = (
                f'{{"start_year":{_number(start_year)},"end_year":{_number(end_year)},'
                f'"display":{_string(period_display(start_year, end_year))}}}'
            )
        url = f'{url_head}{page_path(url_path)}"' if url_head else "null"
        # RFC 7946: positions are [longitude, latitude].
        features.append(
            f'{{"type":"Feature","id":{pk:d},"geometry":{{"type":"Point","coordinates":{coordinates}}},'
            f'"properties":{{"title":{_string(title)},"url":{url},"api_url":{api_head}{pk:d}{api_tail}'
            f',"status":{status_text},"municipality":{municipality},"period":{period},"teaser":{_string(teaser)}}}}}'
        )
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def profiles_geojson(request):
    try:
        rows = _rows(request)
    except BadStatus as error:
        return JsonResponse({"message": str(error)}, status=400)
    body = feature_collection_json(rows, request)
    response = HttpResponse(body, content_type=GEOJSON_CONTENT_TYPE)
    response["Cache-Control"] = "public, max-age=300"
    return response
