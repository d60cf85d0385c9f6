"""Number formats as written in German, whatever the server locale: 12.345 and 123,4."""

from decimal import Decimal
from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def de_number(value, decimals=0):
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    text = f"{number:,.{int(decimals)}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


@register.filter
def url_host(value):
    """The host name of a URL (for naming the map tile server); template placeholders stripped."""
    host = urlsplit(str(value).replace("{s}.", "")).hostname or ""
    return host
