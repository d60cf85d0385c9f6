"""Plain text of a page for search excerpts, read without touching the database.

StreamFields are read from their raw JSON instead of their block values: turning blocks into
values loads images, documents and snippets, which would cost queries for every hit.
"""

import html
import re

from django.utils.html import strip_tags

TEXT_FIELDS = ("teaser", "intro")
STREAM_FIELDS = ("body", "sections")

_SPACES = re.compile(r"\s+")
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote)\b[^>]*>", re.IGNORECASE)
# Raw strings that are not prose: links, e-mail addresses, colour or heading-level choices …
_NOT_PROSE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#|www\.)|^\S*@\S+$|^[a-z]\d$", re.IGNORECASE)


def plain(value):
    """Text of an HTML fragment (rich text) or plain string, whitespace collapsed."""
    text = value or ""
    # Most strings (teasers, titles, StreamField text blocks) hold no markup: then both steps change nothing.
    if "<" in text:
        # Block boundaries become spaces, so "<p>Ende.</p><p>Neu</p>" does not read "Ende.Neu".
        text = strip_tags(_BLOCK_TAG.sub(" ", text))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def _stream_strings(data):
    """Every prose string inside raw StreamField data, in document order."""
    if isinstance(data, str):
        if not _NOT_PROSE.search(data.strip()) and any(char.isalpha() for char in data):
            yield data
    elif isinstance(data, dict):
        # A stream child is {"type", "value", "id"}: only its value holds content.
        if "type" in data and "value" in data:
            yield from _stream_strings(data["value"])
        else:
            for value in data.values():
                yield from _stream_strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _stream_strings(item)


def stream_text(stream_value):
    raw = getattr(stream_value, "raw_data", None)
    if raw is None:
        return ""
    return " ".join(plain(text) for text in _stream_strings(list(raw)))


def teaser_text(page):
    """The page's own summary: search description, teaser or intro, whichever is filled first."""
    for attr in ("search_description", "teaser", "intro"):
        text = plain(getattr(page, attr, ""))
        if text:
            return text
    return ""


def full_text(page):
    """Teaser, intro and all StreamField text of the page, as one string."""
    parts = [plain(getattr(page, attr, "")) for attr in TEXT_FIELDS]
    parts += [stream_text(getattr(page, attr, None)) for attr in STREAM_FIELDS]
    return " ".join(part for part in parts if part)


def _stream_pieces(stream_value):
    raw = getattr(stream_value, "raw_data", None)
    if raw is None:
        return
    for text in _stream_strings(list(raw)):
        yield plain(text)


def full_text_segments(page):
    """full_text(page) in pieces, each computed only when asked for: "".join() of them is full_text(page).

    An excerpt usually needs only the text up to a little after the first match.
    """
    parts = [[plain(getattr(page, attr, ""))] for attr in TEXT_FIELDS]
    parts += [_stream_pieces(getattr(page, attr, None)) for attr in STREAM_FIELDS]
    started = False
    for pieces in parts:
        # A part is " ".join(its pieces) and left out when empty: no pieces, or a single empty one.
        pending = []
        for piece in pieces:
            if pending is None:
                yield " " + piece
                continue
            pending.append(piece)
            if piece or len(pending) > 1:
                if started:
                    yield " "
                yield " ".join(pending)
                started = True
                pending = None
