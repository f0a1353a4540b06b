"""Numeric values in a German sentence and in its English translation, for comparison.

A value keeps the set of numbers it may legitimately be rendered as ("Hälfte" is 0.5 or 50,
"dritten" is 3, "third" is 3 or a third). Values written with digits are *strong*; number words
are *weak*: they satisfy a match, but an unmatched weak value only counts when the other side
also has something unmatched (translators turn "zehn" into "10" and "erstmals" into "first").

German numerals are read by `site_plugins.numbers_de`, the same code the fact box uses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers_de import find_numbers


@dataclass(frozen=True)
class Value:
    text: str
    numbers: frozenset[float]
    strong: bool

    def matches(self, other: "Value") -> bool:
        return bool(self.numbers & other.numbers)


def _key(x: float) -> float:
    """Round to 6 significant digits so 2.5e9 from '2,5 Mrd.' equals 2.5e9 from '$2.5bn'."""
    return float(f"{abs(x):.6g}")


def _value(text: str, *numbers: float, strong: bool = True) -> Value:
    return Value(text.strip(), frozenset(_key(n) for n in numbers), strong)


_EN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
             "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
             "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
# Ordinals, fractions and multipliers: always weak.
_DE_SPECIAL = {"erst": (1,), "zweit": (2,), "dritt": (3,), "viert": (4,), "fünft": (5,),
               "sechst": (6,), "siebt": (7,), "acht": (8,), "neunt": (9,), "zehnt": (10,),
               "hälfte": (0.5, 50), "halb": (0.5, 50), "drittel": (1 / 3, 33, 33.3),
               "viertel": (0.25, 25), "zweimal": (2,), "dreimal": (3,), "doppelt": (2,)}
_EN_SPECIAL = {"first": (1,), "second": (2,), "third": (3, 1 / 3, 33, 33.3), "fourth": (4,),
               "fifth": (5,), "sixth": (6,), "seventh": (7,), "eighth": (8,), "ninth": (9,),
               "tenth": (10,), "half": (0.5, 50), "quarter": (0.25, 25), "twice": (2,),
               "double": (2,), "thirds": (1 / 3, 33, 33.3)}

_EN_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6,
              "m": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9,
              "trillion": 1e12, "tn": 1e12}

_EN_WORD_RE = "|".join(sorted(_EN_WORDS, key=len, reverse=True))
_EN_SCALE_RE = r"(?P<scale>thousand|million|billion|trillion|mn|mln|bn|tn|[mbk])\b"

_EN_NUMBER = re.compile(
    r"(?<![\w.,])(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    rf"|(?P<word>(?:(?:{_EN_WORD_RE})-)?(?:{_EN_WORD_RE})|an?|one)\b)"
    rf"(?:\s*{_EN_SCALE_RE})?", re.IGNORECASE)
_DE_TIME = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*Uhr\b")
_EN_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?", re.IGNORECASE)
_DE_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
_DE_SCORE = re.compile(r"\b(\d{1,3}):(\d{1,3})\b")  # results such as 3:1, which are no figures
_WORD = re.compile(r"\w+")
_DE_MONTHS = ("Januar Februar März April Mai Juni Juli August September Oktober November "
              "Dezember").split()
_EN_MONTHS = ("January February March April May June July August September October November "
              "December").split()
_DE_ORDINAL = re.compile(r"(erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)(e|en|er|es|em)$")


def german_values(text: str) -> list[Value]:
    """Values in German text: digits with decimal comma, scale words, number words."""
    values, text = _times_and_dates_de(text)
    for span in find_numbers(text):
        values.append(_value(span.text, span.value, strong=span.text[0].isdigit()))
    values.extend(_special_words(text, _DE_SPECIAL, german=True))
    return values


def english_values(text: str) -> list[Value]:
    """Values in English text: digits with thousands commas, 'bn'/'m' suffixes, words."""
    values: list[Value] = []
    for m in _EN_TIME.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        values.append(_value(m.group(0), hour, int(m.group(1))))
        if m.group(2):
            values.append(_value(m.group(2), int(m.group(2))))
    text = _EN_TIME.sub(lambda m: " " * len(m.group(0)), text)
    for m in _EN_NUMBER.finditer(text):
        values.extend(_english_number(m))
    values.extend(_special_words(text, _EN_SPECIAL, german=False))
    return values


def _times_and_dates_de(text: str) -> tuple[list[Value], str]:
    """Read '14.30 Uhr', '31.01.2025' and '3:1' first, then blank them so digits are not read twice."""
    values: list[Value] = []
    for m in _DE_TIME.finditer(text):
        values += [_value(m.group(1), int(m.group(1))), _value(m.group(2), int(m.group(2)))]
    for m in _DE_SCORE.finditer(text):
        values += [_value(m.group(1), int(m.group(1))), _value(m.group(2), int(m.group(2)))]
    for m in _DE_DATE.finditer(text):
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        values += [_value(m.group(1), int(m.group(1))), _value(m.group(3), year),
                   _value(m.group(2), int(m.group(2)), strong=False)]
    blank = lambda m: " " * len(m.group(0))  # noqa: E731 - keeps offsets stable
    return values, _DE_SCORE.sub(blank, _DE_DATE.sub(blank, _DE_TIME.sub(blank, text)))


def _english_number(m: re.Match) -> list[Value]:
    """The value of one `_EN_NUMBER` match: digits, a number word or "a"/"one" before a scale."""
    scale_word = (m.group("scale") or "").lower()
    scale = _EN_SCALES.get(scale_word, 1.0)
    if m.group("num"):
        number = _parse_en_digits(m.group("num"))
        return [] if number is None else [_value(m.group(0), number * scale)]
    word = m.group("word").lower()
    if word in ("a", "an", "one"):
        # an article is a number only before a scale word: "a billion"
        return [_value(m.group(0), scale, strong=False)] if scale_word else []
    number = sum(_EN_WORDS.get(part, 0) for part in word.split("-"))  # "twenty-five"
    return [_value(m.group(0), number * scale, strong=False)]


def _parse_en_digits(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _special_words(text: str, table: dict, *, german: bool) -> list[Value]:
    found = []
    for m in _WORD.finditer(text):
        word = m.group(0).lower()
        key = word
        if german and word not in table:
            ordinal = _DE_ORDINAL.match(word)
            key = ordinal.group(1) if ordinal else word
        elif not german and word.endswith("s") and word[:-1] in ("half", "quarter"):
            key = word[:-1]
        if key in table:
            found.append(_value(m.group(0), *table[key], strong=False))
        months = _DE_MONTHS if german else _EN_MONTHS
        if m.group(0) in months:  # a month pairs with the month of '31.01.2025'
            found.append(_value(m.group(0), months.index(m.group(0)) + 1, strong=False))
    return found


def unmatched(de_values: list[Value], en_values: list[Value]) -> tuple[list[Value], list[Value]]:
    """Pair values greedily (strong pairs first); return what is left on each side."""
    left_en = list(en_values)
    left_de: list[Value] = []
    for value in sorted(de_values, key=lambda v: not v.strong):
        partner = next((e for e in sorted(left_en, key=lambda e: not e.strong)
                        if value.matches(e)), None)
        if partner is None:
            left_de.append(value)
        else:
            left_en.remove(partner)
    return left_de, left_en
