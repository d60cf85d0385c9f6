from rest_framework import serializers


class MunicipalitySerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, municipality):
        # A profile can stay routable below a municipality page that was never published: show no draft title.
        if not municipality.live:
            return None
        return {"id": municipality.pk, "title": municipality.title, "slug": municipality.slug}
