"""Upload checks beyond Wagtail's own (extension, format, size, pixel count from the header).

Wagtail reads only an image's header on upload and lets Pillow's error for a file cut off after its
header escape as a server error. A file whose damage lies further in would pass and fail later, when
the first rendition is made on a public page. Decoding the whole image once at upload turns both
into a form error for the editor.
"""

import struct
import warnings

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

BROKEN_IMAGE_MESSAGE = (
    "Die Bilddatei ist unvollständig oder beschädigt und kann nicht verarbeitet werden. "
    "Bitte speichern Sie das Bild neu (z. B. als JPEG oder PNG) und laden Sie es erneut hoch."
)
TOO_MANY_PIXELS_MESSAGE = "Das Bild hat zu viele Bildpunkte und kann nicht verarbeitet werden."


def decode_fully(uploaded_file):
    """Decode every pixel of the first frame; raise ValidationError if the data is broken."""
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(uploaded_file) as image:
                image.load()
    except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as exc:
        raise ValidationError(TOO_MANY_PIXELS_MESSAGE, code="file_too_many_pixels") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        # Pillow reports truncated and corrupt data as OSError (or SyntaxError for bad headers).
        raise ValidationError(BROKEN_IMAGE_MESSAGE, code="broken_image") from exc
    finally:
        uploaded_file.seek(0)


class CheckedImageField(WagtailImageField):
    """WagtailImageField that turns every decoding failure into a form error and decodes new uploads fully.

    Wagtail catches only decompression-bomb errors while reading the size; Pillow's OSError for a
    truncated file would otherwise end in a server error.
    """

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, struct.error) as exc:
            raise ValidationError(BROKEN_IMAGE_MESSAGE, code="broken_image") from exc
        if uploaded is not None:
            decode_fully(uploaded)
        return uploaded


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the checked file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds the field itself (formfield_for_dbfield); switching its class keeps its label,
        # widget and help text, and changes only how an upload is validated.
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = CheckedImageField
