"""Rendition URLs for home.blocks.image_api_representation, written without urljoin (issue 7).

An API listing of 20 profiles shows 60 renditions; Django's FileSystemStorage.url() joins each file
name to MEDIA_URL with urllib's urljoin, which parses both and resolves dot segments: half the time
of an image's representation. For a plain base URL and a file name without empty or dot segments
the join is the base URL followed by the quoted name, which is what this writes; anything else
(another storage, an unusual name) still goes through the storage. The URL is the same as Wagtail's
`rendition.full_url` (tests/test_api_images.py compares both).
"""

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.functional import LazyObject, empty

_PLAIN_BASE_SEGMENT = re.compile(r"[^/?#;]+")


@lru_cache(maxsize=16)
def _joinable_base(base_url):
    """Whether urljoin(base_url, name) is base_url + name for every plain relative name."""
    if not base_url or not base_url.endswith("/") or any(char in base_url for char in "?#;"):
        return False
    parts = urlsplit(base_url)
    if (
        parts.scheme not in ("", "http", "https")
        or not parts.path.startswith("/")
        or (parts.scheme and not parts.netloc)
    ):
        return False
    inner = parts.path.split("/")[1:-1]
    if not all(_PLAIN_BASE_SEGMENT.fullmatch(segment) and segment not in (".", "..") for segment in inner):
        return False
    return urljoin(base_url, "a/b.jpg") == base_url + "a/b.jpg"


def file_url(field_file):
    """`field_file.url`, joined by hand where urljoin would only concatenate."""
    name = field_file.name
    storage = field_file.storage
    if isinstance(storage, LazyObject):  # default_storage
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    if name and type(storage) is FileSystemStorage:
        base_url = storage.base_url
        if base_url is not None and _joinable_base(base_url):
            url = filepath_to_uri(name).lstrip("/")
            # urljoin drops empty segments and resolves "." and ".." ones: leave such names to it.
            if url and "//" not in url and "/." not in "/" + url:
                return base_url + url
    return field_file.url


def rendition_full_url(rendition):
    """AbstractRendition.full_url."""
    url = file_url(rendition.file)
    if hasattr(settings, "WAGTAILADMIN_BASE_URL") and url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL + url
    return url
