"""Checks on one German segment and its English translation.

Each check returns `Problem`s; an empty list means the pair passed. The checks look for what a
reviewer would miss at a glance: a changed number, a dropped name, a lost quotation or clause,
English that is empty or still German. They never raise: a check that cannot decide stays quiet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .check_names import name_problems
from .check_values import Value, english_values, german_values, unmatched


@dataclass(frozen=True)
class Problem:
    kind: str  # number, name, quote, glossary, empty, untranslated, length (input: batch only)
    detail: str


# Character length of English / German without amounts, calibrated on the 117 pairs of
# tests/data/check_pairs.jsonl that are long enough (mean 0.91, extremes 0.65 and 1.35).
LENGTH_BAND = (0.62, 1.45)
LENGTH_MIN_CHARS = 50  # shorter sentences vary too much in length to say anything

_DE_FUNCTION_WORDS = frozenset(
    "der die das den dem des und nicht mit ist sind ein eine einen einem einer eines auf für "
    "von zu im ins vom zum zur sich auch auf als nach bei wird werden wurde hat haben noch "
    "aber oder wie dass es sie er wir ihr ihre sein seine aus über unter dieser diese dieses "
    "schon mehr nur wenn dann um durch gegen ohne sei war".split())
_EN_FUNCTION_WORDS = frozenset(
    "the and of to in is are a an that for with on as was were be by it at from this has have "
    "not or but its their his her which will would been also into than after about".split())
_WORD = re.compile(r"[^\W\d_]+")


def check_pair(de: str, en: str, *, names: Iterable[tuple[str, str]] = (),
               glossary: Any = None) -> list[Problem]:
    """Problems of the English `en` as a translation of the German `de`."""
    de, en = str(de or ""), str(en or "")
    if not de.strip():
        return [Problem("empty", "German is empty")] if en.strip() else []
    if not en.strip():
        return [Problem("empty", "English is empty")]
    untranslated = _untranslated(de, en)
    if untranslated:
        return [untranslated]  # German text: every other check would only repeat this
    problems = _number_problems(de, en)
    problems += [Problem("name", detail) for detail in name_problems(de, en, names)]
    problems += _quote_problems(de, en)
    problems += _length_problems(de, en)
    if glossary is not None:
        problems += _glossary_problems(de, en, glossary)
    return problems


def check_batch_line(obj: Any) -> dict:
    """`{"id", "de", "en"}` -> `{"id", "problems": [{"kind", "detail"}]}`; never raises."""
    ident = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(obj, dict):
        return _input_problem(ident, f"expected a JSON object, found {type(obj).__name__}")
    for key in ("de", "en"):
        if not isinstance(obj.get(key), str):
            found = type(obj.get(key)).__name__ if key in obj else "nothing"
            return _input_problem(ident, f"expected a string in {key!r}, found {found}")
    try:
        problems = check_pair(obj["de"], obj["en"])
    except Exception as error:  # noqa: BLE001 - a batch must go on; report, don't swallow
        return _input_problem(ident, f"check failed: {type(error).__name__}: {error}")
    return {"id": ident, "problems": [{"kind": p.kind, "detail": p.detail} for p in problems]}


def _input_problem(ident: Any, detail: str) -> dict:
    return {"id": ident, "problems": [{"kind": "input", "detail": detail}]}


def _untranslated(de: str, en: str) -> Problem | None:
    words = [w.lower() for w in _WORD.findall(en)]
    german = sum(w in _DE_FUNCTION_WORDS for w in words)
    english = sum(w in _EN_FUNCTION_WORDS for w in words)
    if german >= 2 and german > 2 * english:
        return Problem("untranslated", f"English looks German ({german} German function words, "
                                       f"{english} English)")
    return None


def _number_problems(de: str, en: str) -> list[Problem]:
    left_de, left_en = unmatched(german_values(de), english_values(en))
    # weak values (number words, ordinals, fractions) count only against another mismatch
    strong = any(v.strong for v in left_de + left_en)
    if not strong and not (left_de and left_en):
        return []
    return ([Problem("number", f"German {_show(v)} has no match in English") for v in left_de]
            + [Problem("number", f"English {_show(v)} has no match in German") for v in left_en])


def _show(value: Value) -> str:
    return f"{value.text!r} ({_fmt(min(value.numbers))})"


def _fmt(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:g}"


_DE_OPENERS, _EN_OPENERS = "„»‚›", "“‘"


def _quote_problems(de: str, en: str) -> list[Problem]:
    de_count, en_count = _quotations(de, _DE_OPENERS), _quotations(en, _EN_OPENERS)
    if de_count == en_count:
        return []
    return [Problem("quote", f"quotations: German {de_count}, English {en_count}")]


def _quotations(text: str, openers: str) -> int:
    """Opening marks: quotes may run over several segments, so closings are not counted.
    A straight quote opens where it follows a space or starts the text ('it's' is no quote)."""
    count = 0
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        straight = char in "\"'" and not before.isalnum() and (after.isalpha() or char == '"'
                                                               and after.strip() != "")
        count += char in openers or straight
    return count


# Amounts are written far more compactly in English ("$40bn" for "40 Milliarden US-Dollar"):
# lengths are compared without them.
_AMOUNT = re.compile(
    r"[$€£]?\d[\d.,:]*\s*(?:%|(?:Mio|Mrd|Bio|Tsd)\.|[a-zA-Z]{1,2}\b|)|\b(?:Prozent(?:punkte)?|"
    r"percent(?:age points?)?|per cent|(?:US-)?Dollar|dollars?|Euro|euros?|Franken|francs?|"
    r"Millionen|Million|Milliarden|Milliarde|Billionen|Billion|millions?|billions?|"
    r"trillions?|Tausend|thousand)\b")


def _length_problems(de: str, en: str) -> list[Problem]:
    de_length, en_length = len(_AMOUNT.sub("", de)), len(_AMOUNT.sub("", en))
    if de_length < LENGTH_MIN_CHARS:
        return []
    ratio = en_length / de_length
    low, high = LENGTH_BAND
    if low <= ratio <= high:
        return []
    which = "shorter" if ratio < low else "longer"
    return [Problem("length", f"English is {ratio:.2f} times the German length, {which} than "
                              f"expected ({low}-{high}): a clause may be lost or added")]


def _glossary_problems(de: str, en: str, glossary: Any) -> list[Problem]:
    try:
        from .glossary import glossary_problems  # late: written by another module's owner
    except ImportError as error:
        return [Problem("glossary", f"glossary check unavailable: {error}")]
    return [Problem(kind, detail) for kind, detail in glossary_problems(de, en, glossary)]
