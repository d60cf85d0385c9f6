"""home.api_images writes the rendition URLs of image_api_representation as Wagtail's full_url would."""

import pytest
import wagtail_factories
from django.core.files.storage import FileSystemStorage
from django.test import override_settings

from home.api_images import _joinable_base, file_url
from home.blocks import RENDITION_SPECS, image_api_representation


class _File:
    def __init__(self, name, storage):
        self.name, self.storage = name, storage

    @property
    def url(self):
        return self.storage.url(self.name)


NAMES = [
    "images/foto.max-400x300.jpg",
    "images/Straße mit Ä.max-800x600.png",
    "images/a b#c?d;e%f.jpg",
    "/images/leading.jpg",
    "images//double.jpg",
    "images/./dot.jpg",
    "images/../up.jpg",
    "images/.hidden.jpg",
    "images/ok.v2/x.jpg",
    "images\\windows.jpg",
    "images/colon:name.jpg",
]
BASES = ["/media/", "/media/sub/", "https://cdn.example.org/media/", "/", "/a//b/", "/a/../b/", "media/", "/m;x/"]


@pytest.mark.parametrize("base_url", BASES)
def test_file_url_is_the_storages(base_url):
    storage = FileSystemStorage(location="/tmp", base_url=base_url)
    for name in NAMES:
        assert file_url(_File(name, storage)) == storage.url(name), (base_url, name)


def test_odd_base_urls_are_left_to_urljoin():
    assert _joinable_base("/media/") and _joinable_base("https://cdn.example.org/media/")
    assert not _joinable_base("/a//b/") and not _joinable_base("/a/../b/") and not _joinable_base("media/")


@pytest.mark.django_db
@pytest.mark.parametrize("base_url", [None, "https://cms.example.org"])
def test_image_representation_is_image_api_representations(settings, base_url):
    if base_url is not None:
        settings.WAGTAILADMIN_BASE_URL = base_url
    image = wagtail_factories.ImageFactory(title="Quartiersplatz", description="Ein Platz")
    other = wagtail_factories.ImageFactory(title="Ohne Beschreibung")
    for candidate in (image, other, None):
        assert image_api_representation(candidate) == wagtails_representation(candidate)
        assert image_api_representation(candidate, alt="Eigener Text") == wagtails_representation(
            candidate, alt="Eigener Text"
        )
    with override_settings(MEDIA_URL="/medien/"):
        fresh = type(image).objects.get(pk=image.pk)
        assert "/medien/images/" in image_api_representation(fresh)["renditions"]["small"]["url"]
        assert image_api_representation(fresh) == wagtails_representation(fresh)


def wagtails_representation(image, alt=""):
    """The representation with every URL from Wagtail's own rendition.full_url."""
    if image is None:
        return None
    renditions = {spec: image.get_rendition(spec) for spec in RENDITION_SPECS.values()}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or getattr(image, "default_alt_text", "") or image.title,
        "renditions": {
            name: {"url": renditions[spec].full_url, "width": renditions[spec].width, "height": renditions[spec].height}
            for name, spec in RENDITION_SPECS.items()
        },
    }
