"""Excerpts read the page text only as far as they need it, with the same result as from the whole text."""

import itertools

import pytest

from search.highlight import excerpt, excerpt_of_segments, match_pattern
from search.page_text import full_text, full_text_segments


class Stream:
    def __init__(self, *texts):
        self.raw_data = [{"type": "paragraph", "value": text, "id": str(number)} for number, text in enumerate(texts)]


class Page:
    search_description = ""

    def __init__(self, teaser="", intro="", body=(), sections=()):
        self.teaser = teaser
        self.intro = intro
        self.body = Stream(*body)
        self.sections = Stream(*sections)


FILLER = "Ein Satz ohne das gesuchte Wort, aber mit etwas Länge. "
PAGES = [
    Page(),
    Page(teaser="Nur ein Anreißer"),
    Page(intro="<p>Einleitung</p>", body=["<br>", "", "Quartier"]),
    # "<br>" has letters but no text: an empty piece, and " ".join keeps the space for it.
    Page(body=["<br>"], sections=["<br>", "<br>"]),
    Page(body=["<br>", "Text nach einem leeren Stück"]),
    Page(teaser="Ohne Wort", body=[FILLER * 3, "Das Quartier", FILLER * 10]),
    Page(body=[FILLER * 2, "Quar", "tier getrennt", FILLER * 5]),
    Page(body=[FILLER * 4 + "Quartier"], sections=[FILLER, "Quartiere und Quartiersarbeit " + FILLER * 3]),
    Page(teaser="Quartier im Anreißer", body=[FILLER * 6]),
    Page(body=["Quartier" + " x" * 119, "y", "z"]),  # the excerpt ends exactly where a piece ends
    Page(body=[FILLER[:60], "Quartier", FILLER * 4], sections=["Quartier"]),
]
PATTERNS = [None, match_pattern(["Quartier"]), match_pattern(["Wasserstoff"]), match_pattern(["Satz", "Länge"])]


@pytest.mark.parametrize("page", PAGES, ids=[f"page{number}" for number in range(len(PAGES))])
def test_the_segments_make_up_the_full_text(page):
    assert "".join(full_text_segments(page)) == full_text(page)


@pytest.mark.parametrize(
    ("page", "pattern"),
    [
        pytest.param(page, pattern, id=f"page{page_number}-pattern{pattern_number}")
        for (page_number, page), (pattern_number, pattern) in itertools.product(enumerate(PAGES), enumerate(PATTERNS))
    ],
)
def test_an_excerpt_from_segments_equals_the_excerpt_from_the_whole_text(page, pattern):
    lead = page.teaser
    assert excerpt_of_segments(lead, full_text_segments(page), pattern) == excerpt([lead, full_text(page)], pattern)


def test_segments_after_the_excerpt_are_never_read():
    read = []

    def segments():
        for number in range(1000):
            read.append(number)
            yield ("Quartier " if number == 3 else "") + FILLER

    result = excerpt_of_segments("", segments(), match_pattern(["Quartier"]))

    assert "<mark>Quartier</mark>" in result
    assert len(read) < 12
