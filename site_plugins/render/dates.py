"""Dates and intervals as a reader expects them, per language, with babel (CLDR)."""
from __future__ import annotations

import calendar
from datetime import date

from babel.dates import format_date, format_interval, format_skeleton

from ..model import PubDate

# parts of a month as newspapers name them, by day range
MONTH_PARTS = {"de": ("Anfang", "Mitte", "Ende"), "en": ("early", "mid", "late")}


def format_day(day: date, lang: str) -> str:
    return format_date(day, "long", locale=lang)


def format_pubdate(pub: PubDate, lang: str) -> str:
    if pub.precision == "day":
        return format_day(pub.earliest, lang)
    if pub.precision == "month":
        return format_skeleton("yMMMM", pub.earliest, locale=lang)
    return str(pub.year)


def format_span(earliest: date, latest: date, lang: str) -> str:
    """'31. Januar 2025', 'Januar 2025', 'Ende Januar 2025', '2024', '1. Quartal 2025' or a range."""
    if earliest == latest:
        return format_day(earliest, lang)
    last_of_month = calendar.monthrange(latest.year, latest.month)[1]
    if earliest.year == latest.year:
        if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31):
            return str(earliest.year)
        whole_months = earliest.day == 1 and latest.day == last_of_month
        if whole_months and earliest.month == latest.month:
            return format_skeleton("yMMMM", earliest, locale=lang)
        if whole_months and earliest.month % 3 == 1 and latest.month == earliest.month + 2:
            return format_skeleton("yQQQQ", earliest, locale=lang)
        part = month_part(earliest, latest)
        if part is not None:
            name = MONTH_PARTS[lang][part]
            return f"{name} {format_skeleton('yMMMM', earliest, locale=lang)}"
        if whole_months:
            return format_interval(earliest, latest, "yMMM", locale=lang)
    return format_interval(earliest, latest, "yMMMd", locale=lang)


def month_part(earliest: date, latest: date) -> int | None:
    """0, 1, 2 for the early, middle or late part of one month (days 1-10, 11-20, 21-end)."""
    if (earliest.year, earliest.month) != (latest.year, latest.month):
        return None
    last = calendar.monthrange(latest.year, latest.month)[1]
    for index, (first_day, last_day) in enumerate(((1, 10), (11, 20), (21, last))):
        if (earliest.day, latest.day) == (first_day, last_day):
            return index
    return None


def iso_span(earliest: date, latest: date) -> str:
    """The value of <time datetime>: a day, a month, a year, or the first day of a range."""
    if earliest == latest:
        return earliest.isoformat()
    last = calendar.monthrange(latest.year, latest.month)[1]
    if (earliest.year, earliest.month, earliest.day) == (latest.year, latest.month, 1) and latest.day == last:
        return f"{earliest.year:04d}-{earliest.month:02d}"
    if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31) and earliest.year == latest.year:
        return f"{earliest.year:04d}"
    return earliest.isoformat()
