"""German date formats for news and events, independent of the server's locale.

Example: "Mo., 25. November 2019, 10:00–16:00 Uhr". Times are shown in the site's time zone.
"""

from django.utils import timezone

WEEKDAYS = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."]
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def german_date(day, weekday=False, year=True):
    """date -> "25. November 2019" (or "Mo., 25. November 2019" with weekday)."""
    text = f"{day.day}. {MONTHS[day.month - 1]}"
    if year:
        text += f" {day.year}"
    if weekday:
        text = f"{WEEKDAYS[day.weekday()]}, {text}"
    return text


def german_month(day):
    """date -> "November 2019", the heading of a month group."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value


def format_event_date(start, end=None, all_day=False):
    """The date line of an event, for one or several days, with or without times."""
    start = _local(start)
    end = _local(end) if end else None
    if end is not None and end.date() != start.date():
        same_year = end.year == start.year
        if all_day:
            return f"{german_date(start, weekday=True, year=not same_year)} – {german_date(end, weekday=True)}"
        return (
            f"{german_date(start, weekday=True)}, {start:%H:%M} Uhr – {german_date(end, weekday=True)}, {end:%H:%M} Uhr"
        )
    text = german_date(start, weekday=True)
    if all_day:
        return text
    if end is not None and end != start:
        return f"{text}, {start:%H:%M}–{end:%H:%M} Uhr"
    return f"{text}, {start:%H:%M} Uhr"
