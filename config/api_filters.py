"""Query filters of the public API beyond Wagtail's own; every malformed value becomes a 400, never a 500."""

import datetime
import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError

from home.models import TopicTag
from newsroom.models import EventPage
from profiles.models import STATUS_CHOICES, DistrictProfilePage

TAG_SLUG_RE = re.compile(r"^[-\w]+$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BOOLEAN_VALUES = {"1": True, "true": True, "0": False, "false": False}
STATUS_VALUES = [value for value, _label in STATUS_CHOICES]

# Parameters with a filter of their own below; Wagtail's generic field filter must leave them alone.
CUSTOM_FILTER_PARAMETERS = frozenset(["tags", "status", "date_from", "date_to", "upcoming"])
EVENT_PARAMETERS = ("date_from", "date_to", "upcoming")


class _FieldsWithout:
    """A view stand-in for FieldsFilter that hides the parameters our own filters handle."""

    def __init__(self, view, hidden):
        self._view = view
        self._hidden = hidden

    def get_available_fields(self, model, db_fields_only=False):
        return [name for name in self._view.get_available_fields(model, db_fields_only) if name not in self._hidden]


class SafeFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filter, but a value the field cannot hold (`?start=soon`) is a 400, not a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, _FieldsWithout(view, CUSTOM_FILTER_PARAMETERS))
        except (ValidationError, ValueError, TypeError) as error:
            raise BadRequestError(f"invalid filter value: {_message(error)}") from error


def _message(error):
    if isinstance(error, ValidationError):
        return " ".join(str(message) for message in error.messages)
    return str(error)


def tagged_models():
    """Every through model of our topic tags (one per taggable page type)."""
    return [model for model in apps.get_models() if issubclass(model, TopicTag)]


class TagsFilter(BaseFilterBackend):
    """`?tags=beteiligung,integration`: pages carrying every one of the given tag slugs, across all page types."""

    def filter_queryset(self, request, queryset, view):
        if "tags" not in request.GET:
            return queryset
        slugs = request.GET["tags"].split(",")
        if not all(TAG_SLUG_RE.match(slug) for slug in slugs):
            raise BadRequestError(
                "tags must be a comma-separated list of tag slugs (e.g. tags=beteiligung,integration)"
            )
        for slug in dict.fromkeys(slug.lower() for slug in slugs):
            tagged = Q()
            for through in tagged_models():
                tagged |= Q(pk__in=through.objects.filter(tag__slug=slug).values("content_object_id"))
            queryset = queryset.filter(tagged)
        return queryset


class StatusFilter(BaseFilterBackend):
    """`?status=laufend|abgeschlossen` for district profiles."""

    def filter_queryset(self, request, queryset, view):
        if "status" not in request.GET:
            return queryset
        status = request.GET["status"]
        if status not in STATUS_VALUES:
            raise BadRequestError(f"status must be one of: {', '.join(STATUS_VALUES)}")
        if not issubclass(queryset.model, DistrictProfilePage):
            raise BadRequestError("status only applies to profiles.DistrictProfilePage")
        return queryset.filter(status=status)


def parse_iso_date(request, name):
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        if not ISO_DATE_RE.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(f"{name} must be an ISO date (YYYY-MM-DD), got '{value}'") from error


def start_of_day(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def not_ended_since(moment):
    """Events whose end (or, without an end, whose start) is at or after `moment`."""
    return Q(end__gte=moment) | Q(end__isnull=True, start__gte=moment)


class EventDateFilter(BaseFilterBackend):
    """`?date_from=` / `?date_to=` (ISO dates, inclusive, site time zone) and `?upcoming=1` for events.

    An event matches a date range when it overlaps it; upcoming means it has not ended yet. Without an
    explicit `order`, matching events come soonest first.
    """

    def filter_queryset(self, request, queryset, view):
        if not any(name in request.GET for name in EVENT_PARAMETERS):
            return queryset
        date_from = parse_iso_date(request, "date_from")
        date_to = parse_iso_date(request, "date_to")
        upcoming = request.GET.get("upcoming")
        if upcoming is not None and upcoming not in BOOLEAN_VALUES:
            raise BadRequestError("upcoming must be 1, 0, true or false")
        if date_from and date_to and date_from > date_to:
            raise BadRequestError("date_from must not be after date_to")
        if not issubclass(queryset.model, EventPage):
            raise BadRequestError("date_from, date_to and upcoming only apply to newsroom.EventPage")

        # Matched by id: `end` is no search filter field, and these filters must combine with ?search=.
        events = EventPage.objects.all()
        if date_from:
            events = events.filter(not_ended_since(start_of_day(date_from)))
        if date_to:
            events = events.filter(start__lt=start_of_day(date_to + datetime.timedelta(days=1)))
        if upcoming is not None and BOOLEAN_VALUES[upcoming]:
            events = events.filter(not_ended_since(timezone.now()))
        queryset = queryset.filter(pk__in=events.values("pk"))
        if "order" not in request.GET:
            queryset = queryset.order_by("start", "pk")
        return queryset
