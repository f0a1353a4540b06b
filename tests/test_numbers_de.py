"""Tests for site_plugins.numbers_de: German digits, number words, scale words, and what is not
a number (dates, times, versions, codes, articles)."""
from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins import numbers_de
from site_plugins.numbers_de import NumberSpan, find_numbers, parse_number, parse_number_words, scaled


@pytest.mark.parametrize("words, value", [
    ("null", 0), ("eins", 1), ("ein", 1), ("zehn", 10), ("elf", 11), ("zwölf", 12),
    ("siebzehn", 17), ("vierzig", 40), ("sechzig", 60), ("dreißig", 30), ("dreissig", 30),
    ("einundzwanzig", 21), ("fuenfundfuenfzig", 55), ("hundert", 100), ("einhundertdrei", 103),
    ("dreihundertvierzig", 340), ("neunhundertneunundneunzig", 999), ("tausend", 1000),
    ("zehntausend", 10000), ("eintausendeinhundertfünfzig", 1150),
    ("dreihundertneunundneunzigtausendfünfhundertneun", 399509), ("Vierzig", 40),
    ("eine Million", 1_000_000), ("zwei Milliarden", 2_000_000_000), ("drei Billionen", 3 * 10**12),
    ("zwei Millionen dreihunderttausend", 2_300_000), ("zwei tausend", 2000),
    ("tausend Millionen", 10**9),
    ("Eine Million dreihundertneunundneunzigtausendfuenfhundertneun", 1_399_509),
])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("words", [
    "", "Haus", "Millionen", "zweidrei", "einszwanzig", "tausendtausend", "hundertzweihundert",
    "zweieinhalb",  # not an integer: parse_number reads it
    "drei Millionen zwei Millionen", "zwei Milliarden drei Milliarden", "zehn elf", "40",
])
def test_parse_number_words_rejects(words):
    assert parse_number_words(words) is None


@pytest.mark.parametrize("numeral, value", [
    ("1.234.567", 1234567.0), ("2,5", 2.5), ("320'000", 320000.0), ("320’000", 320000.0),
    ("320 000", 320000.0), ("320\u202f000", 320000.0), ("1\u00a0234\u00a0567,89", 1234567.89),
    ("2.000,352", 2000.352), ("4,800", 4.8), ("2.300", 2300.0), ("0,5", 0.5), ("0", 0.0),
    ("2,5 Mio.", 2_500_000.0), ("2,5 Mio", 2_500_000.0), ("40 Milliarden", 4e10),
    ("1 Milliarde", 1e9), ("3 Mrd.", 3e9), ("7 Mia.", 7e9), ("1,2 Billionen", 1.2e12),
    ("2 Bio.", 2e12), ("5 Tsd.", 5000.0), ("5 Tausend", 5000.0), ("16,4 Millionen", 16_400_000.0),
    ("40-Milliarden", 4e10), ("zehn", 10.0), ("zehn Milliarden", 1e10),
    ("achtundsiebzig Millionen", 78_000_000.0), ("zweieinhalb", 2.5), ("dreieinhalb", 3.5),
    ("eineinhalb Milliarden", 1.5e9), ("anderthalb Millionen", 1_500_000.0), ("dreiviertel", 0.75),
    ("eine halbe Million", 500_000.0), ("ein Dutzend", 12.0), ("fünf dutzend", 60.0),
    ("ein halbes Dutzend", 6.0), ("zwei Millionen eintausendeinhundertfünfzig", 2_001_150.0),
    ("  40 Milliarden  ", 4e10),
])
def test_parse_number(numeral, value):
    assert parse_number(numeral) == value


@pytest.mark.parametrize("text", [
    "", "abc", "Milliarden", "030", "0000", "31.01.2025", "12:30", "2.35", "GPT-4", "o3", "R1",
    "5G", "40er", "1234567890123456789012", "2,5 Mio. Euro", "Dutzende", "Tausende",
])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_scaled_has_no_float_noise():
    assert 16.4 * 10**6 != 16_400_000.0  # what the function is for
    assert scaled(16.4, 10**6) == 16_400_000.0
    assert scaled(0.5, 10**6) == 500_000.0


def test_find_numbers_spans_and_scales():
    text = "Rund 40 Milliarden US-Dollar, 2,5 Mio. Euro, zehn Prozent und 320'000 Beschäftigte."
    assert find_numbers(text) == [
        NumberSpan("40 Milliarden", 5, 18, 4e10, 10**9),
        NumberSpan("2,5 Mio.", 30, 38, 2_500_000.0, 10**6),
        NumberSpan("zehn", 45, 49, 10.0),
        NumberSpan("320'000", 62, 69, 320_000.0),
    ]


@pytest.mark.parametrize("text", [
    "Am 31.01.2025 um 12:30 Uhr stellte OpenAI o3-mini und GPT-4 vor; Deepseek R1 folgte.",
    "Mehr unter https://example.org/suche?q=30%25%2020 und Covid-19 im 5G-Netz der 90er.",
    "Ein Mann kauft eine Zeitung und einen Kaffee, einer bezahlt.",
    "Claudia Tausend wuchs in Niederbayern auf, die Elf gewann, gib Acht.",
    "Tel. 030/12345, Fax +4989.",
    "Milliardeninvestitionen, Milliarden in den Ausbau, Millionen Nutzer, Hunderte Stellen.",
])
def test_find_numbers_skips_what_is_not_a_number(text):
    assert find_numbers(text) == []


def test_ordinal_and_year_are_plain_numbers():
    # numbers_de reads them; deciding that they are no key figures is the figure extractor's job
    assert [(n.text, n.value) for n in find_numbers("am 31. Januar 2025")] == [("31", 31.0), ("2025", 2025.0)]


def test_range_and_word_phrases():
    text = "zwischen 100 und 300 Milliarden Sternen, zwei Millionen dreihunderttausend Menschen"
    assert [(n.text, n.value) for n in find_numbers(text)] == [
        ("100", 100.0), ("300 Milliarden", 3e11),
        ("zwei Millionen dreihunderttausend", 2_300_000.0),
    ]


def test_capitalized_number_nouns_only_before_a_scale_word():
    assert [(n.text, n.value) for n in find_numbers("Acht Millionen kamen, die Elf siegte.")] == [
        ("Acht Millionen", 8_000_000.0)]


def test_doctests():
    assert doctest.testmod(numbers_de).failed == 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_numbers_never_raises_and_spans_are_exact(text):
    last_end = 0
    for span in find_numbers(text):
        assert span.start >= last_end
        assert text[span.start:span.end] == span.text
        last_end = span.end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,' \u00a0\u202f-MioMrdTausendzehnvierzigeinhalbe", max_size=60))
def test_parse_number_never_raises_on_numeral_like_text(text):
    value = parse_number(text)
    assert value is None or value >= 0
