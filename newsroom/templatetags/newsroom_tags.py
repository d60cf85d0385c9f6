from django import template

from newsroom.dates import german_date as _german_date

register = template.Library()


@register.filter
def german_date(value):
    """date -> "12. September 2019"."""
    return _german_date(value) if value else ""
