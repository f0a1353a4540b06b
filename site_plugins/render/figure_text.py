"""A key figure written the way a newspaper writes it, in German or English, with babel.

>>> from site_plugins.model import Figure
>>> money = Figure("40 Milliarden US-Dollar", 0, 23, "money", 4e10, "USD")
>>> format_figure(money, "de").replace("\\xa0", " "), format_figure(money, "en")
('40 Mrd. US-Dollar', '$40 billion')

Rules, for ``locale`` "de" or "en" (or a regional variant such as "de_CH", whose separators
babel then uses):

- Amounts from one million to below 10^15 are compact, with up to two decimals: CLDR's short
  German forms ("2,5 Mio.", "40 Mrd.", "1,2 Bio.") and CLDR's long English words
  ("2.5 million", "40 billion", "1.2 trillion": the German Billion is the English trillion).
  Smaller amounts are written in full with grouping ("320.000" / "320,000"); money with cents
  gets two decimals. Larger ones (no scale word reaches them) in scientific notation.
- money, German: amount, no-break space, currency: "US-Dollar" for USD, or "Dollar" where the
  text said only "Dollar" or "$" (``unit_assumed``: the page does not claim more than the text);
  "Yuan" and "Yen" for CNY and JPY; otherwise CLDR's German symbol ("€", "£", "CHF", "₹", "CA$").
  English: CLDR's English symbol before the amount ("$40 billion", "€2.5 million"), a no-break
  space after a symbol that ends in a letter ("CHF 5 million"). A bare "$" is already what the
  text said, so English shows ``unit_assumed`` no differently.
- percent: CLDR's percent pattern ("3,5 %" with a no-break space / "3.5%"); unit "pp" is written
  "1,5 Prozentpunkte" / "1.5 percentage points".
- count: the number only ("320.000" / "320,000"); the figure's label says what is counted.
- quantity: number, no-break space, unit symbol, the same in both languages ("5 Mio. t").
- approximate: "rund " / "about " before it.
"""
from __future__ import annotations

import math
from decimal import Decimal

from babel.numbers import (format_compact_decimal, format_decimal, format_percent,
                           format_scientific, get_currency_symbol)

from site_plugins.model import Figure

__all__ = ["format_figure"]

NBSP = "\u00a0"
_GERMAN_CURRENCY_WORDS = {"USD": "US-Dollar", "CNY": "Yuan", "JPY": "Yen"}
# the figure's qualifier in each language; a figure marked approximate without one is "about"
_QUALIFIERS = {
    "about": {"de": "rund", "en": "about"}, "almost": {"de": "fast", "en": "almost"},
    "more than": {"de": "mehr als", "en": "more than"}, "less than": {"de": "weniger als", "en": "less than"},
    "at least": {"de": "mindestens", "en": "at least"}, "up to": {"de": "bis zu", "en": "up to"},
}
_POINTS = {"de": ("Prozentpunkt", "Prozentpunkte"), "en": ("percentage point", "percentage points")}


def format_figure(figure: Figure, locale: str) -> str:
    """``figure`` as text for a reader of ``locale`` ("de" or "en"; see the module docstring)."""
    language = "de" if locale.split("_")[0].split("-")[0].lower() == "de" else "en"
    if figure.kind == "money" and figure.unit:
        text = _money(figure, locale, language)
    elif figure.kind == "percent":
        text = _percent(figure.value, figure.unit, locale, language)
    elif figure.kind == "quantity" and figure.unit:
        text = f"{_amount(figure.value, locale, language)}{NBSP}{figure.unit}"
    else:
        text = _amount(figure.value, locale, language)
    if not figure.approximate:
        return text
    return f"{_QUALIFIERS.get(figure.qualifier or 'about', _QUALIFIERS['about'])[language]} {text}"


def _amount(value: float, locale: str, language: str, cents: bool = False) -> str:
    if 1e6 <= abs(value) < 1e15:
        return format_compact_decimal(value, format_type="short" if language == "de" else "long",
                                      locale=locale, fraction_digits=2)
    if math.isfinite(value) and abs(value) >= 1e15:  # beyond any scale word
        return format_scientific(value, locale=locale)
    if cents and value != int(value):
        return format_decimal(value, format="#,##0.00", locale=locale)
    return format_decimal(value, locale=locale)


def _money(figure: Figure, locale: str, language: str) -> str:
    code = figure.unit or ""
    amount = _amount(figure.value, locale, language, cents=True)
    if language == "de":
        if code == "USD" and figure.unit_assumed:
            unit = "Dollar"
        else:
            unit = _GERMAN_CURRENCY_WORDS.get(code) or get_currency_symbol(code, locale)
        return f"{amount}{NBSP}{unit}"
    symbol = get_currency_symbol(code, locale)
    return f"{symbol}{NBSP if symbol[-1].isalpha() else ''}{amount}"


def _percent(value: float, unit: str | None, locale: str, language: str) -> str:
    if unit == "pp":
        singular, plural = _POINTS[language]
        return f"{format_decimal(value, locale=locale)} {singular if value == 1 else plural}"
    ratio = Decimal(repr(round(value, 2))) / 100
    return format_percent(ratio, locale=locale, decimal_quantization=False)
