"""Hostile and broken uploads get a German form error (never a 500); documents are served safely."""

import io
import random
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def png_bytes(width=300, height=200, noise=False):
    image = PILImage.new("RGB", (width, height), (40, 120, 200))
    if noise:
        # Random pixels do not compress, so the file is large and a cut removes real pixel data.
        image = PILImage.frombytes("RGB", (width, height), random.Random(8).randbytes(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(width=400, height=300):
    image = PILImage.frombytes("RGB", (width, height), random.Random(9).randbytes(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width, height):
    """A tiny PNG whose header claims width x height pixels: one compressed row, as decompression bombs do."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(row)) + b""


SVG_WITH_SCRIPT = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(document.cookie)">
  <script>alert(document.domain)</script><rect width="100" height="100"/>
</svg>"""


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("bildredaktion", "bild@example.org", "lang-und-geheim-42")
    client.force_login(user)
    return client


def upload_image(client, name, content, view="wagtailimages:add"):
    data = {"title": "Testbild", "collection": Collection.get_first_root_node().pk, "tags": ""}
    if view == "wagtailimages:add_multiple":
        data = {"files[]": SimpleUploadedFile(name, content)}
    else:
        data["file"] = SimpleUploadedFile(name, content)
    return client.post(reverse(view), data)


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_valid_png_is_accepted(admin_client):
    response = upload_image(admin_client, "quartier.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        # 20 000 x 20 000 pixels: Pillow refuses to decode it at all (decompression bomb).
        ("bombe.png", bomb_png(20_000, 20_000), "zu viele Pixel"),
        # 8 000 x 8 000 pixels: decodable, but above WAGTAILIMAGES_MAX_IMAGE_PIXELS (40 million).
        ("riesig.png", bomb_png(8_000, 8_000), "zu viele Pixel"),
        # A valid header and the first part of the pixel data, cut off mid-stream.
        ("abgeschnitten.png", png_bytes(noise=True)[:6000], "unvollständig oder beschädigt"),
        ("abgeschnitten.jpg", jpeg_bytes()[:20_000], "unvollständig oder beschädigt"),
        # A PNG that claims to be a JPEG.
        ("foto.jpg", png_bytes(), "Die Erweiterung stimmt nicht mit dem Dateiformat überein (png)"),
        # A program with an image extension, and one with its own.
        ("foto.png", b"MZ\x90\x00" + b"\x00" * 200, "kein Bild oder ein beschädigtes Bild"),
        ("programm.exe", b"MZ\x90\x00" + b"\x00" * 200, "kein Bild oder ein beschädigtes Bild"),
        # SVG can carry scripts, so it is refused under its own name and under an image name.
        ("logo.svg", SVG_WITH_SCRIPT, "Nicht unterstütztes Bildformat"),
        ("logo.png", SVG_WITH_SCRIPT, "Die Erweiterung stimmt nicht mit dem Dateiformat überein (svg)"),
    ],
)
def test_bad_image_gets_a_german_form_error(admin_client, name, content, expected):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    assert expected in form_errors(response)
    assert Image.objects.count() == 0


def test_truncated_image_is_refused_by_the_multiple_uploader(admin_client):
    response = upload_image(
        admin_client, "abgeschnitten.png", png_bytes(noise=True)[:6000], "wagtailimages:add_multiple"
    )
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is False
    assert "unvollständig oder beschädigt" in result["error_message"]
    assert Image.objects.count() == 0


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=5_000)
def test_image_over_the_size_limit_is_refused(admin_client):
    response = upload_image(admin_client, "gross.png", png_bytes(noise=True))
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in form_errors(response)


def upload_document(client, name, content, collection=None):
    collection = collection or Collection.get_first_root_node()
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": collection.pk, "tags": ""},
    )


@pytest.mark.parametrize("name", ["seite.html", "skript.js", "programm.exe", "logo.svg", "makro.docm"])
def test_document_outside_the_allow_list_is_refused(admin_client, name):
    response = upload_document(admin_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert "ist nicht erlaubt" in " ".join(response.context["form"].errors["file"])
    assert Document.objects.count() == 0


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1_000)
def test_document_over_the_size_limit_is_refused(admin_client):
    response = upload_document(admin_client, "bericht.txt", b"x" * 1_001)
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in " ".join(response.context["form"].errors["file"])


@pytest.fixture
def documents(admin_client):
    for name, content in [
        ("bericht.pdf", b"%PDF-1.4\n%%EOF\n"),
        ("tabelle.csv", b"Gebiet;Einwohner\nNordstadt;58000\n"),
        ("protokoll.docx", b"PK\x03\x04docx"),
    ]:
        assert upload_document(admin_client, name, content).status_code == 302
    admin_client.logout()
    return {doc.title: doc for doc in Document.objects.all()}


@pytest.mark.parametrize(
    ("filename", "disposition"),
    [("tabelle.csv", "attachment"), ("protokoll.docx", "attachment"), ("bericht.pdf", "inline")],
)
def test_documents_are_served_as_attachment_except_pdf(client, documents, filename, disposition):
    response = client.get(documents[filename].url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith(disposition)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_document_in_private_collection_is_refused_to_the_public(client, admin_client, django_user_model):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    assert upload_document(admin_client, "intern.txt", b"VERTRAULICHER-INHALT", collection=private).status_code == 302
    document = Document.objects.get(title="intern.txt")
    admin_client.logout()

    response = client.get(document.url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/_util/login/?next=")
    assert b"VERTRAULICHER-INHALT" not in response.content
    login_page = client.get(response.headers["Location"])
    assert login_page.status_code == 200
    assert b"VERTRAULICHER-INHALT" not in login_page.content

    reader = django_user_model.objects.create_user("leser", "leser@example.org", "lang-und-geheim-42")
    client.force_login(reader)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"VERTRAULICHER-INHALT"


def test_document_in_password_collection_shows_the_password_form(client, admin_client):
    private = Collection.get_first_root_node().add_child(name="Mit Passwort")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="sommer-2024"
    )
    assert upload_document(admin_client, "passwort.txt", b"GEHEIMER-INHALT", collection=private).status_code == 302
    document = Document.objects.get(title="passwort.txt")
    admin_client.logout()

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"GEHEIMER-INHALT" not in response.content
    assert b'name="password"' in response.content
