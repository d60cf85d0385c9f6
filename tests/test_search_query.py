"""Query cleaning and excerpt highlighting: what the backend receives and what the visitor sees."""

from search.highlight import excerpt, highlight, match_pattern
from search.page_text import stream_text
from search.query import MAX_QUERY_LENGTH, MAX_TERMS, clean_query, displayed_query


def test_only_words_reach_the_backend():
    assert clean_query("'; DROP TABLE wagtailcore_page; --") == "DROP TABLE wagtailcore page"
    assert clean_query('"Grün*" NEAR(Gebäude) & !Familie | x:y') == "Grün NEAR Gebäude Familie x y"
    assert clean_query("<script>alert(1)</script>") == "script alert 1 script"


def test_punctuation_and_control_characters_leave_nothing_to_search():
    assert clean_query("!!! ??? … – \"' ;; \x00 \t") == ""


def test_long_queries_are_capped_in_length_and_terms():
    assert len(displayed_query("x" * 10_000)) == MAX_QUERY_LENGTH
    assert len(clean_query("Wort " * 2_000).split()) == MAX_TERMS


def test_displayed_query_drops_control_characters():
    assert displayed_query("Familie\x00\x1b[31m") == "Familie [31m"


def test_highlight_marks_inflected_forms_of_the_query_words():
    pattern = match_pattern(["Familien", "Quartiere"])
    html = highlight("Eine Familie zieht ins Quartier, viele Familien folgen.", pattern)
    assert html == ("Eine <mark>Familie</mark> zieht ins <mark>Quartier</mark>, viele <mark>Familien</mark> folgen.")


def test_highlight_links_nouns_and_verbs_of_one_stem():
    pattern = match_pattern(["Beteiligung"])
    assert highlight("Wer sich beteiligt, gestaltet mit.", pattern) == "Wer sich <mark>beteiligt</mark>, gestaltet mit."


def test_highlight_is_case_insensitive_and_handles_umlauts():
    pattern = match_pattern(["grün"])
    assert highlight("Mehr Grün für grüne Höfe", pattern) == "Mehr <mark>Grün</mark> für <mark>grüne</mark> Höfe"


def test_highlight_escapes_page_text_and_query():
    pattern = match_pattern(["script"])
    html = highlight('<script>alert("x")</script> & mehr', pattern)
    assert "<script>" not in html
    assert html == "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; mehr"


def test_stopwords_are_not_marked():
    assert match_pattern(["und", "die"]) is None
    assert highlight("Jung und Alt", match_pattern(["und", "Alt"])) == "Jung und <mark>Alt</mark>"


def test_excerpt_centres_on_the_first_match_in_the_preferred_text():
    long_text = "Einleitung ohne Treffer. " * 30 + "Hier geht es um Beteiligung im Quartier. " + "Schluss. " * 30
    result = excerpt(["Ein Anreißer ohne das Wort.", long_text], match_pattern(["Beteiligung"]))
    assert "<mark>Beteiligung</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
    assert len(result) < 300


def test_excerpt_without_match_starts_with_the_teaser_and_is_escaped():
    result = excerpt(["Kurz & knapp <b>", "Langer Text"], match_pattern(["Wasserstoff"]))
    assert result == "Kurz &amp; knapp &lt;b&gt;"


def test_stream_text_reads_prose_and_skips_links_and_choices():
    class Stream:
        raw_data = [
            {"type": "heading", "value": {"text": "Ziele", "level": "h2"}, "id": "a"},
            {"type": "paragraph", "value": "<p>Mehr <b>Grün</b> &amp; Spiel.</p><p>Neu</p>", "id": "b"},
            {"type": "links", "value": [{"type": "item", "value": {"url": "https://example.org", "text": "Mehr"}}]},
            {"type": "image", "value": {"image": 7, "caption": "Der Platz"}, "id": "c"},
        ]

    assert stream_text(Stream()) == "Ziele Mehr Grün & Spiel. Neu Mehr Der Platz"
