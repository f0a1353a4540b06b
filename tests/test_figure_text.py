"""Tests for site_plugins.render.figure_text: exact German and English strings (no-break spaces
written as \\u00a0), and that every extracted figure can be formatted."""
from __future__ import annotations

import doctest

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.extract.figures import find_figures
from site_plugins.model import Figure
from site_plugins.render import figure_text
from site_plugins.render.figure_text import format_figure

NB = "\u00a0"


def money(value: float, unit: str, approximate: bool = False, assumed: bool = False) -> Figure:
    return Figure("", 0, 0, "money", value, unit, approximate, assumed)


def other(kind: str, value: float, unit: str | None = None, approximate: bool = False) -> Figure:
    return Figure("", 0, 0, kind, value, unit, approximate)


CASES = [  # figure, German, English
    (money(4e10, "USD"), f"40{NB}Mrd.{NB}US-Dollar", "$40 billion"),
    (money(3.4e11, "USD", assumed=True), f"340{NB}Mrd.{NB}Dollar", "$340 billion"),
    (money(2.5e6, "EUR"), f"2,5{NB}Mio.{NB}€", "€2.5 million"),
    (money(1e10, "USD", assumed=True), f"10{NB}Mrd.{NB}Dollar", "$10 billion"),
    (money(113, "USD"), f"113{NB}US-Dollar", "$113"),
    (money(12.5, "EUR"), f"12,50{NB}€", "€12.50"),
    (money(12500, "EUR"), f"12.500{NB}€", "€12,500"),
    (money(1.2e12, "EUR"), f"1,2{NB}Bio.{NB}€", "€1.2 trillion"),
    (money(5e6, "CHF"), f"5{NB}Mio.{NB}CHF", f"CHF{NB}5 million"),
    (money(7.5e7, "GBP"), f"75{NB}Mio.{NB}£", "£75 million"),
    (money(5e10, "CNY"), f"50{NB}Mrd.{NB}Yuan", "CN¥50 billion"),
    (money(4e11, "JPY"), f"400{NB}Mrd.{NB}Yen", "¥400 billion"),
    (money(16.4e6, "CAD"), f"16,4{NB}Mio.{NB}CA$", "CA$16.4 million"),
    (money(1.234e9, "EUR"), f"1,23{NB}Mrd.{NB}€", "€1.23 billion"),
    (money(1e6, "EUR"), f"1{NB}Mio.{NB}€", "€1 million"),
    (money(999_999, "EUR"), f"999.999{NB}€", "€999,999"),
    (money(14e6, "USD", approximate=True, assumed=True), f"rund 14{NB}Mio.{NB}Dollar", "about $14 million"),
    (other("percent", 3.5, "%"), f"3,5{NB}%", "3.5%"),
    (other("percent", 40, "%", approximate=True), f"rund 40{NB}%", "about 40%"),
    (other("percent", 100 / 3, "%"), f"33,33{NB}%", "33.33%"),
    (other("percent", 0.5, "pp"), "0,5 Prozentpunkte", "0.5 percentage points"),
    (other("percent", 1, "pp"), "1 Prozentpunkt", "1 percentage point"),
    (other("count", 320_000), "320.000", "320,000"),
    (other("count", 1.2e12), f"1,2{NB}Bio.", "1.2 trillion"),
    (other("count", 5e6, approximate=True), f"rund 5{NB}Mio.", "about 5 million"),
    (replace(money(4e10, "USD"), approximate=True, qualifier="up to"), f"bis zu 40{NB}Mrd.{NB}US-Dollar", "up to $40 billion"),
    (replace(other("percent", 4, "%"), approximate=True, qualifier="more than"), f"mehr als 4{NB}%", "more than 4%"),
    (other("count", 500_000), "500.000", "500,000"),
    (other("quantity", 5e6, "t"), f"5{NB}Mio.{NB}t", f"5 million{NB}t"),
    (other("quantity", 2.5, "GW"), f"2,5{NB}GW", f"2.5{NB}GW"),
]


@pytest.mark.parametrize("figure, german, english", CASES)
def test_format_figure(figure, german, english):
    assert format_figure(figure, "de") == german
    assert format_figure(figure, "en") == english


def test_regional_locales_use_their_separators():
    figure = other("count", 320_000)
    assert format_figure(figure, "de_CH") == "320'000"
    assert format_figure(figure, "en_US") == "320,000"
    assert format_figure(money(4e10, "USD"), "de_DE") == f"40{NB}Mrd.{NB}US-Dollar"


def test_amounts_beyond_scale_words_do_not_fail():
    assert format_figure(money(1e30, "EUR"), "en") == "€1E30"
    assert format_figure(other("count", float("inf")), "de") == "∞"


def test_doctests():
    assert doctest.testmod(figure_text).failed == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Der Umsatz stieg ", "um ", "rund ", "auf ", "3,5", "40", "1.234.567", "zehn", "zwanzig",
    " Prozent", " %", " Milliarden", " Mio.", " US-Dollar", " Dollar", " Euro", " Franken", " £",
    " Yen", " Mitarbeiter", " Tonnen", " GW", " bis ", "$", ", ", ". ",
])).map("".join))
def test_every_extracted_figure_formats(text):
    for figure in find_figures(text):
        for locale in ("de", "en"):
            assert format_figure(figure, locale)


def test_a_figure_without_label_is_named_by_its_kind_in_both_languages():
    from site_plugins.model import Figure
    from site_plugins.render.factbox import render_fact_box
    from site_plugins.render.localize import GermanLocalizer, MemoryLocalizer

    figures = [Figure("150.000 Euro", 0, 12, "money", 150000.0, "EUR"),
               Figure("85", 20, 22, "count", 85.0, None, label="Gemälde")]
    german = render_fact_box(figures, [], [], GermanLocalizer())
    assert ('<dt><span class="fact-box__kind">Betrag</span></dt><dd><data value="150000" '
            'data-unit="EUR">150.000\u00a0€</data></dd>') in german
    assert '<dt>Gemälde</dt><dd><data value="85" data-unit="">85</data></dd>' in german
    english = render_fact_box(figures[:1], [], [], MemoryLocalizer(lambda german, context: (None, "missing", "")))
    assert '<dt><span class="fact-box__kind">Amount</span></dt><dd><data value="150000" data-unit="EUR">€150,000</data></dd>' in english


def test_a_repeated_amount_is_shown_once_in_its_most_exact_mention():
    from site_plugins.render.factbox import distinct_figures

    text = ("KI-Start-up sammelt 600 Millionen Dollar ein\n\nDas Start-up hat in einer Finanzierungsrunde "
            "600 Millionen US-Dollar eingesammelt, dazu kommen 180 Mitarbeiter und 180 Entwickler.")
    shown = [(f.text, f.unit, f.label, f.unit_assumed) for f in distinct_figures(find_figures(text))]
    assert shown == [("600 Millionen US-Dollar", "USD", "Finanzierungsrunde", False),
                     ("180", None, "Mitarbeiter", False), ("180", None, "Entwickler", False)]
