"""German temporal vocabulary for timex: month and weekday names from CLDR (babel), number and
ordinal words, and the regular-expression fragments built from them.

Month names are CLDR's wide names for `de` and `de_AT` (the latter brings "Jänner"),
abbreviations are CLDR's abbreviated format ("Jan.", "Sept.") and stand-alone forms ("Jan",
"Sep"). Weekday names and abbreviations likewise ("Montag", "Mo."). Number and ordinal words are
not in babel's public data and are listed here.
"""
from __future__ import annotations

import re

from babel.dates import get_day_names, get_month_names

_LOCALES = ("de", "de_AT")


def _month_names() -> tuple[dict[str, int], dict[str, int]]:
    wide: dict[str, int] = {}
    abbreviated: dict[str, int] = {}
    for locale in _LOCALES:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale=locale).items():
                wide[name] = number
            for number, name in get_month_names("abbreviated", context, locale=locale).items():
                abbreviated[name] = number
                abbreviated[name.rstrip(".")] = number
                abbreviated[name.rstrip(".") + "."] = number
    return wide, {name: n for name, n in abbreviated.items() if name.rstrip(".") not in wide}


def _day_names() -> tuple[dict[str, int], dict[str, int]]:
    wide: dict[str, int] = {}
    abbreviated: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_day_names("wide", context, locale="de").items():
            wide[name] = number  # babel numbers Monday 0 .. Sunday 6, as date.weekday()
        for number, name in get_day_names("abbreviated", context, locale="de").items():
            abbreviated[name.rstrip(".")] = number
            abbreviated[name.rstrip(".") + "."] = number
    return wide, abbreviated


MONTHS, MONTH_ABBREVIATIONS = _month_names()
WEEKDAYS, WEEKDAY_ABBREVIATIONS = _day_names()

CARDINALS = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "achtzehn": 18, "zwanzig": 20,
    "dreißig": 30,
}

_ORDINAL_STEMS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "dreizehnt": 13,
    "vierzehnt": 14, "fünfzehnt": 15, "sechzehnt": 16, "siebzehnt": 17, "achtzehnt": 18,
    "neunzehnt": 19, "zwanzigst": 20, "dreißigst": 30,
}
for _unit, _value in (("ein", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6),
                      ("sieben", 7), ("acht", 8), ("neun", 9)):
    _ORDINAL_STEMS[f"{_unit}undzwanzigst"] = 20 + _value
_ORDINAL_STEMS["einunddreißigst"] = 31
ORDINAL_ENDINGS = ("e", "en", "em", "er", "es")

DECADE_WORDS = {
    "zwanziger": 1920, "dreißiger": 1930, "vierziger": 1940, "fünfziger": 1950, "sechziger": 1960,
    "siebziger": 1970, "achtziger": 1980, "neunziger": 1990, "zweitausender": 2000,
}

SEASONS = {"frühling": 0, "frühjahr": 0, "sommer": 1, "herbst": 2, "winter": 3}

# relative modifiers (stem -> shift or mode); endings e/en/em/er/es follow
MODIFIER_STEMS = {
    "dies": "this", "laufend": "this", "aktuell": "this",
    "vergangen": "last", "letzt": "last", "vorig": "last",
    "nächst": "next", "kommend": "next",
    "vorletzt": "last2", "übernächst": "next2",
}
MODIFIER_SHIFTS = {"this": 0, "last": -1, "next": 1, "last2": -2, "next2": 2}

PARTS = {"anfang": "anfang", "beginn": "anfang", "zu beginn": "anfang", "mitte": "mitte",
         "ende": "ende", "rest": "rest"}

DAYTIME_SUFFIXES = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")


def alternation(words) -> str:
    """A regex alternation of the words, longest first, each escaped (no nested quantifiers)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def ordinal_value(word: str) -> int | None:
    """'zweiten' -> 2, '3.' -> 3; None for anything else."""
    word = word.strip().lower()
    if word.endswith(".") and word[:-1].isdigit():
        return int(word[:-1])
    for ending in sorted(ORDINAL_ENDINGS, key=len, reverse=True):
        if word.endswith(ending) and word[: -len(ending)] in _ORDINAL_STEMS:
            return _ORDINAL_STEMS[word[: -len(ending)]]
    return None


def cardinal_value(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return CARDINALS.get(word)


def modifier_mode(word: str) -> str | None:
    """'vergangenen' -> 'last', 'diese' -> 'this', 'übernächsten' -> 'next2'."""
    word = word.strip().lower()
    for ending in ("en", "em", "er", "es", "e"):
        if word.endswith(ending) and word[: -len(ending)] in MODIFIER_STEMS:
            return MODIFIER_STEMS[word[: -len(ending)]]
    return None


MONTH_RE = alternation(MONTHS)
MONTH_ABBR_RE = alternation(MONTH_ABBREVIATIONS)
WEEKDAY_RE = alternation(WEEKDAYS)
WEEKDAY_ABBR_RE = alternation(WEEKDAY_ABBREVIATIONS)
DAYTIME_RE = alternation(DAYTIME_SUFFIXES)
ORDINAL_WORD_RE = "(?:" + alternation(_ORDINAL_STEMS) + ")(?:e[nmrs]?)"
CARDINAL_RE = alternation(CARDINALS)
MODIFIER_RE = "(?i:(?:" + alternation(MODIFIER_STEMS) + ")(?:e[nmrs]?))"
PART_RE = "(?i:zu\\s+Beginn|Anfang|Beginn|Mitte|Ende)"
DECADE_WORD_RE = alternation(list(DECADE_WORDS) + [w.capitalize() for w in DECADE_WORDS])
SEASON_RE = "Frühling|Frühjahr|Sommer|Herbst|Winter"


def month_number(name: str) -> int | None:
    return MONTHS.get(name) or MONTH_ABBREVIATIONS.get(name)
