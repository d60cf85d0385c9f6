from django import template

from newsroom.dates import format_event_date
from newsroom.dates import german_date as _german_date

register = template.Library()


@register.filter
def german_date(value):
    """date -> "12. September 2019"."""
    return _german_date(value) if value else ""


@register.simple_tag
def event_date(event):
    """The event's date line, e.g. "Mo., 25. November 2019, 10:00–16:00 Uhr" (as the listing computed it, if it did)."""
    return getattr(event, "date_display", None) or format_event_date(event.start, event.end, event.all_day)
