"""Structured data (JSON-LD) and social-media metadata for the public templates."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escaping Django's json_script uses: the JSON can never close the <script> element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_text(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES)


@register.simple_tag
def json_ld(data):
    """`{% json_ld data %}` -> a `<script type="application/ld+json">` block, or nothing for empty data."""
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_ld_text(data)))


@register.simple_tag(takes_context=True)
def social_image_url(context, page, spec="fill-1200x630"):
    """Absolute URL of the page's social image rendition, or an empty string."""
    getter = getattr(page, "get_social_image", None)
    image = getter() if getter else None
    if image is None:
        return ""
    rendition = image.get_rendition(spec)
    request = context.get("request")
    return request.build_absolute_uri(rendition.url) if request is not None else rendition.full_url
