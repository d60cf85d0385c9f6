"""`/api/v2/profiles.geojson`: every live, public district profile as an RFC 7946 FeatureCollection.

Clients (maps on municipal websites) poll this; `ETag` and `Last-Modified` let them revalidate with a
304 and two cheap queries instead of downloading the collection again.
"""

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


def public_profiles(request):
    """Live, unexpired district profiles of the request's site, outside every view restriction.

    Built once per request: the validators and the body both need it, and the restrictions are a query.
    """
    cached = getattr(request, "_geojson_profiles", None)
    if cached is None:
        cached = request._geojson_profiles = _public_profiles(request)
    return cached


def _public_profiles(request):
    status = request.GET.get("status")
    if status is not None and status not in STATUS_VALUES:
        raise BadStatus(f"status must be one of: {', '.join(STATUS_VALUES)}")
    site = Site.find_for_request(request)
    if site is None:
        return DistrictProfilePage.objects.none()
    profiles = (
        DistrictProfilePage.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .exclude(expire_at__lte=timezone.now())
    )
    # The API's list of what anonymous clients may not see, shared per content generation (a query less).
    from config.api import anonymous_view_restrictions  # config.api imports this app's models

    for path, depth in anonymous_view_restrictions(anonymous(request)):
        # not_descendant_of(restricted page, inclusive=True)
        profiles = profiles.exclude(Q(path__startswith=path) & Q(depth__gte=depth))
    if status is not None:
        profiles = profiles.filter(status=status)
    return profiles


def _fingerprint(request):
    """Count, id sum and newest publication of the selection, computed once per request (empty if invalid)."""
    cached = getattr(request, "_geojson_fingerprint", None)
    if cached is None:
        try:
            cached = public_profiles(request).aggregate(
                count=Count("pk"), ids=Sum("pk"), newest=Max("last_published_at")
            )
        except BadStatus:
            cached = {}
        request._geojson_fingerprint = cached
    return cached


def _etag(request):
    fingerprint = _fingerprint(request)
    if not fingerprint:
        return None
    newest = fingerprint["newest"].isoformat() if fingerprint["newest"] else "-"
    key = f"{fingerprint['count']}|{newest}|{fingerprint['ids']}|{request.GET.get('status', '')}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _last_modified(request):
    """The newest publication, or a later unpublish/delete/move/restriction/expiry (which lowers no maximum)."""
    fingerprint = _fingerprint(request)
    if not fingerprint:
        return None
    now = timezone.now()
    candidates = [
        fingerprint["newest"],
        PageLogEntry.objects.filter(action__in=VISIBILITY_ACTIONS).aggregate(at=Max("timestamp"))["at"],
        DistrictProfilePage.objects.filter(expire_at__lte=now).aggregate(at=Max("expire_at"))["at"],
    ]
    return max((moment for moment in candidates if moment is not None), default=None)


# Columns of one feature, read as plain tuples: building 2,000 page instances cost most of the time.
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


# What json.dumps(..., ensure_ascii=False) uses for strings (in C where available).
_string = json.encoder.encode_basestring
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def feature_collection_json(profiles, request):
    """The FeatureCollection as compact JSON text, from one query without page instances.

    Each feature is written as text, with the few objects that repeat (municipality, period) encoded
    once: a nested dict per feature and one json.dumps over 2,000 of them took twice as long.
    Key order and value formats are those json.dumps gives (floats by repr, None as null).
    """
    root_url, page_path = site_page_paths(request)
    # One reverse() for all: the detail URL differs only in the id.
    marker = 987654321
    detail_head, detail_tail = reverse("wagtailapi:pages:detail", args=[marker]).rsplit(str(marker), 1)
    api_head = request.build_absolute_uri(detail_head)
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
    ) in profiles.values_list(*FEATURE_COLUMNS):
        coordinates = lng_lat(location)
        if coordinates is None:
            continue
        if not municipality_live:
            municipality_id = None
        municipality = municipalities.get(municipality_id)
        if municipality is None:
            municipality = municipalities[municipality_id] = _compact(
                {"id": municipality_id, "title": municipality_title, "slug": municipality_slug}
            )
        period = periods.get((start_year, end_year))
        if period is None:
            period = periods[start_year, end_year] = _compact(
                {"start_year": start_year, "end_year": end_year, "display": period_display(start_year, end_year)}
            )
        url = _string(root_url + page_path(url_path)) if root_url else "null"
        api_url = _string(f"{api_head}{pk}{detail_tail}")
        # RFC 7946: positions are [longitude, latitude].
        features.append(
            f'{{"type":"Feature","id":{int(pk)},"geometry":{{"type":"Point","coordinates":'
            f"[{float(coordinates[0])!r},{float(coordinates[1])!r}]}},"
            f'"properties":{{"title":{_string(title)},"url":{url},"api_url":{api_url},"status":{_string(status)},'
            f'"municipality":{municipality},"period":{period},"teaser":{_string(teaser)}}}}}'
        )
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def profiles_geojson(request):
    try:
        profiles = public_profiles(request)
    except BadStatus as error:
        return JsonResponse({"message": str(error)}, status=400)
    body = feature_collection_json(profiles.order_by("title", "pk"), request)
    response = HttpResponse(body, content_type=GEOJSON_CONTENT_TYPE)
    response["Cache-Control"] = "public, max-age=300"
    return response
