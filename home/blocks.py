"""StreamField blocks shared by every app, with API representations a headless front end can render."""

import re
from functools import cache
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.api.utils import get_full_url
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .api_visibility import is_public_media, is_public_page
from .compiled_loads import chooser_values

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

RENDITION_SPECS = {"small": "max-400x300", "medium": "max-800x600", "large": "max-1600x1200"}

SAFE_LINK_SCHEMES = {"http", "https", "ftp", "ftps", "mailto", "tel"}
# Browsers ignore control characters and blanks inside a scheme ("java\tscript:"), so drop them before looking.
_IGNORED_IN_SCHEME_RE = re.compile(r"[\x00-\x20\x7f-\xa0]+")


def safe_link_url(url):
    """The URL unchanged if following it cannot run script (http(s), mail, phone or relative); else ""."""
    if not url:
        return url
    scheme = urlsplit(_IGNORED_IN_SCHEME_RE.sub("", url)).scheme.lower()
    return url if not scheme or scheme in SAFE_LINK_SCHEMES else ""


@cache
def _rendition_filters():
    """Filter objects built once: each parses its spec (with signature inspection) on first use only."""
    from wagtail.images.models import Filter  # the app registry is not ready when this module is imported

    return tuple(Filter(spec=spec) for spec in RENDITION_SPECS.values())


def image_api_representation(image, alt=""):
    """An image as renditions with URL, width and height, plus alt text."""
    # The rendition's full_url, joined without urljoin where that only concatenates (home/api_images.py,
    # which imports this module).
    from .api_images import rendition_full_url

    if image is None:
        return None
    renditions = image.get_renditions(*_rendition_filters())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or getattr(image, "default_alt_text", "") or image.title,
        "renditions": {
            name: {
                "url": rendition_full_url(renditions[spec]),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITION_SPECS.items()
        },
    }


def document_api_representation(document):
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        # Absolute like the image renditions: API clients live on other hosts.
        "url": get_full_url(None, document.url),
        "file_type": document.file_extension.upper(),
        "file_size": document.get_file_size(),
    }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Text", max_length=200)
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=[("h2", "Überschrift 2"), ("h3", "Überschrift 3")],
        default="h2",
        help_text="Ebene 2 für Abschnitte, Ebene 3 für Unterabschnitte.",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "components/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Bild")
    alt_text = blocks.CharBlock(
        label="Alternativtext",
        max_length=250,
        help_text="Beschreibt das Bild für Menschen, die es nicht sehen können (Pflicht).",
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=250)
    credit = blocks.CharBlock(label="Bildnachweis", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "components/blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        image = value["image"] if is_public_media(value["image"], context) else None
        return {
            "image": image_api_representation(image, value["alt_text"]),
            "caption": value["caption"],
            "credit": value["credit"],
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(label="Quelle / Person", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "components/blocks/quote_block.html"


class DocumentBlock(DocumentChooserBlock):
    def bulk_to_python(self, values):
        return chooser_values(self.model_class, values)

    def get_api_representation(self, value, context=None):
        return document_api_representation(value) if is_public_media(value, context) else None


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Überschrift", required=False, max_length=200)
    documents = blocks.ListBlock(DocumentBlock(label="Dokument"), label="Dokumente", min_num=1)

    class Meta:
        icon = "doc-full"
        label = "Dokumentenliste"
        template = "components/blocks/document_list_block.html"


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Linktext", max_length=120)
    page = blocks.PageChooserBlock(label="Interne Seite", required=False)
    url = blocks.URLBlock(label="Externe Adresse", required=False)

    class Meta:
        icon = "link"
        label = "Link"

    # The editor form refuses javascript: and similar URLs (URLBlock); stored values that never passed it
    # (imports, old revisions, code) lose such a URL when read, so no template or API answer can emit it.
    def to_python(self, value):
        return self._without_unsafe_url(super().to_python(value))

    def bulk_to_python(self, values):
        return [self._without_unsafe_url(value) for value in super().bulk_to_python(values)]

    @staticmethod
    def _without_unsafe_url(value):
        if value.get("url"):
            value["url"] = safe_link_url(value["url"])
        return value

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Bitte entweder eine interne Seite oder eine externe Adresse angeben.")
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        """A link to a page the public cannot see keeps its text but loses its target."""
        page = value.get("page")
        if page is not None:
            page = page if is_public_page(page, context) else None
            return {"text": value["text"], "url": page.full_url if page else None, "page": page.pk if page else None}
        return {"text": value["text"], "url": value.get("url") or None, "page": None}


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Überschrift", required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label="Links", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Linkliste"
        template = "components/blocks/link_list_block.html"


class CallToActionBlock(LinkBlock):
    description = blocks.TextBlock(label="Beschreibung", required=False)

    class Meta:
        icon = "pick"
        label = "Handlungsaufforderung"
        template = "components/blocks/call_to_action_block.html"

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "description": value["description"]}


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=PARAGRAPH_FEATURES, template="components/blocks/paragraph_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    documents = DocumentListBlock()
    links = LinkListBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        label="Eingebettetes Medium",
        help_text="Adresse eines Videos oder Beitrags (z. B. YouTube); wird erst nach Zustimmung geladen.",
        template="components/blocks/embed_block.html",
    )

    class Meta:
        label = "Inhalt"
