"""The seven sections of a district profile: each at most once, always stored and shown in this order."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.snippets.blocks import SnippetChooserBlock

from home.api_visibility import is_public_media
from home.blocks import PARAGRAPH_FEATURES, DocumentBlock, ImageBlock, LinkBlock, QuoteBlock
from home.compiled_loads import chooser_values


class SectionContentBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=PARAGRAPH_FEATURES, template="components/blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    link = LinkBlock(template="components/blocks/link_block.html")

    class Meta:
        label = "Abschnittsinhalt"


class MilestoneBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label="Jahr", required=False, min_value=1950, max_value=2100)
    date = blocks.DateBlock(label="Datum", required=False, help_text="Statt des Jahres, wenn der Tag bekannt ist.")
    title = blocks.CharBlock(label="Titel", max_length=200)
    text = blocks.TextBlock(label="Beschreibung", required=False)

    class Meta:
        icon = "date"
        label = "Meilenstein"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("year") and not value.get("date"):
            raise blocks.StructBlockValidationError(
                block_errors={"year": ValidationError("Bitte ein Jahr oder ein Datum angeben.")}
            )
        return value

    def get_api_representation(self, value, context=None):
        date = value.get("date")
        return {
            "year": value.get("year") or (date.year if date else None),
            "date": date.isoformat() if date else None,
            "title": value["title"],
            "text": value["text"],
        }


class ContactPersonBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("home.ContactPerson", **kwargs)

    def bulk_to_python(self, values):
        # All contacts of a page with their photos in one query, not one photo query per person.
        return chooser_values(self.model_class, values, ("photo",))

    def get_api_representation(self, value, context=None):
        # Contact persons have drafts of their own: an unpublished one is not shown at all.
        if value is None or not getattr(value, "live", True):
            return None
        person = value.api_representation()
        if person["photo"] is not None and not is_public_media(value.photo, context):
            person["photo"] = None
        return person


class DownloadBlock(blocks.StructBlock):
    document = DocumentBlock(label="Dokument")
    description = blocks.CharBlock(label="Beschreibung", required=False, max_length=250)

    class Meta:
        icon = "download"
        label = "Download"


SECTIONS = [
    ("ausgangslage", "Gebietscharakter und Ausgangslage"),
    ("potenziale", "Potenziale und Handlungsansätze"),
    ("organisation", "Organisation und Lokale Partner"),
    ("meilensteine", "Meilensteine"),
    ("perspektiven", "Perspektiven"),
    ("ansprechpersonen", "Ansprechperson"),
    ("materialien", "Materialien zum Download"),
]
SECTION_ORDER = {name: position for position, (name, _label) in enumerate(SECTIONS)}
SECTION_LABELS = dict(SECTIONS)


class ProfileSectionsBlock(blocks.StreamBlock):
    ausgangslage = SectionContentBlock(label=SECTION_LABELS["ausgangslage"], icon="doc-full")
    potenziale = SectionContentBlock(label=SECTION_LABELS["potenziale"], icon="pick")
    organisation = SectionContentBlock(label=SECTION_LABELS["organisation"], icon="group")
    meilensteine = blocks.ListBlock(MilestoneBlock(), label=SECTION_LABELS["meilensteine"], icon="date")
    perspektiven = SectionContentBlock(label=SECTION_LABELS["perspektiven"], icon="view")
    ansprechpersonen = blocks.ListBlock(
        ContactPersonBlock(label="Ansprechperson"), label=SECTION_LABELS["ansprechpersonen"], icon="user"
    )
    materialien = blocks.ListBlock(DownloadBlock(), label=SECTION_LABELS["materialien"], icon="download")

    class Meta:
        block_counts = {name: {"max_num": 1} for name, _label in SECTIONS}

    def clean(self, value):
        """Sort the sections into their fixed order, whatever order the editor added them in."""
        value = super().clean(value)
        ordered = sorted(value, key=lambda child: SECTION_ORDER[child.block_type])
        return StreamValue(self, [(child.block_type, child.value, child.id) for child in ordered])
