"""The German patterns of timex: one compiled regex per kind of expression, and a handler that
turns a match into a `Mention` (span, governing preposition, meaning) or rejects it.

Every pattern is compiled once at import. They are linear: alternations of fixed words,
optional groups and bounded repeats only, never a quantifier inside a quantified group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .timex_lexicon import (DECADE_WORD_RE, DECADE_WORDS, MODIFIER_RE, MODIFIER_SHIFTS,
                            MONTH_ABBR_RE, MONTH_RE, MONTHS, ORDINAL_WORD_RE, PART_RE, SEASON_RE,
                            SEASONS, WEEKDAY_ABBR_RE, WEEKDAY_RE, modifier_mode, month_number,
                            ordinal_value)
from .timex_resolve import Spec


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    spec: Spec
    prefix: str = ""  # the governing preposition, lower case, single spaces ("vom", "bis zum")
    family: str = ""  # day, weekday, month, year, ... for lists and ranges
    weak: bool = False  # kept only next to a mention of the same family ("am Montag und Dienstag")
    point_in_future: bool = False  # "in zwei Wochen": a duration in a past-tense sentence


MON = f"(?:{MONTH_RE})"
MONA = f"(?:{MONTH_ABBR_RE})"
WD = f"(?:{WEEKDAY_RE})"
WDA = f"(?:{WEEKDAY_ABBR_RE})"
DAY_PREP = (r"(?i:bis\s+zum|zwischen\s+dem|zwischen\s+den|ab\s+dem|seit\s+dem|an\s+dem|am|vom|von|"
            r"bis|zum|ab|seit|den|dem|zwischen)")
PERIOD_PREP = r"(?i:bis\s+zum|bis\s+in\s+den|seit|bis|ab|von|vom|zum|im|in|zwischen|für|gegen)"
WEEKDAY_LEAD = rf"(?:(?P<wd>{WD}|{WDA})\s?,?\s+(?:(?i:den|dem)\s+)?)?"


def _prefix(m: re.Match, group: str = "pre") -> str:
    value = m.group(group) if group in m.re.groupindex else None
    return " ".join(value.lower().split()) if value else ""


def _year(value: str | None) -> int | None:
    """A written year: four digits 1000-2999, or two digits (below 50: 20xx, else 19xx)."""
    if not value:
        return None
    number = int(value)
    if len(value) == 2:
        return 2000 + number if number < 50 else 1900 + number
    return number if 1000 <= number <= 2999 else None


def _part(m: re.Match) -> str | None:
    value = m.group("part")
    if not value:
        return None
    value = " ".join(value.lower().split())
    return {"zu beginn": "anfang", "beginn": "anfang", "rest": "rest"}.get(value, value)


def _mode(word: str | None) -> str:
    mode = modifier_mode(word) if word else None
    return {"this": "this", "last": "last", "next": "next", "last2": "last", "next2": "next"}.get(mode, "auto")


# --- calendar dates ----------------------------------------------------------------------

DATE_TEXT = re.compile(rf"""
    (?<![\w])(?P<pre>{DAY_PREP}\s+)?{WEEKDAY_LEAD}
    (?<![\w.,])(?:(?P<d>\d{{1,2}})(?:\.\s?|\s)|(?P<dw>{ORDINAL_WORD_RE})\s+)
    (?P<mon>{MON}|{MONA})(?![\w])
    (?:\s(?P<y>\d{{4}})(?![\d])|\s'(?P<yy>\d{{2}})(?!\d))?
""", re.VERBOSE)


def date_text(m: re.Match, text: str) -> Mention | None:
    day = int(m.group("d")) if m.group("d") else ordinal_value(m.group("dw"))
    year = _year(m.group("y") or m.group("yy"))
    end = m.end() if year else m.end("mon")
    if not day or not 1 <= day <= 31:
        return None
    return Mention(m.start(), end, Spec("date", year=year, month=month_number(m.group("mon")), day=day),
                   _prefix(m), "day")


DATE_NUM = re.compile(rf"""
    (?<![\w])(?P<pre>{DAY_PREP}\s+)?{WEEKDAY_LEAD}
    (?<![\w.,/-])(?:
        (?P<d1>\d{{1,2}})\.\s?(?P<m1>\d{{1,2}})\.\s?(?P<y1>\d{{4}}|\d{{2}})(?![\d])
      | (?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}}|\d{{2}})(?![\d])
      | (?P<d3>\d{{1,2}})-(?P<m3>\d{{1,2}})-(?P<y3>\d{{4}}|\d{{2}})(?![\d])
      | (?P<y4>\d{{4}})-(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}})(?![\d])
      | (?P<y5>\d{{4}})[/.](?P<m5>\d{{1,2}})[/.](?P<d5>\d{{1,2}})(?![\d])
      | (?P<d6>\d{{1,2}})\.(?P<m6>\d{{1,2}})\.(?![\d])
      | (?P<d7>\d{{1,2}})[./](?P<m7>\d{{1,2}})(?![\d.,/])
    )
""", re.VERBOSE)


def date_num(m: re.Match, text: str) -> Mention | None:
    pre, weekday = _prefix(m), m.group("wd")
    for n in "1234567":
        if m.group(f"d{n}"):
            day, month, year_text = int(m.group(f"d{n}")), int(m.group(f"m{n}")), m.group(f"y{n}") if n < "6" else None
            break
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if n == "6" and not (pre or weekday) and len(m.group("d6")) + len(m.group("m6")) < 3:
        return None  # "2.1." is more often a version or a list number than a date
    if n == "7" and not (pre in ("am", "den", "vom", "bis", "bis zum", "zum", "ab", "seit") or weekday):
        return None  # "22.04" alone is a decimal number
    padded = n == "1" and len(m.group("d1")) == len(m.group("m1")) == 2  # "31.01.25", not "1.2.25"
    if n in "123" and len(year_text) == 2 and not (pre or weekday or padded):
        return None
    year = _year(year_text)
    if year_text and year is None:
        return None
    return Mention(m.start(), m.end(), Spec("date", year=year, month=month, day=day), pre, "day")


DOM_PREP = r"(?i:bis\s+zum|zwischen\s+dem|zwischen\s+den|ab\s+dem|seit\s+dem|am|vom|zum|den|dem|bis)"
DOM = re.compile(rf"""
    (?<![\w])(?P<pre>{DOM_PREP})\s+(?<![\d.])(?P<d>\d{{1,2}})\.(?=\s*(?:$|[,;:!?)\-–]|[a-zäöüß]))
  | (?<![\w.,])(?P<d2>\d{{1,2}})\.(?=\s?[-–]\s?\d{{1,2}}\.)
""", re.VERBOSE)


def dom(m: re.Match, text: str) -> Mention | None:
    day = int(m.group("d") or m.group("d2"))
    if not 1 <= day <= 31:
        return None
    return Mention(m.start(), m.end(), Spec("dom", day=day), _prefix(m), "day")


MONTH = re.compile(rf"""
    (?<![\w])(?P<pre>{PERIOD_PREP}\s+)?
    (?:(?P<part>{PART_RE})\s+)?
    (?:(?P<mod>{MODIFIER_RE})\s+)?
    (?:(?P<monat>(?i:Monat))\s+)?
    (?<![\w.])(?P<mon>{MON}|{MONA})(?![\w])
    (?:\s(?P<y>\d{{4}})(?![\d])|\s?'(?P<yy>\d{{2}})(?!\d)|\s(?P<yy2>\d{{2}})(?=\s*(?:$|[.,;:!?)])))?
""", re.VERBOSE)


def month(m: re.Match, text: str) -> Mention | None:
    name, pre, part = m.group("mon"), _prefix(m), _part(m)
    year = _year(m.group("y") or m.group("yy") or m.group("yy2"))
    if name not in MONTHS and year is None:
        return None  # abbreviations ("Jan") only with a year: "Jan" is also a first name
    end = m.end() if year else m.end("mon")
    mode = _mode(m.group("mod"))
    anchored = bool(pre or part or m.group("mod") or m.group("monat") or year)
    if not year and not part and not m.group("mod") and pre in ("", "von", "für", "gegen") \
            and re.match(r"\s[A-ZÄÖÜ]", text[end:end + 2]) and name == "August":
        return None  # "von August Diehl"
    spec = Spec("month", year=year, index=month_number(name), part=part, mode=mode)
    if modifier_mode(m.group("mod") or "") in ("last2", "next2"):
        return None
    return Mention(m.start(), end, spec, pre, "month", weak=not anchored)


MONTH_NUM = re.compile(rf"""
    (?<![\w])(?P<pre>{PERIOD_PREP}\s+)?(?<![\w.,/-])(?:
        (?P<m1>0[1-9]|1[0-2])\s{{0,2}}[./-]\s{{0,2}}(?P<y1>(?:19|20)\d\d)
      | (?P<m2>[1-9])/(?P<y2>(?:19|20)\d\d)
      | (?P<y3>(?:19|20)\d\d)(?P<sep>\s{{0,2}}[/.-]\s{{0,2}})(?P<m3>0[1-9]|1[0-2])
    )(?![\d]|[.,]\d)
""", re.VERBOSE)


def month_num(m: re.Match, text: str) -> Mention | None:
    if m.group("y3"):
        year, number = int(m.group("y3")), int(m.group("m3"))
        if "/" in m.group("sep") and number == (year + 1) % 100:
            return None  # "2011/12" is a season of two years
    else:
        year = int(m.group("y1") or m.group("y2"))
        number = int(m.group("m1") or m.group("m2"))
    return Mention(m.start(), m.end(), Spec("month", year=year, index=number), _prefix(m), "month")


# --- named periods: quarters, halves, seasons, decades, centuries --------------------------

QUARTER = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:im|in\s+der|in\s+dem|seit\s+dem|bis\s+zum|zum|ins|vom|ab\s+dem|das|des|dem|die|der)\s+)?
    (?:(?P<part>{PART_RE})\s+(?:(?i:des|der)\s+)?)?
    (?P<ord>{ORDINAL_WORD_RE}|[1-4]\.)\s?
    (?P<unit>Quartals|Quartales|Quartal|Halbjahres|Halbjahrs|Halbjahr|Jahreshälfte|Hälfte)(?![\w])
    (?:\s(?:(?P<y>\d{{4}})(?![\d])
        | (?P<thisyear>(?i:des|dieses|diesen)\s+Jahres)(?:\s(?P<y2>\d{{4}})(?![\d]))?
        | (?:(?i:des)\s+)?(?P<ymod>{MODIFIER_RE})\s+Jahres))?
""", re.VERBOSE)


def quarter(m: re.Match, text: str) -> Mention | None:
    unit_word, index = m.group("unit"), ordinal_value(m.group("ord"))
    unit = "quarter" if unit_word.startswith("Quartal") else "half"
    if index is None or not 1 <= index <= (4 if unit == "quarter" else 2):
        return None
    year = _year(m.group("y") or m.group("y2"))
    if unit_word == "Hälfte" and not (year or m.group("thisyear") or m.group("ymod")):
        return None
    pre = _prefix(m)
    if pre in ("die", "der", "des", "dem") and not (year or m.group("thisyear") or m.group("ymod")):
        return None
    spec = Spec(unit, year=year, index=index, part=_part(m))
    if not year and (m.group("thisyear") or m.group("ymod")):
        shift = MODIFIER_SHIFTS[modifier_mode(m.group("ymod"))] if m.group("ymod") else 0
        spec = Spec("within", outer=Spec("rel", unit="year", shift=shift), inner=spec)
    return Mention(m.start(), m.end(), spec, pre, unit)


QUARTER_CODE = re.compile(r"""
    (?<![\w])(?P<pre>(?i:im|seit|bis|ab|ins|das|vom)\s+)?
    (?<![\w.])(?P<q>[QH])(?P<n>[1-4])(?:\s?/\s?(?P<y>\d{4}|\d{2})|\s(?P<y2>\d{4}))?(?![\w])
""", re.VERBOSE)


def quarter_code(m: re.Match, text: str) -> Mention | None:
    unit, index = ("quarter" if m.group("q") == "Q" else "half"), int(m.group("n"))
    year = _year(m.group("y") or m.group("y2"))
    if (unit == "half" and index > 2) or not (year or _prefix(m)):
        return None  # "Audi Q3"
    return Mention(m.start(), m.end(), Spec(unit, year=year, index=index), _prefix(m), unit)


SEASON = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:bis\s+zum|bis\s+in\s+den|seit\s+dem|für\s+den|auf\s+den|über\s+den|nach\s+dem
      |vor\s+dem|im|zum|ab|vom|seit|bis|in|den|der|des|dem)\s+)?
    (?:(?P<part>{PART_RE})\s+(?:(?i:des|der)\s+)?)?
    (?:(?P<mod>{MODIFIER_RE})\s+)?
    (?P<s>{SEASON_RE})(?:s|es)?(?![\w])
    (?:\s(?P<y>\d{{4}})(?:\s?/\s?(?P<y2>\d{{4}}|\d{{2}}))?(?![\d]))?
""", re.VERBOSE)


def season(m: re.Match, text: str) -> Mention | None:
    pre, part, year = _prefix(m), _part(m), _year(m.group("y"))
    if not (part or m.group("mod") or year or pre not in ("", "den", "der", "des", "dem")):
        return None
    mode = modifier_mode(m.group("mod") or "")
    if mode in ("last2", "next2"):
        return None
    mode = _mode(m.group("mod"))
    if mode == "auto" and pre.startswith(("für", "auf")):
        mode = "future"  # "für den Herbst angekündigt", "auf den Herbst verschoben": a target ahead
    spec = Spec("season", year=year, index=SEASONS[m.group("s").lower()], part=part, mode=mode)
    return Mention(m.start(), m.end(), spec, pre, "season")


DECADE = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:bis\s+in\s+die|seit\s+den|in\s+den|Anfang\s+der|Mitte\s+der|Ende\s+der|die|den|der|seit|bis)\s+)?
    (?<![\w.])(?:(?P<num>(?:1[5-9]|20)?\d0)er(?:[-\s]?(?P<j>[Jj]ahren|[Jj]ahre))?
      | (?P<word>{DECADE_WORD_RE})(?:[-\s]?(?P<j2>[Jj]ahren|[Jj]ahre)|(?P<n>n))?)(?![\w])
""", re.VERBOSE)


def decade(m: re.Match, text: str) -> Mention | None:
    pre = _prefix(m)
    if m.group("num"):
        digits = m.group("num")
        if len(digits) == 2 and not (pre or m.group("j")):
            return None  # "90er" alone is too often something else
        start = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 30 else 2000 + int(digits))
        if len(digits) == 2 and int(digits) == 20:
            start = 1920
    else:
        if not (pre or m.group("j2") or m.group("n")):
            return None
        start = DECADE_WORDS[m.group("word").lower()]
    part = None
    for word in ("anfang", "mitte", "ende"):
        if pre.startswith(word):
            part = word
    return Mention(m.start(), m.end(), Spec("decade", year=start, part=part), pre, "decade")


CENTURY = re.compile(r"""
    (?<![\w])(?P<pre>(?i:(?:(?:bis\s+zum|bis|zum|gegen|am|seit)\s+)?(?:Anfang|Mitte|Ende)\s+des|im|seit\s+dem
      |bis\s+ins|ins|des|zum|in\s+diesem|dieses)\s+)?
    (?:(?<![\d.])(?P<c>\d{1,2})\.\s?)?Jahrhunderts?(?![\w])
""", re.VERBOSE)


def century(m: re.Match, text: str) -> Mention | None:
    """"im 19. Jahrhundert"; without a number only the current one with a part or "dieses"
    ("bis zum Ende des Jahrhunderts", "in diesem Jahrhundert"; not "die Flut des Jahrhunderts")."""
    pre = _prefix(m)
    part = next((w for w in ("anfang", "mitte", "ende") if w in pre), None)
    if m.group("c") is None:
        if not (part or pre in ("in diesem", "dieses")):
            return None
        return Mention(m.start(), m.end(), Spec("century", part=part), pre, "century")
    number = int(m.group("c"))
    if not 1 <= number <= 29:
        return None
    return Mention(m.start(), m.end(), Spec("century", index=number, part=part), pre, "century")


COMPOUND = re.compile(r"""
    (?<![\w])(?P<pre>(?i:bis\s+zum|seit\s+dem|zum|zu|am|seit|ab|bis|vor|nach)\s+)?
    (?<![\w])(?P<w>Jahresende|Jahresanfang|Jahresbeginn|Jahresmitte|Monatsende|Monatsanfang|Monatsbeginn
      |Monatsmitte|Wochenmitte|Wochenbeginn|Wochenanfang)(?![\w])(?:\s(?P<y>\d{4})(?![\d]))?
""", re.VERBOSE)


def compound(m: re.Match, text: str) -> Mention | None:
    word, year = m.group("w"), _year(m.group("y"))
    if not (m.group("pre") or year):
        return None
    unit = {"Jahr": "year", "Mona": "month", "Woch": "week"}[word[:4]]
    part = {"ende": "ende", "mitte": "mitte"}.get(word[len({"year": "Jahres", "month": "Monats", "week": "Wochen"}[unit]):], "anfang")
    if year and unit == "year":
        spec = Spec("year", year=year, part=part)
    else:
        spec = Spec("rel", unit=unit, shift=0, part=part)
    return Mention(m.start(), m.end(), spec, _prefix(m), unit)
