"""Turning what a visitor typed into something safe and cheap to hand to the search backend.

The backend only ever sees words (Unicode letters and digits) separated by spaces: no quotes,
operators or punctuation reach PostgreSQL's tsquery parser or SQLite's FTS5 MATCH syntax, so no
input can make them fail, and the query stays short enough to be fast.
"""

import re

# Longer input is cut before anything else happens to it; nobody types more than this on purpose.
MAX_QUERY_LENGTH = 200
# More terms only make the AND query slower, never better.
MAX_TERMS = 12

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def displayed_query(raw):
    """The query as it goes back into the search field: capped, without control characters."""
    return _CONTROL.sub(" ", raw[:MAX_QUERY_LENGTH]).strip()


def search_terms(raw):
    """The words of the query, at most MAX_TERMS, in the order typed."""
    return _WORD.findall(raw[:MAX_QUERY_LENGTH])[:MAX_TERMS]


def clean_query(raw):
    """The string handed to the backend, or "" if the input holds no searchable word."""
    return " ".join(search_terms(raw))
