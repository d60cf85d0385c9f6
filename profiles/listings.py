"""Queries and page contexts of the profile pages, and the map data they embed.

The map data is a GeoJSON FeatureCollection embedded with `json_script` (id `map-data`), built
from the same single query as the list below the map: no request per marker, none at all for
the data. static/js/map.js draws it once the visitor agrees to load the tiles.

A profile index with more than LARGE_NETWORK_AREAS areas lists its municipalities with their
counts instead, and its map fetches /api/v2/profiles.geojson (cacheable, with ETag) rather than
carrying every area in the page. Lists are built from value rows, not page instances.
"""

import functools
import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home.geo import parse_point
from home.listing_sql import TeaserListing
from home.listings import public_only

from .models import STATUS_CHOICES, STATUS_COMPLETED, STATUS_RUNNING, DistrictProfilePage

STATUS_LABELS = dict(STATUS_CHOICES)
STATUS_FILTERS = [("alle", "Alle Gebiete"), (STATUS_RUNNING, "laufend"), (STATUS_COMPLETED, "abgeschlossen")]
STATUS_FILTER_VALUES = [value for value, _label in STATUS_FILTERS]


# Wagtail's reverse() quotes a page path with these characters left as they are.
_PATH_SAFE = "!$&'()*+,;=/~:@"
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_.~/-]*")
# Digits in a page's stored location beyond this (about 1 m) only make the map data bigger.
COORDINATE_DIGITS = 5


def site_page_paths(request):
    """(root URL, function url_path -> path) for pages of the request's site, without page instances.

    Gives what `page.get_url_parts()` gives for a page below the request's site root (Wagtail prefers
    the request's site when a page belongs to several), minus a site lookup and a reverse() per page.
    Without a site for the request (a preview on an unknown host), a page gets the path within the
    first site that holds it, and the root URL is None.
    """
    prefix = reverse("wagtail_serve", args=("",))
    roots = Site.get_site_root_paths()
    site = Site.find_for_request(request)
    root = next((entry for entry in roots if site is not None and entry.site_id == site.pk), None)

    def quoted(path):
        # Slugs are nearly always plain ASCII, which quote() would return unchanged, only slower.
        return path if _PLAIN_PATH.fullmatch(path) else quote(path, safe=_PATH_SAFE)

    if root is None:

        def any_site_path(url_path):
            entry = next((entry for entry in roots if url_path.startswith(entry.root_path)), None)
            return quoted(prefix + url_path[len(entry.root_path) :]) if entry else None

        return None, any_site_path

    cut = len(root.root_path)

    def page_path(url_path):
        return quoted(prefix + url_path[cut:])

    return root.root_url, page_path


@functools.lru_cache(maxsize=16384)
def lng_lat(location):
    """(lng, lat) rounded to about a metre (GeoJSON order), or None without a valid point.

    Memoised: the same stored text always gives the same point, and parsing 2,000 of them with the
    validating regular expression was a quarter of the GeoJSON's time.
    """
    try:
        point = parse_point(location)
    except ValidationError:
        return None
    if point is None:
        return None
    return (round(point[1], COORDINATE_DIGITS), round(point[0], COORDINATE_DIGITS))


# Above this many areas the index lists the municipalities with their counts instead of every area
# (the map still shows all of them, loaded from the GeoJSON endpoint): a page listing thousands of
# areas is slow to build, heavy to download and hard to use. The real network has 100-150 areas.
LARGE_NETWORK_AREAS = 300

# Columns of one list entry; rows, not page instances, since the list shows only these.
AREA_COLUMNS = (
    "pk",
    "title",
    "url_path",
    "status",
    "start_year",
    "end_year",
    "location",
    "municipality_id",
    "municipality__title",
    "municipality__url_path",
)


class Municipality:
    __slots__ = ("pk", "title", "url")

    def __init__(self, pk, title, url):
        self.pk, self.title, self.url = pk, title, url

    def __eq__(self, other):
        return isinstance(other, Municipality) and other.pk == self.pk

    def __hash__(self):
        return hash(self.pk)


class Area:
    """What the list and the map show of one district profile."""

    __slots__ = ("pk", "title", "url", "status", "period_display", "coordinates", "municipality")

    def __init__(self, pk, title, url, status, period_display, coordinates, municipality):
        self.pk, self.title, self.url, self.status = pk, title, url, status
        self.period_display, self.coordinates, self.municipality = period_display, coordinates, municipality


def period_display(start_year, end_year):
    # Same text as DistrictProfilePage.period_display, without an instance.
    return f"{start_year}–{end_year}" if end_year else f"seit {start_year}"


def public_profiles_below(root):
    return public_only(DistrictProfilePage.objects.live().descendant_of(root))


def profile_queryset(root):
    return (
        public_profiles_below(root)
        .select_related("municipality")
        .defer_streamfields()
        .order_by("municipality__title", "title", "pk")
    )


def areas_below(root, request):
    """The areas below `root` as `Area` rows, by municipality and title."""
    _root_url, page_path = site_page_paths(request)
    rows = public_profiles_below(root).order_by("municipality__title", "title", "pk").values_list(*AREA_COLUMNS)
    municipalities = {}
    areas = []
    for pk, title, url_path, status, start_year, end_year, location, m_id, m_title, m_url_path in rows:
        municipality = None
        if m_id is not None:
            municipality = municipalities.get(m_id)
            if municipality is None:
                municipality = municipalities[m_id] = Municipality(m_id, m_title, page_path(m_url_path))
        areas.append(
            Area(
                pk,
                title,
                page_path(url_path),
                status,
                period_display(start_year, end_year),
                lng_lat(location),
                municipality,
            )
        )
    return areas


def municipality_summaries(root, request):
    """[(Municipality or None, {"laufend": n, "abgeschlossen": m, "alle": n + m})] by title, in one query."""
    _root_url, page_path = site_page_paths(request)
    # Hand-written like the teaser listings (home.listing_sql): the ORM spent more CPU building this
    # grouped query than PostgreSQL spends running it.
    profiles = TeaserListing(DistrictProfilePage, root)
    municipality, status = profiles.column("municipality"), profiles.column("status")
    # Counted per municipality first and joined with the municipalities' titles afterwards: grouping and
    # sorting 2,000 joined rows by title cost PostgreSQL twice as much as grouping them by id.
    counts, params = profiles.grouped_sql(
        f"{municipality} AS municipality_id, SUM(CASE WHEN {status} = %s THEN 1 ELSE 0 END) AS running, "
        f"SUM(CASE WHEN {status} = %s THEN 1 ELSE 0 END) AS completed, COUNT(*) AS total",
        municipality,
        select_params=[STATUS_RUNNING, STATUS_COMPLETED],
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.municipality_id, mp.title, mp.url_path, c.running, c.completed, c.total FROM ({counts}) c "
            f"LEFT JOIN {Page._meta.db_table} mp ON mp.id = c.municipality_id ORDER BY mp.title, c.municipality_id",
            params,
        )
        grouped = cursor.fetchall()
    columns = ("municipality_id", "municipality__title", "municipality__url_path", "laufend", "abgeschlossen", "alle")
    rows = [dict(zip(columns, row, strict=True)) for row in grouped]
    summaries = []
    for row in rows:
        municipality = None
        if row["municipality_id"] is not None:
            url = page_path(row["municipality__url_path"])
            municipality = Municipality(row["municipality_id"], row["municipality__title"], url)
        counts = {value: row[value] for value in ("laufend", "abgeschlossen", "alle")}
        summaries.append((municipality, counts))
    return summaries


def status_counts(request, root):
    """{"laufend": n, "abgeschlossen": m, "alle": n + m} in one query."""
    # Hand-written like the teaser listings: the ORM's aggregate scanned the whole page table (2.2 ms on
    # the benchmark database); this one reads the pages of the type from the index of home migration 0007.
    per_status = dict(TeaserListing(DistrictProfilePage, root).count_by("status"))
    counts = {status: per_status.get(status, 0) for status in (STATUS_RUNNING, STATUS_COMPLETED)}
    counts["alle"] = counts[STATUS_RUNNING] + counts[STATUS_COMPLETED]
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


def area_feature_collection(areas):
    """The map data of `Area` rows: the same properties as `feature()` gives for a page."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": area.coordinates},
                "properties": {
                    "id": area.pk,
                    "title": area.title,
                    "url": area.url,
                    "status": area.status,
                    "status_label": STATUS_LABELS.get(area.status, area.status),
                    "municipality": area.municipality.title if area.municipality else "",
                    "period": area.period_display,
                },
            }
            for area in areas
            if area.coordinates is not None
        ],
    }


def grouped_by_municipality(profiles):
    """[(municipality or None, [profiles])] in the given order (by municipality title)."""
    groups = []
    for profile in profiles:
        if groups and groups[-1][0] == profile.municipality:
            groups[-1][1].append(profile)
        else:
            groups.append((profile.municipality, [profile]))
    return groups


def _status_filters(counts):
    return [(value, label, counts[value]) for value, label in STATUS_FILTERS]


def _area_list_context(areas, request):
    active = status_filter(request)
    counts = {"alle": len(areas)}
    for value in STATUS_LABELS:
        counts[value] = sum(1 for area in areas if area.status == value)
    return {
        "profiles": areas,
        "active_status": active,
        "status_filters": _status_filters(counts),
        "map_data": area_feature_collection(areas),
        # Without JavaScript a group whose areas are all filtered out is hidden as a whole.
        "municipality_groups": [
            (municipality, members, active == "alle" or any(area.status == active for area in members))
            for municipality, members in grouped_by_municipality(areas)
        ],
    }


# One line of a large network's list (templates/components/profile_map_list.html shows it). Built here,
# the texts escaped: over a hundred rows of template lookups and number formatting cost more than the
# rest of the page.
MUNICIPALITY_ITEM = (
    '<li class="area" data-municipality-counts data-laufend="{}" data-abgeschlossen="{}"{}>{} '
    '<span class="area__meta">{} {}: {} laufend, {} abgeschlossen</span></li>'
)


def municipality_items(summaries, active):
    # Written with str.format and escape() for the two texts: format_html escaped every count as well,
    # 1.9 ms for the 117 municipalities of the benchmark (now 0.3 ms); the same markup.
    items = []
    for municipality, counts in summaries:
        if municipality is None:
            name = "Ohne Kommune"
        else:
            href = municipality.url if active == "alle" else f"{municipality.url}?status={active}"
            name = f'<a href="{escape(href)}">{escape(municipality.title)}</a>'
        total, running, completed = counts["alle"], counts[STATUS_RUNNING], counts[STATUS_COMPLETED]
        items.append(
            MUNICIPALITY_ITEM.format(
                int(running),
                int(completed),
                " hidden" if active != "alle" and not counts[active] else "",
                name,
                int(total),
                "Gebiet" if total == 1 else "Gebiete",
                int(running),
                int(completed),
            )
        )
    return mark_safe("\n".join(items))


def _municipality_list_context(summaries, request):
    """A large network: municipalities with their counts; the map loads every area from the GeoJSON."""
    active = status_filter(request)
    counts = {value: sum(summary[value] for _municipality, summary in summaries) for value in STATUS_FILTER_VALUES}
    return {
        "active_status": active,
        "status_filters": _status_filters(counts),
        "map_data": None,
        "map_data_url": reverse("profiles_geojson"),
        "municipality_items": municipality_items(summaries, active),
        "area_count": counts["alle"],
    }


def profile_index_context(index, request):
    # The per-municipality counts decide the layout: a large network needs nothing else (one scan of
    # the profiles), a network of usual size then lists its areas (a second, small query).
    summaries = municipality_summaries(index, request)
    if sum(summary["alle"] for _municipality, summary in summaries) > LARGE_NETWORK_AREAS:
        return _municipality_list_context(summaries, request)
    return _area_list_context(areas_below(index, request), request)


def municipality_context(municipality, request):
    return _area_list_context(areas_below(municipality, request), request)


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
