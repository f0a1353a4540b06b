"""Calendar arithmetic for timex: spans of months, quarters, halves, seasons and weeks, the parts
of a period ("Anfang", "Mitte", "Ende", "Rest") and the choice among yearly instances. The rules
are listed in timex_resolve."""
from __future__ import annotations

import calendar
from datetime import date, timedelta


class NeedsAnchor(Exception):
    """The expression is relative and no publication date was given."""


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + months
    return total // 12, total % 12 + 1


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, first_month: int, count: int) -> tuple[date, date]:
    last_year, last_month = add_months(year, first_month, count - 1)
    return date(year, first_month, 1), month_span(last_year, last_month)[1]


def week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def unit_span(unit: str, year: int, index: int) -> tuple[date, date]:
    """The index-th month/quarter/half/season of a year (1-based; seasons 0-based)."""
    if unit == "month":
        return month_span(year, index)
    if unit == "quarter":
        return months_span(year, 3 * index - 2, 3)
    if unit == "half":
        return months_span(year, 6 * index - 5, 6)
    if unit == "season":
        return months_span(year, (3, 6, 9, 12)[index], 3)
    raise ValueError(unit)


def apply_part(span: tuple[date, date], unit: str, part: str | None, anchor: date | None) -> tuple[date, date]:
    first, last = span
    if not part:
        return span
    if part == "rest":
        if anchor is None:
            raise NeedsAnchor
        return max(first, min(anchor, last)), last
    third = ("anfang", "mitte", "ende").index(part)
    if unit in ("week", "weekend"):
        offsets = ((0, 2), (1, 3), (4, 6))[third]
        return first + timedelta(days=offsets[0]), first + timedelta(days=offsets[1])
    if unit == "month":
        days = ((1, 10), (11, 20), (21, last.day))[third]
        return first.replace(day=days[0]), first.replace(day=days[1])
    if unit in ("quarter", "season", "half", "year"):
        size = {"quarter": 1, "season": 1, "half": 2, "year": 4}[unit]
        year, month = add_months(first.year, first.month, third * size)
        return months_span(year, month, size)
    if unit in ("decade", "century"):
        ranges = {"decade": ((0, 3), (4, 6), (7, 9)), "century": ((0, 32), (33, 65), (66, 99))}[unit][third]
        return date(first.year + ranges[0], 1, 1), date(first.year + ranges[1], 12, 31)
    return span


def choose(instances: list[tuple[date, date]], anchor: date, mode: str) -> tuple[date, date]:
    """Pick one of several candidate intervals (sorted by time) by the rules in the docstring."""
    if mode == "last":
        found = [i for i in instances if i[1] < anchor]
        return found[-1]
    if mode == "next":
        return next(i for i in instances if i[0] > anchor)
    if mode == "past":
        found = [i for i in instances if i[0] <= anchor]
        return found[-1]
    if mode == "future":
        return next(i for i in instances if i[1] >= anchor)
    containing = [i for i in instances if i[0] <= anchor <= i[1]]
    if containing:
        return containing[0]

    def distance(span: tuple[date, date]) -> tuple[int, int]:
        gap = (span[0] - anchor).days if span[0] > anchor else (anchor - span[1]).days
        return gap, abs(span[0].year - anchor.year)
    if mode == "this":
        same_year = [i for i in instances if i[0].year == anchor.year]
        return min(same_year or instances, key=distance)
    return min(instances, key=distance)


def divmod_index(year: int, zero_based: int, per_year: int) -> tuple[int, int]:
    extra, index = divmod(zero_based, per_year)
    return year + extra, index + 1
