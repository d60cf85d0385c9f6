"""`/api/v2/profiles.geojson`: every live, public district profile as an RFC 7946 FeatureCollection.

Clients (maps on municipal websites) poll this; `ETag` and `Last-Modified` let them revalidate with a
304 and two cheap queries instead of downloading the collection again.
"""

import hashlib
import json

from django.db.models import Count, Max, Sum
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import condition, require_safe
from wagtail.models import PageLogEntry, PageViewRestriction, Site

from home.api_visibility import anonymous

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
    """Live, unexpired district profiles of the request's site, outside every view restriction."""
    site = Site.find_for_request(request)
    if site is None:
        return DistrictProfilePage.objects.none()
    profiles = (
        DistrictProfilePage.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .exclude(expire_at__lte=timezone.now())
    )
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(anonymous(request)):
            profiles = profiles.not_descendant_of(restriction.page, inclusive=True)
    status = request.GET.get("status")
    if status is not None:
        if status not in STATUS_VALUES:
            raise BadStatus(f"status must be one of: {', '.join(STATUS_VALUES)}")
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


def _feature(profile, request):
    municipality = profile.municipality if profile.municipality and profile.municipality.live else None
    return {
        "type": "Feature",
        "id": profile.pk,
        # RFC 7946: positions are [longitude, latitude].
        "geometry": {"type": "Point", "coordinates": [profile.longitude, profile.latitude]},
        "properties": {
            "title": profile.title,
            "url": profile.get_full_url(request),
            "api_url": request.build_absolute_uri(reverse("wagtailapi:pages:detail", args=[profile.pk])),
            "status": profile.status,
            "municipality": (
                {"id": municipality.pk, "title": municipality.title, "slug": municipality.slug}
                if municipality
                else None
            ),
            "period": {
                "start_year": profile.start_year,
                "end_year": profile.end_year,
                "display": profile.period_display,
            },
            "teaser": profile.teaser,
        },
    }


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def profiles_geojson(request):
    try:
        profiles = public_profiles(request)
    except BadStatus as error:
        return JsonResponse({"message": str(error)}, status=400)
    profiles = profiles.select_related("municipality").defer_streamfields().order_by("title", "pk")
    features = [_feature(profile, request) for profile in profiles if profile.latitude is not None]
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    response = HttpResponse(body, content_type=GEOJSON_CONTENT_TYPE)
    response["Cache-Control"] = "public, max-age=300"
    return response
