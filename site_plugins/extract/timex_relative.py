"""Patterns of timex for expressions relative to the publication date: "gestern", "am Freitag",
"vergangene Woche", "Anfang dieses Jahres", "vor zwei Jahren", "in der ersten Juliwoche"."""
from __future__ import annotations

import re

from .timex_lexicon import (CARDINAL_RE, DAYTIME_RE, MODIFIER_RE, MODIFIER_SHIFTS, MONTH_RE,
                            ORDINAL_WORD_RE, PART_RE, WEEKDAY_RE, WEEKDAYS, cardinal_value,
                            modifier_mode, month_number, ordinal_value)
from .timex_resolve import Spec
from .timex_rules import Mention, _part, _prefix, _year

WD = f"(?:{WEEKDAY_RE})"
MON = f"(?:{MONTH_RE})"

DAY_WORDS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
DAY_ADJECTIVES = {"vorgestrigen": -2, "gestrigen": -1, "heutigen": 0, "morgigen": 1}

DAY_WORD = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:bis|seit|ab|von|für)\s+)?
    (?<![\w-])(?P<w>vorgestern|gestern|heute|morgen|übermorgen|Vorgestern|Gestern|Heute|Morgen|Übermorgen)(?![\w-])
    (?:\s(?P<tod>früh|{DAYTIME_RE}|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)(?![\w-]))?
""", re.VERBOSE)


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip()
    return not before or before[-1] in ".!?:\"„“»«\n"


def day_word(m: re.Match, text: str) -> Mention | None:
    word = m.group("w")
    if word == "Morgen" and not _sentence_start(text, m.start("w")):
        return None  # "am Morgen", "Guten Morgen": the morning, not tomorrow
    spec = Spec("rel", unit="day", shift=DAY_WORDS[word.lower()])
    return Mention(m.start(), m.end(), spec, _prefix(m), "day")


DAY_ADJECTIVE = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:am|seit\s+dem|bis\s+zum|vom)\s+)
    (?P<adj>vorgestrigen|gestrigen|heutigen|morgigen)\s(?:{WD}(?:{DAYTIME_RE})?|Tag|Tage)(?![\w])
""", re.VERBOSE)


def day_adjective(m: re.Match, text: str) -> Mention | None:
    spec = Spec("rel", unit="day", shift=DAY_ADJECTIVES[m.group("adj")])
    return Mention(m.start(), m.end(), spec, _prefix(m), "day")


WEEKDAY = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:in\s+der\s+Nacht\s+(?:zum|zu|auf\s+den|auf)|bis\s+zum|seit\s+dem|ab\s+dem|an\s+dem|am|vom|bis|zum|ab|seit|von|für)\s+)?
    (?:(?P<mod>{MODIFIER_RE})\s+)?
    (?:(?i:frühen|späten)\s+)?
    (?<![\w])(?P<wd>{WD})(?:{DAYTIME_RE})?(?![\w])
    (?:\s(?:(?i:der|in\s+der)\s+)?(?P<wmod>{MODIFIER_RE})\sWoche(?![\w])
      | \s(?i:in)\s(?P<n>\d{{1,2}}|{CARDINAL_RE})\sWochen(?![\w]))?
""", re.VERBOSE)


def weekday(m: re.Match, text: str) -> Mention | None:
    pre, day = _prefix(m), WEEKDAYS[m.group("wd")]
    mod = modifier_mode(m.group("mod") or "")
    if m.group("wmod"):
        week = Spec("rel", unit="week", shift=MODIFIER_SHIFTS[modifier_mode(m.group("wmod"))])
        spec = Spec("within", outer=week, inner=Spec("weekday", weekday=day))
    elif m.group("n"):
        week = Spec("rel", unit="week", shift=cardinal_value(m.group("n")))
        spec = Spec("within", outer=week, inner=Spec("weekday", weekday=day))
    elif mod in ("last2", "next2"):
        week = Spec("rel", unit="week", shift=MODIFIER_SHIFTS[mod])
        spec = Spec("within", outer=week, inner=Spec("weekday", weekday=day))
    else:
        mode = {None: "auto"}.get(mod, mod)
        if mode == "auto" and pre in ("für", "ab"):
            mode = "future"  # "Für Freitag ruft die Gewerkschaft auf", "streiken ab Donnerstag"
        spec = Spec("weekday", weekday=day, mode=mode)
    if pre.startswith("in der nacht"):
        spec = Spec("night", inner=spec)
    weak = not (pre or mod or m.group("wmod") or m.group("n"))
    return Mention(m.start(), m.end(), spec, pre, "weekday", weak=weak)


REL_UNITS = {"Woche": "week", "Wochenende": "weekend", "Wochenendes": "weekend", "Monat": "month",
             "Monats": "month", "Monates": "month", "Jahr": "year", "Jahres": "year", "Jahrs": "year",
             "Quartal": "quarter", "Quartals": "quarter", "Quartales": "quarter", "Halbjahr": "half",
             "Halbjahres": "half", "Halbjahrs": "half",
             # a fiscal year is read as the calendar year, as in "im Geschäftsjahr 2024"
             "Geschäftsjahr": "year", "Geschäftsjahres": "year", "Geschäftsjahrs": "year"}

RELATIVE = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:im\s+Laufe|im\s+Lauf|im\s+Verlauf|bis\s+zum|über\s+das|in\s+der|seit|bis|ab|von|vom|zum|im|am|an|in|für|übers|gegen)\s+)?
    (?:(?P<part>{PART_RE}|(?i:Rest))\s+)?
    (?:(?P<art>(?i:der|des|dem|das|die))\s+)?
    (?:(?P<mod>{MODIFIER_RE})\s+)?
    (?<![\w])(?P<unit>Wochenendes|Wochenende|Woche|Monates|Monats|Monat|Geschäftsjahres|Geschäftsjahrs|Geschäftsjahr
      |Jahres|Jahrs|Jahr|Quartales|Quartals|Quartal
      |Halbjahres|Halbjahrs|Halbjahr)(?![\w])
    (?:\s(?:(?i:am)\s)?(?P<wd>{WD})(?:{DAYTIME_RE})?(?![\w]))?
""", re.VERBOSE)


def relative(m: re.Match, text: str) -> Mention | None:
    pre, part, unit = _prefix(m), _part(m), REL_UNITS[m.group("unit")]
    mode = modifier_mode(m.group("mod") or "")
    in_course = pre.startswith("im lauf") or pre.startswith("im verlauf")
    weekend_word = unit == "weekend" and pre in ("am", "übers", "über das", "zum", "bis zum", "an", "seit", "ab")
    if not (mode or (part and m.group("art")) or (in_course and m.group("art")) or weekend_word):
        return None
    start, end = m.start(), m.end()
    if m.group("art") and not (pre or part):
        start = m.start("mod")  # "die nächste Woche": the article is not part of the expression
    if m.group("wd") and unit != "week":
        end = m.end("unit")
    if unit == "weekend":
        if part:
            return None
        mode_word = {"this": "this", "last": "last", "next": "next"}.get(mode, "auto")
        spec = Spec("weekend", mode=mode_word)
        if mode in ("last2", "next2"):
            spec = Spec("within", outer=Spec("rel", unit="week", shift=MODIFIER_SHIFTS[mode]), inner=Spec("weekend"))
        return Mention(start, end, spec, pre, "weekend")
    spec = Spec("rel", unit=unit, shift=MODIFIER_SHIFTS[mode] if mode else 0, part=part)
    if m.group("wd") and unit == "week":
        spec = Spec("within", outer=spec, inner=Spec("weekday", weekday=WEEKDAYS[m.group("wd")]))
        return Mention(start, end, spec, pre, "weekday")
    return Mention(start, end, spec, pre, unit)


OFFSET = re.compile(rf"""
    (?<![\w])(?P<dir>(?i:vor|in))\s(?:(?i:gut|knapp|rund|etwa|genau|fast)\s)?
    (?P<n>\d{{1,2}}|{CARDINAL_RE})\s
    (?P<unit>Tagen|Tag|Wochen|Woche|Monaten|Monat|Jahren|Jahr|Quartalen|Quartal)(?![\w])
""", re.VERBOSE)

OFFSET_UNITS = {"Tag": "day", "Tagen": "day", "Woche": "week", "Wochen": "week", "Monat": "month",
                "Monaten": "month", "Jahr": "year", "Jahren": "year", "Quartal": "quarter",
                "Quartalen": "quarter"}


def offset(m: re.Match, text: str) -> Mention | None:
    number = cardinal_value(m.group("n"))
    future = m.group("dir").lower() == "in"
    if number is None or number == 0:
        return None
    if future and re.match(r"\s?,\s?(?:in\s)?(?:dem|der|denen|welchem|welcher)\b", text[m.end():m.end() + 20]):
        return None  # "in einem Jahr, in dem ...": a relative clause, not a point in time
    unit = OFFSET_UNITS[m.group("unit")]
    spec = Spec("rel", unit=unit, shift=number if future else -number)
    return Mention(m.start(), m.end(), spec, m.group("dir").lower(), unit, point_in_future=future)


WEEK_OF_MONTH = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:in\s+der|seit\s+der|ab\s+der|bis\s+zur|der|die)\s+)?
    (?P<ord>{ORDINAL_WORD_RE}|(?i:letzte[nmrs]?)|[1-5]\.)\s?
    (?:Woche\s(?i:im|des|vom)\s(?:(?P<mon>{MON})(?:\s(?P<y>\d{{4}})(?![\d]))?|(?P<monat>Monats))
      | (?P<mon2>{MON})woche(?:\s(?P<y2>\d{{4}})(?![\d]))?)(?![\w])
""", re.VERBOSE)


def week_of_month(m: re.Match, text: str) -> Mention | None:
    word = m.group("ord").lower()
    index = -1 if word.startswith("letzt") else ordinal_value(word)
    if index is None or not (index == -1 or 1 <= index <= 5):
        return None
    name = m.group("mon") or m.group("mon2")
    spec = Spec("week_of_month", year=_year(m.group("y") or m.group("y2")),
                month=month_number(name) if name else None, index=index)
    return Mention(m.start(), m.end(), spec, _prefix(m), "week")


CALENDAR_WEEK = re.compile(r"""
    (?<![\w])(?P<pre>(?i:in\s+der|seit\s+der|ab\s+der|bis\s+zur|ab|bis|seit)\s+)?
    (?<![\w])(?:KW|Kalenderwoche)\s?(?P<n>\d{1,2})(?:\s?/\s?(?P<y>\d{4})|\s(?P<y2>\d{4}))?(?![\d])
""", re.VERBOSE)


def calendar_week(m: re.Match, text: str) -> Mention | None:
    number = int(m.group("n"))
    if not 1 <= number <= 53:
        return None
    spec = Spec("isoweek", year=_year(m.group("y") or m.group("y2")), index=number)
    return Mention(m.start(), m.end(), spec, _prefix(m), "week")
