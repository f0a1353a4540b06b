"""Tests for site_plugins.extract.figures: sentences the team wrote with exact figures, what is not
a figure, labels, the seed article from ../shared (skipped where absent), robustness and speed."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.extract.figures import find_figures
from site_plugins.model import Figure

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_15f7b36964d19826.txt"


def fig(text: str, snippet: str, kind: str, value: float, unit: str | None, label: str = "",
        approximate: bool = False, assumed: bool = False, qualifier: str | None = None) -> Figure:
    """The figure expected at the first occurrence of ``snippet`` in ``text`` (an approximate
    figure is "about" unless another qualifier is given)."""
    start = text.index(snippet)
    qualifier = qualifier or ("about" if approximate else None)
    return Figure(snippet, start, start + len(snippet), kind, value, unit, approximate, assumed, label, qualifier)


def one(text: str, snippet: str, *args, **kwargs) -> tuple[str, list[Figure]]:
    return text, [fig(text, snippet, *args, **kwargs)]


def many(text: str, *specs: tuple) -> tuple[str, list[Figure]]:
    """specs: (snippet, kind, value, unit, label, approximate, assumed), the tail optional."""
    return text, [fig(text, *spec) for spec in specs]


CASES = {
    "money, scale word, US-Dollar, verb label": one(
        "Der Chipkonzern will weitere 40 Milliarden US-Dollar bei Investoren einsammeln.",
        "40 Milliarden US-Dollar", "money", 4e10, "USD", "Finanzierung"),
    "money, Mio. Euro, noun right after": one(
        "Die Stadt erhält 2,5 Mio. Euro Förderung vom Land.",
        "2,5 Mio. Euro", "money", 2_500_000.0, "EUR", "Förderung"),
    "money, number word, bare Dollar": one(
        "Der Staat will zehn Milliarden Dollar in Chipfabriken investieren.",
        "zehn Milliarden Dollar", "money", 1e10, "USD", "Investition", assumed=True),
    "money per share with a measure noun": one(
        "Die Dividende steigt auf 113 US-Dollar pro Aktie.",
        "113 US-Dollar", "money", 113.0, "USD", "Dividende pro Aktie"),
    "money per share alone": one(
        "Anleger erhalten 113 US-Dollar pro Aktie.",
        "113 US-Dollar", "money", 113.0, "USD", "pro Aktie"),
    "German Billion without currency is a count": one(
        "Die Staatsschulden erreichen 1,2 Billionen.",
        "1,2 Billionen", "count", 1.2e12, None, "Staatsschulden"),
    "German Billion with currency is money": one(
        "Die Staatsschulden erreichen 1,2 Billionen Euro.",
        "1,2 Billionen Euro", "money", 1.2e12, "EUR", "Staatsschulden"),
    "dollar sign before the number": one(
        "Das Start-up sammelte $5 Mio. ein.",
        "$5 Mio.", "money", 5_000_000.0, "USD", "Finanzierung", assumed=True),
    "Swiss grouping, dative plural": one(
        "Der Konzern mit 320'000 Mitarbeitern meldet Rekordzahlen.",
        "320'000", "count", 320_000.0, None, "Mitarbeiter"),
    "adjective before the noun, gender suffix": one(
        "Die Plattform hat 5 Millionen aktive Nutzer:innen.",
        "5 Millionen", "count", 5_000_000.0, None, "Nutzer"),
    "space grouping": one(
        "Rund 320 000 Menschen demonstrierten.",
        "320 000", "count", 320_000.0, None, "Menschen", approximate=True),
    "article before a scale word": one(
        "Der Bund gibt eine Milliarde Euro für Schulen aus.",
        "eine Milliarde Euro", "money", 1e9, "EUR"),
    "percent with label before": one(
        "Der Marktanteil wuchs um 3,5 Prozent.",
        "3,5 Prozent", "percent", 3.5, "%", "Marktanteil"),
    "subject noun of the clause": one(
        "Sollte die Finanzierungsrunde gelingen, würde der Unternehmenswert auf "
        "340 Milliarden Dollar steigen.",
        "340 Milliarden Dollar", "money", 3.4e11, "USD", "Unternehmenswert", assumed=True),
    "Franken is CHF": one(
        "Die Bank muss eine Strafe von 5 Millionen Franken zahlen.",
        "5 Millionen Franken", "money", 5_000_000.0, "CHF", "Strafe"),
    "Pfund and pound sign": many(
        "Der Verein zahlte 80 Millionen Pfund, der Rivale 75 Mio. £.",
        ("80 Millionen Pfund", "money", 8e7, "GBP", "Zahlung"),
        ("75 Mio. £", "money", 7.5e7, "GBP", "")),
    "Yuan, Renminbi, Yen": many(
        "Der Umsatz stieg auf 50 Milliarden Yuan, der Gewinn auf 3 Mrd. Renminbi und die Kosten "
        "auf 400 Milliarden Yen.",
        ("50 Milliarden Yuan", "money", 5e10, "CNY", "Umsatz"),
        ("3 Mrd. Renminbi", "money", 3e9, "CNY", "Gewinn"),
        ("400 Milliarden Yen", "money", 4e11, "JPY", "Kosten")),
    "number words": many(
        "Vierzig Prozent der Befragten nannten dreihundertvierzig Millionen Euro.",
        ("Vierzig Prozent", "percent", 40.0, "%"),
        ("dreihundertvierzig Millionen Euro", "money", 3.4e8, "EUR")),
    "halves": many(
        "Eine halbe Million Menschen zahlten zweieinhalb Milliarden Euro.",
        ("Eine halbe Million", "count", 500_000.0, None, "Menschen"),
        ("zweieinhalb Milliarden Euro", "money", 2.5e9, "EUR", "Zahlung")),
    "ISO codes and symbols": many(
        "Die Anleihe von 500 Mio. CHF ist platziert. Tickets kosten 12.345 $. "
        "Die Miete beträgt 1.200 €. Gebühr: USD 15.",
        ("500 Mio. CHF", "money", 5e8, "CHF", "Anleihe"),
        ("12.345 $", "money", 12345.0, "USD", "Preis", False, True),
        ("1.200 €", "money", 1200.0, "EUR", "Miete"),
        ("USD 15", "money", 15.0, "USD", "Gebühr")),
    "CLDR currency names, declined": many(
        "Gezahlt wurden 16,4 Millionen kanadischen Dollar, 100 indische Rupien und "
        "2 Mrd. schwedische Kronen.",
        ("16,4 Millionen kanadischen Dollar", "money", 16_400_000.0, "CAD", "Zahlung"),
        ("100 indische Rupien", "money", 100.0, "INR"),  # another clause, no measure noun
        ("2 Mrd. schwedische Kronen", "money", 2e9, "SEK")),
    "ranges share scale and unit": many(
        "Die Kosten liegen zwischen 3 und 5 Milliarden Euro, die Inflation bei 2 bis 3 Prozent.",
        ("3", "money", 3e9, "EUR", "Kosten"),
        ("5 Milliarden Euro", "money", 5e9, "EUR", "Kosten"),
        ("2", "percent", 2.0, "%", "Inflation"),
        ("3 Prozent", "percent", 3.0, "%", "Inflation")),
    "quantities": many(
        "Die Produktion stieg auf 5 Millionen Tonnen, der Windpark liefert 2,5 GW.",
        ("5 Millionen Tonnen", "quantity", 5e6, "t", "Produktion"),
        ("2,5 GW", "quantity", 2.5, "GW")),
    "lengths, weights and speeds": many(
        "Der Center misst 2,11 Meter, die Rotoren drehen in 240 Metern Höhe. Erlaubt sind "
        "130 Kilometer pro Stunde, im Ort 50 km/h; ein Ei wiegt 60 Gramm.",
        ("2,11 Meter", "quantity", 2.11, "m"),
        ("240 Metern", "quantity", 240.0, "m"),
        ("130 Kilometer pro Stunde", "quantity", 130.0, "km/h"),
        ("50 km/h", "quantity", 50.0, "km/h"),
        ("60 Gramm", "quantity", 60.0, "g")),
    "percentage points": one(
        "Die Arbeitslosenquote sank um 0,5 Prozentpunkte.",
        "0,5 Prozentpunkte", "percent", 0.5, "pp", "Arbeitslosenquote"),
    "electrical units": many(
        "Der Akku hat 5.200 Milliamperestunden, der Chip taktet mit 3,2 Gigahertz, die Leitung führt 380 Kilovolt.",
        ("5.200 Milliamperestunden", "quantity", 5200.0, "mAh"),
        ("3,2 Gigahertz", "quantity", 3.2, "GHz"),
        ("380 Kilovolt", "quantity", 380.0, "kV")),
    "a tally of counts": many(
        "Der Kreistag stimmte mit 38 zu 11 Stimmen für den Verkauf; das Team siegte 3 zu 1.",
        ("38", "count", 38.0, None, "Stimmen"),
        ("11", "count", 11.0, None, "Stimmen")),
    "a share of counts": many(
        "Die Firma streicht 900 seiner 4.100 Arbeitsplätze, 12 von 20 Filialen schließen.",
        ("900", "count", 900.0, None, "Arbeitsplätze"),
        ("4.100", "count", 4100.0, None, "Arbeitsplätze"),
        ("12", "count", 12.0, None, "Filialen"),
        ("20", "count", 20.0, None, "Filialen")),
    "a change of counts": many(
        "Wir wollen von 180 auf 400 Leute wachsen.",
        ("180", "count", 180.0, None, "Leute"),
        ("400", "count", 400.0, None, "Leute")),
    "the noun counted can stand before: die Zahl der ...": many(
        "Damit steigt die Zahl der Filialen von 140 auf rund 210. Die Zahl der Gäste lag 2024 bei 9.500.",
        ("140", "count", 140.0, None, "Filialen"),
        ("210", "count", 210.0, None, "Filialen", True),
        ("9.500", "count", 9500.0, None, "Gäste")),
    "a count needs its noun": many(
        "Das Werk meldet 4.000, mit 800 Beschäftigten.",
        ("800", "count", 800.0, None, "Beschäftigten")),
    "a count whose noun is left out counts what the count before it counts": many(
        "Für das Gesetz stimmten 398 Abgeordnete, 271 votierten dagegen, 14 enthielten sich. "
        "Ventrax beschäftigt 2.300 Menschen, davon 1.400 in Deutschland. Der Verein hat 120 "
        "Mitglieder, Platz 12 in der Liga, seit dem 15. März. „Es waren 1.000 Roboter, davor 260“. "
        "Vor 18.400 Zuschauern fiel in der 88. Minute das Tor.",
        ("398", "count", 398.0, None, "Abgeordnete"),
        ("271", "count", 271.0, None, "Abgeordnete"),
        ("14", "count", 14.0, None, "Abgeordnete"),
        ("2.300", "count", 2300.0, None, "Menschen"),
        ("1.400", "count", 1400.0, None, "Menschen"),
        ("120", "count", 120.0, None, "Mitglieder"),
        ("1.000", "count", 1000.0, None, "Roboter"),
        ("260", "count", 260.0, None, "Roboter"),
        ("18.400", "count", 18400.0, None, "Zuschauer")),
    "counts from ten in digits, with their noun": many(
        "Gezeigt werden 85 Gemälde und rund 260 Zeichnungen. Insgesamt 47 Beschäftigte "
        "und 31 Mitarbeiter; 398 Abgeordnete stimmten zu.",
        ("85", "count", 85.0, None, "Gemälde"),
        ("260", "count", 260.0, None, "Zeichnungen", True),
        ("47", "count", 47.0, None, "Beschäftigte"),
        ("31", "count", 31.0, None, "Mitarbeiter"),
        ("398", "count", 398.0, None, "Abgeordnete")),
    "an approximate year-like count": one(
        "Rund 2000 Beschäftigte streikten.",
        "2000", "count", 2000.0, None, "Beschäftigte", approximate=True),
    "label from the sentence, outside the clause": one(
        "Der Umsatz, der im Vorjahr noch stark gestiegen war, lag zuletzt bei 3 Mrd. Euro.",
        "3 Mrd. Euro", "money", 3e9, "EUR", "Umsatz"),
    "noun right after wins over the clause": many(
        "Der Konzern meldete 3 Mrd. Euro Umsatz und 1 Mrd. Euro Gewinn.",
        ("3 Mrd. Euro", "money", 3e9, "EUR", "Umsatz"),
        ("1 Mrd. Euro", "money", 1e9, "EUR", "Gewinn")),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_figures(text, expected):
    assert find_figures(text) == expected


@pytest.mark.parametrize("word, qualifier", [
    ("rund", "about"), ("etwa", "about"), ("mehr als", "more than"), ("knapp", "almost"),
    ("fast", "almost"), ("über", "more than"), ("circa", "about"), ("ca.", "about"), ("gut", "more than"),
    ("ungefähr", "about"), ("bis zu", "up to"), ("weniger als", "less than"), ("zirka", "about"),
    ("mindestens", "at least"), ("höchstens", "up to")])
def test_approximation_words(word, qualifier):
    text = f"Der Umsatz lag bei {word} 5 Millionen Euro."
    expected = fig(text, "5 Millionen Euro", "money", 5e6, "EUR", "Umsatz", approximate=True, qualifier=qualifier)
    assert find_figures(text) == [expected]


@pytest.mark.parametrize("text", [
    "Der Umsatz lag bei 5 Millionen Euro.", "Der Umsatz lag bei weiteren 5 Millionen Euro.",
    "Die Grundbesitzer erhielten 5 Millionen Euro.",  # "gut" inside a word
])
def test_exact_amounts_are_not_approximate(text):
    assert [f.approximate for f in find_figures(text)] == [False]


@pytest.mark.parametrize("text", [
    "Werden die Milliardeninvestitionen effizient genutzt?",
    "Sie wollen Milliarden in den Ausbau von Rechenzentren investieren.",
    "Die App hat Millionen Nutzer und Tausende Fans, Hunderte Stellen fallen weg.",
    "Im Jahr 2025 stieg alles, seit 2019 Mitarbeiter der Firma.",
    "Am 31.01.2025 und am 31. Januar war Stichtag, Platz 3 ging an Team 12.",
    "OpenAI brachte o3-mini und GPT-4, Deepseek R1 und Llama 3.1 folgten.",
    "Telefon: +49 30 1234567, Fax 030/1234567, Durchwahl 030 1234 567.",
    "Die drei Gründer und 5 Mitarbeiter; nach Artikel 20 Grundgesetz, das iPhone 15 Pro.",
    "Die Linie 12 Richtung Bahnhof fällt aus, zwanzig Mitarbeiter warten, Seite 14 Absatz 2.",
    "Der Dollar fiel, der Euro stieg, ein Prozent der Leute wusste es.",
    "Mehr unter https://example.org/?q=30%25%2020% und Seite 4.800.",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_offsets_match_the_text():
    text = "Laut Bericht: rund 40 Milliarden US-Dollar, 3,5 % und 320.000 Angestellte.\n\n$5 Mio. folgen."
    figures = find_figures(text)
    assert [f.text for f in figures] == ["40 Milliarden US-Dollar", "3,5 %", "320.000", "$5 Mio."]
    assert all(text[f.start:f.end] == f.text for f in figures)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds not present")
def test_seed_article_figures():
    text = SEED.read_text("utf-8")
    assert find_figures(text) == [
        fig(text, "40 Milliarden US-Dollar", "money", 4e10, "USD", "Finanzierung"),
        fig(text, "340 Milliarden Dollar", "money", 3.4e11, "USD", "Unternehmenswert", assumed=True),
    ]
    assert "Milliardeninvestitionen" in text and "Milliarden in den Ausbau" in text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    for figure in find_figures(text):
        assert text[figure.start:figure.end] == figure.text
        assert figure.kind in ("money", "percent", "count", "quantity")


NUMERIC = st.lists(st.sampled_from(
    list("0123456789.,'’ %$€£-\n") + [" Mio.", " Milliarden", " Euro", " Dollar", " Prozent", "rund ",
                                       " Mitarbeiter", "zehn", "zwanzig", " bis ", " und ", "zwischen "]
)).map("".join)


@settings(max_examples=300, deadline=None)
@given(NUMERIC)
def test_never_raises_on_number_heavy_text(text):
    for figure in find_figures(text):
        assert text[figure.start:figure.end] == figure.text
        assert figure.value >= 0


def test_one_megabyte_finishes():
    chunk = ("Der Umsatz stieg um 3,5 Prozent auf rund 40 Milliarden US-Dollar, 320.000 Mitarbeiter; "
             "am 31.01.2025 meldete GPT-4 zehn Millionen Nutzer. 1'000'000'000'000'000'000'000 ")
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    started = time.perf_counter()
    figures = find_figures(text)
    assert time.perf_counter() - started < 30
    assert len(figures) >= 4 * (1_000_000 // len(chunk))
    long_word = "ein" * 300_000 + " 5 Mio. Euro " + "9" * 100_000
    assert [f.text for f in find_figures(long_word)] == ["5 Mio. Euro"]
