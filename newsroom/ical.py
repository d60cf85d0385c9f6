"""iCalendar export: all upcoming events (EventIndexPage `ical/`) or one event (EventPage `ical/`)."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event

from .listings import event_queryset, upcoming_q

PRODID = f"-//{settings.WAGTAIL_SITE_NAME}//Veranstaltungen//DE"


def upcoming_events(index_page, city=""):
    """Published events below `index_page` that have not ended yet, soonest first (as on the event index)."""
    events = event_queryset(index_page).filter(upcoming_q())
    if city:
        events = events.filter(city__iexact=city)
    return events.prefetch_related("tags").order_by("start", "pk")


def calendar_response(page, events, request, *, name, filename):
    """Render `events` (published from `page`) as one VCALENDAR with the VTIMEZONE it needs."""
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"calendar-{page.pk}@{site_host(page, request)}",
        url=page.get_full_url(request),
        name=name,
        method="PUBLISH",
        calscale="GREGORIAN",
    )
    for event in events:
        calendar.add_component(event_component(event, request))
    spans = [event_span(event) for event in events]
    if spans:
        # Bounding the time zone to the events' years keeps the VTIMEZONE to a few lines instead of decades.
        first = min(_date(start) for start, _ in spans)
        last = max(_date(end or start) for start, end in spans)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1), last_date=datetime.date(last.year + 1, 1, 1)
        )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    # Slugs may hold umlauts; Django's helper adds the RFC 5987 `filename*` form for them.
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def event_component(event, request):
    vevent = Event.new(
        uid=f"event-{event.pk}@{site_host(event, request)}",
        summary=event.title,
        url=event.get_full_url(request),
        description=event.teaser or event.search_description or None,
        location=location_text(event) or None,
        categories=[tag.name for tag in event.tags.all()] or (),
        stamp=event.last_published_at or timezone.now(),
        last_modified=event.last_published_at,
    )
    start, end = event_span(event)
    vevent.start = start
    if end is not None:
        vevent.end = end
    if event.latitude is not None:
        vevent.add("geo", (event.latitude, event.longitude))
    return vevent


def site_host(page, request):
    """The Wagtail site's host name, not the request's, so a UID stays the same whichever address was used."""
    return urlsplit(page.get_full_url(request)).hostname


def event_span(event):
    """DTSTART/DTEND values: local Berlin times, or dates for all-day events (DTEND exclusive per RFC 5545)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    start = event.start.astimezone(tz)
    end = event.end.astimezone(tz) if event.end else None
    if event.all_day:
        last_day = end.date() if end else start.date()
        return start.date(), last_day + datetime.timedelta(days=1)
    return start, end


def _date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def location_text(event):
    town = " ".join(part for part in (event.postal_code, event.city) if part)
    return ", ".join(part for part in (event.venue, event.street_address, town) if part)
