"""`/api/v2/profiles.geojson`: every live, public district profile as an RFC 7946 FeatureCollection.

Clients (maps on municipal websites) poll this; `ETag` and `Last-Modified` let them revalidate with a
304 and two cheap queries instead of downloading the collection again.
"""

import functools
import hashlib
import json

from django.db.models import Count, Max, Q, Sum
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_safe
from wagtail.models import PageLogEntry, Site

from home.api_visibility import anonymous

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
    """Live district profiles of the request's site outside every view restriction, expired ones included.

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
        return DistrictProfilePage.objects.none()
    profiles = DistrictProfilePage.objects.live().descendant_of(site.root_page, inclusive=True)
    # The API's list of what anonymous clients may not see, shared per content generation (a query less).
    from config.api import anonymous_view_restrictions  # config.api imports this app's models

    for path, depth in anonymous_view_restrictions(anonymous(request)):
        # not_descendant_of(restricted page, inclusive=True)
        profiles = profiles.exclude(Q(path__startswith=path) & Q(depth__gte=depth))
    if status is not None:
        profiles = profiles.filter(status=status)
    return profiles


# Columns of one feature, read as plain tuples: building 2,000 page instances cost most of the time.
# The last two feed the validators, so that a full response reads the profiles once.
FEATURE_COLUMNS = (
    "pk",
    "title",
    "url_path",
    "status",
    "start_year",
    "end_year",
    "location",
    "teaser",
    "municipality_id",
    "municipality__title",
    "municipality__slug",
    "municipality__live",
)


def _visible(now):
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


def _rows(request):
    """The unexpired profiles of the selection as rows of FEATURE_COLUMNS, in the collection's order."""
    now = _state(request)["now"]
    return _selection(request).filter(_visible(now)).order_by("title", "pk").values_list(*FEATURE_COLUMNS)


def _fingerprint(request):
    """Count, id sum and newest publication of the visible profiles, and the latest expiry among the rest.

    One aggregate query, computed once per request (empty if the request is invalid). Reading these
    from the rows instead would cost more: converting 2,000 timestamps takes longer than the query.
    """
    state = _state(request)
    if "fingerprint" not in state:
        now = state["now"]
        visible = _visible(now)
        try:
            state["fingerprint"] = _selection(request).aggregate(
                count=Count("pk", filter=visible),
                ids=Sum("pk", filter=visible),
                newest=Max("last_published_at", filter=visible),
                expired=Max("expire_at", filter=Q(expire_at__lte=now)),
            )
        except BadStatus:
            state["fingerprint"] = {}
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
    candidates = [
        fingerprint["newest"],
        PageLogEntry.objects.filter(action__in=VISIBILITY_ACTIONS).aggregate(at=Max("timestamp"))["at"],
        fingerprint["expired"],
    ]
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
