"""German numerals: digits with German separators, number words and scale words.

The public surface is small on purpose; the figure extractor and the translation checks share it:

- ``parse_number_words(s) -> int | None``: German number words, one or several words,
  ``"dreihundertvierzig"`` -> 340, ``"zwei Millionen dreihunderttausend"`` -> 2300000.
- ``parse_number(s) -> float | None``: any one German numeral, digits or words, with an optional
  scale word: ``"1.234.567"``, ``"2,5 Mio."``, ``"zweieinhalb"``, ``"eine halbe Million"``.
- ``find_numbers(text) -> list[NumberSpan]``: every numeral in running text, with offsets.
- ``scaled(value, scale) -> float``: multiply by a scale without float noise (16,4 Mio. is 16400000).

Rules (German newspaper conventions):

- Digits: ``.``, ``'``, ``’`` and (narrow) spaces group thousands, but only in groups of exactly
  three digits; ``,`` is the decimal mark ("4,800" is 4.8). Integers with a leading zero ("030")
  are codes or phone numbers, not numbers. A numeral glued to letters ("o3", "R1", "5G", "40er"),
  after a letter and a hyphen ("GPT-4") or inside a date, time or URL ("31.01.2025", "12:30",
  "?q=30") is not read.
- Scale words multiply: Tausend/Tsd. 10^3, Million(en)/Mio. 10^6, Milliarde(n)/Mrd./Mia./Md. 10^9,
  Billion(en)/Bio. 10^12 (the German Billion), Billiarde(n) 10^15, Dutzend 12. A scale word alone
  ("Milliarden in den Ausbau") is not a number.
- Words: compounds up to 999 999 ("dreihundertneunundneunzigtausendfünfhundertneun", also with
  "ue"/"ss" spellings), "einhalb" fractions ("zweieinhalb" 2.5, "anderthalb" 1.5), "dreiviertel".
  The forms "ein", "eine", "einen", ... are read as 1 only before a scale word ("eine Million",
  "ein Dutzend", "eine halbe Million"): elsewhere they are the indefinite article. Nor are
  "Null", "Elf", "Acht", "Hundert", "Tausend" with a capital read unless a scale word follows
  ("die Elf", "Claudia Tausend" are nouns; "Acht Millionen" starts a sentence).

>>> parse_number_words("dreihundertvierzig")
340
>>> parse_number("2,5 Mio.")
2500000.0
>>> [(n.text, n.value) for n in find_numbers("Rund 40 Milliarden und zehn Prozent")]
[('40 Milliarden', 40000000000.0), ('zehn', 10.0)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["NumberSpan", "find_numbers", "parse_number", "parse_number_words", "scaled", "SCALES"]

#: Scale words and abbreviations (lower case) and what they multiply by.
SCALES: dict[str, int] = {
    "tausend": 10**3, "tsd.": 10**3,
    "mio": 10**6, "mio.": 10**6, "million": 10**6, "millionen": 10**6,
    "mrd": 10**9, "mrd.": 10**9, "mia.": 10**9, "md.": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "bio": 10**12, "bio.": 10**12, "billion": 10**12, "billionen": 10**12,
    "billiarde": 10**15, "billiarden": 10**15,
    "dutzend": 12,
}

_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
          "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
          "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
          "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fuenfzig": 50,
         "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
_CAPITALIZED_NOUNS = frozenset({"Null", "Elf", "Acht", "Hundert", "Tausend"})

_MORPHEMES = {**{k: ("unit", v) for k, v in _UNITS.items()},
              **{k: ("teen", v) for k, v in _TEENS.items()},
              **{k: ("tens", v) for k, v in _TENS.items()},
              "und": ("und", 0), "hundert": ("hundert", 100), "tausend": ("tausend", 1000)}
# Longest alternative first, so that "dreizehn" wins over "drei" + "zehn" and "eins" over "ein".
_MORPHEME_RE = re.compile("|".join(sorted(map(re.escape, _MORPHEMES), key=len, reverse=True)))

_SEP = r"(?:[ \u00a0\u202f]|-)"
# A numeral in digits: grouped thousands ("1.234.567", "320'000", "12 500") or plain digits,
# each with an optional decimal part. Not glued to letters, dates, times, URLs.
_DIGITS = (r"(?<![\w.,'’/+=%&#:])(?<![^\W\d_]-)"
           r"(?P<digits>[0-9]{1,3}(?:(?:\.[0-9][0-9][0-9])+|(?:['’][0-9][0-9][0-9])+"
           r"|(?:[ \u00a0\u202f][0-9][0-9][0-9])+)"
           r"(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)(?![\w'’/]|[.,:][0-9])")
# A word that starts like a German number word; the whole word is validated in Python.
_WORD = (r"(?<![\w-])(?P<word>(?i:null|ein|zwei|zwo|zwölf|zwoelf|zwanzig|drei|vier|fünf|fuenf|"
         r"sech|sieb|acht|neun|zehn|elf|hundert|tausend|anderthalb)[^\W\d_]*)")
_CANDIDATE_RE = re.compile(f"{_DIGITS}|{_WORD}")
_SCALE_RE = re.compile(
    _SEP + r"(?P<scale>(?i:tausend|millionen|million|milliarden|milliarde|billionen|billion|"
    r"billiarden|billiarde|dutzend)(?![^\W_])|Tsd\.|Mio\.|Mrd\.|Mia\.|Md\.|Bio\.|"
    r"Mio(?![^\W_])|Mrd(?![^\W_])|Bio(?![^\W_]|-))")
_HALF_RE = re.compile(r"[ \u00a0](?i:halbe[nrs]?)(?=[ \u00a0])")
_NEXT_WORD_RE = re.compile(r"[ \u00a0]+(?P<word>[^\W\d_]+)")
_MAX_DIGITS = 18  # longer digit strings are identifiers, not amounts


@dataclass(frozen=True)
class NumberSpan:
    """One numeral in a text: ``value`` includes the scale word, ``scale`` is its multiplier
    (1 without one), ``text`` is ``text[start:end]``."""

    text: str
    start: int
    end: int
    value: float
    scale: int = 1


def parse_number_words(s: str) -> int | None:
    """The integer that German number words denote, or None if ``s`` is not only number words.

    Scale words between the words multiply ("eine Million", "zwei Millionen dreihunderttausend");
    they must come in falling order. Fractions ("zweieinhalb") are not integers: see parse_number.

    >>> parse_number_words("vierzig"), parse_number_words("zwei Milliarden"), parse_number_words("Haus")
    (40, 2000000000, None)
    """
    total, current, last_scale = 0, None, None
    for word in s.lower().split():
        scale = SCALES.get(word, 0) if word.isalpha() else 0
        if scale >= 10**6 or (word == "tausend" and current is not None):
            if current is None or (last_scale is not None and scale >= last_scale):
                return None
            total, current, last_scale = total + current * scale, None, scale
            continue
        value = 1 if word in _ARTICLES else _word_integer(word)
        if value is None or current is not None or (last_scale is not None and value >= last_scale):
            return None
        current = value
    if current is None and last_scale is None:
        return None
    return total + (current or 0)


def parse_number(s: str) -> float | None:
    """The value of one German numeral (digits or words, optional scale word), or None.

    >>> parse_number("1.234.567"), parse_number("zweieinhalb"), parse_number("eine halbe Million")
    (1234567.0, 2.5, 500000.0)
    """
    stripped = s.strip()
    spans = find_numbers(stripped)
    if len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(stripped):
        return spans[0].value
    value = parse_number_words(stripped)
    return None if value is None else float(value)


def find_numbers(text: str) -> list[NumberSpan]:
    """Every numeral in ``text``, left to right, each with its scale word if one follows."""
    spans: list[NumberSpan] = []
    last_end = 0
    for match in _CANDIDATE_RE.finditer(text):
        if match.start() < last_end:
            continue
        span = _read_digits(text, match) if match.group("digits") else _read_words(text, match)
        if span is not None:
            spans.append(span)
            last_end = span.end
    return spans


def _read_digits(text: str, match: re.Match[str]) -> NumberSpan | None:
    value = _digits_value(match.group("digits"))
    if value is None:
        return None
    return _with_scale(text, match.start(), match.end(), value)


def _read_words(text: str, match: re.Match[str]) -> NumberSpan | None:
    word = match.group("word")
    start, end = match.start(), match.end()
    if word.lower() in _ARTICLES:  # a number only before a scale word: "eine (halbe) Million"
        half = _HALF_RE.match(text, end)
        span = _with_scale(text, start, half.end() if half else end, 0.5 if half else 1.0)
        return _read_word_phrase(text, span) if span.scale > 1 else None
    value = _word_value(word.lower())
    if value is None:
        return None
    span = _with_scale(text, start, end, value)
    if word in _CAPITALIZED_NOUNS and span.scale == 1:  # "die Elf", "Claudia Tausend"
        return None
    return _read_word_phrase(text, span)


def _read_word_phrase(text: str, span: NumberSpan) -> NumberSpan:
    """Extend "zwei Millionen" by the smaller number words that follow ("dreihunderttausend")."""
    while span.scale >= 10**6:
        follow = _NEXT_WORD_RE.match(text, span.end)
        rest = _word_integer(follow.group("word").lower()) if follow else None
        if follow is None or rest is None:
            break
        tail = _with_scale(text, follow.start("word"), follow.end(), float(rest))
        if tail.value >= span.scale or tail.scale >= span.scale:
            break
        value = span.value + tail.value
        span = NumberSpan(text[span.start:tail.end], span.start, tail.end, value, span.scale)
    return span


def _with_scale(text: str, start: int, end: int, value: float) -> NumberSpan:
    scale_match = _SCALE_RE.match(text, end)
    if scale_match is None:
        return NumberSpan(text[start:end], start, end, value)
    scale = SCALES[scale_match.group("scale").lower()]
    end = scale_match.end()
    return NumberSpan(text[start:end], start, end, scaled(value, scale), scale)


def scaled(value: float, scale: int) -> float:
    """``value * scale`` without binary rounding noise: scaled(16.4, 10**6) == 16400000.0."""
    return float(Decimal(repr(value)) * scale)


def _digits_value(digits: str) -> float | None:
    integer, _, fraction = digits.partition(",")
    integer = "".join(ch for ch in integer if ch.isdigit())
    if len(integer) > _MAX_DIGITS or (len(integer) > 1 and integer[0] == "0"):
        return None
    return float(f"{integer}.{fraction}" if fraction else integer)


def _word_value(word: str) -> float | None:
    """A single lower-case number word, fractions included."""
    if word in ("anderthalb", "einundhalb"):
        return 1.5
    if word == "dreiviertel":
        return 0.75
    if word.endswith("einhalb") and len(word) > 7:
        whole = _word_integer(word[:-7])
        return None if whole is None else whole + 0.5
    value = _word_integer(word)
    return None if value is None else float(value)


def _word_integer(word: str) -> int | None:
    """A single lower-case number word below one million ("dreihundertvierzig"), or None."""
    if word == "null":
        return 0
    tokens = _tokenize(word)
    if not tokens:
        return None
    kinds = [kind for kind, _ in tokens]
    if kinds.count("tausend") > 1:
        return None
    if "tausend" not in kinds:
        return _below_thousand(tokens)
    cut = kinds.index("tausend")
    high = _below_thousand(tokens[:cut]) if cut else 1
    low = _below_thousand(tokens[cut + 1:]) if cut + 1 < len(tokens) else 0
    return None if high is None or low is None else high * 1000 + low


def _tokenize(word: str) -> list[tuple[str, int]] | None:
    tokens, pos = [], 0
    while pos < len(word):
        match = _MORPHEME_RE.match(word, pos)
        if match is None:
            return None
        tokens.append(_MORPHEMES[match.group()])
        pos = match.end()
    return tokens


def _below_thousand(tokens: list[tuple[str, int]]) -> int | None:
    """1..999 from tokens: [unit] hundert, then unit | teen | tens | unit und tens."""
    kinds = [kind for kind, _ in tokens]
    hundreds = 0
    if "hundert" in kinds:
        cut = kinds.index("hundert")
        if cut > 1 or (cut == 1 and kinds[0] != "unit"):
            return None
        hundreds = (tokens[0][1] if cut else 1) * 100
        tokens, kinds = tokens[cut + 1:], kinds[cut + 1:]
    if kinds in ([], ["und"]) and hundreds:
        return hundreds if not kinds else None
    if kinds in (["unit"], ["teen"], ["tens"]):
        return hundreds + tokens[0][1]
    if kinds == ["unit", "und", "tens"]:
        return hundreds + tokens[0][1] + tokens[2][1]
    return None
