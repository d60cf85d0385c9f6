from rest_framework import serializers

from .blocks import image_api_representation


class ImageRenditionSerializer(serializers.Field):
    """An image foreign key as renditions (URL, width, height) and alt text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image):
        return image_api_representation(image)


class TagListSerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return [{"name": tag.name, "slug": tag.slug} for tag in manager.all()]


class LocationSerializer(serializers.Field):
    """The stored WKT point as numbers; null when no location is set."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        if page.latitude is None:
            return None
        return {"lat": page.latitude, "lng": page.longitude}
