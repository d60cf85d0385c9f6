"""Excerpts of a hit's text with the matched words wrapped in <mark>.

PostgreSQL matches stemmed words ("Familien" finds "Familie"), so highlighting exact query words would
miss most matches. We approximate the stemmer with a light German suffix stripping and mark every word
that starts with such a stem. The output is built only from escaped pieces of text, so neither page
text nor the visitor's query can inject markup.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 240
# Characters shown before the first match, so the excerpt starts with a little context.
LEAD_IN = 60

# Common German inflection and derivation endings (as the Snowball stemmer removes them), longest first.
_SUFFIXES = ("ungen", "heiten", "keiten", "heit", "keit", "ung", "ern", "en", "er", "es", "em", "e", "n", "s")
_MIN_STEM = 3
# Words PostgreSQL's German configuration ignores; marking them would only add noise.
_STOPWORDS = frozenset(
    "aber als am an auch auf aus bei bis das dass dem den der des die ein eine einem einen einer eines "
    "für im in ist mit nach nicht noch oder so über um und vom von vor wie zu zum zur".split()
)


def stem(word):
    """A crude German stem: the lower-cased word without one inflection ending."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def match_pattern(terms):
    """A regex matching every word that starts with the stem of one of the terms, or None."""
    stems = {stem(term) for term in terms if term.lower() not in _STOPWORDS}
    stems = sorted((s for s in stems if len(s) >= 2), key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def _cut(text, start, length):
    """text[start:start+length] widened/narrowed to whole words, with ellipses where it was cut."""
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 else 0
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix, text[start:end], suffix


def highlight(text, pattern):
    """Escape text and wrap every match of pattern in <mark>."""
    if pattern is None:
        return escape(text)
    parts = []
    position = 0
    # html.escape() is what django.utils.html.escape() applies, without its wrapper for lazy strings.
    for match in pattern.finditer(text):
        parts.append(html.escape(text[position : match.start()]))
        parts.append("<mark>" + html.escape(match.group(0)) + "</mark>")
        position = match.end()
    parts.append(html.escape(text[position:]))
    # Safe: every piece above was escaped; only our own <mark> tags are added.
    return mark_safe("".join(parts))


def excerpt(texts, pattern, length=EXCERPT_LENGTH):
    """A short excerpt around the first match in the first text that has one.

    `texts` are plain-text candidates in order of preference (teaser first, then the full text);
    without any match the excerpt is the start of the first non-empty text, unmarked.
    """
    texts = [text for text in texts if text]
    if not texts:
        return ""
    if pattern is not None:
        for text in texts:
            match = pattern.search(text)
            if match:
                start = max(0, match.start() - LEAD_IN) if len(text) > length else 0
                prefix, body, suffix = _cut(text, start, length)
                return mark_safe(escape(prefix) + highlight(body, pattern) + escape(suffix))
    prefix, body, suffix = _cut(texts[0], 0, length)
    return escape(body + suffix)


def excerpt_of_segments(lead, segments, pattern, length=EXCERPT_LENGTH):
    """excerpt([lead, "".join(segments)], pattern), joining only as many segments as the excerpt needs.

    Once the joined text reaches more than `length` characters past the first match (or past the start,
    without a pattern), the rest cannot change the excerpt: its cut, its context and its ellipses all lie
    in the text read so far, and no earlier match can start in text not yet read.
    """
    if lead and (pattern is None or pattern.search(lead)):
        return excerpt([lead], pattern, length)
    text = ""
    for segment in segments:
        text += segment
        if pattern is None:
            if len(text) > length:
                break
            continue
        match = pattern.search(text)
        if match and len(text) > match.start() + length:
            break
    return excerpt([lead, text], pattern, length)
