"""Static files in production: hashed names, compressed variants and far-future caching via WhiteNoise."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STORAGES):
        call_command("collectstatic", "--no-input", verbosity=0)
    return root


def test_static_files_have_hashed_names_and_are_cached_for_a_year(static_root):
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES=PRODUCTION_STORAGES,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        url = static("css/site.css")
        assert url != "/static/css/site.css" and url.endswith(".css")
        response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert "max-age=315360000" in response["Cache-Control"]
        assert "immutable" in response["Cache-Control"]
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
