"""Queries and page contexts of the profile pages, and the map data they embed.

The map data is a GeoJSON FeatureCollection embedded with `json_script` (id `map-data`), built
from the same single query as the list below the map: no request per marker, none at all for
the data. static/js/map.js draws it once the visitor agrees to load the tiles.
"""

from django.db.models import Count, Q

from home.listings import public_only

from .models import STATUS_CHOICES, STATUS_COMPLETED, STATUS_RUNNING, DistrictProfilePage

STATUS_LABELS = dict(STATUS_CHOICES)
STATUS_FILTERS = [("alle", "Alle Gebiete"), (STATUS_RUNNING, "laufend"), (STATUS_COMPLETED, "abgeschlossen")]


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
