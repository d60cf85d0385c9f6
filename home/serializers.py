from rest_framework import serializers
from rest_framework.fields import CharField

from .api_visibility import is_public_media, is_public_page
from .blocks import image_api_representation
from .geo import point_as_numbers


class ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class ImageRenditionSerializer(ReadOnlyField):
    """An image foreign key as renditions (URL, width, height) and alt text; null if in a private collection."""

    def to_representation(self, image):
        return image_api_representation(image) if is_public_media(image, self.context) else None


# Set by the API listing (config.api.attach_tag_lists): {field name: [(tag id, name, slug), ...]} per page.
TAG_LISTS_ATTR = "_api_tag_lists"


class _LoadedTags(list):
    """The (id, name, slug) tuples attach_tag_lists loaded for one page and tag field."""


class TagListSerializer(ReadOnlyField):
    def get_attribute(self, instance):
        # Loaded tuples skip the tag manager, which the taggit descriptor builds anew on every access.
        loaded = instance.__dict__.get(TAG_LISTS_ATTR, {}).get(self.source)
        if loaded is not None:
            return _LoadedTags(loaded)
        return super().get_attribute(instance)

    def to_representation(self, value):
        if isinstance(value, _LoadedTags):
            loaded = value
        else:
            loaded = getattr(value.instance, TAG_LISTS_ATTR, {}).get(self.source)
        if loaded is not None:
            return [{"name": name, "slug": slug} for _id, name, slug in sorted(loaded, key=lambda tag: tag[1])]
        return [{"name": tag.name, "slug": tag.slug} for tag in sorted(value.all(), key=lambda tag: tag.name)]


class LocationSerializer(CharField):
    """A PointField as numbers, {"lat": …, "lng": …}; null when no location is set (see home.geo)."""

    def to_representation(self, value):
        return point_as_numbers(value)


def page_reference(page, context):
    """A short, public-safe description of a linked page; None if the public may not see it."""
    if not is_public_page(page, context):
        return None
    specific = page.specific
    return {
        "id": page.pk,
        "type": f"{specific._meta.app_label}.{type(specific).__name__}",
        "title": page.title,
        "url": page.full_url,
        "teaser": getattr(specific, "teaser", ""),
    }


class PageReferenceStreamSerializer(ReadOnlyField):
    """A StreamField of page choosers (e.g. the home page's featured pages) as page references."""

    def to_representation(self, stream):
        items = []
        for child in stream:
            reference = page_reference(child.value, self.context)
            if reference is not None:
                items.append({"type": child.block_type, "value": reference, "id": child.id})
        return items
