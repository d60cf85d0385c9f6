"""Generated media for the demo content: teaser graphics (Pillow) and small PDF documents (fpdf2).

Both are deterministic for a given input, so a fresh set-up always looks the same and nothing
has to be downloaded.
"""

import datetime
import hashlib
import io

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

IMAGE_SIZE = (1200, 675)

# Muted colours that keep white text readable (contrast ratio above 4.5:1).
PALETTE = [
    (0, 86, 122),
    (120, 45, 95),
    (34, 94, 60),
    (150, 60, 20),
    (60, 60, 120),
    (110, 80, 20),
    (20, 100, 100),
    (130, 40, 40),
]

# The PDF core fonts only cover Latin-1; typographic characters outside it are mapped to ASCII.
PDF_REPLACEMENTS = str.maketrans({"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-"})


def _seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def _font(size):
    # Pillow bundles a scalable font (needs FreeType, which every Pillow wheel includes).
    return ImageFont.load_default(size=size)


def _fitting_font(draw, text, size, max_width):
    """The largest font up to `size` in which `text` fits into `max_width` pixels."""
    font = _font(size)
    while size > 24 and draw.textlength(text, font=font) > max_width:
        size -= 4
        font = _font(size)
    return font


def teaser_jpeg(title, subtitle):
    """A 1200x675 JPEG: a coloured field with a few abstract blocks (a street grid) and the name."""
    seed = _seed(title + subtitle)
    background = PALETTE[seed % len(PALETTE)]
    accent = tuple(min(255, channel + 45) for channel in background)
    image = Image.new("RGB", IMAGE_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = IMAGE_SIZE
    for index in range(14):
        value = _seed(f"{title}-{index}")
        left = value % width
        top = (value // width) % (height // 2)
        size = 60 + value % 180
        draw.rectangle([left, top, left + size, top + size // 2], fill=accent)
    draw.rectangle([0, height - 230, width, height], fill=tuple(channel // 2 for channel in background))
    draw.text((60, height - 200), title, font=_fitting_font(draw, title, 72, width - 120), fill="white")
    draw.text((60, height - 100), subtitle, font=_font(40), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def _pdf_text(text):
    return text.translate(PDF_REPLACEMENTS)


def simple_pdf(title, paragraphs, footer="Städtenetz Soziale Stadt NRW – Demo-Dokument"):
    """A one- or two-page A4 PDF with a heading and paragraphs; returns the bytes."""
    pdf = FPDF(format="A4")
    # A fixed date keeps the file (and its hash) identical between set-ups.
    pdf.set_creation_date(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    pdf.set_title(_pdf_text(title))
    pdf.set_author("Städtenetz Soziale Stadt NRW")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, _pdf_text(title))
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _pdf_text(paragraph))
        pdf.ln(3)
    pdf.ln(6)
    pdf.set_font("helvetica", style="I", size=9)
    pdf.multi_cell(0, 5, _pdf_text(footer))
    return bytes(pdf.output())
