"""Queries and page contexts of the profile pages, and the map data they embed.

The map data is a GeoJSON FeatureCollection embedded with `json_script` (id `map-data`), built
from the same single query as the list below the map: no request per marker, none at all for
the data. static/js/map.js draws it once the visitor agrees to load the tiles.
"""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.urls import reverse
from wagtail.models import Site

from home.geo import parse_point
from home.listings import public_only

from .models import STATUS_CHOICES, STATUS_COMPLETED, STATUS_RUNNING, DistrictProfilePage

STATUS_LABELS = dict(STATUS_CHOICES)
STATUS_FILTERS = [("alle", "Alle Gebiete"), (STATUS_RUNNING, "laufend"), (STATUS_COMPLETED, "abgeschlossen")]


# Wagtail's reverse() quotes a page path with these characters left as they are.
_PATH_SAFE = "!$&'()*+,;=/~:@"
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_.~/-]*")
_POINT_PREFIX = "SRID=4326;POINT("
# Digits in a page's stored location beyond this (about 1 m) only make the map data bigger.
COORDINATE_DIGITS = 5


def site_page_paths(request):
    """(root URL, function url_path -> path) for pages of the request's site, without page instances.

    Gives what `page.get_url_parts()` gives for a page below the request's site root (Wagtail prefers
    the request's site when a page belongs to several), minus a site lookup and a reverse() per page.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None, None
    root = next((entry for entry in Site.get_site_root_paths() if entry.site_id == site.pk), None)
    if root is None:
        return None, None
    prefix = reverse("wagtail_serve", args=("",))
    cut = len(root.root_path)

    def page_path(url_path):
        path = prefix + url_path[cut:]
        # Slugs are nearly always plain ASCII, which quote() would return unchanged, only slower.
        return path if _PLAIN_PATH.fullmatch(path) else quote(path, safe=_PATH_SAFE)

    return root.root_url, page_path


def lng_lat(location):
    """[lng, lat] rounded to about a metre (GeoJSON order), or None without a valid point."""
    if location.startswith(_POINT_PREFIX) and location.endswith(")"):
        # What the geo widget writes; the general parser's regular expression costs more than the rest.
        inner = location[len(_POINT_PREFIX) : -1]
        try:
            # Only digits, dots, minus and spaces, as the parser accepts (float() also takes "1e3", "nan").
            lng, lat = (float(part) for part in inner.split()) if not inner.strip("0123456789.- ") else (None, None)
        except ValueError:
            lng = lat = None
        if lat is not None and -90 <= lat <= 90 and -180 <= lng <= 180:
            return [round(lng, COORDINATE_DIGITS), round(lat, COORDINATE_DIGITS)]
    try:
        point = parse_point(location)
    except ValidationError:
        return None
    if point is None:
        return None
    return [round(point[1], COORDINATE_DIGITS), round(point[0], COORDINATE_DIGITS)]


def profile_queryset(root):
    return (
        public_only(DistrictProfilePage.objects.live().descendant_of(root))
        .select_related("municipality")
        .defer_streamfields()
        .order_by("municipality__title", "title", "pk")
    )


def status_counts(request, root):
    """{"laufend": n, "abgeschlossen": m, "alle": n + m} in one query."""
    counts = public_only(DistrictProfilePage.objects.live().descendant_of(root)).aggregate(
        laufend=Count("pk", filter=Q(status=STATUS_RUNNING)),
        abgeschlossen=Count("pk", filter=Q(status=STATUS_COMPLETED)),
    )
    counts["alle"] = counts["laufend"] + counts["abgeschlossen"]
    return counts


def status_filter(request):
    """The `?status=` filter; anything unknown means all areas."""
    value = request.GET.get("status", "")
    return value if value in STATUS_LABELS else "alle"


def feature(profile):
    return {
        "type": "Feature",
        # GeoJSON positions are [longitude, latitude].
        "geometry": {"type": "Point", "coordinates": [profile.longitude, profile.latitude]},
        "properties": {
            "id": profile.pk,
            "title": profile.title,
            "url": profile.url,
            "status": profile.status,
            "status_label": STATUS_LABELS.get(profile.status, profile.status),
            "municipality": profile.municipality.title if profile.municipality else "",
            "period": profile.period_display,
        },
    }


def feature_collection(profiles):
    return {"type": "FeatureCollection", "features": [feature(p) for p in profiles if p.latitude is not None]}


def grouped_by_municipality(profiles):
    """[(municipality page or None, [profiles])] in the queryset's order (by municipality title)."""
    groups = []
    for profile in profiles:
        if groups and groups[-1][0] == profile.municipality:
            groups[-1][1].append(profile)
        else:
            groups.append((profile.municipality, [profile]))
    return groups


def _map_context(profiles, request):
    active = status_filter(request)
    counts = {"alle": len(profiles)}
    for value in STATUS_LABELS:
        counts[value] = sum(1 for profile in profiles if profile.status == value)
    return {
        "profiles": profiles,
        "active_status": active,
        "status_filters": [(value, label, counts[value]) for value, label in STATUS_FILTERS],
        "map_data": feature_collection(profiles),
        # Without JavaScript a group whose areas are all filtered out is hidden as a whole.
        "municipality_groups": [
            (municipality, members, active == "alle" or any(profile.status == active for profile in members))
            for municipality, members in grouped_by_municipality(profiles)
        ],
    }


def profile_index_context(index, request):
    return _map_context(list(profile_queryset(index)), request)


def municipality_context(municipality, request):
    return _map_context(list(profile_queryset(municipality)), request)


def contact_people(page):
    """The published contact persons of the profile's contact section (photos come with them)."""
    for child in page.sections:
        if child.block_type == "ansprechpersonen":
            return [person for person in child.value if person is not None and getattr(person, "live", True)]
    return []


def district_profile_context(page, request):
    tags = list(page.tags.all())
    return {
        "tags": tags,
        "sections": page.sections_in_order(),
        "contacts": contact_people(page),
        "map_data": feature_collection([page]),
        "status_label": STATUS_LABELS.get(page.status, page.status),
    }
